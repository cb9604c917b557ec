"""Work periods and their Arbeitsschwerpunkte (seed 000: priorities for two years)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from concepts.models import FocusArea, WorkPeriod, WorkPriority
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def periods_url(district) -> str:
    return reverse("concepts:periods", args=[district.slug])


def period(district, year: int, kind=WorkPeriod.Kind.CALENDAR) -> WorkPeriod:
    start, end = WorkPeriod.span(kind, year)
    return factories.WorkPeriodFactory(district=district, kind=kind, start=start, end=end)


# --- the list -------------------------------------------------------------------------------


def test_periods_newest_first_with_current_marker_and_priorities(client, district, council_member):
    current = period(district, timezone.localdate().year)
    old = period(district, 2013)
    round_ = factories.PriorityRoundFactory(district=district, work_period=current)
    bildung = factories.WorkPriorityFactory(
        work_period=current,
        title="Übergang Schule – Beruf",
        description="Begleitung neu zugewanderter Jugendlicher",
    )
    factories.PriorityAdoptionFactory(priority=bildung, round=round_)
    factories.WorkPriorityFactory(
        work_period=current,
        title="Interkulturelle Öffnung der Verwaltung",
        focus_area=FocusArea.objects.get(code=FocusArea.Code.CROSS_CUTTING),
    )
    factories.WorkPriorityFactory(work_period=old, title="Sprachförderung 2013/14")
    for _ in range(2):
        factories.MeasureFactory(district=district).work_priorities.add(bildung)

    client.force_login(council_member)
    html = text(client.get(periods_url(district)).content.decode())
    assert f"{current.label} aktuell" in html
    assert "2013/14 aktuell" not in html
    assert html.index(current.label) < html.index("2013/14")
    assert "Übergang Schule – Beruf Begleitung neu zugewanderter Jugendlicher" in html
    assert f"2 Maßnahmen · aus der Abstimmungsrunde „{round_.title}“" in html
    # Both Schwerpunkte per period, Bildung first (FocusArea order); empty ones say so.
    section = html[html.index(current.label) : html.index("2013/14")]
    assert section.index("Integration durch Bildung") < section.index("Übergang Schule")
    assert section.index("Querschnittsaufgabe") < section.index("Interkulturelle Öffnung")
    old_section = html[html.index("2013/14") :]
    assert "Noch kein Arbeitsschwerpunkt in diesem Schwerpunkt." in old_section
    # A council member reads but does not edit.
    assert "Neue Arbeitsperiode" not in html and "Bearbeiten" not in html


def test_school_year_periods_are_labelled_as_such(client, district, ki_staff):
    period(district, 2024, WorkPeriod.Kind.SCHOOL)
    client.force_login(ki_staff)
    html = text(client.get(periods_url(district)).content.decode())
    assert "Schuljahre 2024/25 und 2025/26" in html
    assert "01.08.2024 bis 31.07.2026" in html


# --- create / update / delete periods -------------------------------------------------------


def create(client, district, **data):
    payload = {"kind": "kalender", "start_year": "2031", "years": "2", **data}
    return client.post(reverse("concepts:period_create", args=[district.slug]), payload)


def test_create_a_two_year_period(client, district, ki_staff):
    client.force_login(ki_staff)
    response = create(client, district)
    assert response.status_code == 302
    created = district.work_periods.get()
    assert (created.start, created.end) == (D(2031, 1, 1), D(2032, 12, 31))
    html = text(client.get(response["Location"]).content.decode())
    assert "Arbeitsperiode gespeichert." in html and "2031/32" in html


def test_create_school_years(client, district, ki_staff):
    client.force_login(ki_staff)
    create(client, district, kind="schuljahr", start_year="2026")
    created = district.work_periods.get()
    assert (created.start, created.end) == (D(2026, 8, 1), D(2028, 7, 31))


def test_one_year_is_refused_in_german_and_nothing_is_saved(client, district, ki_staff):
    client.force_login(ki_staff)
    response = create(client, district, years="1")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Eine Arbeitsperiode umfasst genau 2 aufeinanderfolgende Kalenderjahre" in html
    assert response.context["form"].errors["years"]
    assert not district.work_periods.exists()


def test_period_length_follows_the_land_requirements(client, district, ki_staff):
    factories.land_set(district, work_period_years=3)
    client.force_login(ki_staff)
    response = create(client, district, years="2")
    assert "genau 3 aufeinanderfolgende" in response.content.decode()
    assert create(client, district, years="3").status_code == 302
    assert district.work_periods.get().end == D(2033, 12, 31)


def test_overlap_is_refused_in_german_and_nothing_is_saved(client, district, ki_staff):
    period(district, 2031)
    client.force_login(ki_staff)
    for data in ({"start_year": "2032"}, {"start_year": "2031"}, {"kind": "schuljahr"}):
        response = create(client, district, **data)
        assert response.status_code == 200
        assert "überschneidet sich mit der Arbeitsperiode 2031/32" in response.content.decode()
        assert response.context["form"].errors["start_year"]
        assert "existiert bereits" not in response.content.decode()  # said once, in words
    assert district.work_periods.count() == 1


def test_a_period_of_another_district_does_not_overlap(client, district, other_district, ki_staff):
    period(other_district, 2031)
    client.force_login(ki_staff)
    assert create(client, district).status_code == 302


@pytest.mark.parametrize("start_year", ["", "abc", "1800", "99999999999"])
def test_bad_years_give_field_errors(client, district, ki_staff, start_year):
    client.force_login(ki_staff)
    response = create(client, district, start_year=start_year)
    assert response.status_code == 200
    assert response.context["form"].errors["start_year"]


def test_update_moves_a_period_but_not_onto_another(client, district, ki_staff):
    first = period(district, 2031)
    period(district, 2035)
    client.force_login(ki_staff)
    url = reverse("concepts:period_update", args=[district.slug, first.pk])
    form = client.get(url).context["form"]
    assert form.initial == {"kind": "kalender", "start_year": 2031, "years": 2}
    response = client.post(url, {"kind": "kalender", "start_year": "2034", "years": "2"})
    assert "überschneidet sich mit der Arbeitsperiode 2035/36" in response.content.decode()
    response = client.post(url, {"kind": "kalender", "start_year": "2033", "years": "2"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.start == D(2033, 1, 1)


def test_delete_an_unused_period(client, district, ki_staff):
    unused = period(district, 2031)
    client.force_login(ki_staff)
    url = reverse("concepts:period_delete", args=[district.slug, unused.pk])
    assert "Soll die Arbeitsperiode 2031/32 gelöscht werden?" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "Arbeitsperiode 2031/32 gelöscht." in response.content.decode()
    assert not district.work_periods.exists()


def test_a_period_with_priorities_or_rounds_is_not_deleted(client, district, ki_staff):
    with_priority = period(district, 2031)
    factories.WorkPriorityFactory(work_period=with_priority)
    with_round = period(district, 2033)
    factories.PriorityRoundFactory(district=district, work_period=with_round)
    client.force_login(ki_staff)
    for target, reason in (
        (with_priority, "1 Arbeitsschwerpunkt ist ihr zugeordnet"),
        (with_round, "1 Abstimmungsrunde bezieht sich auf sie"),
    ):
        url = reverse("concepts:period_delete", args=[district.slug, target.pk])
        page = client.get(url).content.decode()
        assert "kann nicht gelöscht werden" in page and reason in page
        assert "Endgültig löschen" not in page
        response = client.post(url, follow=True)
        assert reason in response.content.decode()
    assert district.work_periods.count() == 2


# --- priorities -----------------------------------------------------------------------------


def test_priority_crud(client, district, ki_staff):
    target = period(district, 2031)
    client.force_login(ki_staff)
    bildung = FocusArea.objects.get(code=FocusArea.Code.EDUCATION)
    quer = FocusArea.objects.get(code=FocusArea.Code.CROSS_CUTTING)

    response = client.post(
        reverse("concepts:priority_create", args=[district.slug, target.pk]),
        {"focus_area": bildung.pk, "title": "Seiteneinsteiger", "description": "Beratung"},
    )
    assert response.status_code == 302
    priority = target.priorities.get()
    assert (priority.title, priority.focus_area, priority.order) == ("Seiteneinsteiger", bildung, 0)

    # The same title twice in one period is refused in German (DB constraint said in words).
    response = client.post(
        reverse("concepts:priority_create", args=[district.slug, target.pk]),
        {"focus_area": quer.pk, "title": "seiteneinsteiger"},
    )
    assert response.status_code == 200
    assert (
        "In dieser Arbeitsperiode gibt es bereits einen Arbeitsschwerpunkt mit diesem Titel."
        in response.content.decode()
    )
    assert target.priorities.count() == 1

    url = reverse("concepts:priority_update", args=[district.slug, priority.pk])
    response = client.post(url, {"focus_area": quer.pk, "title": "Seiteneinsteigerberatung"})
    assert response.status_code == 302
    priority.refresh_from_db()
    assert (priority.title, priority.focus_area) == ("Seiteneinsteigerberatung", quer)

    measure = factories.MeasureFactory(district=district)
    measure.work_priorities.add(priority)
    url = reverse("concepts:priority_delete", args=[district.slug, priority.pk])
    assert "1 Maßnahme dient diesem Arbeitsschwerpunkt" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not WorkPriority.objects.filter(pk=priority.pk).exists()
    measure.refresh_from_db()  # the measure stays
    assert measure.work_priorities.count() == 0


def test_council_member_cannot_add_priorities(client, district, council_member):
    target = period(district, 2031)
    client.force_login(council_member)
    url = reverse("concepts:priority_create", args=[district.slug, target.pk])
    assert client.post(url, {"title": "x"}).status_code == 403
    assert not target.priorities.exists()
