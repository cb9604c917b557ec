"""The compliance checklist ("Förderfähigkeit"): the concept against the Land's rules.

One service computes every rule; each rule names the objects that fail it, with a link to fix
each, and its source (document and date). The thresholds come from the Land's requirement set
valid on the day checked (``RequirementSet.for_district_on``, issue 17: the Land owns the sets,
a Kreis and a kreisfreie Stadt may have different variants), never from constants here.

"The concept" has one meaning (issue 14, concepts.queries): the rules on the Kreistag's decision
and on the concept's age ask about the version in force; the draft being prepared is what the
KI works on (measures, submission while a Fortschreibung is on its way).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from concepts import queries
from concepts.agreements import agreement_rows
from concepts.deadlines import district_deadline
from concepts.due import submission_version as due_submission_version
from concepts.queries import district_concept, draft_in_progress, version_in_force
from concepts.rules import (
    AGREEMENT_RULE,
    NO_WORK_PERIOD,
    agreement_failures,
    not_adopted_failure,
    outdated_failure,
    submission_failure,
)
from core.text import counted
from districts.models import REQUIREMENT_SOURCES, RequirementSet
from districts.rules import no_set_failure, staffing_failures

# The Eckpunktepapier's date and title, for the rules it drives (seed 002).
ECKPUNKTE = (
    "Eckpunktepapier zur Umsetzung des Teilhabe- und Integrationsgesetzes (Stand: 29.02.2012)"
)
# Seed 000, a Kreis's concept; the source names no other Kreis, the checklist is shown to every
# District.
MUSTER = "Integrationskonzept eines Kreises (Beschluss des Kreistags vom 31.10.2012)"


@dataclass
class Failure:
    """One object that fails a rule, and where to fix it."""

    label: str
    url: str = ""


@dataclass
class Rule:
    code: str
    title: str
    source: str
    failures: list[Failure] = field(default_factory=list)
    # Set where only the number of failures was asked for (``checklist(summary=True)``, the
    # dashboard's card): a count in the database instead of one object per failing measure.
    counted: int | None = None

    @property
    def failure_count(self) -> int:
        return len(self.failures) if self.counted is None else self.counted

    @property
    def passed(self) -> bool:
        return self.failure_count == 0


def _url(name: str, district, **kwargs) -> str:
    try:
        return reverse(name, kwargs={"district_slug": district.slug, **kwargs})
    except NoReverseMatch:
        return ""


@dataclass
class ConceptState:
    """The concept in force and the draft being prepared, as of one day."""

    in_force: object = None
    draft: object = None

    @property
    def worked_on(self):
        """The version the KI works on: the draft if there is one, else the one in force."""
        return self.draft or self.in_force


def concept_state(district, today: datetime.date) -> ConceptState:
    concept = district_concept(district)
    return ConceptState(version_in_force(concept, today), draft_in_progress(concept))


def current_period(district, today: datetime.date):
    return queries.current_period(district, today)


def check_focus_areas_have_priorities(district, period) -> Rule:
    rule = Rule(
        "schwerpunkte",
        "Beide Schwerpunkte haben Arbeitsschwerpunkte in der aktuellen Arbeitsperiode",
        f"{ECKPUNKTE}: beide Schwerpunkte sind Pflicht; {REQUIREMENT_SOURCES['work_period_years']}",
    )
    url = _url("concepts:periods", district)
    if period is None:
        rule.failures.append(Failure(NO_WORK_PERIOD, url))
        return rule
    covered = set(period.priorities.values_list("focus_area_id", flat=True))
    for focus_area in queries.focus_areas():
        if focus_area.pk not in covered:
            rule.failures.append(Failure(f"{focus_area.name} ({period.label})", url))
    return rule


def check_priorities_have_measures(district, period) -> Rule:
    rule = Rule(
        "prioritaeten",
        "Jeder Arbeitsschwerpunkt hat Maßnahmen",
        f"{MUSTER}: Maßnahmen konkretisieren die Schwerpunkte",
    )
    if period is None:
        return rule
    empty = (
        period.priorities.annotate(n=Count("measures", filter=Q(measures__is_archived=False)))
        .filter(n=0)
        .order_by("title")
    )
    url = _url("concepts:periods", district)
    rule.failures = [Failure(priority.title, url) for priority in empty]
    return rule


def check_measures_have_indicators(district, version, *, summary: bool = False) -> Rule:
    from measures.models import Indicator

    rule = Rule(
        "kennzahlen",
        "Jede Maßnahme hat mindestens eine Kennzahl mit Zielwert",
        f"{MUSTER}: strategische Ziele mit messbaren Kennzahlen",
    )
    measures = district.measures.filter(is_archived=False)
    if version is not None and version.measures.exists():
        measures = measures.filter(concept_versions=version)
    with_target = Indicator.objects.filter(measure=OuterRef("pk"), target__isnull=False)
    lacking = measures.filter(~Exists(with_target)).order_by("title")
    if summary:
        rule.counted = lacking.count()
        return rule
    rule.failures = [
        Failure(measure.title, _url("measures:detail", district, pk=measure.pk))
        for measure in lacking
    ]
    return rule


def check_mandatory_actors(district) -> Rule:
    from actors.models import ActorType

    rule = Rule(
        "kooperationsgebot",
        "Alle Pflicht-Akteure sind beteiligt",
        f"{ECKPUNKTE}, Kooperationsgebot: Schulaufsicht, Schulverwaltung, Jugendhilfe, "
        "Wohlfahrtsverbände, Integrationsrat, landesgeförderte Strukturen, MSO",
    )
    present = district.actors.filter(type=OuterRef("pk"))
    missing = ActorType.objects.filter(is_mandatory=True).filter(~Exists(present))
    url = _url("actors:create", district) or _url("actors:list", district)
    rule.failures = [Failure(actor_type.name, url) for actor_type in missing]
    return rule


def check_agreements(district, version) -> Rule:
    """Issue 18: the Einvernehmen of every kreisangehörige municipality with the version the
    KI works on (the draft, else the one in force), naming the missing and the refusing ones."""
    rule = Rule(
        "einvernehmen",
        AGREEMENT_RULE,
        f"{ECKPUNKTE}: ein durch den Kreistag in Abstimmung mit den betroffenen "
        "kreisangehörigen Gemeinden verabschiedetes Integrationskonzept (Art. 1 § 7 Abs. 1 "
        "TIntG 2012, heute § 8 TIntG)",
    )
    if version is not None:
        rows = agreement_rows(version)
        municipalities = [row.municipality.name for row in rows]
        agreements = {
            row.municipality.name: (row.agreement.get_decision_display(), not row.agreement.agreed)
            for row in rows
            if row.agreement is not None
        }
    else:
        municipalities = list(district.municipalities.values_list("name", flat=True))
        agreements = {}
    url = (
        _url("concepts:agreements", district, pk=version.pk)
        if version is not None
        else _url("concepts:versions", district)
    )
    rule.failures = [
        Failure(text, url) for text in agreement_failures(version, municipalities, agreements)
    ]
    return rule


def _no_set(district, today: datetime.date) -> Failure:
    return Failure(
        no_set_failure(district, today), _url("workspace:land_requirements_update", district)
    )


def check_staffing(district, requirements: RequirementSet | None, today: datetime.date) -> Rule:
    rule = Rule(
        "personal",
        "Stellenplan entspricht den Vorgaben des Landes (gezählt: vom Land geförderte Stellen)",
        _staffing_source(requirements),
    )
    if requirements is None:
        rule.failures.append(_no_set(district, today))
        return rule
    url = _url("workspace:staffing", district)
    posts = list(district.staff_posts.all())
    rule.failures = [Failure(text, url) for text in staffing_failures(posts, requirements)]
    return rule


def check_adopted(district, state: ConceptState, today: datetime.date) -> Rule:
    """§ 8 asks whether the District has a concept – one in force. A Fortschreibung being
    prepared does not take that away (issue 14: Kreis Mettmann, 2015 concept in force)."""
    rule = Rule(
        "beschluss",
        "Ein vom Kreistag beschlossenes Konzept ist in Kraft",
        "Teilhabe- und Integrationsgesetz NRW vom 25.11.2021, § 8: gefördert wird, wer „über ein "
        f"Integrationskonzept verfügt“; {ECKPUNKTE}: ein durch den Kreistag in Abstimmung mit "
        "den kreisangehörigen Gemeinden verabschiedetes Integrationskonzept",
    )
    if state.in_force is not None:
        return rule
    # Nothing in force: name the draft, or a version whose recorded decision lies ahead.
    concept = district_concept(district)
    version = state.draft or (
        concept.versions.order_by("-number").first() if concept is not None else None
    )
    url = _version_url(district, version) if version else _url("concepts:versions", district)
    rule.failures.append(Failure(not_adopted_failure(version, today), url))
    return rule


def submission_version(state: ConceptState):
    """The version the submission rule is about (``concepts.due.submission_version``, one rule
    for the checklist and the reminders)."""
    return due_submission_version(state.in_force, state.draft)


def check_submitted(district, state: ConceptState, today: datetime.date) -> Rule:
    version = submission_version(state)
    deadline = district_deadline(district, version, today)
    rule = Rule(
        "vorlage_land",
        "Dem Land fristgerecht vorgelegt"
        + (f" (Frist beim Land: {deadline.date:%d.%m.%Y})" if deadline else ""),
        # Seed 001 (a Kreistagsvorlage of 2015): the draft went to the MAIS in December 2014 "zur
        # Wahrung der Frist", the Kreistag's decision followed; the Kreis is not named here.
        "Frist der Fassung oder aus den Anforderungen des Landes (keine Frist voreingestellt: "
        "keine Quelle nennt eine); ein Entwurf darf vor dem Beschluss an das Ministerium gehen "
        "zur Wahrung der Frist (mit dem MAIS NRW vereinbartes Verfahren, Kreistagsvorlage 2015)",
    )
    if text := submission_failure(version, deadline):
        url = _version_url(district, version) if version else _url("concepts:versions", district)
        rule.failures.append(Failure(text, url))
    return rule


def check_not_outdated(
    district, state: ConceptState, requirements: RequirementSet | None, today: datetime.date
) -> Rule:
    if requirements is None:
        rule = Rule(
            "aktualitaet",
            "Das geltende Konzept ist nicht älter, als das Land erlaubt",
            REQUIREMENT_SOURCES["review_interval_years"],
        )
        rule.failures.append(_no_set(district, today))
        return rule
    years = requirements.review_interval_years
    rule = Rule(
        "aktualitaet",
        f"Das geltende Konzept ist höchstens {counted(years, 'Jahr', 'Jahre')} alt",
        requirements.source_of("review_interval_years"),
    )
    adopted = state.in_force
    if text := outdated_failure(adopted, years, today):
        url = _version_url(district, adopted) if adopted else _url("concepts:versions", district)
        rule.failures.append(Failure(text, url))
    return rule


def checklist(district, today: datetime.date | None = None, *, summary: bool = False) -> list[Rule]:
    """Every rule for the District's current concept version, in the order of the checklist.

    The Land's numbers are those of the set valid on ``today`` for the District's kind.
    ``summary``: the rule about measures counts its failures without listing them (issue 16:
    the dashboard's card shows numbers, the checklist page the list).
    """
    today = today or timezone.localdate()
    requirements = RequirementSet.for_district_on(district, today)
    state = concept_state(district, today)
    period = current_period(district, today)
    return [
        check_focus_areas_have_priorities(district, period),
        check_priorities_have_measures(district, period),
        # The measures the KI works on: those of the draft being prepared, else of the version
        # in force.
        check_measures_have_indicators(district, state.worked_on, summary=summary),
        check_mandatory_actors(district),
        check_agreements(district, state.worked_on),
        check_staffing(district, requirements, today),
        check_adopted(district, state, today),
        check_submitted(district, state, today),
        check_not_outdated(district, state, requirements, today),
    ]


def _version_url(district, version) -> str:
    return _url("concepts:version_detail", district, pk=version.pk) or _url(
        "concepts:versions", district
    )


def _staffing_source(requirements: RequirementSet | None) -> str:
    """The source of the staffing numbers (from the set) and of the head/deputy rule."""
    head_rule = f"{ECKPUNKTE}: Leitung und Stellvertretung aus verschiedenen Professionen"
    if requirements is None:
        return head_rule
    return f"{requirements.source_of('teacher_fte_required')}; {head_rule}"
