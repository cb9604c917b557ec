"""The KI workspace pages that compose several domains: the District's dashboard, its staffing
plan (with the Land's requirements) and the Förderfähigkeit checklist."""

from decimal import Decimal

from django.contrib import messages
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from accounts.access import DistrictMixin
from accounts.rights import Capability, Role
from actors.models import Actor
from concepts.agreements import agreement_summary
from concepts.deadlines import district_deadline
from concepts.models import ConceptSection, ConceptVersion
from concepts.queries import current_period, focus_areas
from concepts.views import group_by_focus_area
from coordination.models import DraftReview, PriorityRound, Submission
from core import memo
from core.due import DueKind, due_items
from core.locking import StaleEditGuard
from core.text import counted, fte_label
from core.views import ConfirmDeleteView
from districts import services
from districts.forms import LandRequirementsForm, StaffPostForm
from districts.models import LandRequirements, RequirementSet, StaffPost
from measures.models import Indicator, Measure
from measures.queries import behind_target
from papers.signoff import awaiting_signoff

from . import compliance
from .compliance import checklist
from .first_steps import first_steps

RECENT_CHANGES = 10
# The dashboard shows what comes due within a month (the reminders' first threshold,
# core.due.REMINDER_THRESHOLDS) and what passed within a month.
DUE_WITHIN_DAYS = 30
DUE_INDICATORS_SHOWN = 5
BEHIND_TARGET = 10
LIAISON_MEASURES = 25


# --- Dashboard ------------------------------------------------------------------------------


VERSION_BADGES = {
    ConceptVersion.Status.DRAFT: "text-bg-secondary",
    ConceptVersion.Status.IN_CONSULTATION: "text-bg-info",
    ConceptVersion.Status.IN_DELIBERATION: "text-bg-warning",
    ConceptVersion.Status.ADOPTED: "text-bg-success",
    ConceptVersion.Status.SUPERSEDED: "text-bg-light",
}

HISTORY_ACTIONS = {"+": "angelegt", "~": "geändert", "-": "gelöscht"}


def dashboard_concept(district, access, today) -> compliance.ConceptState:
    """The concept in force and – for roles with READ_INTERNAL – the draft being prepared
    (concepts.queries: one meaning of "in force" for the checklist, dashboard and public pages).
    """
    state = compliance.concept_state(district, today)
    if not access.can_read_internal:
        state.draft = None
    return state


def recent_changes(district, limit: int = RECENT_CHANGES) -> list[dict]:
    """The last changes to measures, indicators, actors and concept sections, newest first.

    One query per history table (each cut to ``limit``), merged here: the count of queries does
    not grow with the history.
    """
    sources = (
        (Measure, "Maßnahme", {"district": district}, "title"),
        (Indicator, "Kennzahl", {"measure__district": district}, "name"),
        (Actor, "Akteur", {"district": district}, "name"),
        (ConceptSection, "Konzeptabschnitt", {"version__concept__district": district}, "title"),
    )
    changes = []
    for model, kind, lookup, name in sources:
        # Only the columns shown: a history row carries every field of its model (issue 16).
        rows = (
            model.history.model.objects.filter(**lookup)
            .select_related("history_user")
            .only(
                "id",
                name,
                "history_date",
                "history_type",
                *(f"history_user__{f}" for f in ("username", "first_name", "last_name")),
            )
            .order_by("-history_date")[:limit]
        )
        changes += [
            {
                "when": row.history_date,
                "who": str(row.history_user) if row.history_user else "System",
                "kind": kind,
                "action": HISTORY_ACTIONS.get(row.history_type, "geändert"),
                "name": getattr(row, "title", None) or getattr(row, "name", ""),
                "measure_pk": row.id if model is Measure and row.history_type != "-" else None,
            }
            for row in rows
        ]
    changes.sort(key=lambda change: change["when"], reverse=True)
    return changes[:limit]


class DistrictHomeView(DistrictMixin, TemplateView):
    """The dashboard: concept version and deadline, current work period, measures, indicators
    behind target and (for the KI) the latest changes."""

    capability = Capability.READ
    template_name = "workspace/home.html"

    def get_context_data(self, **kwargs):
        # Its cards, the checklist and the reminder providers ask the same questions (concept
        # in force, current period, requirement set): answered once (issue 16).
        with memo.scope():
            return self.dashboard_context(super().get_context_data(**kwargs))

    def dashboard_context(self, context):
        district, access = self.request.district, self.request.access
        today = timezone.localdate()

        state = dashboard_concept(district, access, today)
        context["in_force"], context["draft"] = state.in_force, state.draft
        if state.in_force is not None:
            # In force today, whatever a decision recorded for a later day says about it.
            state.in_force.badge = VERSION_BADGES[ConceptVersion.Status.ADOPTED]
            state.in_force.status_label = "beschlossen, in Kraft"
        if state.draft is not None:
            state.draft.badge = VERSION_BADGES.get(state.draft.status, "text-bg-secondary")
            # Issue 18: how far the municipalities' Einvernehmen with the draft has come.
            summary = agreement_summary(state.draft)
            if summary.municipalities:
                context["draft_agreements"] = summary
        # The deadline of the version the Land awaits (the submission rule's version).
        deadline_version = compliance.submission_version(state)
        context["deadline_version"] = deadline_version
        context["deadline"] = district_deadline(district, deadline_version, today)

        period = current_period(district, today)
        context["current_period"] = period
        if period is not None:
            priorities = period.priorities.select_related("focus_area")
            context["period_groups"] = group_by_focus_area(priorities, focus_areas())

        visible = district.measures.current().visible_to(access)
        counts = dict(visible.order_by().values_list("status").annotate(n=Count("pk")))
        context["status_counts"] = [
            {"value": value, "label": label, "count": counts.get(value, 0)}
            for value, label in Measure.Status.choices
        ]
        context["measure_total"] = sum(counts.values())

        # Only measures under way: an archived, ended or not yet started measure is not
        # "behind target" (issue 14).
        # Computed in the database, only the top few are built (issue 16).
        behind, context["behind_total"] = behind_target(
            Indicator.objects.for_district(district)
            .filter(measure__in=visible.running(today).values("pk"))
            .select_related("measure"),
            limit=BEHIND_TARGET,
        )
        for indicator in behind:
            indicator.bar_width = max(0, min(100, int(indicator.attainment_percent)))
        context["behind"] = behind

        if access.can_read_internal or access.can_manage_members:
            steps = first_steps(district, access)
            # The card shows until every step is done, then disappears (issue 13).
            if not all(step.done for step in steps):
                context["first_steps"] = steps
                context["first_steps_done"] = sum(step.done for step in steps)
        if access.can_read_internal:
            context["changes"] = recent_changes(district)
            context["rules"] = checklist(district, today=today, summary=True)
            # Issue 17: what the reminders send, due within a month or passed within a month.
            due = [
                (item, item.when(today))
                for item in due_items(district, today, within=DUE_WITHIN_DAYS)
                if item.days_left(today) >= -DUE_WITHIN_DAYS
            ]
            # A hundred Kennzahlen without a value would bury the deadline: the first few by
            # name, the rest as a number (the reminders and the calendar keep every one).
            lacking = [pair for pair in due if pair[0].kind == DueKind.INDICATOR]
            if len(lacking) > DUE_INDICATORS_SHOWN:
                hidden = {id(pair[0]) for pair in lacking[DUE_INDICATORS_SHOWN:]}
                due = [pair for pair in due if id(pair[0]) not in hidden]
                context["due_more_indicators"] = len(hidden)
            context["due_items"] = due
        if access.can(Capability.SIGN_OFF):
            context["awaiting_signoff"] = awaiting_signoff(district, self.request.user)
        if access.can(Capability.COMMENT_DRAFT):
            context["open_reviews"] = open_reviews(district, access, today)
        if access.is_liaison:
            context.update(liaison_overview(district, access, visible))
        return context


def open_reviews(district, access, today) -> list[DraftReview]:
    """Issue 18: the Beteiligungen running today that invite the reader's group (for the
    Kreistag the only way in besides the e-mail: it reads no draft otherwise)."""
    reviews = DraftReview.objects.for_district(district).filter(
        opens_on__lte=today, closes_on__gte=today, published_at__isnull=True
    )
    if access.role == Role.COUNCIL:
        reviews = reviews.filter(invite_council=True)
    elif not access.can_edit:
        reviews = reviews.filter(invite_liaisons=True)
    return list(reviews.order_by("closes_on", "pk")[:5])


def liaison_overview(district, access, visible) -> dict:
    """A liaison's start: open rounds of their municipality and the measures that apply to it.

    The measures are cut to ``LIAISON_MEASURES`` (the full list is on the measures page), their
    indicators (with their latest kreisweit value, kept on the Kennzahl) in one prefetch, so the number of queries
    stays the same however large the District grows.
    """
    rounds = (
        PriorityRound.objects.for_district(district)
        .filter(status=PriorityRound.Status.OPEN)
        .annotate(
            answered=Exists(
                Submission.objects.filter(round=OuterRef("pk"), municipality=access.municipality)
            )
        )
        .order_by("closes_on", "pk")
    )
    measures = list(
        visible.select_related("focus_area")
        .prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("name")))
        .order_by("focus_area__order", "title", "pk")[:LIAISON_MEASURES]
    )
    for measure in measures:
        for indicator in measure.indicators.all():
            attainment = indicator.attainment(indicator.latest_value)
            indicator.attainment_percent = attainment
            indicator.bar_width = (
                max(0, min(100, int(attainment))) if attainment is not None else None
            )
    return {"open_rounds": list(rounds), "liaison_measures": measures}


# --- Staffing plan --------------------------------------------------------------------------


def staffing_overview(posts: list[StaffPost], requirements: RequirementSet) -> dict:
    """Totals per profession against the Land's requirements, and the head/deputy rule.

    Eckpunktepapier (seed 002): 2 posts for seconded teachers and up to 3.5 municipal posts
    (2 pädagogische Fachkräfte, 1 Verwaltung, 0.5 Assistenz); the head holds one of these posts,
    the deputy must be of another profession. The numbers come from the Land's set valid today
    (``RequirementSet``, issue 17).
    Only Land-funded posts count (issue 14: "bis zu 3,5 vom Land geförderten Stellen"; a Kreis
    may employ more at its own cost).
    """
    totals = {value: Decimal(0) for value in StaffPost.Profession.values}
    unfunded = Decimal(0)
    for post in posts:
        if post.is_land_funded:
            totals[post.profession] += post.fte
        else:
            unfunded += post.fte
    P = StaffPost.Profession
    rows = [
        (P.TEACHER, "mindestens", requirements.teacher_fte_required),
        (P.EDUCATION, "höchstens", requirements.max_fte_education),
        (P.ADMINISTRATION, "höchstens", requirements.max_fte_administration),
        (P.ASSISTANCE, "höchstens", requirements.max_fte_assistance),
    ]
    municipal_total = totals[P.EDUCATION] + totals[P.ADMINISTRATION] + totals[P.ASSISTANCE]
    head = next((p for p in posts if p.is_head), None)
    deputy = next((p for p in posts if p.is_deputy), None)
    return {
        "rows": [
            {
                "label": profession.label,
                "total": fte_label(totals[profession]),
                "rule": rule,
                "limit": fte_label(limit),
                "met": totals[profession] >= limit
                if rule == "mindestens"
                else totals[profession] <= limit,
            }
            for profession, rule, limit in rows
        ],
        "municipal_total": fte_label(municipal_total),
        "municipal_limit": fte_label(requirements.max_municipal_fte),
        "municipal_met": municipal_total <= requirements.max_municipal_fte,
        "total": fte_label(sum(totals.values(), Decimal(0)) + unfunded),
        "unfunded_total": fte_label(unfunded) if unfunded else "",
        "head": head,
        "deputy": deputy,
        "same_profession": bool(head and deputy and head.profession == deputy.profession),
    }


class StaffingView(DistrictMixin, TemplateView):
    """The staffing plan compared with the Land's requirements; the names of the staff only
    for READ_INTERNAL (issue 17: the Land sees posts, FTE and funding)."""

    capability = Capability.READ_CONTROLLING
    template_name = "workspace/staffing.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        district = self.request.district
        posts = list(district.staff_posts.all())
        for post in posts:
            post.fte_display = fte_label(post.fte)
            if not self.request.access.can_read_internal:
                post.holder = None  # personal data of the KI's staff (issue 17)
        requirement_set = RequirementSet.for_district_on(district, timezone.localdate())
        context.update(
            posts=posts,
            requirement_set=requirement_set,
            overview=staffing_overview(posts, requirement_set) if requirement_set else None,
            requirement_rows=requirement_rows(
                requirement_set, services.land_requirements_for(district=district)
            ),
        )
        return context


def requirement_rows(
    requirement_set: RequirementSet | None, district_requirements: LandRequirements
) -> list[dict]:
    """Each requirement with its value and source (issue 17: the values of the Land's set valid
    today, each naming its source; the deadline is the District's own)."""
    rows = []
    if requirement_set is not None:
        for name, label, value in (
            ("teacher_fte_required", "geforderte Stellen Lehrkräfte", "fte"),
            ("max_fte_education", "höchstens Stellen pädagogische Fachkräfte", "fte"),
            ("max_fte_administration", "höchstens Stellen Verwaltungsfachkraft", "fte"),
            ("max_fte_assistance", "höchstens Stellen Assistenzkraft", "fte"),
            ("review_interval_years", "Konzept höchstens so alt", "years"),
            ("work_period_years", "Dauer einer Arbeitsperiode", "years"),
        ):
            number = getattr(requirement_set, name)
            rows.append(
                {
                    "label": label,
                    "value": f"{fte_label(number)} VZÄ"
                    if value == "fte"
                    else counted(number, "Jahr", "Jahre"),
                    "source": f"Quelle: {requirement_set.source_of(name)}",
                }
            )
    deadline = district_requirements.submission_deadline
    rows.append(
        {
            "label": "Frist für die Vorlage beim Land",
            "value": f"{deadline:%d.%m.%Y}" if deadline else "keine eingetragen",
            "source": "Die Frist, die die Bezirksregierung dem Kreis gesetzt hat; keine Quelle "
            "nennt eine allgemeine Frist, daher ist keine voreingestellt.",
        }
    )
    return rows


class StaffEditMixin(DistrictMixin):
    capability = Capability.EDIT
    template_name = "form_page.html"
    heading = ""

    def get_success_url(self) -> str:
        return reverse("workspace:staffing", args=[self.request.district.slug])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["district"] = self.request.district
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = self.heading
        context["back_url"] = self.get_success_url()
        return context


class StaffPostFormView(StaleEditGuard, StaffEditMixin, FormView):
    """Create (no ``pk``) or change a post."""

    form_class = StaffPostForm

    @property
    def post_object(self) -> StaffPost | None:
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_post"):
            self._post = get_object_or_404(self.request.district.staff_posts, pk=self.kwargs["pk"])
        return self._post

    @property
    def heading(self) -> str:
        post = self.post_object
        return f"Stelle „{post.title}“ bearbeiten" if post else "Neue Stelle"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.post_object}

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        services.staff_post_save(
            district=self.request.district,
            post=self.post_object,
            data=form.cleaned_data,
            user=self.request.user,
        )
        messages.success(self.request, "Stelle gespeichert.")
        return redirect(self.get_success_url())


class StaffPostDeleteView(DistrictMixin, ConfirmDeleteView):
    capability = Capability.EDIT
    back_url_name = "workspace:staffing"

    def get_object(self) -> StaffPost:
        return get_object_or_404(self.request.district.staff_posts, pk=self.kwargs["pk"])

    def texts(self, post) -> dict:
        return {
            "heading": f"Stelle „{post.title}“ löschen",
            "question": (
                f"Soll die Stelle „{post.title}“ ({fte_label(post.fte)} VZÄ) aus dem Stellenplan "
                "gelöscht werden?"
            ),
        }

    def delete(self, post) -> None:
        services.staff_post_delete(
            district=self.request.district, post=post, user=self.request.user
        )

    def deleted_message(self, post) -> str:
        return f"Stelle „{post.title}“ gelöscht."


class LandRequirementsUpdateView(StaleEditGuard, StaffEditMixin, FormView):
    """The Land's requirements that apply to the District, read-only, and the District's deadline
    at the Land (issue 17: the numbers are the Land's; the KI-Leitung enters the deadline the
    Bezirksregierung set it)."""

    form_class = LandRequirementsForm
    template_name = "land/requirements_district.html"
    heading = "Anforderungen des Landes"

    def get_form_kwargs(self):
        requirements = services.land_requirements_for(district=self.request.district)
        return {**super().get_form_kwargs(), "instance": requirements}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        district = self.request.district
        today = timezone.localdate()
        requirement_set = RequirementSet.for_district_on(district, today)
        requirements = services.land_requirements_for(district=district)
        context.update(
            today=today,
            requirement_set=requirement_set,
            requirement_rows=requirement_rows(requirement_set, requirements),
            former_values=requirements.former_value_rows(),
            later_sets=RequirementSet.objects.filter(
                variant=RequirementSet.variant_of(district), valid_from__gt=today
            ).order_by("valid_from"),
        )
        return context

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        services.land_requirements_update(
            district=self.request.district, data=form.cleaned_data, user=self.request.user
        )
        messages.success(self.request, "Frist beim Land gespeichert.")
        return redirect(self.get_success_url())


# --- Förderfähigkeit -------------------------------------------------------------------------


class ComplianceView(DistrictMixin, TemplateView):
    """Förderfähigkeit: every rule, and the objects that fail it with a link to fix each."""

    capability = Capability.READ_CONTROLLING
    template_name = "workspace/compliance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["rules"] = compliance.checklist(self.request.district, today=today)
        context["state"] = compliance.concept_state(self.request.district, today)
        return context
