"""Creating, editing, copying and archiving measures through the pages."""

import datetime

import pytest
from django.urls import reverse

from concepts.models import FocusArea
from core.locking import CONFLICT_MESSAGE, SEEN_FIELD, stamp
from measures.models import Measure
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def choices(district, municipality):
    period = factories.WorkPeriodFactory(district=district)
    return {
        "focus_area": FocusArea.objects.get(code=FocusArea.Code.EDUCATION),
        "field": factories.FieldOfActionFactory(district=district, name="Bildung und Ausbildung"),
        "priority": factories.WorkPriorityFactory(
            work_period=period, title="Übergang Schule–Beruf"
        ),
        "group": factories.TargetGroupFactory(
            district=district, name="Neu zugewanderte Jugendliche"
        ),
        "lead": factories.ActorFactory(district=district, name="Jobcenter"),
        "partner": factories.ActorFactory(district=district, name="Agentur für Arbeit"),
        "version": factories.ConceptVersionFactory(concept=district.concept),
        "municipality": municipality,
    }


def form_data(choices, **overrides) -> dict:
    data = {
        "title": "Seiteneinsteigerberatung",
        "focus_area": choices["focus_area"].pk,
        "field_of_action": choices["field"].pk,
        "work_priorities": [choices["priority"].pk],
        "start": "2025-08-01",
        "end": "2027-07-31",
        "goal": "Neu zugewanderte Schülerinnen und Schüler zügig beraten und zuweisen",
        "effect": "Weniger Kinder ohne Schulplatz",
        "target_groups": [choices["group"].pk],
        "status": "laufend",
        "municipalities": [choices["municipality"].pk],
        "lead_actor": choices["lead"].pk,
        "partner_actors": [choices["partner"].pk],
        "concept_versions": [choices["version"].pk],
    }
    data.update(overrides)
    return data


def test_create_round_trip(client, district, ki_staff, choices):
    client.force_login(ki_staff)
    page = client.get(reverse("measures:create", args=[district.slug])).content.decode()
    assert "<h1>Neue Maßnahme</h1>" in page
    assert 'label="2025/26"' in page  # priorities grouped by Arbeitsperiode
    response = client.post(reverse("measures:create", args=[district.slug]), form_data(choices))
    measure = Measure.objects.get(title="Seiteneinsteigerberatung")
    assert response.status_code == 302
    assert response["Location"] == measure.get_absolute_url()
    assert measure.district == district
    assert measure.end == datetime.date(2027, 7, 31)
    assert list(measure.work_priorities.all()) == [choices["priority"]]
    assert list(measure.municipalities.all()) == [choices["municipality"]]
    assert list(measure.partner_actors.all()) == [choices["partner"]]
    assert list(measure.concept_versions.all()) == [choices["version"]]
    assert measure.search_text.startswith("seiteneinsteigerberatung")
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Maßnahme „Seiteneinsteigerberatung“ gespeichert." in page
    assert "ab 01.08.2025 bis 31.07.2027" in page
    assert "Jobcenter" in page and "Agentur für Arbeit" in page and "Beispielstadt" in page


def test_end_before_start_is_a_german_error_at_the_field(client, district, ki_staff, choices):
    client.force_login(ki_staff)
    response = client.post(
        reverse("measures:create", args=[district.slug]),
        form_data(choices, start="2026-01-01", end="2025-12-31"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end"] == ["Das Ende darf nicht vor dem Beginn liegen."]
    assert "Die Maßnahme wurde nicht gespeichert." in response.content.decode()
    assert not Measure.objects.filter(title="Seiteneinsteigerberatung").exists()


def test_choices_from_another_district_are_rejected(
    client, district, other_district, ki_staff, choices
):
    foreign_field = factories.FieldOfActionFactory(district=other_district, name="Fremd")
    foreign_town = factories.MunicipalityFactory(district=other_district)
    foreign_actor = factories.ActorFactory(district=other_district)
    client.force_login(ki_staff)
    response = client.post(
        reverse("measures:create", args=[district.slug]),
        form_data(
            choices,
            field_of_action=foreign_field.pk,
            municipalities=[foreign_town.pk],
            partner_actors=[foreign_actor.pk, "9" * 30],
            lead_actor="¹",
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"field_of_action", "municipalities", "partner_actors", "lead_actor"}
    assert "gültige Auswahl" in errors["field_of_action"][0]
    assert not Measure.objects.exists()


@pytest.mark.parametrize(
    "key",
    ["9" * 5000, "+" + "9" * 30, "\uff19" * 30, "\u0661" * 30],
    ids=["4300-digit-limit", "plus-sign", "full-width", "arabic-indic"],
)
def test_malformed_keys_are_invalid_choices_not_errors(client, district, ki_staff, choices, key):
    """Keys beyond 64 bits in any spelling ``int()`` reads: the German "invalid choice", no 500
    (``core.forms.is_oversized_number``)."""
    client.force_login(ki_staff)
    response = client.post(
        reverse("measures:create", args=[district.slug]),
        form_data(choices, lead_actor=key, partner_actors=[key], target_groups=[key]),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"lead_actor", "partner_actors", "target_groups"} <= set(errors)
    assert not Measure.objects.exists()


def test_update_round_trip_and_empty_municipalities_mean_districtwide(
    client, district, ki_staff, choices
):
    measure = factories.MeasureFactory(district=district, title="Alt")
    measure.municipalities.add(choices["municipality"])
    client.force_login(ki_staff)
    url = reverse("measures:update", args=[district.slug, measure.pk])
    assert "Maßnahme bearbeiten: Alt" in client.get(url).content.decode()
    data = form_data(choices, title="Neu", municipalities=[])
    response = client.post(url, data)
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Neu"
    assert measure.search_text.startswith("neu ")
    assert not measure.municipalities.exists()
    assert "kreisweit" in client.get(measure.get_absolute_url()).content.decode()


def test_copy_takes_sets_and_indicators_but_no_measurements(client, district, ki_staff, choices):
    measure = factories.MeasureFactory(district=district, title="Griffbereit", goal="Ziel")
    measure.municipalities.add(choices["municipality"])
    measure.partner_actors.add(choices["partner"])
    measure.work_priorities.add(choices["priority"])
    indicator = factories.IndicatorFactory(measure=measure, name="Familien", unit="Familien")
    factories.MeasurementFactory.create_batch(3, indicator=indicator)
    client.force_login(ki_staff)
    response = client.post(reverse("measures:copy", args=[district.slug, measure.pk]))
    copy = Measure.objects.get(title="Kopie von Griffbereit")
    assert response["Location"] == reverse("measures:update", args=[district.slug, copy.pk])
    assert copy.goal == "Ziel" and copy.district == district
    assert list(copy.municipalities.all()) == [choices["municipality"]]
    assert list(copy.partner_actors.all()) == [choices["partner"]]
    assert list(copy.work_priorities.all()) == [choices["priority"]]
    copied = copy.indicators.get()
    assert (copied.name, copied.unit, copied.baseline, copied.target) == (
        "Familien",
        "Familien",
        indicator.baseline,
        indicator.target,
    )
    assert not copied.measurements.exists()
    assert indicator.measurements.count() == 3
    page = client.get(response["Location"]).content.decode()
    assert "Kopie „Kopie von Griffbereit“ angelegt" in page


def test_archive_and_restore(client, district, ki_staff):
    measure = factories.MeasureFactory(district=district, title="Integrationskonferenz")
    client.force_login(ki_staff)
    url = reverse("measures:archive", args=[district.slug, measure.pk])
    response = client.post(url)
    measure.refresh_from_db()
    assert measure.is_archived
    page = client.get(response["Location"]).content.decode()
    assert "Maßnahme „Integrationskonferenz“ archiviert." in page
    assert "Wiederherstellen" in page
    list_html = client.get(reverse("measures:list", args=[district.slug])).content.decode()
    assert "Integrationskonferenz" not in list_html
    client.post(url)
    measure.refresh_from_db()
    assert not measure.is_archived
    assert client.get(url).status_code == 405


def test_only_ki_may_edit(client, district, council_member, land_user, liaison):
    measure = factories.MeasureFactory(district=district)
    for user in (council_member, land_user, liaison):
        client.force_login(user)
        assert client.get(reverse("measures:create", args=[district.slug])).status_code == 403
        response = client.post(reverse("measures:copy", args=[district.slug, measure.pk]))
        assert response.status_code == 403
    assert Measure.objects.count() == 1


def test_measure_of_another_district_is_not_found(client, district, other_district, ki_staff):
    foreign = factories.MeasureFactory(district=other_district)
    client.force_login(ki_staff)
    for name in ("detail", "update"):
        assert (
            client.get(reverse(f"measures:{name}", args=[district.slug, foreign.pk])).status_code
            == 404
        )
    for name in ("copy", "archive"):
        assert (
            client.post(reverse(f"measures:{name}", args=[district.slug, foreign.pk])).status_code
            == 404
        )


def test_interleaved_saves_of_a_measure_keep_both_inputs(client, district, ki_staff, choices):
    """Two people open the same measure; the second save is refused and nothing is lost."""
    measure = factories.MeasureFactory(district=district, title="Griffbereit")
    client.force_login(ki_staff)
    url = reverse("measures:update", args=[district.slug, measure.pk])
    seen = client.get(url).context["form"][SEEN_FIELD].value()
    assert seen == stamp(measure)

    first = client.post(url, form_data(choices, title="Griffbereit (Anna)", **{SEEN_FIELD: seen}))
    assert first.status_code == 302
    second = client.post(url, form_data(choices, title="Griffbereit (Ben)", **{SEEN_FIELD: seen}))
    assert second.status_code == 200
    page = second.content.decode()
    assert CONFLICT_MESSAGE in page
    assert 'value="Griffbereit (Ben)"' in page  # the second person's input, shown back
    assert "Griffbereit (Anna)" in page  # the saved state above it
    measure.refresh_from_db()
    assert measure.title == "Griffbereit (Anna)"
    assert measure.history.count() == 2  # created + Anna's save; Ben's refused save left none

    again = second.context["form"][SEEN_FIELD].value()
    assert again == stamp(measure)
    # A client that sends only the fields and the new stamp (not the page's conflict fields) is
    # checked by the stamp alone; the page's own choice per field: tests/measures/test_conflicts.
    third = client.post(url, form_data(choices, title="Griffbereit (Ben)", **{SEEN_FIELD: again}))
    assert third.status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Griffbereit (Ben)" and measure.history.count() == 3
