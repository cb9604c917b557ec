"""The filters of the measures catalogue (django-filter)."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from concepts.models import FocusArea, WorkPriority
from core.filters import KeyChoiceFilter, NameKeyChoiceFilter
from core.widgets import PlainSelect

from .models import Measure, search_text_of

DISTRICTWIDE = "kreisweit"


class ArchiveChoice:
    ACTIVE = ""
    ALL = "alle"
    ONLY = "archiviert"
    CHOICES = [(ALL, "aktive und archivierte"), (ONLY, "nur archivierte")]


class MeasureFilter(django_filters.FilterSet):
    """Filters over a District's measures; M2M filters use subqueries so no measure repeats.

    The choice lists use ``PlainSelect`` (issue 16): hundreds of options without a template
    each.
    """

    q = django_filters.CharFilter(label="Suche in Titel, Ziel und Wirkung", method="filter_text")
    focus_area = KeyChoiceFilter(
        label="Schwerpunkt",
        queryset=FocusArea.objects.all(),
        empty_label="alle",
        widget=PlainSelect,
    )
    work_priority = KeyChoiceFilter(
        label="Arbeitsschwerpunkt",
        queryset=WorkPriority.objects.none(),
        method="filter_work_priority",
        empty_label="alle",
        widget=PlainSelect,
    )
    field_of_action = KeyChoiceFilter(
        label="Handlungsfeld", queryset=None, empty_label="alle", widget=PlainSelect
    )
    work_period = KeyChoiceFilter(
        label="Arbeitsperiode",
        queryset=None,
        method="filter_work_period",
        empty_label="alle",
        widget=PlainSelect,
    )
    municipality = django_filters.ChoiceFilter(
        label="Kommune", method="filter_municipality", empty_label="alle", widget=PlainSelect
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=Measure.Status.choices, empty_label="alle", widget=PlainSelect
    )
    actor = NameKeyChoiceFilter(
        label="Akteur (federführend oder Partner)",
        queryset=None,
        method="filter_actor",
        empty_label="alle",
        widget=PlainSelect,
    )
    archive = django_filters.ChoiceFilter(
        label="Archiv",
        choices=ArchiveChoice.CHOICES,
        method="filter_archive",
        empty_label="nur aktive",
        widget=PlainSelect,
    )

    class Meta:
        model = Measure
        fields: list = []

    def __init__(self, data=None, queryset=None, *, request=None, district, access, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        self.district = district
        filters = self.filters
        filters["work_priority"].queryset = WorkPriority.objects.for_district(
            district
        ).select_related("work_period")
        filters["field_of_action"].queryset = district.fields_of_action.all()
        filters["work_period"].queryset = district.work_periods.all()
        filters["actor"].queryset = district.actors.all()
        municipalities = district.municipalities.all()
        if access.is_liaison:
            municipalities = municipalities.filter(pk=getattr(access.municipality, "pk", None))
        filters["municipality"].extra["choices"] = [(DISTRICTWIDE, "kreisweit")] + [
            (str(m.pk), m.name) for m in municipalities
        ]

    @property
    def qs(self):
        # Archived measures stay hidden unless the archive filter asks for them.
        if not hasattr(self, "_qs"):
            queryset = super().qs
            if not (self.is_bound and self.form.cleaned_data.get("archive")):
                queryset = queryset.filter(is_archived=False)
            self._qs = queryset
        return self._qs

    def filter_text(self, queryset, name, value):
        words = search_text_of(value).split()
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_work_priority(self, queryset, name, value):
        links = Measure.work_priorities.through.objects.filter(
            measure_id=OuterRef("pk"), workpriority=value
        )
        return queryset.filter(Exists(links))

    def filter_work_period(self, queryset, name, value):
        links = Measure.work_priorities.through.objects.filter(
            measure_id=OuterRef("pk"), workpriority__work_period=value
        )
        return queryset.filter(Exists(links))

    def filter_municipality(self, queryset, name, value):
        links = Measure.municipalities.through.objects.filter(measure_id=OuterRef("pk"))
        if value == DISTRICTWIDE:
            return queryset.filter(~Exists(links))
        return queryset.filter(Exists(links.filter(municipality_id=value)))

    def filter_actor(self, queryset, name, value):
        partners = Measure.partner_actors.through.objects.filter(
            measure_id=OuterRef("pk"), actor=value
        )
        return queryset.filter(Q(lead_actor=value) | Exists(partners))

    def filter_archive(self, queryset, name, value):
        if value == ArchiveChoice.ONLY:
            return queryset.filter(is_archived=True)
        return queryset  # ALL; "nur aktive" is applied in ``qs``

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(
            self.form.cleaned_data.get(name) not in (None, "") for name in self.filters
        )
