"""A Kreistag decision taken before the product was used, recorded without a paper (issue 14):
its own action, date ≤ today, the Kreistag's meeting and a note, and marked as such."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Meeting
from concepts import services as concept_services
from concepts.models import ConceptVersion
from tests import factories

Status = ConceptVersion.Status


@pytest.fixture
def kreistag(district):
    return factories.CommitteeFactory(district=district, name="Kreistag", kind="kreistag")


@pytest.fixture
def version(district):
    # Seed 001: Mettmann's concept of 2015, adopted before the product was used.
    return factories.ConceptVersionFactory(
        concept=district.concept, title="Integrationskonzept Kreis Mettmann 2015"
    )


def record(client, district, version, **data):
    url = reverse("papers:historic_decision", args=[district.slug, version.pk])
    return client.post(url, data, follow=True)


def test_a_past_decision_is_recorded_and_marked_as_such(
    client, district, version, kreistag, ki_lead
):
    client.force_login(ki_lead)
    page = client.get(
        reverse("concepts:version_detail", args=[district.slug, version.pk])
    ).content.decode()
    assert "Früheren Beschluss nachtragen" in page

    page = record(
        client,
        district,
        version,
        committee=kreistag.pk,
        decided_on="2015-06-22",
        note="Niederschrift der Kreistagssitzung vom 22.06.2015, TOP 7",
    ).content.decode()

    version.refresh_from_db()
    assert version.status == Status.ADOPTED
    assert version.decided_on == datetime.date(2015, 6, 22)
    assert version.decision_recorded_without_paper
    # The Fassung's page says how the decision came into the system.
    assert "Beschluss nachträglich erfasst, ohne Vorlage" in page
    assert "Kreistag am 22.06.2015" in page
    assert "Niederschrift der Kreistagssitzung vom 22.06.2015, TOP 7" in page
    # The Kreistag's meeting of that day exists now, once.
    meeting = Meeting.objects.get(committee=kreistag)
    assert timezone.localdate(meeting.start) == datetime.date(2015, 6, 22)


def test_an_existing_meeting_of_that_day_is_used(client, district, version, kreistag, ki_lead):
    existing = factories.MeetingFactory(
        committee=kreistag,
        start=datetime.datetime(2015, 6, 22, 15, 30, tzinfo=timezone.get_current_timezone()),
    )
    client.force_login(ki_lead)
    record(client, district, version, committee=kreistag.pk, decided_on="2015-06-22", note="x")
    assert list(Meeting.objects.filter(committee=kreistag)) == [existing]


def test_today_is_accepted_and_tomorrow_refused(client, district, version, kreistag, ki_lead):
    client.force_login(ki_lead)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page = record(
        client, district, version, committee=kreistag.pk, decided_on=tomorrow.isoformat(), note="x"
    ).content.decode()
    assert f"Der {tomorrow:%d.%m.%Y} liegt in der Zukunft" in page
    version.refresh_from_db()
    assert version.status == Status.DRAFT and version.decided_on is None
    assert not Meeting.objects.filter(committee=kreistag).exists()

    today = timezone.localdate()
    record(client, district, version, committee=kreistag.pk, decided_on=today.isoformat(), note="x")
    version.refresh_from_db()
    assert version.status == Status.ADOPTED and version.decided_on == today


def test_a_note_and_a_kreistag_are_required(client, district, version, kreistag, ki_lead):
    committee = factories.CommitteeFactory(district=district, name="Sozialausschuss")
    client.force_login(ki_lead)
    page = record(
        client, district, version, committee=kreistag.pk, decided_on="2015-06-22", note=""
    ).content.decode()
    assert "Dieses Feld ist zwingend erforderlich." in page
    page = record(
        client, district, version, committee=committee.pk, decided_on="2015-06-22", note="x"
    ).content.decode()
    assert "Bitte eine gültige Auswahl treffen" in page
    version.refresh_from_db()
    assert version.status == Status.DRAFT


def test_refused_while_a_paper_for_the_version_is_in_deliberation(
    client, district, version, kreistag, ki_lead
):
    paper = factories.released_paper(district, concept_version=version)
    client.force_login(ki_lead)
    page = record(
        client, district, version, committee=kreistag.pk, decided_on="2015-06-22", note="x"
    ).content.decode()
    assert f"Die Vorlage {paper.reference} zu dieser Fassung ist in Beratung" in page
    version.refresh_from_db()
    assert version.status == Status.DRAFT


def test_the_order_of_the_fassungen_is_kept(client, district, version, kreistag, ki_lead):
    later = factories.ConceptVersionFactory(concept=district.concept, title="Fortschreibung")
    concept_services.version_adopt(
        district=district, version=later, decided_on=datetime.date(2020, 3, 1), user=None
    )
    client.force_login(ki_lead)
    page = record(
        client, district, version, committee=kreistag.pk, decided_on="2021-01-01", note="x"
    ).content.decode()
    assert f"Die spätere Fassung {later.number} wurde schon am 01.03.2020 beschlossen" in page
    version.refresh_from_db()
    assert version.status == Status.DRAFT

    # Recorded before the later one: it is on record, and the later one stays in force.
    record(client, district, version, committee=kreistag.pk, decided_on="2015-06-22", note="x")
    version.refresh_from_db()
    later.refresh_from_db()
    assert version.status == Status.SUPERSEDED and later.status == Status.ADOPTED


def test_only_the_lead_records_it_and_an_adopted_version_is_not_recorded_again(
    client, district, version, kreistag, ki_lead, ki_staff
):
    client.force_login(ki_staff)
    response = record(client, district, version, committee=kreistag.pk, decided_on="2015-06-22")
    assert response.status_code == 403

    client.force_login(ki_lead)
    record(client, district, version, committee=kreistag.pk, decided_on="2015-06-22", note="x")
    page = record(
        client, district, version, committee=kreistag.pk, decided_on="2015-06-23", note="y"
    ).content.decode()
    assert "ist bereits beschlossen" in page
    version.refresh_from_db()
    assert version.decided_on == datetime.date(2015, 6, 22)
