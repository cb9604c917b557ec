"""Writes of the KIM case figures (issue 19): a quarter's figures from the grid or the CSV
import, and the District's list of topics."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError

from core.models import check_district
from districts.models import District, Municipality
from measures.services import ImportCounts

from .models import CaseFigures, CaseTopic, TopicCount

FIGURE_FIELDS = ("opened", "active", "closed")


@dataclass(frozen=True)
class QuarterFigures:
    """One municipality's case figures of one quarter, checked (kim.forms.CountField)."""

    municipality: Municipality
    year: int
    quarter: int
    opened: int
    active: int
    closed: int
    topics: dict[CaseTopic, int] = field(default_factory=dict)

    def same_as(self, stored: CaseFigures | None) -> bool:
        """Whether ``stored`` (its topic counts prefetched) already holds exactly these figures."""
        if stored is None:
            return False
        counts = {count.topic_id: count.count for count in stored.topics.all()}
        return all(getattr(stored, name) == getattr(self, name) for name in FIGURE_FIELDS) and (
            counts == {topic.pk: count for topic, count in self.topics.items()}
        )


@transaction.atomic
def case_figures_save(*, district: District, rows: Iterable[QuarterFigures]) -> ImportCounts:
    """Save each municipality's quarter, all rows or none: new figures are added, stored ones
    replaced together with their counts per topic. A row equal to the stored figures writes
    nothing (no entry in the history); the caller has checked every number."""
    rows = list(rows)
    check_district(district, *(row.municipality for row in rows))
    check_district(district, *{topic for row in rows for topic in row.topics})
    stored = {
        (figures.municipality_id, figures.year, figures.quarter): figures
        for figures in CaseFigures.objects.for_district(district)
        .filter(
            municipality__in={row.municipality.pk for row in rows},
            year__in={row.year for row in rows},
        )
        .prefetch_related("topics")
    }
    created = updated = unchanged = 0
    for row in rows:
        figures = stored.get((row.municipality.pk, row.year, row.quarter))
        if row.same_as(figures):
            unchanged += 1
            continue
        counts = {}
        if figures is None:
            figures = CaseFigures(
                district=district, municipality=row.municipality, year=row.year, quarter=row.quarter
            )
            created += 1
        else:
            counts = {count.topic_id: count for count in figures.topics.all()}
            updated += 1
        for name in FIGURE_FIELDS:
            setattr(figures, name, getattr(row, name))
        figures.save()
        changed, new = [], []
        for topic, number in row.topics.items():
            count = counts.pop(topic.pk, None)
            if count is None:
                new.append(TopicCount(figures=figures, topic=topic, count=number))
            elif count.count != number:
                count.count = number
                changed.append(count)
        TopicCount.objects.bulk_create(new)
        TopicCount.objects.for_district(district).bulk_update(changed, ["count"])
        if counts:  # a topic the row no longer counts
            figures.topics.filter(pk__in=[c.pk for c in counts.values()]).delete()
    return ImportCounts(created=created, updated=updated, unchanged=unchanged)


# --- topics -------------------------------------------------------------------------------------


def case_topic_create(*, district: District, name: str) -> CaseTopic:
    """Add a topic at the end of the District's list (the form has checked the name)."""
    last = CaseTopic.objects.for_district(district).aggregate(last=Max("order"))["last"]
    return CaseTopic.objects.create(district=district, name=name, order=(last or 0) + 1)


@transaction.atomic
def case_topic_move(*, district: District, topic: CaseTopic, up: bool) -> None:
    """Swap a topic with its neighbour above (``up``) or below; the grid, the pages and the
    Sachbericht list the topics in this order."""
    check_district(district, topic)
    topics = list(CaseTopic.objects.for_district(district).select_for_update())
    index = next(i for i, other in enumerate(topics) if other.pk == topic.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(topics):
        topics[index], topics[other] = topics[other], topics[index]
        _renumber(topics)


@transaction.atomic
def case_topic_delete(*, district: District, topic: CaseTopic) -> None:
    """Remove a topic no quarter counts; one with counts stays (their figures would lose a
    column the KI has reported)."""
    check_district(district, topic)
    if (refusal := case_topic_delete_refusal(topic)) is not None:
        raise ValidationError(refusal)
    try:
        topic.delete()
    except ProtectedError as error:  # counted meanwhile
        raise ValidationError(case_topic_delete_refusal(topic)) from error
    _renumber(list(CaseTopic.objects.for_district(district)))


def case_topic_delete_refusal(topic: CaseTopic) -> str | None:
    """Why ``topic`` cannot be removed, in German; None if it can."""
    reports = topic.counts.count()
    if not reports:
        return None
    return (
        f"Das Thema „{topic.name}“ kann nicht entfernt werden: Es ist in {reports} "
        f"Quartalsmeldung{'' if reports == 1 else 'en'} der Kommunen gezählt. Sie können es "
        "umbenennen; die gezählten Fälle bleiben dabei erhalten."
    )


def _renumber(topics: list[CaseTopic]) -> None:
    for order, topic in enumerate(topics, start=1):
        if topic.order != order:
            topic.order = order
            topic.save(update_fields=["order", "modified"])
