"""What a concept version says: its measures, Handlungsfelder and priorities, live for drafts
and frozen for adopted versions (the writes are in ``concepts.services``)."""

from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch

from core.text import counted

from .models import ConceptVersion, WorkPriority


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def measure_state(measure) -> dict:
    """What a version says about one measure; the same shape for live data and snapshots."""
    municipalities = [m.name for m in measure.municipalities.all()]
    return {
        "id": measure.pk,
        "title": measure.title,
        "focus_area": measure.focus_area.name,
        "field_of_action": measure.field_of_action.name if measure.field_of_action else "",
        "status": measure.get_status_display(),
        "kim": measure.is_kim,
        "goal": measure.goal,
        "effect": measure.effect,
        "target_groups": sorted(t.name for t in measure.target_groups.all()),
        "municipalities": sorted(municipalities) or ["kreisweit"],
        "start": measure.start.isoformat() if measure.start else None,
        "end": measure.end.isoformat() if measure.end else None,
        "indicators": [
            {
                "name": i.name,
                "unit": i.unit,
                "baseline": _number(i.baseline),
                "target": _number(i.target),
                "direction": i.get_direction_display(),
            }
            for i in measure.indicators.all()
        ],
    }


def _live_measures(version: ConceptVersion):
    # Measures point at concept versions, never the other way round (README "Aufbau"): their
    # models are reached through the reverse relations, not imported.
    indicator_model = ConceptVersion.measures.rel.related_model.indicators.rel.related_model
    return (
        version.measures.select_related("focus_area", "field_of_action")
        .prefetch_related(
            "municipalities",
            "target_groups",
            Prefetch("indicators", queryset=indicator_model.objects.order_by("name")),
        )
        .order_by("focus_area__order", "title", "pk")
    )


# The version page and the public concept page show the measures a page at a time, so that
# their cost does not grow with a concept of 500 measures (issue 16); the whole-concept PDF and
# the Vorlage hold them all.
MEASURES_PER_PAGE = 25


def measures_page(version: ConceptVersion, number) -> Page:
    """One page of the version's measures, in the form of ``version_contents``: as adopted
    (from the snapshot), or live for drafts (sliced in the database)."""
    if version.adopted_snapshot:
        measures = version.adopted_snapshot.get("measures", [])
        return Paginator(measures, MEASURES_PER_PAGE).get_page(number)
    page = Paginator(_live_measures(version), MEASURES_PER_PAGE).get_page(number)
    page.object_list = [measure_state(m) for m in page.object_list]
    return page


def version_contents(version: ConceptVersion, *, measures: bool = True) -> dict:
    """Measures, Handlungsfelder and priorities of a version: as adopted, or live for drafts.

    ``measures=False`` leaves the measures out (pages take them from ``measures_page``).
    """
    if version.adopted_snapshot:
        return version.adopted_snapshot
    return {
        "measures": [measure_state(m) for m in _live_measures(version)] if measures else [],
        "fields_of_action": [f.name for f in version.fields_of_action.all()],
        "priorities": [
            {"title": p.title, "focus_area": p.focus_area.name, "period": p.work_period.label}
            for p in version.priorities.select_related("focus_area", "work_period").order_by(
                "work_period__start", "focus_area__order", "order", "title"
            )
        ],
    }


# What a version holds none of is said in two ways: the District has none at all, or the
# District has some and none was chosen for this version (issue 13: the concept must not claim
# "keine Handlungsfelder" for a Kreis that has three).
_KINDS = {
    "fields_of_action": ("Handlungsfeld", "Handlungsfelder", "festgelegt"),
    "priorities": ("Arbeitsschwerpunkt", "Arbeitsschwerpunkte", "festgelegt"),
    "measures": ("Maßnahme", "Maßnahmen", "erfasst"),
}


def district_count(district, kind: str) -> int:
    """How many Handlungsfelder, Arbeitsschwerpunkte (all periods) or current measures the
    District has: what a version could hold."""
    if kind == "fields_of_action":
        return district.fields_of_action.count()
    if kind == "priorities":
        return WorkPriority.objects.for_district(district).count()
    return district.measures.filter(is_archived=False).count()


def empty_note(district, kind: str) -> str:
    """The sentence for a version that holds no ``kind`` ("fields_of_action", "priorities",
    "measures"): "keine … festgelegt" only when the District truly has none."""
    singular, plural, verb = _KINDS[kind]
    n = district_count(district, kind)
    if n == 0:
        return f"Der Kreis hat noch keine {plural} {verb}."
    return (
        f"Für diese Fassung sind keine {plural} ausgewählt; "
        f"der Kreis hat {counted(n, singular, plural)}."
    )


def page_contents(version: ConceptVersion, page_number) -> tuple[dict, Page]:
    """What a version page shows: Handlungsfelder and priorities whole, the measures one page
    at a time (``contents["measures"]`` is that page)."""
    contents = dict(version_contents(version, measures=False))
    page = measures_page(version, page_number)
    contents["measures"] = page.object_list
    contents["measure_count"] = page.paginator.count
    return contents, page


def empty_notes(district, contents: dict) -> dict[str, str]:
    """``empty_note`` for each kind the version's ``contents`` hold none of."""
    return {kind: empty_note(district, kind) for kind in _KINDS if not contents.get(kind)}
