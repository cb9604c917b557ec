"""The District's dashboard: concept version, deadline, work period, measures, indicators, changes."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from concepts.models import ConceptVersion, FocusArea, WorkPeriod
from measures.models import Measure
from tests import factories

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    return timezone.localdate()


def url(district) -> str:
    return reverse("workspace:home", args=[district.slug])


def page(client, user, district) -> str:
    client.force_login(user)
    response = client.get(url(district))
    assert response.status_code == 200
    return response.content.decode()


def text(html: str) -> str:
    """The visible text, whitespace collapsed, for assertions about what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def versions(district):
    adopted = factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        title="Integrationskonzept 2015",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2015, 6, 22),
        submitted_on=datetime.date(2015, 6, 30),
    )
    draft = factories.ConceptVersionFactory(
        concept=district.concept,
        number=2,
        title="Fortschreibung 2027",
        status=ConceptVersion.Status.IN_CONSULTATION,
        deadline=today() + datetime.timedelta(days=38),
    )
    return adopted, draft


# --- concept version and deadline -----------------------------------------------------------


def test_ki_sees_the_current_draft_with_status_and_days_left(client, district, ki_staff, versions):
    html = text(page(client, ki_staff, district))
    assert "Fortschreibung 2027" in html
    assert "Status: in Abstimmung" in html
    assert "noch nicht beschlossen" in html
    assert "noch 38 Tage" in html
    assert f"bis {(today() + datetime.timedelta(days=38)):%d.%m.%Y}" in html


def test_superseded_versions_are_not_current(client, district, ki_staff):
    factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        title="Rahmenkonzept 2007",
        status=ConceptVersion.Status.SUPERSEDED,
        decided_on=datetime.date(2007, 3, 1),
    )
    html = text(page(client, ki_staff, district))
    assert "Rahmenkonzept 2007" not in html
    assert "Es gibt noch keine Fassung des Integrationskonzepts." in html


def test_kreistag_sees_only_the_adopted_version_and_the_lands_deadline(
    client, district, council_member, versions
):
    district.land_requirements.submission_deadline = today() - datetime.timedelta(days=12)
    district.land_requirements.save()
    html = text(page(client, council_member, district))
    assert "Fortschreibung 2027" not in html
    assert "Integrationskonzept 2015" in html
    assert "Status: beschlossen" in html
    assert "22.06.2015" in html and "30.06.2015" in html
    # The adopted version has no deadline of its own: the Land's requirement applies.
    assert "Frist seit 12 Tagen überschritten" in html
    assert "Frist aus den Anforderungen des Landes" in html


def test_an_adopted_versions_old_deadline_gives_way_to_the_lands_next_one(
    client, district, council_member
):
    # Mettmann: adopted 2015 with the deadline 30.06.2015; the next date comes from the Land.
    factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2015, 6, 22),
        deadline=datetime.date(2015, 6, 30),
    )
    district.land_requirements.submission_deadline = today() + datetime.timedelta(days=1)
    district.land_requirements.save()
    html = text(page(client, council_member, district))
    assert "überschritten" not in html
    assert "noch 1 Tag " in html


def test_a_submitted_draft_says_so_instead_of_counting_days(client, district, ki_staff):
    factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        status=ConceptVersion.Status.IN_DELIBERATION,
        deadline=today() - datetime.timedelta(days=5),
        submitted_on=today() - datetime.timedelta(days=9),
    )
    html = text(page(client, ki_staff, district))
    assert f"am {today() - datetime.timedelta(days=9):%d.%m.%Y} vorgelegt (fristgerecht)" in html
    assert "überschritten" not in html


def test_without_any_deadline_the_card_says_so(client, district, ki_staff):
    html = text(page(client, ki_staff, district))
    assert "Es ist keine Frist für die Vorlage beim Land eingetragen." in html


# --- current work period --------------------------------------------------------------------


def test_current_period_shows_its_priorities_per_schwerpunkt(client, district, ki_staff):
    start, end = WorkPeriod.span(WorkPeriod.Kind.CALENDAR, today().year)
    period = factories.WorkPeriodFactory(district=district, start=start, end=end)
    old = factories.WorkPeriodFactory(
        district=district,
        start=datetime.date(2001, 1, 1),
        end=datetime.date(2002, 12, 31),
    )
    factories.WorkPriorityFactory(
        work_period=period,
        title="Vernetzung der Migrantenorganisationen",
        focus_area=FocusArea.objects.get(code=FocusArea.Code.CROSS_CUTTING),
    )
    factories.WorkPriorityFactory(work_period=period, title="Seiteneinsteigerberatung")
    factories.WorkPriorityFactory(work_period=old, title="Alter Schwerpunkt")
    html = text(page(client, ki_staff, district))
    assert f"Aktuelle Arbeitsperiode: {period.label}" in html
    assert "Alter Schwerpunkt" not in html
    # FocusArea order: Bildung first, then Querschnitt, each with its own priority.
    education = html.index("Integration durch Bildung")
    cross = html.index("Integration als kommunale Querschnittsaufgabe")
    assert education < html.index("Seiteneinsteigerberatung") < cross
    assert cross < html.index("Vernetzung der Migrantenorganisationen")


def test_without_current_period_the_card_says_so(client, district, ki_staff):
    html = text(page(client, ki_staff, district))
    assert "Für heute ist keine Arbeitsperiode angelegt." in html


# --- measures by status ---------------------------------------------------------------------


def test_measures_are_counted_per_status(client, district, ki_staff):
    for _ in range(2):
        factories.MeasureFactory(district=district, status=Measure.Status.RUNNING)
    factories.MeasureFactory(district=district, status=Measure.Status.PLANNED)
    factories.MeasureFactory(district=district, status=Measure.Status.RUNNING, is_archived=True)
    factories.MeasureFactory(status=Measure.Status.RUNNING)  # another District
    client.force_login(ki_staff)
    response = client.get(url(district))
    counts = {row["label"]: row["count"] for row in response.context["status_counts"]}
    assert counts["laufend"] == 2
    assert counts["geplant"] == 1
    assert counts["eingestellt"] == 0
    html = text(response.content.decode())
    assert "laufend 2" in html and "geplant 1" in html and "insgesamt 3" in html


# --- indicators behind target ---------------------------------------------------------------


def test_indicator_behind_target_and_its_attainment_follow_new_measurements(
    client, district, ki_staff
):
    measure = factories.MeasureFactory(district=district, title="Griffbereit")
    indicator = factories.IndicatorFactory(
        measure=measure,
        name="erreichte Familien",
        baseline=Decimal("100"),
        target=Decimal("200"),
    )
    factories.MeasurementFactory(
        indicator=indicator, value=Decimal("120"), date=datetime.date(2024, 7, 31)
    )
    on_target = factories.IndicatorFactory(measure=measure, name="Gruppen")
    factories.MeasurementFactory(indicator=on_target, value=Decimal("190"))

    client.force_login(ki_staff)
    response = client.get(url(district))
    html = text(response.content.decode())
    assert "erreichte Familien Griffbereit 120 Familien" in html
    assert "20,0 %" in html
    assert [i.name for i in response.context["behind"]] == ["erreichte Familien"]

    factories.MeasurementFactory(
        indicator=indicator, value=Decimal("135"), date=datetime.date(2025, 7, 31)
    )
    html = text(client.get(url(district)).content.decode())
    assert "135 Familien" in html and "35,0 %" in html and "20,0 %" not in html

    factories.MeasurementFactory(
        indicator=indicator, value=Decimal("180"), date=datetime.date(2026, 7, 31)
    )
    response = client.get(url(district))
    assert response.context["behind"] == []
    assert "Keine Kennzahl liegt hinter dem Ziel." in text(response.content.decode())


def test_at_most_ten_indicators_behind_target(client, district, ki_staff):
    for i in range(12):
        factories.MeasurementFactory(
            indicator__measure__district=district,
            indicator__name=f"Zahl {i:02d}",
            value=Decimal(101 + i),
        )
    client.force_login(ki_staff)
    response = client.get(url(district))
    assert len(response.context["behind"]) == 10
    # The furthest behind come first.
    assert [i.name for i in response.context["behind"]][:2] == ["Zahl 00", "Zahl 01"]
    assert "die 10 am weitesten zurückliegenden von 12" in text(response.content.decode())


# --- recent changes -------------------------------------------------------------------------


def test_recent_changes_show_who_changed_what(client, district, ki_staff, ki_lead):
    measure = factories.MeasureFactory(district=district, title="Rucksack KiTa")
    history = measure.history.first()
    history.history_user = ki_lead
    history.save()
    factories.ActorFactory(district=district, name="Caritasverband")
    factories.MeasureFactory(title="Fremde Maßnahme")  # another District
    html = text(page(client, ki_staff, district))
    assert "Letzte Änderungen" in html
    assert "leitung Maßnahme „Rucksack KiTa“ angelegt" in html
    assert "Akteur „Caritasverband“ angelegt" in html
    assert "Fremde Maßnahme" not in html


def test_recent_changes_are_capped_at_ten(client, district, ki_staff):
    for i in range(8):
        factories.MeasureFactory(district=district, title=f"Maßnahme {i}")
        factories.ActorFactory(district=district, name=f"Akteur {i}")
    client.force_login(ki_staff)
    changes = client.get(url(district)).context["changes"]
    assert len(changes) == 10
    assert changes == sorted(changes, key=lambda c: c["when"], reverse=True)


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize("user", ["council_member", "land_user", "liaison"])
def test_readers_without_internal_rights_see_no_drafts_and_no_changes(
    client, district, versions, user, request
):
    factories.MeasureFactory(district=district, title="Sichtbare Maßnahme")
    html = text(page(client, request.getfixturevalue(user), district))
    assert "Fortschreibung 2027" not in html
    assert "Integrationskonzept 2015" in html
    assert "Letzte Änderungen" not in html


def test_liaison_sees_a_hint_and_only_own_and_kreisweit_measures(
    client, district, municipality, liaison
):
    other = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    own = factories.MeasureFactory(district=district, status=Measure.Status.RUNNING)
    own.municipalities.add(municipality)
    factories.MeasureFactory(district=district, status=Measure.Status.RUNNING)  # kreisweit
    foreign = factories.MeasureFactory(district=district, status=Measure.Status.PLANNED)
    foreign.municipalities.add(other)
    factories.MeasurementFactory(
        indicator__measure=foreign, indicator__name="Fremde Kennzahl", value=Decimal("101")
    )
    factories.MeasurementFactory(
        indicator__measure=own, indicator__name="Eigene Kennzahl", value=Decimal("101")
    )
    client.force_login(liaison)
    response = client.get(url(district))
    html = text(response.content.decode())
    assert "Sie sehen diese Übersicht als kommunale Ansprechperson" in html
    assert "Beispielstadt" in html
    counts = {row["label"]: row["count"] for row in response.context["status_counts"]}
    assert counts["laufend"] == 2
    assert counts["geplant"] == 0
    assert "Eigene Kennzahl" in html
    assert "Fremde Kennzahl" not in html


def test_ki_staff_sees_no_liaison_hint(client, district, ki_staff):
    html = text(page(client, ki_staff, district))
    assert "kommunale Ansprechperson" not in html


def test_only_running_measures_have_indicators_behind_target(client, district, ki_staff):
    # Issue 14: "Kennzahlen hinter dem Ziel" lists only running measures.
    day = today()
    S = Measure.Status
    measures = {
        "laufend": {"status": S.RUNNING},
        "laufend, ohne Daten": {"status": S.RUNNING, "start": None, "end": None},
        "archiviert": {"status": S.RUNNING, "is_archived": True},
        "beendet": {"status": S.RUNNING, "end": day - datetime.timedelta(days=1)},
        "noch nicht begonnen": {"status": S.RUNNING, "start": day + datetime.timedelta(days=1)},
        "geplant": {"status": S.PLANNED},
        "abgeschlossen": {"status": S.COMPLETED},
        "eingestellt": {"status": S.DISCONTINUED},
    }
    for title, fields in measures.items():
        fields.setdefault("start", day - datetime.timedelta(days=30))
        fields.setdefault("end", day + datetime.timedelta(days=30))
        measure = factories.MeasureFactory(district=district, title=title, **fields)
        factories.MeasurementFactory(
            indicator__measure=measure, indicator__name=f"Zahl {title}", value=Decimal("110")
        )
    client.force_login(ki_staff)
    response = client.get(url(district))
    assert sorted(i.measure.title for i in response.context["behind"]) == [
        "laufend",
        "laufend, ohne Daten",
    ]
    assert "Kennzahlen laufender Maßnahmen" in text(response.content.decode())


def test_the_concept_in_force_and_the_draft_are_told_apart(client, district, ki_staff, versions):
    html = text(page(client, ki_staff, district))
    assert "In Kraft Integrationskonzept 2015 (Fassung 1) Status: beschlossen, in Kraft" in html
    assert "In Vorbereitung Fortschreibung 2027 (Fassung 2) Status: in Abstimmung" in html


def test_a_decision_dated_later_is_not_in_force_on_the_dashboard(client, district, ki_staff):
    later = today() + datetime.timedelta(days=109)
    factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        title="Integrationskonzept 2015",
        status=ConceptVersion.Status.SUPERSEDED,
        decided_on=datetime.date(2015, 6, 22),
    )
    factories.ConceptVersionFactory(
        concept=district.concept,
        number=2,
        title="Fortschreibung 2027",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=later,
    )
    html = text(page(client, ki_staff, district))
    assert "In Kraft Integrationskonzept 2015 (Fassung 1) Status: beschlossen, in Kraft" in html
    assert "abgelöst" not in html


def test_the_checklist_card_counts_what_the_checklist_page_lists(client, district, ki_staff):
    """Issue 16: the card counts measures without a Kennzahl in the database; the number is
    the one the checklist page lists, measure by measure."""
    for title in ("Sprachcafé", "Rucksack Kita", "Elterncafé"):
        factories.MeasureFactory(district=district, title=title)
    shown = text(page(client, ki_staff, district))
    rule = "Jede Maßnahme hat mindestens eine Kennzahl mit Zielwert"
    assert re.search(rf"nicht erfüllt: {rule} 3\b", shown)
    listed = text(
        client.get(reverse("workspace:compliance", args=[district.slug])).content.decode()
    )
    assert all(title in listed for title in ("Sprachcafé", "Rucksack Kita", "Elterncafé"))
