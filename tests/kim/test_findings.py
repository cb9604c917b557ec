"""Issue 19: Strukturbedarfe from "gemeldet" to "umgesetzt" with the Lenkungsgruppe's decision
at a meeting, the Lenkungsgruppe and its Projektgruppen with members by Rechtskreis, and who
reads which finding."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actors.models import Committee
from kim.models import Finding, Seat
from tests import factories

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def groups(district):
    steering = Committee.objects.create(
        district=district, name="KIM-Lenkungsgruppe", kind="lenkungsgruppe"
    )
    project = Committee.objects.create(
        district=district, name="Projektgruppe Arbeit und Aufenthalt", kind="projektgruppe"
    )
    held = factories.MeetingFactory(
        committee=steering, start=timezone.now() - datetime.timedelta(days=3)
    )
    coming = factories.MeetingFactory(
        committee=steering, start=timezone.now() + datetime.timedelta(days=30)
    )
    return steering, project, held, coming


def finding_data(**changes) -> dict:
    today = timezone.localdate()
    data = {
        "title": "Beschäftigungserlaubnis dauert länger als das Jobangebot gilt",
        "description": "Arbeitgeber ziehen Angebote zurück, weil die Zustimmung fehlt.",
        "rechtskreise": ["auslaenderbehoerde", "jobcenter", "agentur"],
        "municipality": "",
        "reported_by": "Case Management Dülmen",
        "reported_on": (today - datetime.timedelta(days=20)).strftime("%d.%m.%Y"),
        "state": "gemeldet",
        "project_group": "",
        "proposal": "",
        "meeting": "",
        "decision": "",
        "implemented_on": "",
    }
    return {**data, **changes}


def save(client, district, finding=None, **changes):
    url = (
        reverse("kim:finding_update", args=[district.slug, finding.pk])
        if finding
        else reverse("kim:finding_create", args=[district.slug])
    )
    data = finding_data(**changes)
    if finding is not None:
        # The stale-edit stamp of the form as the editor loaded it.
        page = client.get(url)
        data["seen_modified"] = page.context["form"]["seen_modified"].value()
    return client.post(url, data)


def test_a_finding_goes_from_reported_to_implemented_with_the_decision_of_a_meeting(
    client, district, ki_staff, groups
):
    steering, project, held, coming = groups
    client.force_login(ki_staff)
    response = save(client, district)
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert finding.state == "gemeldet"
    assert finding.rechtskreise == ["auslaenderbehoerde", "jobcenter", "agentur"]

    # Each step needs the one before: no Projektgruppe, no work in it.
    response = save(client, district, finding, state="in_arbeit")
    assert "Bitte wählen Sie die Projektgruppe" in response.content.decode()
    assert (
        save(client, district, finding, state="in_arbeit", project_group=project.pk).status_code
        == 302
    )

    steps = {"project_group": project.pk}
    response = save(client, district, finding, state="vorgeschlagen", **steps)
    assert "Bitte beschreiben Sie die vorgeschlagene Lösung" in response.content.decode()
    steps["proposal"] = "Vorabzustimmung der Agentur binnen einer Woche; feste Ansprechperson."
    assert save(client, district, finding, state="vorgeschlagen", **steps).status_code == 302

    # The decision: only at a meeting of the Lenkungsgruppe that has taken place.
    response = save(client, district, finding, state="beschlossen", **steps)
    page = response.content.decode()
    assert "Bitte wählen Sie die Sitzung" in page
    assert "Bitte tragen Sie den Beschluss" in page
    steps["decision"] = "Die Lenkungsgruppe beschließt das Verfahren ab dem 1. Quartal."
    response = save(client, district, finding, state="beschlossen", meeting=coming.pk, **steps)
    assert "noch nicht stattgefunden" in response.content.decode()
    assert Finding.objects.get().state == "vorgeschlagen"
    steps["meeting"] = held.pk
    assert save(client, district, finding, state="beschlossen", **steps).status_code == 302

    # Implemented: with a date, not before the meeting and not in the future.
    response = save(client, district, finding, state="umgesetzt", **steps)
    assert "seit wann er umgesetzt ist" in response.content.decode()
    before = timezone.localdate(held.start) - datetime.timedelta(days=1)
    response = save(
        client, district, finding, state="umgesetzt", implemented_on=f"{before:%d.%m.%Y}", **steps
    )
    assert "erst nach dem Beschluss" in response.content.decode()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = save(
        client, district, finding, state="umgesetzt", implemented_on=f"{tomorrow:%d.%m.%Y}", **steps
    )
    assert "in der Zukunft" in response.content.decode()
    today = timezone.localdate()
    response = save(
        client, district, finding, state="umgesetzt", implemented_on=f"{today:%d.%m.%Y}", **steps
    )
    assert response.status_code == 302

    finding.refresh_from_db()
    assert finding.state == "umgesetzt" and finding.meeting == held
    # The path is kept: every state it went through is in its history.
    states = list(finding.history.order_by("history_date").values_list("state", flat=True))
    assert states == ["gemeldet", "in_arbeit", "vorgeschlagen", "beschlossen", "umgesetzt"]

    page = text(
        client.get(reverse("kim:finding_detail", args=[district.slug, finding.pk])).content.decode()
    )
    assert "Projektgruppe Arbeit und Aufenthalt" in page
    assert f"KIM-Lenkungsgruppe am {timezone.localtime(held.start):%d.%m.%Y}" in page
    assert "Die Lenkungsgruppe beschließt das Verfahren" in page
    assert f"am {today:%d.%m.%Y}" in page
    # The decision links the meeting's Gremium.
    committee_url = reverse("actors:committee_detail", args=[district.slug, steering.pk])
    assert (
        committee_url
        in client.get(
            reverse("kim:finding_detail", args=[district.slug, finding.pk])
        ).content.decode()
    )

    board = text(client.get(reverse("kim:findings", args=[district.slug])).content.decode())
    assert "umgesetzt 1" in board


def test_the_lenkungsgruppe_may_drop_an_unworked_finding(client, district, ki_staff, groups):
    _steering, _project, held, _coming = groups
    client.force_login(ki_staff)
    response = save(
        client, district, state="abgelehnt", meeting=held.pk, decision="Nicht zuständig."
    )
    assert response.status_code == 302
    assert Finding.objects.get().get_state_display() == "nicht weiterverfolgt"


def test_only_a_lenkungsgruppe_decides_and_only_a_projektgruppe_works(
    client, district, ki_staff, groups
):
    steering, project, held, _coming = groups
    other = factories.MeetingFactory(
        committee=factories.CommitteeFactory(district=district, name="Kreistag", kind="kreistag"),
        start=timezone.now() - datetime.timedelta(days=1),
    )
    client.force_login(ki_staff)
    response = save(
        client,
        district,
        state="beschlossen",
        project_group=steering.pk,
        proposal="x",
        decision="y",
        meeting=other.pk,
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "project_group" in errors and "meeting" in errors
    assert not Finding.objects.exists()


def test_the_kreistag_reads_decided_findings_only_and_a_liaison_those_of_their_municipality(
    client, district, groups, council_member, liaison, land_user, municipality
):
    steering, project, held, _coming = groups
    other_town = factories.MunicipalityFactory(district=district, name="Olfen")
    base = {
        "district": district,
        "description": "…",
        "rechtskreise": ["jugendamt"],
        "reported_by": "Case Management",
        "reported_on": timezone.localdate() - datetime.timedelta(days=10),
    }
    Finding.objects.create(title="Offen gemeldet", **base)
    decided = {
        "state": "beschlossen",
        "project_group": project,
        "proposal": "p",
        "meeting": held,
        "decision": "d",
    }
    Finding.objects.create(title="Beschlossen kreisweit", **base, **decided)
    Finding.objects.create(title="Beschlossen hier", municipality=municipality, **base, **decided)
    Finding.objects.create(title="Beschlossen anderswo", municipality=other_town, **base, **decided)
    board = reverse("kim:findings", args=[district.slug])

    client.force_login(council_member)
    page = client.get(board).content.decode()
    assert "Beschlossen kreisweit" in page and "Beschlossen anderswo" in page
    assert "Offen gemeldet" not in page
    hidden = Finding.objects.get(title="Offen gemeldet")
    assert (
        client.get(reverse("kim:finding_detail", args=[district.slug, hidden.pk])).status_code
        == 404
    )

    client.force_login(liaison)
    page = client.get(board).content.decode()
    assert "Beschlossen kreisweit" in page and "Beschlossen hier" in page
    assert "Beschlossen anderswo" not in page and "Offen gemeldet" not in page

    client.force_login(land_user)
    page = client.get(board).content.decode()
    assert all(t in page for t in ("Offen gemeldet", "Beschlossen anderswo"))


def test_the_kim_page_shows_the_lenkungsgruppe_by_rechtskreis(client, district, ki_staff, groups):
    steering, project, held, coming = groups
    client.force_login(ki_staff)
    jobcenter = factories.ActorFactory(district=district, name="Jobcenter Kreis")
    response = client.post(
        reverse("kim:seat_create", args=[district.slug]),
        {"committee": steering.pk, "actor": jobcenter.pk, "rechtskreis": "jobcenter"},
    )
    assert response.status_code == 302
    # The same actor twice in one group: refused next to the field, nothing stored.
    response = client.post(
        reverse("kim:seat_create", args=[district.slug]),
        {"committee": steering.pk, "actor": jobcenter.pk, "rechtskreis": "jobcenter"},
    )
    assert "schon Mitglied" in response.content.decode()
    assert Seat.objects.count() == 1
    # A council committee has no KIM seats.
    assert (
        not response.context["form"].fields["committee"].queryset.filter(kind="kreistag").exists()
    )

    page = text(client.get(reverse("kim:overview", args=[district.slug])).content.decode())
    assert "KIM-Lenkungsgruppe" in page
    assert "Jobcenter (SGB II): Jobcenter Kreis" in page
    assert f"Letzte Sitzung: {timezone.localtime(held.start):%d.%m.%Y}" in page
    assert f"nächste Sitzung: {timezone.localtime(coming.start):%d.%m.%Y}" in page
    assert "Projektgruppe Arbeit und Aufenthalt" in page


def test_garbage_in_the_finding_form_changes_nothing(client, district, ki_staff, groups):
    client.force_login(ki_staff)
    for garbage in (
        {"rechtskreise": ["gibt-es-nicht"]},
        {"rechtskreise": []},
        {"reported_on": "31.02.2026"},
        {"reported_on": "29.02.2025"},
        {"state": "erledigt"},
        {"meeting": "99999999999999999999"},
        {"title": ""},
    ):
        response = save(client, district, **garbage)
        assert response.status_code == 200, garbage
        assert response.context["form"].errors, garbage
    assert not Finding.objects.exists()
    # 29 February of a leap year is a day like any other.
    assert save(client, district, reported_on="29.02.2024").status_code == 302


def test_board_and_detail_take_the_same_queries_for_more_findings(
    client, district, ki_staff, groups
):
    steering, project, held, _coming = groups
    client.force_login(ki_staff)

    def add(n):
        for i in range(n):
            Finding.objects.create(
                district=district,
                title=f"Bedarf {Finding.objects.count()}",
                description="…",
                rechtskreise=["ki"],
                reported_by="CM",
                reported_on=timezone.localdate(),
                municipality=factories.MunicipalityFactory(district=district),
                state="beschlossen" if i % 2 else "gemeldet",
                project_group=project,
                meeting=held if i % 2 else None,
            )

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(2)
    first = Finding.objects.first()
    urls = [
        reverse("kim:findings", args=[district.slug]),
        reverse("kim:finding_detail", args=[district.slug, first.pk]),
        reverse("kim:overview", args=[district.slug]),
    ]
    before = [count(url) for url in urls]
    add(20)
    for _i in range(5):
        Seat.objects.create(
            district=district,
            committee=steering,
            actor=factories.ActorFactory(district=district),
            rechtskreis="ki",
        )
    assert [count(url) for url in urls] == before


def test_a_meeting_with_a_decision_is_not_deleted_and_says_why(client, district, ki_staff, groups):
    steering, project, held, _coming = groups
    Finding.objects.create(
        district=district,
        title="Entschieden",
        description="…",
        rechtskreise=["ki"],
        reported_by="CM",
        reported_on=timezone.localdate() - datetime.timedelta(days=20),
        state="beschlossen",
        project_group=project,
        proposal="p",
        meeting=held,
        decision="d",
    )
    client.force_login(ki_staff)
    response = client.post(
        reverse("actors:meeting_delete", args=[district.slug, held.pk]), follow=True
    )
    assert "über Strukturbedarfe entschieden" in response.content.decode()
    assert Finding.objects.get().meeting == held
