"""Services for the results of the Beratungsfolge and the Kreistag's decisions (issue 14).

The funding of a KI hangs on one fact: a concept adopted by the Kreistag (TIntG NRW § 8,
Eckpunktepapier, seed 002). So a result is recorded only for a meeting that has taken place,
in the order of the Beratungsfolge (seed 001: Sozialausschuss → Kreisausschuss → Kreistag),
and every correction keeps the earlier state. A decision taken before the product was used is
recorded as such, without a paper.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actors.models import Committee, Meeting
from concepts import services as concept_services
from concepts.models import ConceptVersion
from core.models import check_district

from .models import (
    Consultation,
    ConsultationResultChange,
    DecisionPaper,
    PaperStatus,
)

# The time of day of a meeting created for a historic decision: the date is known from the
# record, the hour is not; the demo loader uses the same hour (demo/loader.py MEETING_HOUR).
HISTORIC_MEETING_HOUR = 17

AFTER_POSTPONEMENT = "Neue Beratung nach Vertagung"


def meeting_day(meeting: Meeting) -> datetime.date:
    """The meeting's date in the District's time (Europe/Berlin)."""
    return timezone.localdate(meeting.start)


def _check_meeting(consultation: Consultation, meeting: Meeting, today: datetime.date) -> None:
    # The result belongs to the step's body; a different meeting of it may be chosen (a
    # postponed item is dealt with at a later meeting; a wrong date is corrected).
    if meeting.committee_id != consultation.meeting.committee_id:
        raise ValidationError(
            {"meeting": "Wählen Sie eine Sitzung des Gremiums dieser Beratung."}, code="committee"
        )
    if meeting.cancelled:
        raise ValidationError(
            {"meeting": "Diese Sitzung ist abgesagt; dort wurde nichts beraten."},
            code="cancelled",
        )
    day = meeting_day(meeting)
    # The meeting day itself counts as taken place: results are entered the same evening.
    if day > today:
        raise ValidationError(
            {
                "meeting": f"Die Sitzung am {day:%d.%m.%Y} hat noch nicht stattgefunden; ihr "
                "Ergebnis kann erst ab dem Sitzungstag erfasst werden."
            },
            code="future",
        )


def _missing_preliminaries(consultation: Consultation, day: datetime.date) -> list[str]:
    """The earlier steps that have not dealt with the paper before ``day``, in German.

    A postponed step (vertagt) has not dealt with it: the body may still recommend otherwise,
    so the next step would decide without its Vorberatung.
    """
    missing = []
    earlier = (
        consultation.paper.consultations.filter(order__lt=consultation.order)
        .select_related("meeting__committee")
        .order_by("order")
    )
    for step in earlier:
        name = step.meeting.committee.name
        step_day = meeting_day(step.meeting)
        if not step.is_settled:
            state = "ist vertagt" if step.result else "hat noch kein Ergebnis"
            missing.append(f"{name} (Sitzung am {step_day:%d.%m.%Y}) {state}")
        elif step_day > day:
            missing.append(f"{name} hat erst am {step_day:%d.%m.%Y} beraten")
    return missing


def _check_order(
    consultation: Consultation,
    day: datetime.date,
    without_preliminary: bool,
    reason: str,
) -> None:
    missing = _missing_preliminaries(consultation, day)
    if missing and not without_preliminary:
        raise ValidationError(
            {
                "without_preliminary": "Die Beratungsfolge ist nicht eingehalten: "
                + "; ".join(missing)
                + ". Erfassen Sie zuerst diese Ergebnisse – oder kreuzen Sie „ohne Vorberatung“ "
                "an und geben Sie den Grund an."
            },
            code="order",
        )
    if without_preliminary and not missing:
        raise ValidationError(
            {
                "without_preliminary": "Alle früheren Schritte der Beratungsfolge haben vorher "
                "beraten; „ohne Vorberatung“ trifft nicht zu."
            },
            code="not_without",
        )
    if without_preliminary and not reason.strip():
        raise ValidationError(
            {
                "without_preliminary_reason": "Geben Sie an, warum ohne Vorberatung entschieden "
                "wurde (z. B. Dringlichkeit)."
            },
            code="reason",
        )


def _snapshot(current: Consultation, *, reason: str, user, now) -> ConsultationResultChange:
    return ConsultationResultChange.objects.create(
        consultation=current,
        changed_at=now,
        changed_by=user,
        reason=reason,
        meeting=current.meeting,
        result=current.result,
        votes_yes=current.votes_yes,
        votes_no=current.votes_no,
        votes_abstain=current.votes_abstain,
        result_note=current.result_note,
        without_preliminary=current.without_preliminary,
        without_preliminary_reason=current.without_preliminary_reason,
        result_recorded_at=current.result_recorded_at,
        result_recorded_by=current.result_recorded_by,
    )


def _locked(district, consultation: Consultation) -> Consultation:
    """The step as stored (a bound ModelForm has already changed the caller's instance)."""
    check_district(district, consultation)
    return (
        Consultation.objects.for_district(district)
        .select_for_update(of=("self",))
        .select_related("paper", "meeting__committee", "result_recorded_by")
        .get(pk=consultation.pk)
    )


def _apply(
    current: Consultation,
    *,
    meeting: Meeting,
    result: str,
    votes: tuple[int | None, int | None, int | None],
    note: str,
    without_preliminary: bool,
    without_preliminary_reason: str,
    user,
    now,
) -> None:
    current.meeting = meeting
    current.result = result
    current.votes_yes, current.votes_no, current.votes_abstain = votes
    current.result_note = note
    current.without_preliminary = without_preliminary
    current.without_preliminary_reason = (
        without_preliminary_reason.strip() if without_preliminary else ""
    )
    current.result_recorded_at = now
    current.result_recorded_by = user
    current.save()


def _follow_concept_version(
    district,
    current: Consultation,
    *,
    before_result: str,
    before_day: datetime.date | None,
    user,
) -> None:
    """The Fassung a Beschlussvorlage puts before the council follows its deciding step.

    A "yes" of the authoritative body adopts it (TIntG NRW § 8). A corrected result that is no
    longer a "yes" takes back the adoption it made; a corrected date moves the decision date.
    The adoption counts as this step's when it is not a historic record and carries the date
    of the step's earlier meeting.
    """
    paper = current.paper
    version = paper.concept_version
    if (
        version is None
        or not current.authoritative
        or paper.paper_type != DecisionPaper.PaperType.DECISION
    ):
        return
    version.refresh_from_db()
    now_yes = current.result in Consultation.DECIDED
    day = meeting_day(current.meeting)
    adopted_here = (
        before_result in Consultation.DECIDED
        and version.is_adopted
        and not version.decision_recorded_without_paper
        and version.decided_on == before_day
    )
    if adopted_here and not now_yes:
        concept_services.version_unadopt(district=district, version=version, user=user)
    elif adopted_here and version.decided_on != day:
        concept_services.version_redate(
            district=district, version=version, decided_on=day, user=user
        )
    elif now_yes and not version.is_adopted:
        concept_services.version_adopt(
            district=district, version=version, decided_on=day, user=user
        )


@transaction.atomic
def consultation_record(
    *,
    district,
    consultation: Consultation,
    result: str,
    votes_yes: int | None,
    votes_no: int | None,
    votes_abstain: int | None,
    note: str,
    user,
    meeting: Meeting | None = None,
    without_preliminary: bool = False,
    without_preliminary_reason: str = "",
    today: datetime.date | None = None,
) -> Consultation:
    """Record what a body decided at ``meeting`` (default: the step's planned meeting); the
    authoritative "yes" adopts the paper's concept version.

    Refused (ValidationError keyed by form field, German) before the paper's release, for a
    meeting that has not taken place, for a step that already has a result (that is a
    correction, ``consultation_correct``), and before the earlier steps have a result unless
    ``without_preliminary`` with its reason. A postponed step may be recorded again; its
    postponement stays in the step's history.
    """
    today = today or timezone.localdate()
    current = _locked(district, consultation)
    paper = current.paper
    if not paper.releases.exists():
        raise ValidationError(
            "Ergebnisse können erst erfasst werden, wenn die Vorlage freigegeben ist.",
            code="not_released",
        )
    if current.is_settled:
        raise ValidationError(
            "Für diese Beratung ist bereits ein Ergebnis erfasst. Ein falsches Ergebnis wird "
            "mit Grund berichtigt.",
            code="settled",
        )
    meeting = meeting or current.meeting
    check_district(district, meeting)
    _check_meeting(current, meeting, today)
    day = meeting_day(meeting)
    _check_order(current, day, without_preliminary, without_preliminary_reason)
    now = timezone.now()
    if current.result:  # vertagt: keep the postponement on record
        _snapshot(current, reason=AFTER_POSTPONEMENT, user=user, now=now)
    _apply(
        current,
        meeting=meeting,
        result=result,
        votes=(votes_yes, votes_no, votes_abstain),
        note=note,
        without_preliminary=without_preliminary,
        without_preliminary_reason=without_preliminary_reason,
        user=user,
        now=now,
    )
    _follow_concept_version(district, current, before_result="", before_day=None, user=user)
    return current


@transaction.atomic
def consultation_correct(
    *,
    district,
    consultation: Consultation,
    meeting: Meeting,
    result: str,
    votes_yes: int | None,
    votes_no: int | None,
    votes_abstain: int | None,
    note: str,
    without_preliminary: bool,
    without_preliminary_reason: str,
    reason: str,
    user,
    today: datetime.date | None = None,
) -> Consultation:
    """Correct a recorded result (wrong vote count, result or meeting) with ``reason``; the
    earlier state is kept (``ConsultationResultChange``) and the concept version follows.

    The corrected result obeys the same rules as a recorded one; a step that later steps built
    on cannot be corrected to "vertagt".
    """
    today = today or timezone.localdate()
    current = _locked(district, consultation)
    if not current.result:
        raise ValidationError(
            "Für diese Beratung ist noch kein Ergebnis erfasst.", code="nothing_to_correct"
        )
    if not reason.strip():
        raise ValidationError(
            {"correction_reason": "Geben Sie den Grund der Berichtigung an."}, code="reason"
        )
    check_district(district, meeting)
    _check_meeting(current, meeting, today)
    day = meeting_day(meeting)
    _check_order(current, day, without_preliminary, without_preliminary_reason)
    if result == Consultation.Result.POSTPONED and (
        current.paper.consultations.filter(order__gt=current.order)
        .exclude(result__in=["", Consultation.Result.POSTPONED])
        .exists()
    ):
        raise ValidationError(
            {
                "result": "Spätere Schritte der Beratungsfolge haben schon ein Ergebnis; diese "
                "Beratung kann nicht auf „vertagt“ berichtigt werden."
            },
            code="later_settled",
        )
    unchanged = (
        current.meeting_id == meeting.pk
        and current.result == result
        and (current.votes_yes, current.votes_no, current.votes_abstain)
        == (votes_yes, votes_no, votes_abstain)
        and current.result_note == note
        and current.without_preliminary == without_preliminary
        and current.without_preliminary_reason
        == (without_preliminary_reason.strip() if without_preliminary else "")
    )
    if unchanged:
        raise ValidationError("Das Ergebnis ist unverändert.", code="unchanged")
    before_result, before_day = current.result, meeting_day(current.meeting)
    now = timezone.now()
    _snapshot(current, reason=reason.strip(), user=user, now=now)
    _apply(
        current,
        meeting=meeting,
        result=result,
        votes=(votes_yes, votes_no, votes_abstain),
        note=note,
        without_preliminary=without_preliminary,
        without_preliminary_reason=without_preliminary_reason,
        user=user,
        now=now,
    )
    _follow_concept_version(
        district, current, before_result=before_result, before_day=before_day, user=user
    )
    return current


def council_committees(district):
    """The District's Kreistag (a Committee of kind Kreistag): who adopts the concept."""
    return district.committees.filter(kind=Committee.Kind.COUNCIL).order_by("name")


def _papers_deliberating(district, version: ConceptVersion) -> list[DecisionPaper]:
    papers = DecisionPaper.objects.for_district(district).filter(concept_version=version)
    return list(papers.with_status(PaperStatus.IN_DELIBERATION)) + list(
        papers.with_status(PaperStatus.POSTPONED)
    )


@transaction.atomic
def historic_decision_record(
    *,
    district,
    version: ConceptVersion,
    committee: Committee,
    decided_on: datetime.date,
    note: str,
    user,
    today: datetime.date | None = None,
) -> ConceptVersion:
    """Record a Kreistag decision taken without a paper of this system (a concept adopted
    before the product was used): the version is adopted as of ``decided_on`` at the
    committee's meeting of that day (used if it exists, else created), marked as recorded
    afterwards with the ``note``.

    Allowed from any status not yet adopted — the record states the past, whatever the
    version's working status was — but refused for a date after ``today``, for a version whose
    paper is in deliberation (it is decided there), and out of the order of the Fassungen: an
    earlier Fassung cannot have been adopted after a later one, nor a later before an earlier.
    """
    today = today or timezone.localdate()
    check_district(district, version, committee)
    version = ConceptVersion.objects.select_for_update().get(pk=version.pk)
    if committee.kind != Committee.Kind.COUNCIL:
        raise ValidationError(
            {"committee": "Das Integrationskonzept beschließt der Kreistag (TIntG NRW § 8)."},
            code="not_council",
        )
    if decided_on > today:
        raise ValidationError(
            {
                "decided_on": f"Der {decided_on:%d.%m.%Y} liegt in der Zukunft; erfasst wird "
                "ein Beschluss, der schon gefasst ist."
            },
            code="future",
        )
    if not note.strip():
        raise ValidationError(
            {"note": "Geben Sie an, worauf sich die Angabe stützt (z. B. Niederschrift)."},
            code="note",
        )
    if version.is_adopted:
        raise ValidationError(
            f"Fassung {version.number} ist bereits beschlossen (am {version.decided_on:%d.%m.%Y}).",
            code="adopted",
        )
    if deliberating := _papers_deliberating(district, version):
        references = ", ".join(paper.reference for paper in deliberating)
        raise ValidationError(
            f"Die Vorlage {references} zu dieser Fassung ist in Beratung; der Beschluss wird "
            "dort als Ergebnis des entscheidenden Gremiums erfasst.",
            code="in_deliberation",
        )
    adopted = version.concept.versions.filter(
        status__in=[ConceptVersion.Status.ADOPTED, ConceptVersion.Status.SUPERSEDED]
    ).exclude(pk=version.pk)
    for other in adopted:
        if other.number < version.number and other.decided_on >= decided_on:
            raise ValidationError(
                {
                    "decided_on": f"Die frühere Fassung {other.number} wurde am "
                    f"{other.decided_on:%d.%m.%Y} beschlossen; Fassung {version.number} muss "
                    "danach beschlossen worden sein."
                },
                code="order",
            )
        if other.number > version.number and other.decided_on <= decided_on:
            raise ValidationError(
                {
                    "decided_on": f"Die spätere Fassung {other.number} wurde schon am "
                    f"{other.decided_on:%d.%m.%Y} beschlossen; Fassung {version.number} muss "
                    "davor beschlossen worden sein."
                },
                code="order",
            )
    meeting = _meeting_on(committee, decided_on)
    return concept_services.version_adopt(
        district=district,
        version=version,
        decided_on=decided_on,
        user=user,
        without_paper=True,
        body=str(meeting),
        note=note.strip(),
    )


def _meeting_on(committee: Committee, day: datetime.date) -> Meeting:
    """The committee's meeting on ``day`` (local time), created if there is none."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, datetime.time(0), tzinfo=zone)
    meeting = (
        committee.meetings.filter(
            cancelled=False, start__gte=start, start__lt=start + datetime.timedelta(days=1)
        )
        .order_by("start")
        .first()
    )
    if meeting is None:
        meeting = Meeting.objects.create(
            committee=committee,
            start=datetime.datetime.combine(day, datetime.time(HISTORIC_MEETING_HOUR), tzinfo=zone),
        )
    return meeting
