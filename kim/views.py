"""The KIM pages of a District (issue 19): posts per Baustein with their sums, funding and own
share, per municipality, and the decisions that changed the number of posts.

Rights (issue 19): the KI (EDIT) edits; the Kreistag and the Land read everything; a liaison
reads the posts that work in their municipality (READ in the scope OWN_MUNICIPALITY).
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from accounts.access import DistrictMixin
from accounts.rights import LAND, Capability, Scope
from core.locking import StaleEditGuard
from core.text import fte_label
from core.views import ConfirmDeleteView

from .forms import (
    FIGURES,
    CaseFiguresGridForm,
    FindingForm,
    PostChangeForm,
    PostForm,
    SeatForm,
)
from .models import (
    DECIDED_STATES,
    KIM_COMMITTEE_KINDS,
    CaseFigures,
    CaseTopic,
    Finding,
    Post,
    PostChange,
    PostKind,
    Seat,
)
from .privacy import SHOWN, cell, quarter_flags
from .services import QuarterFigures, case_figures_save
from .summary import by_baustein, by_municipality, rates_on


def visible_posts(request):
    posts = Post.objects.for_district(request.district).select_related("municipality")
    if request.access.scope(Capability.READ) == Scope.OWN_MUNICIPALITY:
        posts = posts.filter(municipality=request.access.municipality)
    return posts


class KimView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "kim/overview.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        kinds = list(PostKind.values)
        posts = sorted(
            visible_posts(self.request),
            key=lambda p: (p.baustein, kinds.index(p.kind), p.municipality_id or 0, p.pk),
        )
        for post in posts:
            post.fte_display = fte_label(post.fte)
        changes = list(PostChange.objects.for_district(self.request.district))
        for change in changes:
            change.fte_before_display = fte_label(change.fte_before)
            change.fte_after_display = fte_label(change.fte_after)
        rates = rates_on(today)
        rows, total = by_baustein(posts, rates)
        findings = visible_findings(self.request)
        from measures.models import Measure

        kim_measures = (
            Measure.objects.for_district(self.request.district)
            .current()
            .filter(is_kim=True)
            .visible_to(self.request.access)
            .only("pk", "title", "status")
            .order_by("title")
        )
        return {
            "kim_measures": list(kim_measures),
            **super().get_context_data(**kwargs),
            "groups": kim_groups(self.request.district),
            "finding_counts": [
                (label, count)
                for value, label in Finding.State.choices
                if (count := sum(1 for f in findings if f.state == value))
            ],
            "posts": posts,
            "baustein_rows": rows,
            "total": total,
            "municipality_rows": by_municipality(posts),
            "changes": changes,
            "rates": [(kind.label, rates.get(kind.value)) for kind in PostKind],
            "today": today,
            "own_municipality_only": self.request.access.is_liaison,
        }


def kim_groups(district) -> list:
    """The Lenkungsgruppe and the Projektgruppen with their members by Rechtskreis and their
    latest and next meetings (3 queries)."""
    from actors.models import Committee

    groups = list(
        Committee.objects.for_district(district)
        .filter(kind__in=KIM_COMMITTEE_KINDS)
        .order_by("-kind", "name")  # the Lenkungsgruppe first
        .prefetch_related("meetings")
    )
    seats = Seat.objects.for_district(district).select_related("actor")
    by_group: dict[int, list] = {}
    for seat in seats:
        by_group.setdefault(seat.committee_id, []).append(seat)
    now = timezone.now()
    for group in groups:
        group.seats = by_group.get(group.pk, [])
        held = [m for m in group.meetings.all() if not m.cancelled]
        group.last_meeting = max((m for m in held if m.start <= now), default=None, key=_start)
        group.next_meeting = min((m for m in held if m.start > now), default=None, key=_start)
    return groups


def _start(meeting):
    return meeting.start


def visible_findings(request):
    """Strukturbedarfe: the KI and the Land read all; the Kreistag and the liaisons read what
    the Lenkungsgruppe decided (issue 19), a liaison those of their municipality or kreisweit."""
    access = request.access
    findings = Finding.objects.for_district(request.district).select_related(
        "municipality", "project_group", "meeting__committee"
    )
    if not (access.can_read_internal or access.role == LAND):
        findings = findings.filter(state__in=DECIDED_STATES)
    if access.scope(Capability.READ) == Scope.OWN_MUNICIPALITY:
        findings = findings.filter(
            Q(municipality=access.municipality) | Q(municipality__isnull=True)
        )
    return findings


class KimEditMixin(DistrictMixin):
    capability = Capability.EDIT
    template_name = "form_page.html"
    model = None
    form_class = None
    noun = ""

    def get_success_url(self) -> str:
        return reverse("kim:overview", args=[self.request.district.slug])

    @property
    def object(self):
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_object"):
            self._object = get_object_or_404(
                self.model.objects.for_district(self.request.district), pk=self.kwargs["pk"]
            )
        return self._object

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "district": self.request.district,
            "instance": self.object,
        }

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        with transaction.atomic():
            self._object = form.save()
        messages.success(self.request, f"{self.noun} gespeichert.")
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        heading = f"{self.noun} bearbeiten" if self.object else f"{self.noun} anlegen"
        return {
            **super().get_context_data(**kwargs),
            "heading": heading,
            "back_url": self.get_success_url(),
        }


class PostFormView(StaleEditGuard, KimEditMixin, FormView):
    model, form_class, noun = Post, PostForm, "KIM-Stelle"


class PostChangeFormView(StaleEditGuard, KimEditMixin, FormView):
    model, form_class, noun = PostChange, PostChangeForm, "Stellenbeschluss"


class SeatFormView(StaleEditGuard, KimEditMixin, FormView):
    model, form_class, noun = Seat, SeatForm, "Mitglied"


class FindingFormView(StaleEditGuard, KimEditMixin, FormView):
    model, form_class, noun = Finding, FindingForm, "Strukturbedarf"

    def get_success_url(self) -> str:
        if self.object:
            return reverse("kim:finding_detail", args=[self.request.district.slug, self.object.pk])
        return reverse("kim:findings", args=[self.request.district.slug])

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "intro": (
                "Ein Strukturbedarf beschreibt eine Lücke zwischen den Rechtskreisen, die das "
                "Case Management sieht – ohne Namen und ohne Einzelfall. Die Schritte folgen "
                "aufeinander: Projektgruppe, Lösungsvorschlag, Beschluss der Lenkungsgruppe in "
                "einer Sitzung, die stattgefunden hat, Umsetzung."
            ),
        }


class FindingBoardView(DistrictMixin, TemplateView):
    """The board of Strukturbedarfe: one column per state (issue 19)."""

    capability = Capability.READ
    template_name = "kim/findings.html"

    def get_context_data(self, **kwargs):
        findings = list(visible_findings(self.request))
        columns = [
            (value, label, [f for f in findings if f.state == value])
            for value, label in Finding.State.choices
        ]
        if not (self.request.access.can_read_internal or self.request.access.role == LAND):
            columns = [column for column in columns if column[0] in DECIDED_STATES]
        return {**super().get_context_data(**kwargs), "columns": columns}


class FindingDetailView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "kim/finding_detail.html"

    def get_context_data(self, **kwargs):
        finding = get_object_or_404(visible_findings(self.request), pk=self.kwargs["pk"])
        history = []
        if self.request.access.can_read_internal:  # who changed it: staff names, internal
            history = list(finding.history.select_related("history_user").order_by("-history_date"))
        return {
            **super().get_context_data(**kwargs),
            "finding": finding,
            "history": history,
        }


class KimDeleteView(DistrictMixin, ConfirmDeleteView):
    capability = Capability.EDIT
    back_url_name = "kim:overview"
    model = None

    def get_object(self):
        return get_object_or_404(
            self.model.objects.for_district(self.request.district), pk=self.kwargs["pk"]
        )

    def delete(self, obj) -> None:
        obj.delete()


class PostDeleteView(KimDeleteView):
    model = Post

    def texts(self, post) -> dict:
        return {
            "heading": f"KIM-Stelle „{post}“ löschen",
            "question": f"Soll „{post}“ ({fte_label(post.fte)} VZÄ) gelöscht werden?",
        }

    def deleted_message(self, post) -> str:
        return f"KIM-Stelle „{post}“ gelöscht."


class PostChangeDeleteView(KimDeleteView):
    model = PostChange

    def texts(self, change) -> dict:
        return {
            "heading": "Stellenbeschluss löschen",
            "question": f"Soll der Stellenbeschluss „{change.decision}“ gelöscht werden?",
        }

    def deleted_message(self, change) -> str:
        return f"Stellenbeschluss „{change.decision}“ gelöscht."


class SeatDeleteView(KimDeleteView):
    model = Seat

    def texts(self, seat) -> dict:
        return {
            "heading": "Mitglied entfernen",
            "question": f"Soll „{seat.actor}“ nicht mehr Mitglied von „{seat.committee}“ sein?",
        }

    def deleted_message(self, seat) -> str:
        return f"„{seat.actor}“ ist nicht mehr Mitglied von „{seat.committee}“."


class FindingDeleteView(KimDeleteView):
    model = Finding
    back_url_name = "kim:findings"

    def texts(self, finding) -> dict:
        return {
            "heading": f"Strukturbedarf „{finding}“ löschen",
            "question": f"Soll der Strukturbedarf „{finding}“ gelöscht werden?",
        }

    def deleted_message(self, finding) -> str:
        return f"Strukturbedarf „{finding}“ gelöscht."


# --- case figures -----------------------------------------------------------------------------

# KIM is funded since 2020 (DOMAIN.md: "Since 2020 every one of the 54 … runs the KIM"); a year
# before it, or after this one, is a typo, not a quarter with cases (a typo such as 2062 would
# otherwise become the "latest quarter" in the Land's table).
FIRST_YEAR = 2020


def open_years() -> range:
    """The years figures may be entered and read for: 2020 up to this year."""
    return range(FIRST_YEAR, timezone.localdate().year + 1)


def _figures(district, year, municipalities=None):
    figures = (
        CaseFigures.objects.for_district(district)
        .filter(year=year)
        .select_related("municipality")
        .prefetch_related("topics")
    )
    if municipalities is not None:
        figures = figures.filter(municipality__in=municipalities)
    return figures


class CaseFiguresView(DistrictMixin, TemplateView):
    """The case figures of a year, per quarter and municipality; outside the KI small counts
    read "< 5" (kim/privacy.py)."""

    capability = Capability.READ
    template_name = "kim/case_figures.html"

    def get_context_data(self, **kwargs):
        district, access = self.request.district, self.request.access
        year = self.request.GET.get("jahr", "")
        year = int(year) if year.isascii() and year.isdecimal() and len(year) == 4 else None
        year = year if year in open_years() else timezone.localdate().year
        exact = access.can_read_internal
        municipalities = None
        if access.scope(Capability.READ) == Scope.OWN_MUNICIPALITY:
            municipalities = [access.municipality]
        topics = list(CaseTopic.objects.for_district(district))
        # Hidden cells are worked out over all municipalities (as the Sachbericht does), then a
        # liaison sees their own row.
        by_quarter = {q: [] for q in range(1, 5)}
        for figures in _figures(district, year):
            by_quarter[figures.quarter].append(figures)
        quarters = {q: [] for q in range(1, 5)}
        examples = False
        for quarter, rows in by_quarter.items():
            flags = quarter_flags(rows, topics)
            for figures in rows:
                if municipalities is not None and figures.municipality not in municipalities:
                    continue
                examples = examples or figures.is_example
                values, row_flags = flags[figures.municipality_id]
                if exact:
                    row_flags = [SHOWN] * len(values)
                quarters[quarter].append(
                    {
                        "municipality": figures.municipality.name,
                        "cells": [cell(v, f) for v, f in zip(values, row_flags, strict=True)],
                    }
                )
        return {
            **super().get_context_data(**kwargs),
            "year": year,
            "years": open_years(),
            "topics": topics,
            "quarters": list(quarters.items()),
            "exact": exact,
            "examples": examples,
        }


class CaseFiguresGridView(DistrictMixin, FormView):
    """Enter one quarter's figures for every municipality at once; all or nothing."""

    capability = Capability.EDIT
    template_name = "kim/case_figures_grid.html"
    form_class = CaseFiguresGridForm

    def dispatch(self, request, *args, **kwargs):
        self.year, self.quarter = kwargs["year"], kwargs["quarter"]
        if not (self.year in open_years() and 1 <= self.quarter <= 4):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        district = self.request.district
        self.topics = CaseTopic.for_district(district)
        stored = _figures(district, self.year).filter(quarter=self.quarter)
        return {
            **super().get_form_kwargs(),
            "municipalities": list(district.municipalities.order_by("name")),
            "topics": self.topics,
            "stored": {f.municipality_id: f for f in stored},
        }

    def form_valid(self, form):
        district = self.request.district
        rows, empty = [], []
        for municipality in form.municipalities:
            values = form.row_values(municipality)
            if values is None:
                empty.append(municipality)
            else:
                rows.append(
                    QuarterFigures(
                        municipality=municipality, year=self.year, quarter=self.quarter, **values
                    )
                )
        with transaction.atomic():
            CaseFigures.objects.for_district(district).filter(
                municipality__in=empty, year=self.year, quarter=self.quarter
            ).delete()
            case_figures_save(district=district, rows=rows)  # the same as the CSV import's
        messages.success(
            self.request, f"Fallzahlen für das {self.quarter}. Quartal {self.year} gespeichert."
        )
        return redirect(reverse("kim:case_figures", args=[district.slug]) + f"?jahr={self.year}")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "year": self.year,
            "quarter": self.quarter,
            "topics": self.topics,
            "columns": [label for _key, label in FIGURES] + [t.name for t in self.topics],
        }
