"""The compliance checklist ("Förderfähigkeit"): the current concept against the Land's rules.

One service computes every rule; each rule names the objects that fail it, with a link to fix
each. The thresholds come from ``district.land_requirements`` (data the KI adjusts when the
Förderrichtlinie changes), never from constants here.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from concepts.deadlines import district_deadline
from core.text import counted


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

    @property
    def passed(self) -> bool:
        return not self.failures


def _url(name: str, district, **kwargs) -> str:
    try:
        return reverse(name, kwargs={"district_slug": district.slug, **kwargs})
    except NoReverseMatch:
        return ""


def current_version(district):
    """The newest version that is not superseded: the one the checklist is about."""
    return (
        district.concept.versions.exclude(status="abgeloest").order_by("-number").first()
        if hasattr(district, "concept")
        else None
    )


def current_period(district, today: datetime.date):
    return district.work_periods.filter(start__lte=today, end__gte=today).first()


def check_focus_areas_have_priorities(district, period) -> Rule:
    from concepts.models import FocusArea

    rule = Rule(
        "schwerpunkte",
        "Beide Schwerpunkte haben Arbeitsschwerpunkte in der aktuellen Arbeitsperiode",
        "Eckpunktepapier: beide Schwerpunkte sind Pflicht; Arbeitsschwerpunkte für zwei Jahre",
    )
    url = _url("concepts:periods", district)
    if period is None:
        rule.failures.append(Failure("Für heute ist keine Arbeitsperiode angelegt", url))
        return rule
    covered = set(period.priorities.values_list("focus_area_id", flat=True))
    for focus_area in FocusArea.objects.order_by("order"):
        if focus_area.pk not in covered:
            rule.failures.append(Failure(f"{focus_area.name} ({period.label})", url))
    return rule


def check_priorities_have_measures(district, period) -> Rule:
    rule = Rule(
        "prioritaeten",
        "Jeder Arbeitsschwerpunkt hat Maßnahmen",
        # Seed 000; the source names no other Kreis, the checklist is shown to every District.
        "Aufbau eines Integrationskonzepts (Kreistagsbeschluss von 2012 als Muster): Maßnahmen "
        "konkretisieren die Schwerpunkte",
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


def check_measures_have_indicators(district, version) -> Rule:
    from measures.models import Indicator

    rule = Rule(
        "kennzahlen",
        "Jede Maßnahme hat mindestens eine Kennzahl mit Zielwert",
        # Seed 000 (see above).
        "Aufbau eines Integrationskonzepts (Kreistagsbeschluss von 2012 als Muster): strategische "
        "Ziele mit messbaren Kennzahlen",
    )
    measures = district.measures.filter(is_archived=False)
    if version is not None and version.measures.exists():
        measures = measures.filter(concept_versions=version)
    with_target = Indicator.objects.filter(measure=OuterRef("pk"), target__isnull=False)
    lacking = measures.filter(~Exists(with_target)).order_by("title")
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
        "Eckpunktepapier, Kooperationsgebot: Schulaufsicht, Schulverwaltung, Jugendhilfe, "
        "Wohlfahrtsverbände, Integrationsrat, landesgeförderte Strukturen, MSO",
    )
    present = district.actors.filter(type=OuterRef("pk"))
    missing = ActorType.objects.filter(is_mandatory=True).filter(~Exists(present))
    url = _url("actors:create", district) or _url("actors:list", district)
    rule.failures = [Failure(actor_type.name, url) for actor_type in missing]
    return rule


def check_staffing(district) -> Rule:
    from districts.models import StaffPost

    requirements = district.land_requirements
    rule = Rule(
        "personal",
        "Stellenplan entspricht den Vorgaben des Landes",
        f"{requirements.guideline or 'Förderrichtlinie'}: Lehrkräfte und kommunale Stellen; "
        "Leitung und Stellvertretung aus verschiedenen Professionen",
    )
    url = _url("workspace:staffing", district)
    posts = list(district.staff_posts.all())
    totals: dict[str, Decimal] = {}
    for post in posts:
        totals[post.profession] = totals.get(post.profession, Decimal(0)) + post.fte
    P = StaffPost.Profession
    teachers = totals.get(P.TEACHER, Decimal(0))
    if teachers < requirements.teacher_fte_required:
        rule.failures.append(
            Failure(
                f"Lehrkräfte: {_de(teachers)} statt {_de(requirements.teacher_fte_required)} VZÄ",
                url,
            )
        )
    limits = [
        (P.EDUCATION, requirements.max_fte_education),
        (P.ADMINISTRATION, requirements.max_fte_administration),
        (P.ASSISTANCE, requirements.max_fte_assistance),
    ]
    for profession, limit in limits:
        total = totals.get(profession, Decimal(0))
        if total > limit:
            rule.failures.append(
                Failure(
                    f"{P(profession).label}: {_de(total)} VZÄ, höchstens {_de(limit)} gefördert",
                    url,
                )
            )
    head = next((p for p in posts if p.is_head), None)
    deputy = next((p for p in posts if p.is_deputy), None)
    if head is None:
        rule.failures.append(Failure("Keine Leitung im Stellenplan", url))
    if deputy is None:
        rule.failures.append(Failure("Keine Stellvertretung im Stellenplan", url))
    if head and deputy and head.profession == deputy.profession:
        rule.failures.append(
            Failure(
                f"Leitung und Stellvertretung sind beide {P(head.profession).label}",
                url,
            )
        )
    return rule


def check_adopted(district, version) -> Rule:
    rule = Rule(
        "beschluss",
        "Beschluss des Kreistags ist erfasst",
        "TIntG NRW § 8: gefördert wird, wer über ein Integrationskonzept verfügt",
    )
    if version is None:
        rule.failures.append(
            Failure("Es gibt noch keine Konzeptfassung", _url("concepts:versions", district))
        )
    elif not version.decided_on:
        rule.failures.append(Failure(version.title, _version_url(district, version)))
    return rule


def check_submitted(district, version, today: datetime.date) -> Rule:
    deadline = district_deadline(district, version, today)
    rule = Rule(
        "vorlage_land",
        "Dem Land fristgerecht vorgelegt"
        + (f" (Frist beim Land: {deadline.date:%d.%m.%Y})" if deadline else ""),
        "Frist aus dem Förderverfahren des Landes (Anforderungen des Landes oder Frist der "
        "Fassung); ein Entwurf darf vor dem Beschluss an das Ministerium gehen",
    )
    if version is None:
        rule.failures.append(
            Failure("Es gibt noch keine Konzeptfassung", _url("concepts:versions", district))
        )
        return rule
    url = _version_url(district, version)
    if not version.submitted_on:
        text = f"{version.title}: nicht vorgelegt"
        if deadline:
            text += f" (Frist {deadline.date:%d.%m.%Y})"
        rule.failures.append(Failure(text, url))
    elif deadline and version.submitted_on > deadline.date:
        rule.failures.append(
            Failure(
                f"{version.title}: am {version.submitted_on:%d.%m.%Y} vorgelegt, "
                f"Frist war {deadline.date:%d.%m.%Y}",
                url,
            )
        )
    return rule


def check_not_outdated(district, today: datetime.date) -> Rule:
    years = district.land_requirements.review_interval_years
    rule = Rule(
        "aktualitaet",
        f"Beschlossenes Konzept ist höchstens {counted(years, 'Jahr', 'Jahre')} alt",
        "Anforderungen des Landes: Überprüfungsintervall (im Kreis einstellbar)",
    )
    adopted = (
        district.concept.versions.filter(decided_on__isnull=False).order_by("-decided_on").first()
    )
    if adopted is None:
        rule.failures.append(
            Failure("Kein beschlossenes Konzept", _url("concepts:versions", district))
        )
        return rule
    limit = adopted.decided_on.replace(year=adopted.decided_on.year + years)
    if limit < today:
        rule.failures.append(
            Failure(
                f"{adopted.title}: beschlossen am {adopted.decided_on:%d.%m.%Y}, "
                f"Überprüfung fällig seit {limit:%d.%m.%Y}",
                _version_url(district, adopted),
            )
        )
    return rule


def checklist(district, today: datetime.date | None = None) -> list[Rule]:
    """Every rule for the District's current concept version, in the order of the checklist."""
    today = today or timezone.localdate()
    version = current_version(district)
    period = current_period(district, today)
    return [
        check_focus_areas_have_priorities(district, period),
        check_priorities_have_measures(district, period),
        check_measures_have_indicators(district, version),
        check_mandatory_actors(district),
        check_staffing(district),
        check_adopted(district, version),
        check_submitted(district, version, today),
        check_not_outdated(district, today),
    ]


def _version_url(district, version) -> str:
    return _url("concepts:version_detail", district, pk=version.pk) or _url(
        "concepts:versions", district
    )


def _de(value: Decimal) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") or "0"
