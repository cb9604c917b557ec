"""What a concept version says: its measures, Handlungsfelder and priorities, live for drafts
and frozen for adopted versions (the writes are in ``concepts.services``)."""

from decimal import Decimal

from django.db.models import Prefetch

from .models import ConceptVersion


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
        .order_by("focus_area__order", "title")
    )


def version_contents(version: ConceptVersion) -> dict:
    """Measures, Handlungsfelder and priorities of a version: as adopted, or live for drafts."""
    if version.adopted_snapshot:
        return version.adopted_snapshot
    return {
        "measures": [measure_state(m) for m in _live_measures(version)],
        "fields_of_action": [f.name for f in version.fields_of_action.all()],
        "priorities": [
            {"title": p.title, "focus_area": p.focus_area.name, "period": p.work_period.label}
            for p in version.priorities.select_related("focus_area", "work_period").order_by(
                "work_period__start", "focus_area__order", "order", "title"
            )
        ],
    }
