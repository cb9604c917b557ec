"""Issue 12 cut two upward edges by moving data: nothing may be lost on the way.

- coordination 0002 copies every ``WorkPriority.origin`` into ``PriorityAdoption`` (with the
  round's who and when) before concepts 0005 drops the field;
- papers 0005 records on each concept version the releases that put it before the council.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Transactional: migrating needs real DDL; serialized_rollback brings back the migrations' data
# (the Schwerpunkte) for whatever runs after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADOPTED_AT = datetime.datetime(2024, 12, 10, 9, 0, tzinfo=datetime.UTC)


def migrate(targets):
    """Migrate to ``targets``; returns the historical apps of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _district(apps, slug):
    District = apps.get_model("districts", "District")
    return District.objects.create(name=f"Kreis {slug}", slug=slug)


def test_every_origin_becomes_an_adoption_with_who_and_when():
    apps = migrate(
        [
            ("coordination", "0001_initial"),
            ("concepts", "0004_versions_lifecycle"),
            ("districts", "0002_nrw_districts"),  # later District fields are not set here
        ]
    )
    district = _district(apps, "alt")
    lead = apps.get_model("accounts", "User").objects.create(username="leitung-alt")
    period = apps.get_model("concepts", "WorkPeriod").objects.create(
        district=district, start=datetime.date(2025, 1, 1), end=datetime.date(2026, 12, 31)
    )
    round_ = apps.get_model("coordination", "PriorityRound").objects.create(
        district=district,
        work_period=period,
        title="Runde 2024",
        opens_on=datetime.date(2024, 9, 1),
        closes_on=datetime.date(2024, 10, 31),
        status="uebernommen",
        adopted_at=ADOPTED_AT,
        adopted_by=lead,
    )
    # The Schwerpunkt from concepts 0003; made again if an earlier transactional test emptied
    # the table (serialized_rollback does not always bring it back on SQLite).
    focus, _ = apps.get_model("concepts", "FocusArea").objects.get_or_create(
        code="bildung", defaults={"name": "Integration durch Bildung", "order": 1}
    )
    WorkPriority = apps.get_model("concepts", "WorkPriority")
    adopted = WorkPriority.objects.create(
        work_period=period, focus_area=focus, title="Sprachbildung", origin=round_
    )
    WorkPriority.objects.create(work_period=period, focus_area=focus, title="Eigenes Thema")

    migrate_to_latest()

    from concepts.models import WorkPriority as Current
    from coordination.models import PriorityAdoption

    adoption = PriorityAdoption.objects.get()
    assert (adoption.priority_id, adoption.round_id) == (adopted.pk, round_.pk)
    assert (adoption.adopted_at, adoption.adopted_by_id) == (ADOPTED_AT, lead.pk)
    assert Current.objects.count() == 2  # the priority without a round stays as it was


def test_released_papers_mark_the_versions_they_presented():
    apps = migrate(
        [
            ("papers", "0004_content_types"),
            ("concepts", "0006_version_presented_to_council"),
            ("districts", "0002_nrw_districts"),  # later District fields are not set here
        ]
    )
    district = _district(apps, "vorlagen")
    concept = apps.get_model("concepts", "Concept").objects.create(district=district)
    ConceptVersion = apps.get_model("concepts", "ConceptVersion")
    public, internal, unreleased, alone = (
        ConceptVersion.objects.create(concept=concept, number=n, title=f"Fassung {n}")
        for n in (1, 2, 3, 4)
    )
    DecisionPaper = apps.get_model("papers", "DecisionPaper")
    PaperRelease = apps.get_model("papers", "PaperRelease")

    def paper(version, releases):
        made = DecisionPaper.objects.create(
            district=district,
            reference=f"50/{version.number}/2026",
            date=datetime.date(2026, 5, 1),
            subject="Integrationskonzept",
            concept_version=version,
            revision=max([1, *(r for r, _day, _public in releases)]),
        )
        for revision, day, is_public in releases:
            PaperRelease.objects.create(
                paper=made,
                revision=revision,
                released_at=datetime.datetime(2026, 5, day, 9, 0, tzinfo=datetime.UTC),
                reference=made.reference,
                subject=made.subject,
                is_public=is_public,
                paper_type=made.paper_type,
                pdf=b"%PDF",
                sha256="0" * 64,
                size=4,
            )

    # Fassung 1: first released nichtöffentlich, then öffentlich: the latest release counts.
    paper(public, [(1, 5, False), (2, 12, True)])
    # Fassung 2: öffentlich first, nichtöffentlich since: the council only.
    paper(internal, [(1, 6, True), (2, 13, False)])
    paper(unreleased, [])

    migrate_to_latest()

    from concepts.models import ConceptVersion as Current

    presented = {
        v.number: (v.presented_to_council_on, v.presented_publicly)
        for v in Current.objects.filter(pk__in=[public.pk, internal.pk, unreleased.pk, alone.pk])
    }
    assert presented == {
        1: (datetime.date(2026, 5, 5), True),
        2: (datetime.date(2026, 5, 6), False),
        3: (None, False),
        4: (None, False),
    }
