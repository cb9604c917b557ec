"""The catalogue, a measure's page, and creating, editing, copying and archiving measures."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, TemplateView, UpdateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.locking import StaleEditGuard

from .. import services
from ..filters import MeasureFilter
from ..forms import MeasureForm
from ..models import Measure
from .page import detail_queryset, measure_page_context

PAGE_SIZE = 25

# Status in the order a measure lives through, not alphabetically.
_STATUS_ORDER = Case(
    *(When(status=value, then=Value(i)) for i, value in enumerate(Measure.Status.values)),
    default=Value(99),
)
# ?sort=<key> or ?sort=-<key>: column key -> ordering expressions (ascending)
SORTS = {
    "titel": [F("title").asc()],
    "schwerpunkt": [F("focus_area__order").asc(), F("title").asc()],
    "status": [_STATUS_ORDER.asc(), F("title").asc()],
    "beginn": [F("start").asc(nulls_last=True), F("title").asc()],
}
COLUMNS = [
    ("titel", "Titel"),
    ("schwerpunkt", "Schwerpunkt"),
    ("handlungsfeld", "Handlungsfeld"),
    ("status", "Status"),
    ("beginn", "Beginn"),
    ("kommunen", "Kommunen"),
    ("kennzahlen", "Kennzahlen"),
]


def reversed_ordering(expressions):
    """``SORTS`` expressions for the descending direction."""
    result = []
    for expression in expressions:
        flipped = expression.copy()
        flipped.reverse_ordering()
        # Measures without a start stay at the end in both directions.
        flipped.nulls_first, flipped.nulls_last = expression.nulls_first, expression.nulls_last
        result.append(flipped)
    return result


def catalogue_ordering(sort: str) -> tuple[str, bool, list]:
    """``?sort=`` as ``(column key, descending, ordering expressions)``; unknown keys sort by
    title. Shared by the catalogue page and its exports, so both list in the same order."""
    key = sort.removeprefix("-")
    if key not in SORTS:
        return "titel", False, SORTS["titel"]
    descending = sort.startswith("-")
    return key, descending, reversed_ordering(SORTS[key]) if descending else SORTS[key]


class MeasureListView(DistrictMixin, TemplateView):
    """The Maßnahmenkatalog: filterable, sortable, 25 per page; liaisons see their municipality's
    measures and the kreisweit ones."""

    capability = Capability.READ
    template_name = "measures/measure_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        district, access = self.request.district, self.request.access
        measures = (
            district.measures.visible_to(access)
            .select_related("focus_area", "field_of_action")
            .prefetch_related("municipalities")
            .annotate(indicator_count=Count("indicators"))
        )
        measure_filter = MeasureFilter(
            self.request.GET or None,
            queryset=measures,
            request=self.request,
            district=district,
            access=access,
        )
        key, descending, ordering = catalogue_ordering(self.request.GET.get("sort", "titel"))
        queryset = measure_filter.qs.order_by(*ordering, "pk")
        page = Paginator(queryset, PAGE_SIZE).get_page(self.request.GET.get("seite"))
        context.update(
            filter=measure_filter,
            page_obj=page,
            measures=page.object_list,
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2),
            columns=_columns(key, descending),
        )
        return context


def _columns(key: str, descending: bool) -> list[dict]:
    """Table header in display order; sortable ones carry their link target and aria-sort."""
    columns = []
    for name, label in COLUMNS:
        column = {"label": label, "sortable": name in SORTS, "class": ""}
        if name in SORTS:
            active = name == key
            column["aria_sort"] = ("descending" if descending else "ascending") if active else ""
            column["next"] = f"-{name}" if active and not descending else name
        if name == "kennzahlen":
            column["class"] = "text-end"
        columns.append(column)
    return columns


class MeasureDetailView(DistrictMixin, DetailView):
    """A measure with Ziel, Wirkung, Zielgruppen, Dauer and its Kennzahlen, values and charts.

    The query count is fixed: measurements are prefetched once (with their municipality) and
    each indicator's latest value, attainment and chart are computed from that list.
    """

    capability = Capability.READ
    template_name = "measures/measure_detail.html"
    context_object_name = "measure"

    def get_queryset(self):
        return detail_queryset(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(measure_page_context(self.request, self.object))
        return context


class MeasureFormMixin:
    model = Measure
    form_class = MeasureForm
    template_name = "measures/measure_form.html"

    def get_queryset(self):
        return self.request.district.measures.all()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["district"] = self.request.district
        return kwargs


class MeasureCreateView(DistrictMixin, MeasureFormMixin, CreateView):
    capability = Capability.EDIT

    def form_valid(self, form):
        measure = services.measure_create(
            district=self.request.district, fields=form.cleaned_data, user=self.request.user
        )
        messages.success(self.request, f"Maßnahme „{measure.title}“ gespeichert.")
        return redirect(measure.get_absolute_url())


class MeasureUpdateView(StaleEditGuard, DistrictMixin, MeasureFormMixin, UpdateView):
    capability = Capability.EDIT

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        # The form has written the fields to form.instance already; the service saves them.
        measure = services.measure_update(
            district=self.request.district,
            measure=form.instance,
            fields=form.cleaned_data,
            user=self.request.user,
        )
        messages.success(self.request, f"Maßnahme „{measure.title}“ gespeichert.")
        return redirect(measure.get_absolute_url())


@district_view(Capability.EDIT)
@require_POST
def measure_copy(request, pk: int):
    measure = get_object_or_404(request.district.measures, pk=pk)
    copy = services.measure_copy(district=request.district, measure=measure, user=request.user)
    messages.success(
        request,
        f"Kopie „{copy.title}“ angelegt – mit denselben Kennzahlen, ohne Messwerte. "
        "Bitte Titel und Angaben anpassen.",
    )
    return redirect("measures:update", district_slug=request.district.slug, pk=copy.pk)


@district_view(Capability.EDIT)
@require_POST
def measure_archive(request, pk: int):
    """Archive an active measure or restore an archived one."""
    measure = get_object_or_404(request.district.measures, pk=pk)
    archived = not measure.is_archived
    services.measure_archive(
        district=request.district, measure=measure, archived=archived, user=request.user
    )
    if archived:
        messages.success(request, f"Maßnahme „{measure.title}“ archiviert.")
    else:
        messages.success(request, f"Maßnahme „{measure.title}“ wiederhergestellt.")
    return redirect(measure.get_absolute_url())
