"""Public pages of a District, without login, under ``/oeffentlich/<district_slug>/``.

They never set ``request.district``: that would show the workspace navigation. Nothing
unpublished is reachable from here: actors and offers need ``is_published``, contact persons
their consent, and the concept is shown only in its current adopted version.
"""

import datetime

from axes.helpers import get_client_ip_address
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, ListView, TemplateView
from django_ratelimit.core import is_ratelimited

from actors.models import Meeting
from actors.views.glossary import glossary_context
from concepts import versioning
from concepts.models import ConceptVersion
from concepts.queries import district_concept, version_in_force
from concepts.rendering import render_markdown
from coordination.models import DraftReview
from districts.models import District
from papers.models import Consultation, DecisionPaper
from papers.queries import show_as_released
from papers.responses import release_pdf_response, released_attachment_response
from papers.views_meetings import meeting_context, serve_folder

from . import directory, services
from .forms import DirectoryFilterForm, FeedbackForm

PAGE_SIZE = 20
# The date this statement was written; update it whenever the statement is reviewed
# (BITV NRW / EU 2016/2102 Anhang: "Datum der Erstellung bzw. der letzten Aktualisierung").
STATEMENT_DATE = datetime.date(2026, 11, 23)


def adopted_version(district: District) -> ConceptVersion | None:
    """The concept in force (concepts.queries.version_in_force): adopted by the Kreistag on a
    day that has come — never a draft, never a superseded one, never a decision dated later."""
    return version_in_force(district_concept(district))


class PublicMixin:
    """Resolves the District from the slug (404 if unknown); no login, no membership."""

    def dispatch(self, request, *args, **kwargs):
        self.district = get_object_or_404(District, slug=kwargs["district_slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["district"] = self.district
        return context


class StartView(PublicMixin, TemplateView):
    template_name = "public/start.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = adopted_version(self.district)
        context["actor_count"] = self.district.actors.filter(is_published=True).count()
        # Issue 18: a public Beteiligung running today invites everyone from here.
        today = timezone.localdate()
        context["public_reviews"] = list(
            DraftReview.objects.for_district(self.district).filter(
                is_public=True, opens_on__lte=today, closes_on__gte=today, published_at__isnull=True
            )
        )
        return context


class DirectoryView(PublicMixin, TemplateView):
    template_name = "public/directory.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = DirectoryFilterForm(self.request.GET or None, district=self.district)
        data = form.cleaned_data if form.is_bound and form.is_valid() else {}
        if form.is_bound and not form.is_valid():
            # Keep the valid filters; a stale or forged choice is simply ignored.
            data = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
        actors = directory.filter_actors(
            directory.listed_actors(self.district),
            municipality=data.get("gemeinde"),
            field=data.get("handlungsfeld"),
            group=data.get("zielgruppe"),
        )
        # Issue 16: counted and sliced in SQL; only the page's actors are fetched and prefetched.
        found = directory.search(actors, data.get("q", ""))
        page = Paginator(found, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            form=form,
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.paginator.num_pages > 1,
            actors=page.object_list,
            result_count=page.paginator.count,
            filtered=any(data.values()),
        )
        return context


class ActorView(PublicMixin, TemplateView):
    template_name = "public/actor.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actor"] = get_object_or_404(
            directory.published_actors(self.district), pk=self.kwargs["pk"]
        )
        return context


class GlossaryView(PublicMixin, TemplateView):
    template_name = "public/glossary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(glossary_context(self.district))
        return context


class ConceptView(PublicMixin, TemplateView):
    template_name = "public/concept.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = adopted_version(self.district)
        context["version"] = version
        if version is not None:
            context["sections"] = [
                (section, render_markdown(section.body, self.district))
                for section in version.sections.order_by("order")
            ]
            contents, context["measures_page"] = versioning.page_contents(
                version, self.request.GET.get("massnahmen")
            )
            context["contents"] = contents
            context["empty_notes"] = versioning.empty_notes(self.district, contents)
        return context


# Public forms: per sender address (behind the trusted proxy, as for the login lockout) and per
# District, counted in the cache (django-ratelimit; CACHE_URL shared by all workers).
FEEDBACK_RATES = {"ip": "5/10m", "district": "60/h"}
RATE_LIMIT_MESSAGE = (
    "Es sind gerade sehr viele Nachrichten eingegangen. Bitte versuchen Sie es in einigen "
    "Minuten noch einmal – Ihre Eingabe ist unten erhalten."
)


def feedback_limited(request, district: District) -> bool:
    """Count this post; ``True`` once a sender or the District has sent too many."""
    limited = False
    for key, rate in FEEDBACK_RATES.items():
        value = (
            (lambda group, req: get_client_ip_address(req) or "unbekannt")
            if key == "ip"
            else (lambda group, req: district.slug)
        )
        limited |= is_ratelimited(
            request, group=f"feedback-{key}", key=value, rate=rate, method="POST", increment=True
        )
    return limited


class AccessibilityView(PublicMixin, FormView):
    """Erklärung zur Barrierefreiheit with the feedback form (BITV NRW, EU 2016/2102)."""

    template_name = "public/accessibility.html"
    form_class = FeedbackForm

    def get_initial(self):
        return {"page": self.request.GET.get("seite", "")[:300]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statement_date"] = STATEMENT_DATE
        return context

    def post(self, request, *args, **kwargs):
        # Issue 15: 30 posts in 3 s sent 30 mails. Every post counts, valid or not.
        if feedback_limited(request, self.district):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, RATE_LIMIT_MESSAGE)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # A filled honeypot is a bot: answer as if all went well, store nothing.
        if not form.is_spam:
            services.feedback_submit(
                district=self.district,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                page=form.cleaned_data["page"],
                message=form.cleaned_data["message"],
                base_url=self.request.build_absolute_uri("/").rstrip("/"),
            )
        return redirect(reverse("public:thanks", kwargs={"district_slug": self.district.slug}))


class ThanksView(PublicMixin, TemplateView):
    template_name = "public/thanks.html"


# -- Released öffentlich papers (issue 6: "A released öffentlich paper is also reachable without
# login at a public URL"). Only papers whose latest release is öffentlich; the PDF is the stored
# release, byte for byte; nothing of a working copy in progress is shown.


def _public_papers(district: District):
    return DecisionPaper.objects.filter(district=district).public_released()


class PaperListView(PublicMixin, ListView):
    template_name = "public/papers.html"
    context_object_name = "papers"
    paginate_by = PAGE_SIZE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_as_released(context["papers"])
        return context

    def get_queryset(self):
        steps = Consultation.objects.select_related("meeting__committee").order_by("order")
        return _public_papers(self.district).prefetch_related(
            Prefetch("consultations", queryset=steps)
        )


class PaperView(PublicMixin, TemplateView):
    template_name = "public/paper.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paper = get_object_or_404(_public_papers(self.district), pk=self.kwargs["pk"])
        release = paper.releases.defer("pdf").first()
        context.update(
            paper=paper,
            release=release,
            consultations=list(paper.consultations.select_related("meeting__committee")),
            attachments=list(release.attachments.all()) if release else [],
        )
        return context


def paper_pdf(request, district_slug: str, pk: int):
    district = get_object_or_404(District, slug=district_slug)
    paper = get_object_or_404(_public_papers(district), pk=pk)
    return release_pdf_response(paper.releases.first())


def paper_attachment(request, district_slug: str, pk: int, attachment_pk: int):
    """An Anlage of the latest release, as it went out with it."""
    district = get_object_or_404(District, slug=district_slug)
    paper = get_object_or_404(_public_papers(district), pk=pk)
    release = paper.releases.defer("pdf").first()
    attachment = get_object_or_404(release.attachments, pk=attachment_pk)
    return released_attachment_response(attachment)


def _public_meeting(district, pk: int):
    """An öffentliche Sitzung; a nichtöffentliche one is not public at all (as in the iCal
    feed and OParl)."""
    return get_object_or_404(
        Meeting.objects.for_district(district)
        .filter(is_public=True)
        .select_related("committee__district"),
        pk=pk,
    )


class MeetingView(PublicMixin, TemplateView):
    """A meeting and its öffentlicher Teil (issue 20): no nichtöffentlich item, not even its
    title; only released öffentliche papers."""

    template_name = "public/meeting.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = _public_meeting(self.district, self.kwargs["pk"])
        context.update(meeting_context(meeting, closed=False, drafts=False))
        return context


def meeting_folder(request, district_slug: str, pk: int):
    """The öffentliche Sitzungsmappe; while the worker makes it, a page that says so."""
    district = get_object_or_404(District, slug=district_slug)
    meeting = _public_meeting(district, pk)
    response = serve_folder(request, meeting, public=True)
    if response is not None:
        return response
    return render(
        request,
        "public/meeting_folder_wait.html",
        {"district": district, "meeting": meeting},
        status=202,
    )
