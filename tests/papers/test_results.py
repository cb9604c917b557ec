"""Results of the Beratungsfolge as a Kreistag can trust them (issue 14): only for meetings that
have taken place, in the order of the Beratungsfolge or explicitly "ohne Vorberatung", and
corrections that keep every earlier state while the Fassung follows."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from concepts import services as concept_services
from concepts.models import ConceptVersion
from papers import results
from papers.models import Consultation
from tests import factories

Status = ConceptVersion.Status


def _local(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


@pytest.fixture
def version(district):
    return factories.ConceptVersionFactory(
        concept=district.concept, status=Status.IN_DELIBERATION, title="Fortschreibung 2026"
    )


@pytest.fixture
def paper(district, version):
    """Sozialausschuss → Kreisausschuss → Kreistag (seed 001), all in the past, released."""
    return factories.released_paper(district, concept_version=version)


def steps_of(paper) -> list[Consultation]:
    return list(paper.consultations.select_related("meeting").order_by("order"))


def post_result(client, paper, step, **data):
    url = reverse("papers:result", args=[paper.district.slug, paper.pk, step.pk])
    return client.post(url, {"meeting": step.meeting.pk, **data}, follow=True)


def test_a_result_for_a_future_meeting_is_refused_and_nothing_changes(
    client, district, version, ki_lead
):
    paper = factories.released_paper(district, concept_version=version, steps=1)
    step = paper.consultations.get()
    future = timezone.localdate() + datetime.timedelta(days=30)
    step.meeting.start = _local(future, 17)
    step.meeting.save()
    client.force_login(ki_lead)

    page = post_result(client, paper, step, result="einstimmig", votes_yes="54").content.decode()

    assert f"Die Sitzung am {future:%d.%m.%Y} hat noch nicht stattgefunden" in page
    step.refresh_from_db()
    version.refresh_from_db()
    assert step.result == "" and step.result_changes.count() == 0
    assert version.status == Status.IN_DELIBERATION and version.decided_on is None


def test_a_result_on_the_day_of_the_meeting_is_accepted(client, district, version, ki_lead):
    paper = factories.released_paper(district, concept_version=version, steps=1)
    step = paper.consultations.get()
    # Later today, even: the meeting day counts as taken place.
    step.meeting.start = _local(timezone.localdate(), 23)
    step.meeting.save()
    client.force_login(ki_lead)

    page = post_result(client, paper, step, result="einstimmig", votes_yes="54").content.decode()

    assert "Ergebnis für" in page and "gespeichert" in page
    version.refresh_from_db()
    assert version.status == Status.ADOPTED
    assert version.decided_on == timezone.localdate()


def test_the_deciding_step_before_its_vorberatungen_is_refused(client, paper, version, ki_lead):
    steps = steps_of(paper)
    client.force_login(ki_lead)

    page = post_result(client, paper, steps[2], result="einstimmig").content.decode()

    assert "Die Beratungsfolge ist nicht eingehalten" in page
    assert f"{steps[0].meeting.committee.name} (Sitzung am" in page
    assert "hat noch kein Ergebnis" in page
    assert [step.result for step in steps_of(paper)] == ["", "", ""]
    version.refresh_from_db()
    assert version.status == Status.IN_DELIBERATION


def test_a_postponed_vorberatung_is_no_result_for_the_order(client, paper, ki_lead):
    steps = steps_of(paper)
    client.force_login(ki_lead)
    post_result(client, paper, steps[0], result="vertagt")

    page = post_result(client, paper, steps[1], result="empfohlen").content.decode()

    assert "ist vertagt" in page
    assert steps_of(paper)[1].result == ""


def test_ohne_vorberatung_needs_a_reason_and_is_shown(client, paper, version, ki_lead):
    steps = steps_of(paper)
    client.force_login(ki_lead)

    page = post_result(
        client, paper, steps[2], result="einstimmig", without_preliminary="on"
    ).content.decode()
    assert "Geben Sie an, warum ohne Vorberatung entschieden wurde" in page
    assert steps_of(paper)[2].result == ""

    page = post_result(
        client,
        paper,
        steps[2],
        result="einstimmig",
        without_preliminary="on",
        without_preliminary_reason="Dringlichkeit: Förderantrag bis 30.06.",
    ).content.decode()
    decided = steps_of(paper)[2]
    assert decided.result == "einstimmig" and decided.without_preliminary
    version.refresh_from_db()
    assert version.status == Status.ADOPTED
    # The paper page and its Beratungsfolge say so.
    assert "ohne Vorberatung" in page
    assert "Dringlichkeit: Förderantrag bis 30.06." in page


def test_ohne_vorberatung_is_refused_when_the_vorberatungen_took_place(client, paper, ki_lead):
    steps = steps_of(paper)
    client.force_login(ki_lead)
    post_result(client, paper, steps[0], result="empfohlen")
    page = post_result(
        client,
        paper,
        steps[1],
        result="empfohlen",
        without_preliminary="on",
        without_preliminary_reason="Eilt",
    ).content.decode()
    assert "„ohne Vorberatung“ trifft nicht zu" in page
    assert steps_of(paper)[1].result == ""


def _decide_all(client, paper):
    steps = steps_of(paper)
    post_result(client, paper, steps[0], result="empfohlen", votes_yes="11", votes_no="2")
    post_result(client, paper, steps[1], result="empfohlen", votes_yes="15")
    post_result(client, paper, steps[2], result="einstimmig", votes_yes="54", votes_no="0")
    return steps_of(paper)


def test_correcting_the_decision_to_rejected_takes_the_fassung_back(
    client, district, paper, version, ki_lead
):
    # The concept in force before: Fassung from 2015, superseded by this decision.
    in_force = factories.ConceptVersionFactory(concept=district.concept, title="Konzept 2015")
    concept_services.version_adopt(
        district=district, version=in_force, decided_on=datetime.date(2015, 6, 22), user=None
    )
    client.force_login(ki_lead)
    steps = _decide_all(client, paper)
    version.refresh_from_db()
    in_force.refresh_from_db()
    assert version.status == Status.ADOPTED and in_force.status == Status.SUPERSEDED

    url = reverse("papers:result", args=[district.slug, paper.pk, steps[2].pk])
    form = client.get(url).content.decode()
    assert "Ergebnis berichtigen" in form and "Grund der Berichtigung" in form
    data = {"meeting": steps[2].meeting.pk, "result": "abgelehnt", "votes_yes": "20"}
    data["votes_no"] = "34"
    page = client.post(url, data, follow=True).content.decode()
    reason_field = page.split('id="div_id_correction_reason"')[1].split("</textarea>")[1]
    assert "Dieses Feld ist zwingend erforderlich." in reason_field
    assert "Erfasst ist: <strong>einstimmig beschlossen</strong>" in page  # what is stored
    assert steps_of(paper)[2].result == "einstimmig"

    reason = "Laut Niederschrift abgelehnt (20 Ja, 34 Nein)"
    page = client.post(url, {**data, "correction_reason": reason}, follow=True).content.decode()

    corrected = steps_of(paper)[2]
    assert (
        corrected.result == "abgelehnt" and corrected.votes_text == "Ja 20, Nein 34, Enthaltungen 0"
    )
    version.refresh_from_db()
    in_force.refresh_from_db()
    assert version.status == Status.IN_DELIBERATION and version.decided_on is None
    assert version.adopted_snapshot is None
    assert in_force.status == Status.ADOPTED  # in force again
    assert f"Fassung {version.number} des Integrationskonzepts ist nicht mehr beschlossen" in page
    # The paper page keeps what was recorded before, with who, when and why.
    history = page.split("Verlauf der Ergebnisse")[1]
    assert "einstimmig beschlossen" in history and "Ja 54, Nein 0, Enthaltungen 0" in history
    assert reason in history
    change = corrected.result_changes.get()
    assert change.result == "einstimmig" and change.changed_by == ki_lead


def test_correcting_the_meeting_moves_the_decision_date(client, district, paper, version, ki_lead):
    client.force_login(ki_lead)
    steps = _decide_all(client, paper)
    kreistag = steps[2].meeting.committee
    actual = factories.MeetingFactory(
        committee=kreistag, start=steps[2].meeting.start + datetime.timedelta(days=2)
    )
    url = reverse("papers:result", args=[district.slug, paper.pk, steps[2].pk])
    client.post(
        url,
        {
            "meeting": actual.pk,
            "result": "einstimmig",
            "votes_yes": "54",
            "votes_no": "0",
            "correction_reason": "Sitzung wurde um zwei Tage verlegt",
        },
    )
    version.refresh_from_db()
    assert version.status == Status.ADOPTED
    assert version.decided_on == timezone.localdate(actual.start)
    assert steps_of(paper)[2].result_changes.get().meeting == steps[2].meeting


def test_only_the_lead_corrects_and_an_unchanged_correction_changes_nothing(
    client, district, paper, ki_lead, ki_staff
):
    client.force_login(ki_lead)
    steps = _decide_all(client, paper)
    url = reverse("papers:result", args=[district.slug, paper.pk, steps[0].pk])
    same = {
        "meeting": steps[0].meeting.pk,
        "result": "empfohlen",
        "votes_yes": "11",
        "votes_no": "2",
        "correction_reason": "Nur geprüft",
    }
    page = client.post(url, same).content.decode()
    assert "Das Ergebnis ist unverändert." in page
    assert steps_of(paper)[0].result_changes.count() == 0

    client.force_login(ki_staff)
    assert client.post(url, {**same, "votes_yes": "12"}).status_code == 403
    assert steps_of(paper)[0].votes_yes == 11


def test_a_vorberatung_others_built_on_cannot_be_corrected_to_postponed(
    client, district, paper, ki_lead
):
    client.force_login(ki_lead)
    steps = _decide_all(client, paper)
    url = reverse("papers:result", args=[district.slug, paper.pk, steps[0].pk])
    page = client.post(
        url,
        {"meeting": steps[0].meeting.pk, "result": "vertagt", "correction_reason": "Irrtum"},
    ).content.decode()
    assert "kann nicht auf „vertagt“ berichtigt werden" in page
    assert steps_of(paper)[0].result == "empfohlen"


def test_a_postponed_step_is_recorded_at_its_later_meeting_and_the_postponement_kept(
    client, district, paper, ki_lead
):
    client.force_login(ki_lead)
    step = steps_of(paper)[0]
    post_result(client, paper, step, result="vertagt")
    later = factories.MeetingFactory(
        committee=step.meeting.committee, start=step.meeting.start + datetime.timedelta(days=7)
    )
    url = reverse("papers:result", args=[district.slug, paper.pk, step.pk])
    page = client.post(
        url, {"meeting": later.pk, "result": "empfohlen", "votes_yes": "9"}, follow=True
    ).content.decode()
    step.refresh_from_db()
    assert step.result == "empfohlen" and step.meeting == later
    change = step.result_changes.get()
    assert change.result == "vertagt" and change.reason == results.AFTER_POSTPONEMENT
    assert "Verlauf der Ergebnisse" in page


def test_a_meeting_of_another_committee_is_not_offered(client, district, paper, ki_lead):
    steps = steps_of(paper)
    client.force_login(ki_lead)
    page = post_result(
        client, paper, steps[0], result="empfohlen", meeting=steps[2].meeting.pk
    ).content.decode()
    assert "Bitte eine gültige Auswahl treffen" in page
    assert steps_of(paper)[0].result == ""


def test_the_service_refuses_the_same_for_callers_without_a_form(district, paper, ki_lead):
    steps = steps_of(paper)
    day = timezone.localdate(steps[0].meeting.start)
    with pytest.raises(ValidationError) as refused:
        results.consultation_record(
            district=district,
            consultation=steps[0],
            result="empfohlen",
            votes_yes=None,
            votes_no=None,
            votes_abstain=None,
            note="",
            user=ki_lead,
            today=day - datetime.timedelta(days=1),
        )
    assert "hat noch nicht stattgefunden" in str(refused.value)
    assert steps_of(paper)[0].result == ""
