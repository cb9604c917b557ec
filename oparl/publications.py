"""Keeps ``Publication`` in step with what OParl shows (see oparl/models.py).

After every commit that saved or deleted an object OParl can show (Gremium, Sitzung, Vorlage,
Freigabe, Beratung, freigegebene Anlage, Tagesordnungspunkt), the District's public set is compared with the record:
what is new is recorded, what is gone gets ``left_at`` = now (its tombstone), and what came back
(a paper released öffentlich again) loses its tombstone. Comparing sets rather than reasoning
about each change keeps every way out covered, including cascades and ``bulk_create``.

The lower apps know nothing of this: the receivers are connected in ``OparlConfig.ready``.
"""

import threading

from django.db import transaction
from django.utils import timezone

from actors.models import Committee, Meeting
from districts.models import District
from papers.models import (
    AgendaItem,
    Consultation,
    DecisionPaper,
    PaperRelease,
    ReleasedAttachment,
)

from . import agenda, queries
from .models import Publication

Kind = Publication.Kind


def public_set(district: District) -> dict[str, dict[tuple[int, str], tuple]]:
    """kind -> {(id, key): (created, paper id)} of everything OParl shows of ``district`` now
    (the key tells an AgendaItem from the other items of its meeting, "" for other kinds)."""
    rows = {
        Kind.ORGANIZATION: queries.committees(district).values_list("pk", "created"),
        Kind.MEETING: queries.public_meetings(district).values_list("pk", "created"),
        Kind.PAPER: DecisionPaper.objects.for_district(district)
        .public_released()
        .values_list("pk", "created", "pk"),
        Kind.CONSULTATION: queries.public_consultations(district).values_list(
            "pk", "created", "paper_id"
        ),
        Kind.RELEASE_FILE: queries.public_release_files(district).values_list(
            "pk", "released_at", "paper_id"
        ),
        Kind.ATTACHMENT_FILE: queries.public_attachment_files(district).values_list(
            "pk", "created", "release__paper_id"
        ),
    }
    result = {}
    for kind, values in rows.items():
        result[kind] = {(row[0], ""): (row[1], row[2] if len(row) > 2 else None) for row in values}
    # Issue 20: the agendas of the published meetings and their places (a few queries for all
    # meetings of the District, however many).
    result[Kind.AGENDA_ITEM], result[Kind.LOCATION] = {}, {}
    for meeting in queries.meetings_for_output(district):
        for item in agenda.published_items(meeting):
            result[Kind.AGENDA_ITEM][(meeting.pk, item.key)] = (item.created, None)
        if agenda.location_of(meeting):
            result[Kind.LOCATION][(meeting.pk, "")] = (meeting.created, None)
    return result


def record_publications(district: District) -> None:
    """Bring ``Publication`` of ``district`` in line with its public set (idempotent; two
    servers doing it at once do not collide: a row the other one made is left as it is)."""
    with transaction.atomic():
        _record(district)


def _record(district: District) -> None:
    now = timezone.now()
    current = public_set(district)
    records = Publication.objects.for_district(district)
    stored = {
        (kind, (object_id, key)): (pk, left_at)
        for pk, kind, object_id, key, left_at in records.values_list(
            "pk", "kind", "object_id", "object_key", "left_at"
        )
    }
    new, back, gone = [], [], []
    for kind, objects in current.items():
        for ident, (created, paper_id) in objects.items():
            if (kind, ident) not in stored:
                new.append(
                    Publication(
                        district=district,
                        kind=kind,
                        object_id=ident[0],
                        object_key=ident[1],
                        paper_id=paper_id,
                        created=created,
                        published_at=now,
                    )
                )
            elif stored[(kind, ident)][1] is not None:
                back.append(stored[(kind, ident)][0])
    for (kind, ident), (pk, left_at) in stored.items():
        if left_at is None and ident not in current[kind]:
            gone.append(pk)
    if new:
        Publication.objects.bulk_create(new, ignore_conflicts=True)
    if back:
        records.filter(pk__in=back).update(left_at=None, published_at=now)
    if gone:
        records.filter(pk__in=gone).update(left_at=now)


def record_all() -> None:
    for district in District.objects.order_by("pk"):
        record_publications(district)


# -- Receivers


def _district_id(instance) -> int | None:
    """The District of a saved or deleted object; None if it cannot be found any more (a
    cascade from above: the parent's own signal covers it)."""
    try:
        if isinstance(instance, Committee | DecisionPaper):
            return instance.district_id
        if isinstance(instance, Meeting):
            return instance.committee.district_id
        if isinstance(instance, AgendaItem):
            return instance.meeting.committee.district_id
        if isinstance(instance, PaperRelease | Consultation):
            return instance.paper.district_id
        if isinstance(instance, ReleasedAttachment):
            return instance.release.paper.district_id
    except (
        Committee.DoesNotExist,
        DecisionPaper.DoesNotExist,
        PaperRelease.DoesNotExist,
        Meeting.DoesNotExist,
    ):
        return None
    return None


_pending = threading.local()


def _schedule(district_id: int) -> None:
    """Record the District's public set once the transaction commits. Every save registers a
    callback, but after a commit only the first of a District's callbacks does the work: the
    others share its token (a rolled-back transaction drops its callbacks, never the work)."""
    tokens = _pending.__dict__.setdefault("tokens", {})
    token = tokens.setdefault(district_id, {"done": False})

    def run():
        if tokens.get(district_id) is token:
            del tokens[district_id]
        if token["done"]:
            return
        token["done"] = True
        district = District.objects.filter(pk=district_id).first()
        if district is not None:
            record_publications(district)

    # robust: a failure here is logged and mended by the next commit, never a 500 after the
    # user's change was saved.
    transaction.on_commit(run, robust=True)


def changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata
        return
    district_id = _district_id(instance)
    if district_id is not None:
        _schedule(district_id)


WATCHED = (
    Committee,
    Meeting,
    DecisionPaper,
    PaperRelease,
    Consultation,
    ReleasedAttachment,
    AgendaItem,
)


def after_migrate(sender, using="default", **kwargs) -> None:
    """Objects public before this record existed count as published from the first migrate.
    Only when the database is fully migrated: the queries use today's models."""
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    record_all()
