"""The Land's table of all KIs (issue 17): one row per District, in a constant number of queries.

The Förderfähigkeit rules are computed here for all Districts at once from data fetched in bulk;
``tests/land/test_overview.py`` checks that every rule gives the same result (and names the same
objects) as the per-District checklist. The rules themselves – what they ask and why – are
documented there; a change to a rule must change both (the test fails otherwise).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from actors.models import Actor, ActorType
from concepts.deadlines import Deadline, deadline_for
from concepts.due import submission_version
from concepts.models import (
    ConceptSection,
    ConceptVersion,
    FocusArea,
    MunicipalAgreement,
    WorkPeriod,
    WorkPriority,
)
from concepts.queries import draft_in_progress, version_in_force
from concepts.rules import (
    NO_WORK_PERIOD,
    agreement_failures,
    not_adopted_failure,
    outdated_failure,
    submission_failure,
)
from core.dates import add_years
from districts.models import District, Municipality, RequirementSet, StaffPost
from districts.rules import no_set_failure, staffing_failures
from kim.models import CaseFigures
from kim.models import Post as KimPost
from kim.privacy import SMALL, shown
from measures.models import Indicator, Measure
from reports.models import ProgressReport

# The Regierungsbezirk is the third digit of the official key (Amtlicher Gemeindeschlüssel:
# 2 digits Land, 1 Regierungsbezirk, 2 Kreis – Destatis, Gemeindeverzeichnis GV-ISys), so the
# District needs no field for it. NRW: 1 Düsseldorf, 3 Köln, 5 Münster, 7 Detmold, 9 Arnsberg.
REGIERUNGSBEZIRKE = {
    "1": "Düsseldorf",
    "3": "Köln",
    "5": "Münster",
    "7": "Detmold",
    "9": "Arnsberg",
}

# The checklist's rules in its order, with a short heading for the table's columns.
RULES: tuple[tuple[str, str], ...] = (
    ("schwerpunkte", "Beide Schwerpunkte"),
    ("prioritaeten", "Maßnahmen je Arbeits­schwerpunkt"),
    ("kennzahlen", "Kennzahlen mit Zielwert"),
    ("kooperationsgebot", "Pflicht-Akteure"),
    ("einvernehmen", "Einvernehmen der Kommunen"),
    ("personal", "Stellenplan"),
    ("beschluss", "Beschluss in Kraft"),
    ("vorlage_land", "Vorlage beim Land"),
    ("aktualitaet", "Konzept aktuell"),
)
RULE_LABELS = dict(RULES)

# Sentinel for "no activity" in the SQL of ``last_activity`` (GREATEST differs on NULL between
# SQLite and PostgreSQL, so every part is coalesced to it).
_NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _agreements(districts, states) -> dict[int, list[str]]:
    """The Einvernehmen rule for every District in two queries (municipalities, answers to
    each District's version worked on: the draft, else the one in force)."""
    worked_on = {pk: draft or in_force for pk, (in_force, draft) in states.items()}
    names: dict[int, list[str]] = {d.pk: [] for d in districts}
    for district_id, name in (
        Municipality.objects.filter(district_id__in=names)
        .order_by("name")
        .values_list("district_id", "name")
    ):
        names[district_id].append(name)
    answers: dict[int, dict[str, tuple[str, bool]]] = {pk: {} for pk in names}
    labels = dict(MunicipalAgreement.Decision.choices)
    version_district = {v.pk: pk for pk, v in worked_on.items() if v is not None}
    for version_id, name, decision in MunicipalAgreement.objects.filter(
        version_id__in=version_district
    ).values_list("version_id", "municipality__name", "decision"):
        answers[version_district[version_id]][name] = (
            labels[decision],
            decision == MunicipalAgreement.Decision.REFUSED,
        )
    return {pk: agreement_failures(worked_on[pk], names[pk], answers[pk]) for pk in names}


def regierungsbezirk(district: District) -> str:
    return REGIERUNGSBEZIRKE.get(district.official_key[2:3], "")


@dataclass
class RuleResult:
    """One rule of the checklist for one District: passed, or the objects that fail it."""

    code: str
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def label(self) -> str:
        return RULE_LABELS[self.code]


@dataclass
class Row:
    district: District
    in_force: ConceptVersion | None
    draft: ConceptVersion | None
    deadline: Deadline | None
    rules: list[RuleResult]
    funded_fte: Decimal
    fundable_fte: Decimal | None
    period: WorkPeriod | None
    priorities: list[tuple[str, list[str]]]
    report: ProgressReport | None
    last_activity: datetime.datetime | None
    today: datetime.date
    kim: "KimFigures | None" = None

    @property
    def regierungsbezirk(self) -> str:
        return regierungsbezirk(self.district)

    @property
    def age_years(self) -> int | None:
        """Full years since the Kreistag adopted the concept in force."""
        if self.in_force is None or self.in_force.decided_on is None:
            return None
        decided, today = self.in_force.decided_on, self.today
        years = today.year - decided.year
        return years - 1 if add_years(decided, years) > today else years

    @property
    def failing(self) -> list[RuleResult]:
        return [rule for rule in self.rules if not rule.passed]

    def rule(self, code: str) -> RuleResult:
        return next(rule for rule in self.rules if rule.code == code)


@dataclass
class KimFigures:
    """A District's KIM in the Land's table (issue 19): posts filled and funded, and the cases
    in active case management in the latest quarter with figures, per 1,000 inhabitants."""

    fte: Decimal = Decimal(0)
    filled: Decimal = Decimal(0)
    funded: Decimal = Decimal(0)
    quarter: tuple[int, int] | None = None
    active: int | None = None
    population: int | None = None

    @property
    def active_shown(self) -> str | None:
        """The count, or "< 5" (kim/privacy.py): the Land is outside the KI."""
        return None if self.active is None else shown(self.active, exact=False)

    @property
    def per_thousand(self) -> Decimal | None:
        """Active cases per 1,000 inhabitants (IT.NRW population, land/population.py); not
        where the count itself is hidden, since the rate would give it away."""
        if self.active is None or not self.population or 0 < self.active < SMALL:
            return None
        return (Decimal(self.active) * 1000 / self.population).quantize(Decimal("0.01"))


def _kim(districts) -> dict[int, KimFigures]:
    """Two queries, whatever the number of Districts."""
    ids = [d.pk for d in districts]
    figures = {d.pk: KimFigures(population=d.population) for d in districts}
    posts = (
        KimPost.objects.filter(district_id__in=ids)
        .values("district_id", "state", "funded")
        .annotate(total=Sum("fte"))
        .order_by()
    )
    for row in posts:
        entry = figures[row["district_id"]]
        entry.fte += row["total"]
        if row["state"] == KimPost.State.FILLED:
            entry.filled += row["total"]
        if row["funded"]:
            entry.funded += row["total"]
    quarters = (
        CaseFigures.objects.filter(district_id__in=ids)
        .values("district_id", "year", "quarter")
        .annotate(active=Sum("active"))
        .order_by("district_id", "-year", "-quarter")
    )
    for row in quarters:
        entry = figures[row["district_id"]]
        if entry.quarter is None:
            entry.quarter = (row["year"], row["quarter"])
            entry.active = row["active"]
    return {pk: entry for pk, entry in figures.items() if entry.fte or entry.quarter}


def requirements_of(district: District):
    """The District's own Land requirements (the deadline at the Land; None if it has none)."""
    return getattr(district, "land_requirements", None)


def requirement_sets_on(today: datetime.date) -> dict[str, RequirementSet]:
    """The Land's set per variant valid on ``today`` (issue 17), in one query."""
    sets: dict[str, RequirementSet] = {}
    for requirement_set in RequirementSet.objects.valid_on(today).order_by("valid_from"):
        sets.setdefault(requirement_set.variant, requirement_set)
    return sets


def _districts(filters: dict):
    latest_report = ProgressReport.objects.filter(district=OuterRef("pk")).order_by(
        "-period_end", "title"
    )
    districts = (
        District.objects.select_related("land_requirements", "concept")
        .prefetch_related("concept__versions", "staff_posts")
        .annotate(
            latest_report_id=Subquery(latest_report.values("pk")[:1], output_field=IntegerField()),
            last_activity=last_activity_expression(),
        )
        .order_by("name")
    )
    if filters.get("bezirk"):
        districts = districts.filter(official_key__startswith=f"05{filters['bezirk']}")
    if filters.get("art"):
        districts = districts.filter(kind=filters["art"])
    return list(districts)


def last_activity_expression():
    """The newest ``modified`` across the District's main objects, in SQL (one expression)."""

    def newest(queryset):
        value = Subquery(
            queryset.order_by("-modified").values("modified")[:1], output_field=DateTimeField()
        )
        return Coalesce(value, Value(_NEVER, output_field=DateTimeField()))

    sources = [
        Measure.objects.filter(district=OuterRef("pk")),
        Indicator.objects.filter(measure__district=OuterRef("pk")),
        Actor.objects.filter(district=OuterRef("pk")),
        ConceptVersion.objects.filter(concept__district=OuterRef("pk")),
        ConceptSection.objects.filter(version__concept__district=OuterRef("pk")),
        WorkPeriod.objects.filter(district=OuterRef("pk")),
        StaffPost.objects.filter(district=OuterRef("pk")),
        ProgressReport.objects.filter(district=OuterRef("pk")),
    ]
    return Greatest(*(newest(queryset) for queryset in sources))


def overview_rows(filters: dict | None = None, today: datetime.date | None = None) -> list[Row]:
    """One row per District (filtered by Regierungsbezirk, kind and a failing rule), by name.

    The number of queries does not depend on the number of Districts.
    """
    filters = filters or {}
    today = today or timezone.localdate()
    districts = _districts(filters)
    ids = [d.pk for d in districts]

    periods = {
        period.district_id: period
        for period in WorkPeriod.objects.filter(
            district_id__in=ids, start__lte=today, end__gte=today
        )
        .order_by("district_id", "-start")
        .prefetch_related(
            _priorities_prefetch(),
        )
    }
    focus_areas = list(FocusArea.objects.order_by("order"))
    states = {}
    for district in districts:
        concept = getattr(district, "concept", None)
        states[district.pk] = (version_in_force(concept, today), draft_in_progress(concept))

    lacking = _measures_lacking_target(districts, states)
    mandatory = list(ActorType.objects.filter(is_mandatory=True))
    present = set(
        Actor.objects.filter(district_id__in=ids, type__is_mandatory=True)
        .values_list("district_id", "type_id")
        .distinct()
    )
    agreements = _agreements(districts, states)
    reports = ProgressReport.objects.in_bulk(
        [d.latest_report_id for d in districts if d.latest_report_id]
    )

    sets = requirement_sets_on(today)
    kim = _kim(districts)

    rows = []
    for district in districts:
        in_force, draft = states[district.pk]
        requirements = sets.get(RequirementSet.variant_of(district))
        period = periods.get(district.pk)
        posts = list(district.staff_posts.all())
        version = submission_version(in_force, draft)
        deadline = deadline_for(version, requirements_of(district), today)
        rules = [
            _focus_areas(period, focus_areas),
            _priorities(period),
            RuleResult("kennzahlen", lacking.get(district.pk, [])),
            RuleResult(
                "kooperationsgebot",
                [t.name for t in mandatory if (district.pk, t.pk) not in present],
            ),
            RuleResult("einvernehmen", agreements[district.pk]),
            _staffing(district, posts, requirements, today),
            _adopted(district, in_force, draft, today),
            _submitted(version, deadline),
            _not_outdated(district, in_force, requirements, today),
        ]
        funded = sum((p.fte for p in posts if p.is_land_funded), Decimal(0))
        fundable = (
            requirements.teacher_fte_required + requirements.max_municipal_fte
            if requirements
            else None
        )
        last = district.last_activity
        rows.append(
            Row(
                district=district,
                in_force=in_force,
                draft=draft,
                deadline=deadline,
                rules=rules,
                funded_fte=funded,
                fundable_fte=fundable,
                period=period,
                priorities=_priorities_by_focus_area(period, focus_areas),
                report=reports.get(district.latest_report_id),
                last_activity=last if last and last > _NEVER else None,
                today=today,
                kim=kim.get(district.pk),
            )
        )
    if filters.get("regel"):
        rows = [row for row in rows if not row.rule(filters["regel"]).passed]
    return rows


def _priorities_prefetch():
    return Prefetch(
        "priorities",
        queryset=WorkPriority.objects.select_related("focus_area")
        .annotate(open_measures=Count("measures", filter=Q(measures__is_archived=False)))
        .order_by("title"),
    )


def _priorities_by_focus_area(period, focus_areas) -> list[tuple[str, list[str]]]:
    if period is None:
        return []
    by_area = defaultdict(list)
    for priority in period.priorities.all():
        by_area[priority.focus_area_id].append(priority.title)
    return [(area.name, by_area[area.pk]) for area in focus_areas]


def _measures_lacking_target(districts, states) -> dict[int, list[str]]:
    """Per District: titles of the measures the KI works on without an indicator with target.

    The measures of the version worked on (the draft, else the one in force) if that version
    has measures, else all measures not archived – as the checklist asks.
    """
    worked_on = {}
    for district in districts:
        in_force, draft = states[district.pk]
        version = draft or in_force
        if version is not None:
            worked_on[district.pk] = version.pk
    through = Measure.concept_versions.through
    with_measures = set(
        through.objects.filter(conceptversion_id__in=worked_on.values())
        .values_list("conceptversion_id", flat=True)
        .distinct()
    )
    with_target = Indicator.objects.filter(measure=OuterRef("pk"), target__isnull=False)
    measures = (
        Measure.objects.filter(district__in=[d.pk for d in districts], is_archived=False)
        .filter(~Exists(with_target))
        .order_by("district_id", "title")
        .values_list("pk", "district_id", "title")
    )
    measures = list(measures)
    links = defaultdict(set)
    for measure_id, version_id in through.objects.filter(
        measure_id__in=[m[0] for m in measures], conceptversion_id__in=with_measures
    ).values_list("measure_id", "conceptversion_id"):
        links[measure_id].add(version_id)
    lacking = defaultdict(list)
    for measure_id, district_id, title in measures:
        version_id = worked_on.get(district_id)
        if version_id in with_measures and version_id not in links[measure_id]:
            continue
        lacking[district_id].append(title)
    return lacking


def _focus_areas(period, focus_areas) -> RuleResult:
    rule = RuleResult("schwerpunkte")
    if period is None:
        rule.failures.append(NO_WORK_PERIOD)
        return rule
    covered = {priority.focus_area_id for priority in period.priorities.all()}
    rule.failures = [
        f"{area.name} ({period.label})" for area in focus_areas if area.pk not in covered
    ]
    return rule


def _priorities(period) -> RuleResult:
    rule = RuleResult("prioritaeten")
    if period is not None:
        rule.failures = [p.title for p in period.priorities.all() if p.open_measures == 0]
    return rule


def _staffing(district, posts, requirements, today) -> RuleResult:
    if requirements is None:
        return RuleResult("personal", [no_set_failure(district, today)])
    return RuleResult("personal", staffing_failures(posts, requirements))


def _adopted(district, in_force, draft, today) -> RuleResult:
    rule = RuleResult("beschluss")
    if in_force is not None:
        return rule
    concept = getattr(district, "concept", None)
    versions = list(concept.versions.all()) if concept is not None else []
    version = draft or max(versions, key=lambda v: v.number, default=None)
    rule.failures.append(not_adopted_failure(version, today))
    return rule


def _submitted(version, deadline) -> RuleResult:
    text = submission_failure(version, deadline)
    return RuleResult("vorlage_land", [text] if text else [])


def _not_outdated(district, in_force, requirements, today) -> RuleResult:
    if requirements is None:
        return RuleResult("aktualitaet", [no_set_failure(district, today)])
    text = outdated_failure(in_force, requirements.review_interval_years, today)
    return RuleResult("aktualitaet", [text] if text else [])
