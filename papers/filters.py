"""Filters of the paper list and council portal: committee, meeting date, status, text."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from core.filters import KeyChoiceFilter
from core.forms import DateInput

from .models import Consultation, DecisionPaper, PaperStatus


class PaperFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Suche in Nr. und Betreff", method="filter_text")
    status = django_filters.ChoiceFilter(
        label="Status", choices=PaperStatus.choices, method="filter_status", empty_label="alle"
    )
    committee = KeyChoiceFilter(
        label="Gremium", method="filter_committee", queryset=None, empty_label="alle"
    )
    meeting_from = django_filters.DateFilter(
        label="Sitzung ab", method="filter_meeting_from", widget=DateInput
    )
    meeting_to = django_filters.DateFilter(
        label="Sitzung bis", method="filter_meeting_to", widget=DateInput
    )
    paper_type = django_filters.ChoiceFilter(
        label="Vorlagenart", choices=DecisionPaper.PaperType.choices, empty_label="alle"
    )

    class Meta:
        model = DecisionPaper
        fields: list = []

    def __init__(self, data=None, queryset=None, *, district, internal, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["committee"].queryset = district.committees.order_by("path_position", "name")
        if not internal:
            self.filters["status"].extra["choices"] = [
                choice for choice in PaperStatus.choices if choice[0] != PaperStatus.DRAFT
            ]

    def filter_text(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(Q(subject__icontains=word) | Q(reference__icontains=word))
        return queryset

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)

    def _steps(self):
        return Consultation.objects.filter(paper=OuterRef("pk"))

    def filter_committee(self, queryset, name, value):
        return queryset.filter(Exists(self._steps().filter(meeting__committee=value)))

    def filter_meeting_from(self, queryset, name, value):
        return queryset.filter(Exists(self._steps().filter(meeting__start__date__gte=value)))

    def filter_meeting_to(self, queryset, name, value):
        return queryset.filter(Exists(self._steps().filter(meeting__start__date__lte=value)))
