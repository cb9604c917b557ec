"""Work periods with their Arbeitsschwerpunkte; Handlungsfelder and target groups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from accounts.access import DistrictMixin
from accounts.rights import Capability
from core.locking import StaleEditGuard
from core.views import ConfirmDeleteView

from . import services
from .forms import FieldOfActionForm, TargetGroupForm, WorkPeriodForm, WorkPriorityForm
from .models import FieldOfAction, FocusArea, TargetGroup, WorkPeriod, WorkPriority


def group_by_focus_area(priorities, focus_areas) -> list[tuple[FocusArea, list[WorkPriority]]]:
    """Both Schwerpunkte, each with its priorities — an empty one shows as empty.

    Eckpunktepapier (seed 002): a concept presents work on both mandatory Schwerpunkte.
    """
    groups = {area.pk: (area, []) for area in focus_areas}
    for priority in priorities:
        groups[priority.focus_area_id][1].append(priority)
    return list(groups.values())


# --- Work periods ---------------------------------------------------------------------------


class PeriodListView(DistrictMixin, TemplateView):
    """All work periods, newest first, each with its Arbeitsschwerpunkte per Schwerpunkt."""

    capability = Capability.READ
    template_name = "concepts/periods.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        district = self.request.district
        visible = district.measures.current().visible_to(self.request.access)
        priorities = WorkPriority.objects.select_related("focus_area", "adoption__round").annotate(
            measure_count=Count("measures", filter=Q(measures__in=visible.values("pk")))
        )
        periods = district.work_periods.order_by("-start").prefetch_related(
            Prefetch("priorities", queryset=priorities)
        )
        focus_areas = list(FocusArea.objects.all())
        today = timezone.localdate()
        context["periods"] = [
            {
                "period": period,
                "is_current": period.contains(today),
                "groups": group_by_focus_area(period.priorities.all(), focus_areas),
            }
            for period in periods
        ]
        return context


class EditFormView(StaleEditGuard, DistrictMixin, FormView):
    """Base of the edit screens: District into the form, service in ``save``, back to the list."""

    capability = Capability.EDIT
    template_name = "form_page.html"
    list_url_name = "concepts:periods"
    heading = ""
    success_message = "Gespeichert."

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["district"] = self.request.district
        return kwargs

    def get_success_url(self) -> str:
        return reverse(self.list_url_name, args=[self.request.district.slug])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = self.heading
        context["back_url"] = self.get_success_url()
        return context

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        try:
            self.save(form)
        except ValidationError as error:
            self.add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def add_service_errors(self, form, error: ValidationError) -> None:
        form.add_error(None, error)

    def save(self, form) -> None:
        raise NotImplementedError


class PeriodFormMixin:
    form_class = WorkPeriodForm

    def add_service_errors(self, form, error: ValidationError) -> None:
        # The model's clean() says why (not two years, overlap); show it at the field.
        form.add_service_errors(error)


class PeriodCreateView(PeriodFormMixin, EditFormView):
    heading = "Neue Arbeitsperiode"
    success_message = "Arbeitsperiode gespeichert."

    def save(self, form) -> None:
        services.work_period_create(
            district=self.request.district,
            kind=form.cleaned_data["kind"],
            start_year=form.cleaned_data["start_year"],
            years=form.cleaned_data["years"],
            user=self.request.user,
        )


class PeriodUpdateView(PeriodFormMixin, EditFormView):
    success_message = "Arbeitsperiode gespeichert."

    @property
    def period(self) -> WorkPeriod:
        if not hasattr(self, "_period"):
            self._period = get_object_or_404(
                self.request.district.work_periods, pk=self.kwargs["pk"]
            )
        return self._period

    @property
    def heading(self) -> str:
        return f"Arbeitsperiode {self.period.label} bearbeiten"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.period}

    def save(self, form) -> None:
        services.work_period_update(
            district=self.request.district,
            period=self.period,
            kind=form.cleaned_data["kind"],
            start_year=form.cleaned_data["start_year"],
            years=form.cleaned_data["years"],
            user=self.request.user,
        )


class PeriodDeleteView(DistrictMixin, ConfirmDeleteView):
    """Ask before deleting; say in German why a period in use cannot go."""

    capability = Capability.EDIT

    back_url_name = "concepts:periods"

    def get_object(self) -> WorkPeriod:
        return get_object_or_404(self.request.district.work_periods, pk=self.kwargs["pk"])

    def texts(self, period) -> dict:
        blockers = services.work_period_delete_blockers(period)
        return {
            "heading": f"Arbeitsperiode {period.label} löschen",
            "question": f"Soll die Arbeitsperiode {period.label} gelöscht werden?",
            "blocked": (
                f"Die Arbeitsperiode kann nicht gelöscht werden: {' und '.join(blockers)}."
                if blockers
                else ""
            ),
        }

    def delete(self, period) -> None:
        services.work_period_delete(
            district=self.request.district, period=period, user=self.request.user
        )

    def deleted_message(self, period) -> str:
        return f"Arbeitsperiode {period.label} gelöscht."


# --- Arbeitsschwerpunkte --------------------------------------------------------------------


class PriorityFormMixin:
    form_class = WorkPriorityForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "work_period": self.work_period}


class PriorityCreateView(PriorityFormMixin, EditFormView):
    success_message = "Arbeitsschwerpunkt gespeichert."

    @property
    def work_period(self) -> WorkPeriod:
        if not hasattr(self, "_period"):
            self._period = get_object_or_404(
                self.request.district.work_periods, pk=self.kwargs["pk"]
            )
        return self._period

    @property
    def heading(self) -> str:
        return f"Neuer Arbeitsschwerpunkt für {self.work_period.label}"

    def save(self, form) -> None:
        services.work_priority_create(
            district=self.request.district,
            period=self.work_period,
            data=form.cleaned_data,
            user=self.request.user,
        )


class PriorityObjectMixin:
    @property
    def priority(self) -> WorkPriority:
        if not hasattr(self, "_priority"):
            self._priority = get_object_or_404(
                WorkPriority.objects.for_district(self.request.district).select_related(
                    "work_period"
                ),
                pk=self.kwargs["pk"],
            )
        return self._priority

    @property
    def work_period(self) -> WorkPeriod:
        return self.priority.work_period


class PriorityUpdateView(PriorityObjectMixin, PriorityFormMixin, EditFormView):
    success_message = "Arbeitsschwerpunkt gespeichert."

    @property
    def heading(self) -> str:
        return f"Arbeitsschwerpunkt „{self.priority.title}“ bearbeiten"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.priority}

    def save(self, form) -> None:
        services.work_priority_update(
            district=self.request.district,
            priority=self.priority,
            data=form.cleaned_data,
            user=self.request.user,
        )


class PriorityDeleteView(PriorityObjectMixin, DistrictMixin, ConfirmDeleteView):
    capability = Capability.EDIT
    back_url_name = "concepts:periods"

    def get_object(self) -> WorkPriority:
        return self.priority

    def texts(self, priority) -> dict:
        count = priority.measures.count()
        return {
            "heading": f"Arbeitsschwerpunkt „{priority.title}“ löschen",
            "question": (
                f"Soll der Arbeitsschwerpunkt „{priority.title}“ der Arbeitsperiode "
                f"{priority.work_period.label} gelöscht werden?"
            ),
            "note": (
                f"{count} Maßnahme{'n' if count != 1 else ''} "
                f"{'dienen' if count != 1 else 'dient'} diesem Arbeitsschwerpunkt; die Maßnahmen "
                "bleiben erhalten, nur die Zuordnung entfällt."
                if count
                else ""
            ),
        }

    def delete(self, priority) -> None:
        services.work_priority_delete(
            district=self.request.district, priority=priority, user=self.request.user
        )

    def deleted_message(self, priority) -> str:
        return f"Arbeitsschwerpunkt „{priority.title}“ gelöscht."


# --- Handlungsfelder and target groups ------------------------------------------------------


def _subquery_count(model, link_field: str, extra=None) -> Coalesce:
    rows = model.objects.filter(**{link_field: OuterRef("pk")})
    if extra is not None:
        rows = rows.filter(extra)
    return Coalesce(
        Subquery(
            rows.order_by().values(link_field).annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


class FieldListView(DistrictMixin, TemplateView):
    """The District's Handlungsfelder and target groups with how many measures and actors use them."""

    capability = Capability.READ
    template_name = "concepts/fields.html"

    def get_context_data(self, **kwargs):
        # Measures and actors point at concepts, never the other way round (README "Aufbau"):
        # their tables are reached through this app's reverse relations, not imported.
        measure_model = FieldOfAction.measures.rel.related_model
        context = super().get_context_data(**kwargs)
        district = self.request.district
        visible = district.measures.current().visible_to(self.request.access)
        in_scope = Q(pk__in=visible.values("pk"))
        context["fields"] = district.fields_of_action.annotate(
            measure_count=_subquery_count(measure_model, "field_of_action", in_scope),
            actor_count=_subquery_count(FieldOfAction.actors.through, "fieldofaction"),
        )
        context["target_groups"] = district.target_groups.annotate(
            measure_count=_subquery_count(
                TargetGroup.measures.through,
                "targetgroup",
                Q(measure__in=visible.values("pk")),
            ),
            actor_count=_subquery_count(TargetGroup.actors.through, "targetgroup"),
        )
        return context


class FieldFormMixin:
    form_class = FieldOfActionForm
    list_url_name = "concepts:fields"
    success_message = "Handlungsfeld gespeichert."

    @property
    def field(self) -> FieldOfAction | None:
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_field"):
            self._field = get_object_or_404(
                self.request.district.fields_of_action, pk=self.kwargs["pk"]
            )
        return self._field

    @property
    def heading(self) -> str:
        return (
            f"Handlungsfeld „{self.field.name}“ bearbeiten" if self.field else "Neues Handlungsfeld"
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.field}

    def save(self, form) -> None:
        services.field_of_action_save(
            district=self.request.district,
            field=self.field,
            data=form.cleaned_data,
            user=self.request.user,
        )


class FieldCreateView(FieldFormMixin, EditFormView):
    pass


class FieldUpdateView(FieldFormMixin, EditFormView):
    pass


class TargetGroupFormMixin:
    form_class = TargetGroupForm
    list_url_name = "concepts:fields"
    success_message = "Zielgruppe gespeichert."

    @property
    def group(self) -> TargetGroup | None:
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_group"):
            self._group = get_object_or_404(
                self.request.district.target_groups, pk=self.kwargs["pk"]
            )
        return self._group

    @property
    def heading(self) -> str:
        return f"Zielgruppe „{self.group.name}“ bearbeiten" if self.group else "Neue Zielgruppe"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.group}

    def save(self, form) -> None:
        services.target_group_save(
            district=self.request.district,
            group=self.group,
            data=form.cleaned_data,
            user=self.request.user,
        )


class TargetGroupCreateView(TargetGroupFormMixin, EditFormView):
    pass


class TargetGroupUpdateView(TargetGroupFormMixin, EditFormView):
    pass


class FieldDeleteView(DistrictMixin, ConfirmDeleteView):
    capability = Capability.EDIT
    back_url_name = "concepts:fields"

    def get_object(self) -> FieldOfAction:
        return get_object_or_404(self.request.district.fields_of_action, pk=self.kwargs["pk"])

    def texts(self, field) -> dict:
        count = field.measures.count()
        return {
            "heading": f"Handlungsfeld „{field.name}“ löschen",
            "question": f"Soll das Handlungsfeld „{field.name}“ gelöscht werden?",
            "blocked": (
                f"Das Handlungsfeld kann nicht gelöscht werden, weil ihm noch {count} "
                f"Maßnahme{'n' if count != 1 else ''} zugeordnet {'sind' if count != 1 else 'ist'}."
                if count
                else ""
            ),
        }

    def delete(self, field) -> None:
        services.field_of_action_delete(
            district=self.request.district, field=field, user=self.request.user
        )

    def deleted_message(self, field) -> str:
        return f"Handlungsfeld „{field.name}“ gelöscht."


class TargetGroupDeleteView(DistrictMixin, ConfirmDeleteView):
    capability = Capability.EDIT
    back_url_name = "concepts:fields"

    def get_object(self) -> TargetGroup:
        return get_object_or_404(self.request.district.target_groups, pk=self.kwargs["pk"])

    def texts(self, group) -> dict:
        return {
            "heading": f"Zielgruppe „{group.name}“ löschen",
            "question": f"Soll die Zielgruppe „{group.name}“ gelöscht werden?",
            "note": "Maßnahmen, Akteure und Angebote bleiben erhalten; nur die Zuordnung entfällt.",
        }

    def delete(self, group) -> None:
        services.target_group_delete(
            district=self.request.district, group=group, user=self.request.user
        )

    def deleted_message(self, group) -> str:
        return f"Zielgruppe „{group.name}“ gelöscht."
