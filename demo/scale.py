"""Grow a demo database to the scale of all of NRW (issue 16: ``manage.py seed_scale``).

At ``factor`` 1 the database holds, in all (demo content included): ≈ 400 municipalities,
5,000 measures with 2 indicators of 5 measurements each (10,000 / 50,000), 3,000 published actors
with offers and contact persons, and 500 council papers with their Beratungsfolge and meetings,
spread over the 54 Districts the migration ``districts/0002`` already created, Kreis Mettmann
holding a tenth. Every generated object names itself as benchmark data ("Benchmark-…",
"Skalierungsgemeinde …"), so nobody mistakes it for content.

Running is top-up, not additive: each District is filled up to its target, counting what it
already has; a second run with the same factor writes nothing, a run with a larger factor adds
the rest. Rows are written with ``bulk_create`` in batches; models with django-simple-history
get their history rows through ``bulk_create_with_history`` like a save would.

Not written: OParl's ``Publication`` record (the oparl app, a sibling layer, keeps it in step on
the next save in the District; the OParl lists read the papers themselves, not this record).
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from actors.models import Actor, ActorType, Committee, ContactPerson, Meeting, Offer
from actors.search import refresh_search_texts
from concepts.models import ConceptVersion, FieldOfAction, FocusArea, TargetGroup
from districts.models import District, Municipality
from measures.latest import refresh_latest_values
from measures.models import SEARCHED_FIELDS, Indicator, Measure, Measurement, search_text_of
from papers.models import Consultation, DecisionPaper, PaperRelease

BATCH = 1000
MARK = "Benchmark"
NOTE = "Benchmark-Daten von manage.py seed_scale (issue 16), keine echten Inhalte."

# Issue 16: "54 Districts, ≈ 400 municipalities, ≈ 5,000 measures, ≈ 10,000 indicators,
# ≈ 50,000 measurements, ≈ 3,000 actors, ≈ 500 papers; Kreis Mettmann holding a tenth".
TOTALS = {"municipalities": 400, "measures": 5000, "actors": 3000, "papers": 500}
INDICATORS_PER_MEASURE = 2
MEASUREMENTS_PER_INDICATOR = 5
BENCHMARK_DISTRICT = "kreis-mettmann"
BENCHMARK_SHARE = 0.1
# Issue 16: at factor 0.1 "every list's first page is already full". The largest first pages:
# measures and papers 25 (KI lists), actors 25 (KI list; public directory and OParl 20).
FULL_FIRST_PAGE = {"measures": 26, "actors": 26, "papers": 26}


class NotADemoDatabase(Exception):
    """The database does not hold the demo content (``load_demo``), or DEBUG is off."""


@dataclass
class ScaleStats:
    created: Counter = field(default_factory=Counter)

    def add(self, label: str, count: int) -> None:
        self.created[label] += count


def check_demo_database() -> None:
    """Raise ``NotADemoDatabase`` unless ``load_demo`` filled this database and DEBUG is on.

    ``load_demo`` leaves no marker of its own, so the demo is recognised by its content: the
    KI staff user of Kreis Mettmann, and measures in that District."""
    if not settings.DEBUG:
        raise NotADemoDatabase(
            "DEBUG ist aus – das sieht nach einem Produktivsystem aus. "
            "seed_scale schreibt zehntausende Benchmark-Zeilen; nur mit --force."
        )
    district = District.objects.filter(slug=BENCHMARK_DISTRICT).first()
    if (
        district is None
        or not User.objects.filter(username=f"ki.{BENCHMARK_DISTRICT}").exists()
        or not district.measures.exists()
    ):
        raise NotADemoDatabase(
            "Diese Datenbank enthält keine Demodaten (Kreis Mettmann mit Maßnahmen und dem "
            "Zugang ki.kreis-mettmann). Erst „manage.py load_demo“, oder --force."
        )


def _shares(total: int, districts: list[District], *, floor: int = 0) -> dict[int, int]:
    """District id -> target count: Kreis Mettmann a tenth (at least ``floor``), the others the
    rest in equal parts."""
    benchmark = next(d for d in districts if d.slug == BENCHMARK_DISTRICT)
    own = max(round(total * BENCHMARK_SHARE), floor)
    others = [d for d in districts if d.pk != benchmark.pk]
    rest = max(total - round(total * BENCHMARK_SHARE), 0)
    shares = {benchmark.pk: own}
    for i, district in enumerate(others):
        shares[district.pk] = rest * (i + 1) // len(others) - rest * i // len(others)
    return shares


def _count_by_district(queryset, path: str = "district") -> Counter:
    rows = queryset.order_by().values(path).annotate(n=Count("pk"))
    return Counter({row[path]: row["n"] for row in rows})


def seed_scale(*, factor: float = 1.0) -> ScaleStats:
    """Fill every District up to its share of ``TOTALS`` × ``factor`` (see module docstring)."""
    stats = ScaleStats()
    with transaction.atomic():
        _Seeder(stats, factor).run()
    return stats


class _Seeder:
    def __init__(self, stats: ScaleStats, factor: float):
        self.stats = stats
        self.factor = factor
        self.districts = list(District.objects.order_by("official_key"))
        self.focus_areas = list(FocusArea.objects.order_by("pk"))
        self.types = list(ActorType.objects.order_by("pk"))

    def target(self, kind: str, *, districts=None) -> dict[int, int]:
        total = round(TOTALS[kind] * self.factor)
        return _shares(total, districts or self.districts, floor=FULL_FIRST_PAGE.get(kind, 0))

    def run(self) -> None:
        self.municipalities()
        self.fields_and_groups()
        self.actors()
        self.measures()
        self.papers()

    # -- municipalities, fields of action, target groups -------------------------------------

    def municipalities(self) -> None:
        # Only a Kreis has kreisangehörige Gemeinden; kreisfreie Städte get none.
        kreise = [
            d
            for d in self.districts
            if d.kind == District.Kind.KREIS or d.slug == BENCHMARK_DISTRICT
        ]
        targets = self.target("municipalities", districts=kreise)
        have = _count_by_district(Municipality.objects.all())
        taken = Municipality.objects.filter(name__startswith="Skalierungsgemeinde ").count()
        new = []
        for district in kreise:
            for _ in range(max(targets[district.pk] - have[district.pk], 0)):
                taken += 1
                # Synthetic names, no AGS: nothing here pretends to be a real Gemeinde.
                new.append(
                    Municipality(
                        district=district,
                        name=f"Skalierungsgemeinde {taken}",
                        slug=f"skalierungsgemeinde-{taken}",
                        population_source=NOTE,
                    )
                )
        Municipality.objects.bulk_create(new, batch_size=BATCH)
        self.stats.add("Kommunen", len(new))

    def fields_and_groups(self) -> None:
        """Districts without content get four Handlungsfelder and three Zielgruppen to point to."""
        with_fields = set(FieldOfAction.objects.values_list("district", flat=True))
        with_groups = set(TargetGroup.objects.values_list("district", flat=True))
        fields = [
            FieldOfAction(district=d, name=f"{MARK}-Handlungsfeld {i}", description=NOTE, order=i)
            for d in self.districts
            if d.pk not in with_fields
            for i in range(1, 5)
        ]
        groups = [
            TargetGroup(district=d, name=f"{MARK}-Zielgruppe {i}")
            for d in self.districts
            if d.pk not in with_groups
            for i in range(1, 4)
        ]
        FieldOfAction.objects.bulk_create(fields, batch_size=BATCH)
        TargetGroup.objects.bulk_create(groups, batch_size=BATCH)
        self.stats.add("Handlungsfelder", len(fields))
        self.stats.add("Zielgruppen", len(groups))

    def _by_district(self, model) -> dict[int, list]:
        rows: dict[int, list] = {d.pk: [] for d in self.districts}
        for obj in model.objects.order_by("pk"):
            rows[obj.district_id].append(obj)
        return rows

    # -- actors ------------------------------------------------------------------------------

    def actors(self) -> None:
        targets = self.target("actors")
        # The targets count published actors: the public directory is what must fill.
        have = _count_by_district(Actor.objects.filter(is_published=True))
        numbers = _count_by_district(Actor.objects.filter(name__startswith=f"{MARK}-Akteur "))
        municipalities = self._by_district(Municipality)
        fields = self._by_district(FieldOfAction)
        new = []
        for district in self.districts:
            places = municipalities[district.pk]
            for i in range(max(targets[district.pk] - have[district.pk], 0)):
                n = numbers[district.pk] + i + 1
                new.append(
                    Actor(
                        district=district,
                        name=f"{MARK}-Akteur {n:04d}",
                        type=self.types[n % len(self.types)],
                        # Every third actor works kreisweit (no municipality).
                        municipality=places[n % len(places)] if places and n % 3 else None,
                        description=NOTE,
                        address=f"Musterstraße {n}, 00000 Benchmark",
                        is_published=True,
                    )
                )
        actors = bulk_create_with_history(new, Actor, batch_size=BATCH)
        Offer.objects.bulk_create(
            (
                Offer(
                    actor=a,
                    title=f"{MARK}-Angebot {a.name[-4:]}-{j}",
                    description=NOTE,
                    is_published=True,
                )
                for a in actors
                for j in (1, 2)
            ),
            batch_size=BATCH,
        )
        ContactPerson.objects.bulk_create(
            (
                ContactPerson(
                    actor=a,
                    name=f"Kontakt {a.name}",
                    email="benchmark@example.org",
                    consents_to_publication=True,
                    consent_date=datetime.date(2026, 1, 1),
                )
                for a in actors
            ),
            batch_size=BATCH,
        )
        Actor.fields_of_action.through.objects.bulk_create(
            (
                Actor.fields_of_action.through(
                    actor=a, fieldofaction=fields[a.district_id][i % len(fields[a.district_id])]
                )
                for i, a in enumerate(actors)
                if fields[a.district_id]
            ),
            batch_size=BATCH,
        )
        # bulk_create sends no signal: the public directory's folded search text (issue 16)
        # is written here once the offers and links are in.
        refresh_search_texts(Actor.objects.filter(pk__in=[a.pk for a in actors]))
        self.stats.add("Akteure", len(actors))
        self.stats.add("Angebote", 2 * len(actors))
        self.stats.add("Kontaktpersonen", len(actors))

    # -- measures, indicators, measurements --------------------------------------------------

    def measures(self) -> None:
        targets = self.target("measures")
        have = _count_by_district(Measure.objects.all())
        numbers = _count_by_district(Measure.objects.filter(title__startswith=f"{MARK}-Maßnahme "))
        municipalities = self._by_district(Municipality)
        fields = self._by_district(FieldOfAction)
        groups = self._by_district(TargetGroup)
        actors = self._by_district(Actor)
        statuses = [s for s, _ in Measure.Status.choices]
        new = []
        for district in self.districts:
            own_fields, own_actors = fields[district.pk], actors[district.pk]
            for i in range(max(targets[district.pk] - have[district.pk], 0)):
                n = numbers[district.pk] + i + 1
                measure = Measure(
                    district=district,
                    title=f"{MARK}-Maßnahme {n:04d}",
                    focus_area=self.focus_areas[n % len(self.focus_areas)],
                    field_of_action=own_fields[n % len(own_fields)] if own_fields else None,
                    status=statuses[n % len(statuses)],
                    start=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 365),
                    goal=f"Ziel der Benchmark-Maßnahme {n}. {NOTE}",
                    effect="Wirkung: Teilnehmende erreichen, Angebote ausbauen.",
                    lead_actor=own_actors[n % len(own_actors)] if own_actors else None,
                )
                # bulk_create skips Measure.save(), which keeps the catalogue's search text.
                measure.search_text = search_text_of(
                    *(getattr(measure, f) for f in SEARCHED_FIELDS)
                )
                new.append(measure)
        measures = bulk_create_with_history(new, Measure, batch_size=BATCH)
        through = Measure.municipalities.through
        through.objects.bulk_create(
            (
                through(measure=m, municipality=places[i % len(places)])
                for i, m in enumerate(measures)
                if (places := municipalities[m.district_id])
            ),
            batch_size=BATCH,
        )
        through = Measure.target_groups.through
        through.objects.bulk_create(
            (
                through(measure=m, targetgroup=own[i % len(own)])
                for i, m in enumerate(measures)
                if (own := groups[m.district_id])
            ),
            batch_size=BATCH,
        )
        through = Measure.partner_actors.through
        through.objects.bulk_create(
            (
                through(measure=m, actor=own[(i + 1) % len(own)])
                for i, m in enumerate(measures)
                if (own := actors[m.district_id])
            ),
            batch_size=BATCH,
        )
        indicators = bulk_create_with_history(
            [
                Indicator(
                    measure=m,
                    name=name,
                    unit=unit,
                    baseline=Decimal(10),
                    baseline_date=datetime.date(2023, 12, 31),
                    target=Decimal(target),
                    target_date=datetime.date(2027, 12, 31),
                )
                for m in measures
                for name, unit, target in (
                    ("Teilnehmende", "Personen", 100),
                    ("Angebote", "Anzahl", 20),
                )[:INDICATORS_PER_MEASURE]
            ],
            Indicator,
            batch_size=BATCH,
        )
        measurements = bulk_create_with_history(
            [
                Measurement(
                    indicator=indicator,
                    value=Decimal(10 + (i * 7 + j * 13) % 90),
                    date=datetime.date(2024, 3, 31) + datetime.timedelta(days=91 * j),
                    source=MARK,
                )
                for i, indicator in enumerate(indicators)
                for j in range(MEASUREMENTS_PER_INDICATOR)
            ],
            Measurement,
            batch_size=BATCH,
        )
        # bulk_create sends no post_save: the latest kreisweit value on each Kennzahl (the
        # dashboard's "hinter dem Ziel", issue 16) is set here, in one UPDATE per batch.
        refresh_latest_values(indicator.pk for indicator in indicators)
        # A District's concept in work lists its measures: the newest version not yet adopted
        # (adopted ones show their frozen snapshot) gets the generated ones, so the concept page
        # and the whole-concept PDF grow with the District (issue 16: 500 measures, ≈ 170 pages).
        live = {}
        for version in (
            ConceptVersion.objects.filter(adopted_snapshot__isnull=True)
            .select_related("concept")
            .order_by("number")
        ):
            live[version.concept.district_id] = version
        through = Measure.concept_versions.through
        through.objects.bulk_create(
            (
                through(measure=m, conceptversion=live[m.district_id])
                for m in measures
                if m.district_id in live
            ),
            batch_size=BATCH,
        )
        self.stats.add("Maßnahmen", len(measures))
        self.stats.add("Kennzahlen", len(indicators))
        self.stats.add("Messwerte", len(measurements))

    # -- council papers, meetings ------------------------------------------------------------

    def papers(self) -> None:
        targets = self.target("papers")
        have = _count_by_district(DecisionPaper.objects.all())
        numbers = _count_by_district(DecisionPaper.objects.filter(reference__startswith="BM/"))
        wanted = {
            d.pk: max(targets[d.pk] - have[d.pk], 0)
            for d in self.districts
            if targets[d.pk] > have[d.pk]
        }
        committees = {
            c.district_id: c
            for c in Committee.objects.filter(name=f"{MARK}-Ausschuss", district__in=wanted)
        }
        new_committees = [
            Committee(district=d, name=f"{MARK}-Ausschuss", kind=Committee.Kind.SPECIALIST)
            for d in self.districts
            if d.pk in wanted and d.pk not in committees
        ]
        for committee in Committee.objects.bulk_create(new_committees):
            committees[committee.district_id] = committee
        # One meeting per two papers; each paper is advised in one and decided in the next.
        meetings = Meeting.objects.bulk_create(
            (
                Meeting(
                    committee=committees[pk],
                    start=datetime.datetime(2026, 1, 5, 17, tzinfo=datetime.UTC)
                    + datetime.timedelta(days=7 * (numbers[pk] // 2 + j)),
                    location=f"{MARK}-Sitzungsraum",
                )
                for pk, count in wanted.items()
                for j in range(math.ceil(count / 2) + 1)
            ),
            batch_size=BATCH,
        )
        by_committee: dict[int, list[Meeting]] = {}
        for meeting in meetings:
            by_committee.setdefault(meeting.committee.district_id, []).append(meeting)
        district_of = {d.pk: d for d in self.districts}
        papers = []
        for pk, count in wanted.items():
            for i in range(count):
                n = numbers[pk] + i + 1
                papers.append(
                    DecisionPaper(
                        district=district_of[pk],
                        reference=f"BM/{n:04d}",
                        date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 365),
                        subject=f"{MARK}-Vorlage {n:04d}",
                        # One in five nichtöffentlich, one in ten still a draft.
                        is_public=n % 5 != 0,
                        proposal=f"Beschlussvorschlag. {NOTE}",
                        released_at=None
                        if n % 10 == 0
                        else datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC),
                    )
                )
        papers = DecisionPaper.objects.bulk_create(papers, batch_size=BATCH)
        consultations = []
        position: Counter = Counter()
        for paper in papers:
            own = by_committee[paper.district_id]
            k = position[paper.district_id]
            position[paper.district_id] += 1
            for order, meeting in enumerate(own[k // 2 : k // 2 + 2], start=1):
                consultations.append(
                    Consultation(
                        paper=paper,
                        meeting=meeting,
                        order=order,
                        role="entscheidung" if order == 2 else "vorberatung",
                        authoritative=order == 2,
                        result="einstimmig" if order == 2 and k % 2 else "",
                    )
                )
        Consultation.objects.bulk_create(consultations, batch_size=BATCH)
        # A stand-in PDF: the benchmark pages list releases, none of them opens the file.
        pdf = b"%PDF-1.7 benchmark"
        releases = PaperRelease.objects.bulk_create(
            (
                PaperRelease(
                    paper=paper,
                    revision=1,
                    released_at=paper.released_at,
                    reference=paper.reference,
                    subject=paper.subject,
                    is_public=paper.is_public,
                    paper_date=paper.date,
                    paper_type=paper.paper_type,
                    pdf=pdf,
                    sha256="0" * 64,
                    size=len(pdf),
                )
                for paper in papers
                if paper.released_at
            ),
            batch_size=BATCH,
        )
        self.stats.add("Gremien", len(new_committees))
        self.stats.add("Sitzungen", len(meetings))
        self.stats.add("Vorlagen", len(papers))
        self.stats.add("Beratungen", len(consultations))
        self.stats.add("Freigaben", len(releases))
