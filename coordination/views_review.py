"""A Beteiligung on a draft (issue 18): the KI opens it, the municipalities' liaisons, the
Kreistag members, invited external participants and – if public – anyone comment paragraph by
paragraph, the KI weighs each comment in the Abwägungstabelle and publishes it.

Rights: the KI (EDIT) opens, moderates and weighs and reads every comment, and may comment as
the KI; a liaison comments for their municipality, a Kreistag member as a member of the
Kreistag (``COMMENT_DRAFT``), each only when the Beteiligung invites their group, while it is
open; they read their own comments – and the others' where the Beteiligung says so. Everyone
else: 403.
"""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView, View

from accounts.access import DistrictMixin
from accounts.rights import Capability, Role, Scope
from concepts.models import ConceptVersion
from concepts.queries import visible_versions
from concepts.rendering import render_markdown
from core.exports import Column, csv_response, download, xlsx_response
from core.locking import StaleEditGuard
from core.privacy import access_report
from districts.models import District
from documents import pdf
from papers.services import attachment_create

from . import review_mail
from .forms_review import (
    CommentForm,
    InvitationForm,
    PublicSignupForm,
    ReviewForm,
    WeighForm,
)
from .invitations import (
    COMMENT_LIMIT_MESSAGE,
    RATE_LIMIT_MESSAGE,
    comment_limited,
    invitation_for_token,
    personal_data,
    public_signup,
    send_invitation,
    signup_limited,
)
from .models import DraftReview, ReviewComment, ReviewInvitation
from .paragraphs import anchor, paragraphs

PARTICIPATE = Capability.COMMENT_DRAFT
Moderation = ReviewComment.Moderation


def _version(request, pk) -> ConceptVersion:
    versions = visible_versions(request)
    if request.access.role == Role.COUNCIL:
        # A Kreistag invited to a Beteiligung reads the draft it is asked about.
        versions = request.district.concept.versions.filter(
            Q(pk__in=versions.values("pk")) | Q(reviews__invite_council=True)
        ).distinct()
    return get_object_or_404(versions.select_related("concept"), pk=pk)


def invited(request, review) -> bool:
    """Whether the reader's group takes part: the KI always; liaisons and Kreistag members
    when the Beteiligung invites them."""
    if _is_ki(request):
        return True
    if request.access.role == Role.COUNCIL:
        return review.invite_council
    return review.invite_liaisons


def _base_url(request) -> str:
    return request.build_absolute_uri("/")[:-1]


def shown_to_participant(comments, own: Q, review):
    """A participant's own comments, and – where the Beteiligung shows them – the others'
    that need no moderation or were released."""
    if review.comments_visible:
        return comments.filter(own | Q(moderation__in=["", Moderation.RELEASED]))
    return comments.filter(own)


def _is_ki(request) -> bool:
    return request.access.can_edit


def _review_url(review) -> str:
    return reverse(
        "coordination:review_detail",
        args=[review.version.concept.district.slug, review.version_id, review.pk],
    )


class ReviewMixin(DistrictMixin):
    capability = PARTICIPATE

    def get_review(self) -> DraftReview:
        version = _version(self.request, self.kwargs["version_pk"])
        review = get_object_or_404(
            version.reviews.prefetch_related("sections"), pk=self.kwargs["pk"]
        )
        review.version = version
        if not invited(self.request, review):
            raise PermissionDenied("Ihre Gruppe ist zu dieser Beteiligung nicht eingeladen.")
        return review

    def visible_comments(self, review):
        comments = review.comments.select_related("decided_by", "change")
        if _is_ki(self.request):
            return comments
        return shown_to_participant(comments, Q(author=self.request.user), review)


class ReviewListView(DistrictMixin, TemplateView):
    capability = PARTICIPATE
    template_name = "coordination/review_list.html"

    def get_context_data(self, **kwargs):
        version = _version(self.request, self.kwargs["version_pk"])
        return {
            **super().get_context_data(**kwargs),
            "version": version,
            "reviews": [r for r in version.reviews.all() if invited(self.request, r)],
            "today": timezone.localdate(),
            "may_open": _is_ki(self.request) and not version.is_adopted,
        }


class ReviewCreateView(DistrictMixin, FormView):
    capability = Capability.EDIT
    template_name = "form_page.html"
    form_class = ReviewForm

    def dispatch_version(self):
        self.version = _version(self.request, self.kwargs["version_pk"])
        if self.version.status != ConceptVersion.Status.IN_CONSULTATION:
            raise PermissionDenied(
                "Eine Beteiligung lässt sich nur zu einer Fassung „in Abstimmung“ eröffnen."
            )

    def get_form_kwargs(self):
        self.dispatch_version()
        return {**super().get_form_kwargs(), "version": self.version}

    def get_initial(self):
        today = timezone.localdate()
        return {"title": f"Beteiligung zu „{self.version.title}“", "opens_on": today}

    def form_valid(self, form):
        review = form.save(commit=False)
        review.version = self.version
        review.created_by = self.request.user
        review.save()
        form.save_m2m()
        count = review_mail.announce(review, base_url=_base_url(self.request))
        messages.success(
            self.request,
            f"Beteiligung „{review.title}“ eröffnet; {count} eingeladene Mitglieder "
            "(Kommunen, Kreistag) haben eine E-Mail erhalten.",
        )
        return redirect(_review_url(review))

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": f"Beteiligung zu „{self.version.title}“ eröffnen",
            "back_url": reverse(
                "coordination:reviews", args=[self.request.district.slug, self.version.pk]
            ),
            "submit_label": "Beteiligung eröffnen",
        }


def sections_in_scope(review) -> list:
    chosen = list(review.sections.all())
    sections = chosen or list(review.version.sections.all())
    return sorted(sections, key=lambda s: s.order)


def review_blocks(review, comments, district) -> list[dict]:
    """Each section in scope, paragraph by paragraph, with the given comments where their
    paragraph still stands; comments on a paragraph changed since go under "earlier"."""
    by_section: dict[int, list[ReviewComment]] = {}
    for comment in comments:
        by_section.setdefault(comment.section_id, []).append(comment)
    blocks = []
    for section in sections_in_scope(review):
        current = paragraphs(section.body)
        shown = {number: [] for number in range(1, len(current) + 1)}
        earlier = []
        for comment in by_section.get(section.pk, []):
            place = anchor(comment, current)
            (earlier if place.changed else shown[place.number]).append(comment)
        blocks.append(
            {
                "section": section,
                "paragraphs": [
                    (number, render_markdown(text, district), shown[number])
                    for number, text in enumerate(current, start=1)
                ],
                "earlier": earlier,
            }
        )
    return blocks


def paragraph_from_query(review, query) -> tuple:
    """The section in scope and the paragraph ``?abschnitt=<id>&absatz=<n>`` name, or 404."""
    wanted, number = query.get("abschnitt", ""), query.get("absatz", "")
    if not (wanted.isascii() and wanted.isdecimal() and number.isascii() and number.isdecimal()):
        raise Http404
    if len(wanted) > 12 or len(number) > 4:
        raise Http404
    section = next((s for s in sections_in_scope(review) if s.pk == int(wanted)), None)
    current = paragraphs(section.body) if section else []
    if section is None or not 1 <= int(number) <= len(current):
        raise Http404
    return section, int(number), current[int(number) - 1]


class ReviewDetailView(ReviewMixin, TemplateView):
    """The draft paragraph by paragraph, each with the comments the reader may see."""

    template_name = "coordination/review_detail.html"

    def get_context_data(self, **kwargs):
        review = self.get_review()
        blocks = review_blocks(review, self.visible_comments(review), self.request.district)
        access = self.request.access
        is_ki = _is_ki(self.request)
        return {
            **super().get_context_data(**kwargs),
            "review": review,
            "version": review.version,
            "blocks": blocks,
            "is_ki": is_ki,
            "may_comment": review.is_open()
            and (
                access.scope(PARTICIPATE) in (Scope.ANY_MUNICIPALITY, Scope.ALL)
                or access.municipality
            ),
            "pending": is_ki and review.comments.filter(moderation=Moderation.PENDING).count(),
            "today": timezone.localdate(),
        }


class CommentFormBase(FormView):
    """A comment on one paragraph (``?abschnitt=<id>&absatz=<n>``) while the Beteiligung is
    open; subclasses say whose review it is (``setup_participant``), for whom the comment is
    written (``fill``) and where to go back to (``back_url``)."""

    template_name = "coordination/review_comment.html"
    form_class = CommentForm

    def get_form_kwargs(self):
        self.setup_participant()
        if not self.review.is_open():
            raise PermissionDenied(
                f"Die Beteiligung läuft vom {self.review.opens_on:%d.%m.%Y} bis zum "
                f"{self.review.closes_on:%d.%m.%Y}; außerhalb dieser Zeit nimmt sie keine "
                "Anmerkungen an."
            )
        self.section, self.number, self.paragraph_text = paragraph_from_query(
            self.review, self.request.GET
        )
        return super().get_form_kwargs()

    def form_valid(self, form):
        if refusal := self.refusal():
            form.add_error(None, refusal)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        comment = form.save(commit=False)
        comment.review = self.review
        comment.section = self.section
        comment.section_title = self.section.title
        comment.paragraph = self.number
        comment.paragraph_text = self.paragraph_text
        self.fill(comment)
        comment.save()
        messages.success(
            self.request,
            f"Ihre Anmerkung zu „{self.section.title}“, Absatz {self.number}, ist gespeichert.",
        )
        return redirect(self.back_url() + f"#absatz-{self.section.pk}-{self.number}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form: sets up the review
        district = self.review.version.concept.district
        return {
            **context,
            "district": district,
            "review": self.review,
            "section": self.section,
            "number": self.number,
            "paragraph_html": render_markdown(self.paragraph_text, district),
            "back_url": self.back_url(),
        }

    def refusal(self) -> str:
        return ""


class CommentCreateView(ReviewMixin, CommentFormBase):
    """A liaison's comment for their municipality; the KI's (e.g. what a Facharbeitsgruppe
    said) as the KI."""

    def setup_participant(self):
        self.review = self.get_review()
        access = self.request.access
        if access.scope(PARTICIPATE) == Scope.OWN_MUNICIPALITY and access.municipality is None:
            raise PermissionDenied("Ihr Zugang ist keiner Kommune zugeordnet.")

    def fill(self, comment):
        comment.author = self.request.user
        municipality = self.request.access.municipality
        if municipality is not None:
            comment.organisation = municipality.name
        elif self.request.access.role == Role.COUNCIL:
            comment.organisation = "Mitglied des Kreistags"
        else:
            comment.organisation = "Kommunales Integrationszentrum"

    def back_url(self) -> str:
        return _review_url(self.review)


def sorted_comments(review, comments) -> list[ReviewComment]:
    """In the order of the Fassung: section, paragraph, then as written."""
    order = {s.pk: s.order for s in review.version.sections.all()}
    return sorted(comments, key=lambda c: (order.get(c.section_id, 10**6), c.paragraph, c.pk))


ABWAEGUNG_COLUMNS = [
    Column("Nr."),
    Column("Abschnitt", width=24),
    Column("Absatz"),
    Column("Text des Absatzes", width=40),
    Column("von", width=20),
    Column("Anmerkung", width=40),
    Column("Formulierungsvorschlag", width=40),
    Column("Abwägung", width=18),
    Column("Begründung", width=40),
    Column("Änderung", width=24),
]


def change_label(comment) -> str:
    change = comment.change
    if change is None:
        return ""
    when = timezone.localtime(change.history_date)
    return f"Abschnitt „{change.title}“ geändert am {when:%d.%m.%Y um %H:%M} Uhr"


def weighed_comments(review):
    """What the Abwägung weighs: every comment except those the moderation refused."""
    return review.comments.exclude(moderation=Moderation.REFUSED).select_related(
        "decided_by", "change"
    )


def abwaegung_rows(comments) -> list[list]:
    return [
        [
            number,
            c.section_title,
            c.paragraph,
            c.paragraph_text,
            c.organisation,
            c.text,
            c.proposal,
            c.get_decision_display() or "noch offen",
            c.reason,
            change_label(c),
        ]
        for number, c in enumerate(comments, start=1)
    ]


class AbwaegungView(ReviewMixin, TemplateView):
    """The Abwägungstabelle: every comment with its organisation, paragraph, decision and
    reason; ``?als=csv`` / ``?als=xlsx``. Names of persons are not in it: the municipality is
    enough (issue 18, privacy)."""

    capability = Capability.EDIT
    template_name = "coordination/review_abwaegung.html"

    def get(self, request, *args, **kwargs):
        self.review = self.get_review()
        self.comments = sorted_comments(self.review, weighed_comments(self.review))
        kind = request.GET.get("als")
        if kind == "pdf":
            return download(
                abwaegung_pdf(request, self.review, self.comments),
                filename=f"abwaegung-{self.review.pk}.pdf",
                content_type="application/pdf",
            )
        if kind in ("csv", "xlsx"):
            rows = abwaegung_rows(self.comments)
            name = f"abwaegung-{self.review.pk}"
            if kind == "xlsx":
                return xlsx_response(
                    ABWAEGUNG_COLUMNS,
                    rows,
                    filename=f"{name}.xlsx",
                    sheet_title="Abwägung",
                    title=f"Abwägungstabelle: {self.review.title}",
                )
            return csv_response(ABWAEGUNG_COLUMNS, rows, filename=f"{name}.csv")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        open_count = sum(1 for c in self.comments if not c.decision)
        return {
            **super().get_context_data(**kwargs),
            "review": self.review,
            "version": self.review.version,
            "comments": self.comments,
            "open_count": open_count,
            "publication_refusal": review_mail.publication_refusal(self.review),
            # The Vorlagen made from this Fassung that can still take an Anlage.
            "papers": [p for p in self.review.version.decision_papers.all() if not p.is_released],
        }


def abwaegung_pdf(request, review, comments) -> bytes:
    """The Abwägungstabelle as tagged PDF (PDF/UA-1, lang de) through the documents kit."""
    html = render_to_string(
        "coordination/abwaegung_pdf.html",
        {
            "district": request.district,
            "review": review,
            "version": review.version,
            "comments": comments,
            "logo_url": pdf.logo_url(request.district),
        },
    )
    return pdf.html_to_pdf(html)


class AttachAbwaegungView(ReviewMixin, View):
    """One step: the Abwägungstabelle as it stands now becomes an Anlage of a Vorlage made
    from the Fassung (a PDF frozen at this moment; weighing more later needs a new Anlage)."""

    capability = Capability.EDIT

    def post(self, request, *args, **kwargs):
        review = self.get_review()
        wanted = request.POST.get("paper", "")
        paper = None
        if wanted.isascii() and wanted.isdecimal() and len(wanted) < 12:
            paper = review.version.decision_papers.filter(pk=int(wanted)).first()
        back = reverse(
            "coordination:review_abwaegung",
            args=[request.district.slug, review.version_id, review.pk],
        )
        if paper is None:
            messages.error(request, "Bitte wählen Sie eine Vorlage zu dieser Fassung.")
            return redirect(back)
        content = ContentFile(
            abwaegung_pdf(request, review, sorted_comments(review, weighed_comments(review))),
            name=f"Abwaegungstabelle-{review.pk}.pdf",
        )
        try:
            attachment_create(
                district=request.district,
                paper=paper,
                title=f"Abwägungstabelle „{review.title}“",
                user=request.user,
                file=content,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
        messages.success(
            request, f"Die Abwägungstabelle ist nun Anlage der Vorlage {paper.reference}."
        )
        return redirect(reverse("papers:detail", args=[request.district.slug, paper.pk]))


class WeighView(StaleEditGuard, DistrictMixin, FormView):
    """The KI's Abwägung of one comment: decision and reason."""

    capability = Capability.EDIT
    template_name = "coordination/review_weigh.html"
    form_class = WeighForm

    def get_form_kwargs(self):
        self.comment = get_object_or_404(
            ReviewComment.objects.for_district(self.request.district).select_related(
                "review__version__concept__district"
            ),
            pk=self.kwargs["pk"],
        )
        if self.comment.review.published_at is not None:
            raise PermissionDenied(
                "Die Abwägung ist veröffentlicht; Entscheidungen lassen sich nicht mehr ändern."
            )
        if self.comment.moderation == Moderation.REFUSED:
            raise PermissionDenied("Diese Anmerkung wurde in der Moderation abgelehnt.")
        return {**super().get_form_kwargs(), "instance": self.comment}

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        comment = form.save(commit=False)
        comment.decided_by = self.request.user
        comment.decided_at = timezone.now()
        comment.save()
        messages.success(self.request, f"Abwägung gespeichert: {comment.get_decision_display()}.")
        review = comment.review
        return redirect(
            reverse(
                "coordination:review_abwaegung",
                args=[self.request.district.slug, review.version_id, review.pk],
            )
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "comment": self.comment}


class RemindView(ReviewMixin, View):
    """The reminder before the end, by hand (the command ``remind_reviews`` sends it on
    schedule)."""

    capability = Capability.EDIT

    def post(self, request, *args, **kwargs):
        review = self.get_review()
        try:
            count = review_mail.remind(review, base_url=_base_url(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Erinnerung an {count} Teilnehmende verschickt.")
        return redirect(_review_url(review))


class PublishView(ReviewMixin, View):
    """Publish the Abwägung once the Beteiligung has ended and every comment is weighed:
    participants then see the decisions, and each gets those on their own comments by
    e-mail."""

    capability = Capability.EDIT

    def post(self, request, *args, **kwargs):
        review = self.get_review()
        try:
            count = review_mail.publish(review, base_url=_base_url(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Die Abwägung ist veröffentlicht; {count} Teilnehmende haben die "
                "Entscheidungen zu ihren Anmerkungen per E-Mail erhalten.",
            )
        return redirect(
            reverse(
                "coordination:review_abwaegung",
                args=[request.district.slug, review.version_id, review.pk],
            )
        )


class ModerateView(DistrictMixin, View):
    """Release a public comment for the others to read, or refuse it with a reason (which its
    author sees on their page)."""

    capability = Capability.EDIT

    def post(self, request, *args, **kwargs):
        comment = get_object_or_404(
            ReviewComment.objects.for_district(request.district).select_related("review"),
            pk=kwargs["pk"],
        )
        review = comment.review
        back = _review_url(review) + f"#absatz-{comment.section_id}-{comment.paragraph}"
        action, note = request.POST.get("action"), request.POST.get("note", "").strip()
        if comment.moderation != Moderation.PENDING or action not in (
            Moderation.RELEASED,
            Moderation.REFUSED,
        ):
            messages.error(request, "Diese Anmerkung wartet nicht auf eine Freigabe.")
            return redirect(back)
        if action == Moderation.REFUSED and not note:
            messages.error(request, "Bitte nennen Sie den Grund der Ablehnung.")
            return redirect(back)
        comment.moderation = action
        comment.moderation_note = note[:300] if action == Moderation.REFUSED else ""
        comment.save(update_fields=["moderation", "moderation_note", "modified"])
        messages.success(
            request,
            "Anmerkung freigegeben." if action == Moderation.RELEASED else "Anmerkung abgelehnt.",
        )
        return redirect(back)


# --- external participants: personal links instead of accounts ------------------------------


class InvitationsView(ReviewMixin, FormView):
    """The KI invites external participants (a contact person of an actor, or a name and an
    address) and revokes invitations; each invited person gets their link by e-mail."""

    capability = Capability.EDIT
    template_name = "coordination/review_invitations.html"
    form_class = InvitationForm

    def get_form_kwargs(self):
        self.review = self.get_review()
        return {**super().get_form_kwargs(), "district": self.request.district}

    def form_valid(self, form):
        data = form.cleaned_data
        contact = data.get("contact")
        invitation = ReviewInvitation.objects.create(
            review=self.review,
            contact=contact,
            name=data["name"] or contact.name,
            email=data["email"] or contact.email,
            organisation=data["organisation"] or contact.actor.name,
            invited_by=self.request.user,
        )
        send_invitation(invitation, base_url=self.request.build_absolute_uri("/")[:-1])
        messages.success(
            self.request,
            f"{invitation.name} ({invitation.organisation}) ist eingeladen; der persönliche "
            "Link ging per E-Mail hinaus.",
        )
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "review": self.review,
            "version": self.review.version,
            "invitations": list(self.review.invitations.annotate(comment_count=Count("comments"))),
        }


class RevokeInvitationView(ReviewMixin, View):
    capability = Capability.EDIT

    def post(self, request, *args, **kwargs):
        review = self.get_review()
        invitation = get_object_or_404(review.invitations, pk=kwargs["invitation_pk"])
        if invitation.revoked_at is None:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at", "modified"])
        messages.success(
            request, f"Der Link von {invitation.name} ist widerrufen und führt nirgends mehr hin."
        )
        return redirect(
            reverse(
                "coordination:review_invitations",
                args=[request.district.slug, review.version_id, review.pk],
            )
        )


class ExternalMixin:
    """No login: the signed link names the invitation; forged, revoked or another District's
    link: 404 (the same answer as for a page that does not exist)."""

    def setup_invitation(self):
        district = get_object_or_404(District, slug=self.kwargs["district_slug"])
        invitation = invitation_for_token(district, self.kwargs["token"])
        if invitation is None:
            raise Http404
        if invitation.is_public and invitation.confirmed_at is None:
            # The link reached its owner: the address is confirmed.
            invitation.confirmed_at = timezone.now()
            invitation.save(update_fields=["confirmed_at", "modified"])
        self.district, self.invitation, self.review = district, invitation, invitation.review

    def comments(self):
        comments = self.review.comments.select_related("decided_by", "change")
        return shown_to_participant(comments, Q(invitation=self.invitation), self.review)


class ExternalReviewView(ExternalMixin, TemplateView):
    template_name = "coordination/review_external.html"

    def get(self, request, *args, **kwargs):
        self.setup_invitation()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "district": self.district,
            "review": self.review,
            "version": self.review.version,
            "invitation": self.invitation,
            "token": self.kwargs["token"],
            "blocks": review_blocks(self.review, self.comments(), self.district),
            "may_comment": self.review.is_open(),
        }


class ExternalCommentView(ExternalMixin, CommentFormBase):
    """An external participant's comment, for their organisation."""

    def setup_participant(self):
        self.setup_invitation()

    def fill(self, comment):
        comment.invitation = self.invitation
        comment.organisation = self.invitation.organisation
        if self.invitation.is_public:
            comment.moderation = Moderation.PENDING

    def refusal(self) -> str:
        return COMMENT_LIMIT_MESSAGE if comment_limited(self.request, self.invitation) else ""

    def back_url(self) -> str:
        return reverse(
            "coordination:review_external", args=[self.district.slug, self.kwargs["token"]]
        )


# --- the public variant ----------------------------------------------------------------------


class PublicReviewView(FormView):
    """The page of a public Beteiligung (no login): the draft, the released comments where the
    Beteiligung shows them, and the sign-up with a name and an address; the personal link
    arrives by e-mail and confirms it."""

    template_name = "coordination/review_public.html"
    form_class = PublicSignupForm

    def setup_review(self):
        self.district = get_object_or_404(District, slug=self.kwargs["district_slug"])
        self.review = get_object_or_404(
            DraftReview.objects.for_district(self.district)
            .filter(is_public=True)
            .select_related("version__concept")
            .prefetch_related("sections"),
            pk=self.kwargs["pk"],
        )

    def get(self, request, *args, **kwargs):
        self.setup_review()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_review()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        if signup_limited(self.request, data["email"]):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        try:
            public_signup(
                self.review,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                base_url=_base_url(self.request),
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Danke! Wir haben Ihnen einen persönlichen Link an {data['email']} geschickt. "
            "Mit ihm bestätigen Sie Ihre Adresse und schreiben Ihre Anmerkungen.",
        )
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        comments = ReviewComment.objects.none()
        if self.review.comments_visible:
            comments = shown_to_participant(
                self.review.comments.select_related("decided_by", "change"), Q(pk=None), self.review
            )
        return {
            **super().get_context_data(**kwargs),
            "district": self.district,
            "review": self.review,
            "version": self.review.version,
            "blocks": review_blocks(self.review, comments, self.district),
            "may_comment": False,
            "may_sign_up": self.review.is_open(),
        }


# --- the DSGVO functions for a participant without an account --------------------------------


class InvitationExportView(ReviewMixin, View):
    """Art. 15 DSGVO: everything held on one external or public participant, as JSON."""

    capability = Capability.EDIT

    def get(self, request, *args, **kwargs):
        review = self.get_review()
        invitation = get_object_or_404(review.invitations, pk=kwargs["invitation_pk"])
        return download(
            access_report(district=request.district, data={"Teilnahme": personal_data(invitation)}),
            filename=f"teilnahme-{invitation.pk}-auskunft.json",
            content_type="application/json",
        )


ERASED = "[gelöscht]"


class InvitationEraseView(ReviewMixin, View):
    """Art. 17 DSGVO: strike the participant's name and address (and the name where it stands
    in their comments); the link ends; the comments stay, under the organisation."""

    capability = Capability.EDIT

    def post(self, request, *args, **kwargs):
        review = self.get_review()
        invitation = get_object_or_404(review.invitations, pk=kwargs["invitation_pk"])
        name = invitation.name.strip()
        with transaction.atomic():
            for comment in invitation.comments.all():
                for attribute in ("text", "proposal", "organisation"):
                    if len(name) >= 3:
                        value = re.sub(
                            re.escape(name), ERASED, getattr(comment, attribute), flags=re.I
                        )
                        setattr(comment, attribute, value)
                comment.save(update_fields=["text", "proposal", "organisation", "modified"])
            invitation.name, invitation.email = ERASED, ""
            invitation.revoked_at = invitation.revoked_at or timezone.now()
            if invitation.organisation.strip().lower() == name.lower():
                invitation.organisation = ERASED
            invitation.save()
        messages.success(request, "Name und E-Mail-Adresse sind gelöscht; der Link ist beendet.")
        return redirect(
            reverse(
                "coordination:review_invitations",
                args=[request.district.slug, review.version_id, review.pk],
            )
        )
