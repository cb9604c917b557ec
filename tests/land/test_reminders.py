"""Issue 17: ``send_reminders`` — each kind of item, once per threshold, German text and dates,
the Land's digest of passed deadlines, and the calendar feed with the same items."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.rights import Role
from concepts.models import ConceptVersion
from coordination.models import PriorityRound
from core.due import REMINDER_THRESHOLDS, berlin_today, due_items
from land.models import ReminderSent
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 12, 1)


def run(day=TODAY, *args) -> str:
    out = StringIO()
    call_command("send_reminders", f"--date={day.isoformat()}", *args, stdout=out)
    return out.getvalue()


def days(n: int) -> D:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def lead(district):
    return factories.MembershipFactory(
        district=district, role=Role.LEAD, user__email="leitung@kreis.example"
    ).user


def set_deadline(district, day):
    district.land_requirements.submission_deadline = day
    district.land_requirements.save()


def test_the_thresholds_are_named_once():
    assert REMINDER_THRESHOLDS == (30, 7, 1, 0)


def test_the_deadline_at_the_land_once_per_threshold(district, lead):
    set_deadline(district, days(30))
    run()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["leitung@kreis.example"]
    assert sent.subject == "Erinnerung: 1 Punkt steht an – Kreis Beispiel"
    assert "Stand: 01.12.2026" in sent.body
    assert "- Frist beim Land: Vorlage des Konzepts beim Land" in sent.body
    assert "fällig am 31.12.2026 (in 30 Tagen)" in sent.body
    # The same day again, and the days up to the next threshold: nothing new.
    run()
    for n in range(1, 23):
        run(days(n))
    assert len(mail.outbox) == 1
    run(days(23))  # 7 days left
    assert len(mail.outbox) == 2 and "fällig am 31.12.2026 (in 7 Tagen)" in mail.outbox[1].body
    run(days(29))
    assert "(morgen)" in mail.outbox[2].body
    run(days(30))
    assert "fällig am 31.12.2026 (heute)" in mail.outbox[3].body
    run(days(31))  # passed: the KI is not reminded daily
    kinds = ReminderSent.objects.filter(district=district, kind="frist_land")
    assert sorted(kinds.values_list("threshold", flat=True)) == [0, 1, 7, 30]


def test_a_missed_run_sends_the_nearest_threshold_only(district, lead):
    set_deadline(district, days(5))
    run()
    assert len(mail.outbox) == 1 and "(in 5 Tagen)" in mail.outbox[0].body
    assert list(ReminderSent.objects.values_list("threshold", flat=True)) == [7]


def test_the_concept_in_force_reaching_its_maximum_age(district, lead):
    factories.ConceptVersionFactory(
        concept=district.concept,
        title="Integrationskonzept 2023",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=D(2023, 12, 8),
    )
    run()
    body = mail.outbox[0].body
    assert (
        "- Höchstalter des Konzepts: „Integrationskonzept 2023“ (beschlossen am 08.12.2023)" in body
    )
    assert "wird 3 Jahre alt – Überprüfung fällig (Eckpunktepapier 2012)" in body
    assert "fällig am 08.12.2026 (in 7 Tagen)" in body


def test_a_work_period_ending_without_a_successor(district, lead):
    factories.WorkPeriodFactory(district=district)  # 2025–2026
    run()
    body = mail.outbox[0].body
    assert "Arbeitsperiode 2025/26 endet, eine folgende ist nicht angelegt" in body
    assert "fällig am 31.12.2026 (in 30 Tagen)" in body
    mail.outbox.clear()
    ReminderSent.objects.all().delete()
    factories.WorkPeriodFactory(district=district, start=D(2027, 1, 1), end=D(2028, 12, 31))
    run()
    assert not any("Arbeitsperiode 2025/26" in m.body for m in mail.outbox)


def test_a_round_closing(district, lead):
    period = factories.WorkPeriodFactory(district=district)
    factories.WorkPeriodFactory(district=district, start=D(2027, 1, 1), end=D(2028, 12, 31))
    factories.PriorityRoundFactory(
        district=district,
        work_period=period,
        title="Schwerpunkte 2027",
        status=PriorityRound.Status.OPEN,
        closes_on=TODAY,
    )
    factories.PriorityRoundFactory(
        district=district, work_period=period, title="Entwurf", closes_on=TODAY
    )  # not open: no reminder
    run()
    body = mail.outbox[0].body
    assert "- Ende einer Abstimmungsrunde: Abstimmungsrunde „Schwerpunkte 2027“" in body
    assert "fällig am 01.12.2026 (heute)" in body
    assert "Entwurf" not in body


def test_indicators_without_a_value_in_the_work_period(district, lead):
    factories.WorkPeriodFactory(district=district)
    factories.WorkPeriodFactory(district=district, start=D(2027, 1, 1), end=D(2028, 12, 31))
    measure = factories.MeasureFactory(district=district, title="Elterncafé")
    empty = factories.IndicatorFactory(measure=measure, name="Teilnehmende Familien")
    valued = factories.IndicatorFactory(measure=measure, name="Treffen")
    factories.MeasurementFactory(indicator=valued, date=D(2026, 3, 31))
    factories.MeasurementFactory(indicator=empty, date=D(2024, 12, 31))  # before the period
    run()
    body = mail.outbox[0].body
    assert (
        "- Kennzahl ohne Messwert in der Arbeitsperiode: Kennzahl „Teilnehmende Familien“ "
        "(Elterncafé) hat in der Arbeitsperiode 2025/26 noch keinen Messwert"
    ) in body
    assert "„Treffen“" not in body


def test_the_land_gets_a_digest_of_passed_deadlines_once(district, other_district, lead):
    land = factories.UserFactory(is_land=True, email="laki@land.example")
    factories.UserFactory(is_land=True, email="")  # no address: not a recipient
    set_deadline(district, days(-3))
    set_deadline(other_district, days(10))
    run()
    to_land = [m for m in mail.outbox if m.to == [land.email]]
    assert len(to_land) == 1
    body = to_land[0].body
    assert to_land[0].subject.startswith("Fristen überschritten: 1 Punkt")
    assert "- Kreis Beispiel – Frist beim Land: Vorlage des Konzepts beim Land" in body
    assert "fällig war der 28.11.2026 (seit 3 Tagen überschritten)" in body
    assert "Anderer Kreis" not in body
    mail.outbox.clear()
    run(days(1))
    assert not [m for m in mail.outbox if m.to == [land.email]]


def test_dry_run_sends_and_records_nothing(district, lead):
    set_deadline(district, days(7))
    out = run(TODAY, "--dry-run")
    assert "würde senden: Erinnerung: 1 Punkt steht an – Kreis Beispiel" in out
    assert "fällig am 08.12.2026 (in 7 Tagen)" in out
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_without_a_lead_address_nothing_is_recorded(district):
    factories.MembershipFactory(district=district, role=Role.LEAD, user__email="")
    factories.MembershipFactory(district=district, role=Role.STAFF)
    set_deadline(district, days(7))
    out = run()
    assert mail.outbox == [] and not ReminderSent.objects.exists()
    assert "Kreis Beispiel: fällige Punkte, aber keine KI-Leitung mit E-Mail-Adresse" in out


def test_a_wrong_date_is_refused_in_german():
    with pytest.raises(CommandError, match="Ungültiges Datum „1.12.2026“, erwartet JJJJ-MM-TT."):
        call_command("send_reminders", "--date=1.12.2026")


def test_the_calendar_feed_carries_the_same_items(client, district, lead, council_member):
    today = berlin_today()
    set_deadline(district, today + datetime.timedelta(days=20))
    period = factories.WorkPeriodFactory(
        district=district, start=D(today.year, 1, 1), end=D(today.year + 1, 12, 31)
    )
    factories.PriorityRoundFactory(
        district=district,
        work_period=period,
        title="Schwerpunkte",
        status=PriorityRound.Status.OPEN,
        closes_on=today + datetime.timedelta(days=3),
    )
    items = due_items(district, today)
    assert {item.kind for item in items} == {"frist_land", "runde", "arbeitsperiode"}
    client.force_login(lead)
    feed = client.get(reverse("papers:meetings_ical", args=[district.slug])).content.decode()
    unfolded = feed.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VTODO") == len(items) == 3
    deadline = today + datetime.timedelta(days=20)
    assert f"DUE;VALUE=DATE:{deadline:%Y%m%d}" in unfolded
    assert "SUMMARY:Frist beim Land: Vorlage des Konzepts beim Land" in unfolded
    assert "SUMMARY:Ende einer Abstimmungsrunde: Abstimmungsrunde „Schwerpunkte“" in unfolded
    assert f"Fällig am {deadline:%d.%m.%Y} (in 20 Tagen)" in unfolded
    # The council reads the meetings, not the KI's internal reminders.
    client.force_login(council_member)
    feed = client.get(reverse("papers:meetings_ical", args=[district.slug])).content.decode()
    assert "BEGIN:VTODO" not in feed


def test_the_dashboard_shows_the_same_items(client, district, lead, liaison):
    """Issue 17: what the reminders send shows on the KI's dashboard, not to a liaison."""
    today = berlin_today()
    district.land_requirements.submission_deadline = today + datetime.timedelta(days=7)
    district.land_requirements.save()
    client.force_login(lead)
    html = client.get(reverse("workspace:home", args=[district.slug])).content.decode()
    assert "Steht an" in html
    assert "Frist beim Land" in html
    assert f"{today + datetime.timedelta(days=7):%d.%m.%Y} (in 7 Tagen)" in html

    client.force_login(liaison)
    assert (
        "Steht an"
        not in client.get(reverse("workspace:home", args=[district.slug])).content.decode()
    )


def test_the_dashboard_names_five_indicators_and_counts_the_rest(client, district, lead):
    """Eight Kennzahlen without a value in a period ending in ten days: five by name, then
    "und 3 weitere"; the reminders keep all eight."""
    today = berlin_today()
    factories.WorkPeriodFactory(
        district=district,
        start=today - datetime.timedelta(days=700),
        end=today + datetime.timedelta(days=10),
    )
    for i in range(8):
        factories.IndicatorFactory(measure__district=district, name=f"Kennzahl {i}")
    assert sum(item.kind == "kennzahl" for item in due_items(district, today)) == 8
    client.force_login(lead)
    html = client.get(reverse("workspace:home", args=[district.slug])).content.decode()
    assert html.count("noch keinen Messwert") == 5
    assert "und 3 weitere Kennzahlen ohne Messwert in der Arbeitsperiode" in html
