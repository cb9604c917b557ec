"""Issue 13: a quarter's values of one Kennzahl for every municipality in one form, the derived
kreisweit value, editing a value with its history, and what liaisons see of the values."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from core.locking import CONFLICT_MESSAGE, SEEN_FIELD
from measures import services
from measures.models import Indicator, Measurement
from tests import factories

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 31)


@pytest.fixture
def towns(district, municipality):
    return [
        municipality,
        factories.MunicipalityFactory(district=district, name="Adorf"),
        factories.MunicipalityFactory(district=district, name="Cestadt"),
    ]


def make_indicator(district, mode=Indicator.Districtwide.ENTERED):
    return factories.IndicatorFactory(
        measure__district=district, name="Teilnehmende", districtwide=mode
    )


def grid_url(indicator) -> str:
    measure = indicator.measure
    return reverse(
        "measures:measurement_grid", args=[measure.district.slug, measure.pk, indicator.pk]
    )


def cell(town) -> str:
    return f"kommune-{town.pk}"


def post_grid(client, indicator, values: dict, **extra):
    data = {"date": DAY.isoformat(), "period_label": "1. Quartal 2026", "source": "Meldung"}
    data.update({cell(town): value for town, value in values.items()})
    data.update(extra)
    return client.post(grid_url(indicator), data)


def values_at(indicator, day=DAY) -> dict:
    return {
        m.municipality.name if m.municipality else "kreisweit": m.value
        for m in indicator.measurements.filter(date=day).select_related("municipality")
    }


def test_the_grid_labels_every_cell_with_its_municipality_and_shows_the_previous_value(
    client, ki_staff, district, towns
):
    indicator = make_indicator(district)
    factories.MeasurementFactory(
        indicator=indicator, municipality=towns[1], date=datetime.date(2025, 12, 31), value=7
    )
    client.force_login(ki_staff)
    html = client.get(grid_url(indicator)).content.decode()
    for town in towns:
        assert (
            f'<label for="id_{cell(town)}"><span class="visually-hidden">Wert für </span>'
            f"{town.name}</label>" in html
        )
    assert '7 <span class="text-muted">(Stichtag 31.12.2025)</span>' in html
    assert '<label for="id_kreisweit">Kreisweit</label>' in html


def test_one_post_saves_every_municipality_with_german_decimals(client, ki_staff, district, towns):
    indicator = make_indicator(district)
    client.force_login(ki_staff)
    response = post_grid(
        client, indicator, {towns[0]: "12,5", towns[1]: "1.000", towns[2]: "3"}, kreisweit="20"
    )
    assert response.status_code == 302
    assert values_at(indicator) == {
        "Beispielstadt": Decimal("12.5"),
        "Adorf": Decimal("1000"),
        "Cestadt": Decimal("3"),
        "kreisweit": Decimal("20"),
    }
    saved = indicator.measurements.get(municipality=towns[0])
    assert saved.period_label == "1. Quartal 2026" and saved.source == "Meldung"
    assert saved.history.get().history_user == ki_staff


def test_a_bad_value_saves_nothing_and_is_named_next_to_its_cell(client, ki_staff, district, towns):
    indicator = make_indicator(district)
    client.force_login(ki_staff)
    response = post_grid(client, indicator, {towns[0]: "12,5", towns[1]: "zwölf", towns[2]: "3"})
    assert response.status_code == 200
    assert Measurement.objects.count() == 0
    html = response.content.decode()
    assert "Es wurde nichts gespeichert" in html
    assert f'id="id_{cell(towns[1])}-fehler">Bitte eine Zahl eingeben.</div>' in html
    assert (
        'aria-invalid="true"' in html and f'aria-describedby="id_{cell(towns[1])}-fehler"' in html
    )
    assert 'value="12,5"' in html  # the rest of the input is kept


def test_an_existing_value_of_the_date_is_updated_not_duplicated(client, ki_staff, district, towns):
    indicator = make_indicator(district)
    old = factories.MeasurementFactory(
        indicator=indicator, municipality=towns[0], date=DAY, value=Decimal(1)
    )
    client.force_login(ki_staff)
    # The grid of that date shows the stored value to change.
    page = client.get(grid_url(indicator), {"stichtag": DAY.isoformat()}).content.decode()
    assert f'name="{cell(towns[0])}" value="1,00"' in page
    post_grid(client, indicator, {towns[0]: "2", towns[1]: ""})
    assert indicator.measurements.filter(municipality=towns[0]).count() == 1
    old.refresh_from_db()
    assert old.value == Decimal(2)
    assert old.history.count() == 2  # the earlier value is kept in the history
    assert not indicator.measurements.filter(municipality=towns[1]).exists()


def test_derived_sum_counts_the_entered_municipalities_only(client, ki_staff, district, towns):
    """An empty cell is "not reported": the sum adds the entered values, and the page says
    from how many municipalities it comes."""
    indicator = make_indicator(district, Indicator.Districtwide.SUM)
    client.force_login(ki_staff)
    response = post_grid(
        client, indicator, {towns[0]: "10", towns[1]: "2,5", towns[2]: ""}, kreisweit="999"
    )
    assert values_at(indicator)["kreisweit"] == Decimal("12.5")  # the posted 999 is ignored
    message = client.get(response["Location"]).content.decode()
    assert "Kreisweit (Summe der Kommunen): 12,50, aus 2 von 3 Kommunen." in message
    grid = client.get(grid_url(indicator), {"stichtag": DAY.isoformat()}).content.decode()
    assert "bisher aus 2 von 3 Kommunen" in grid and "leere Felder zählen nicht mit" in grid


def test_derived_mean_divides_by_the_entered_values(client, ki_staff, district, towns):
    indicator = make_indicator(district, Indicator.Districtwide.MEAN)
    client.force_login(ki_staff)
    post_grid(client, indicator, {towns[0]: "10", towns[1]: "", towns[2]: "5"})
    assert values_at(indicator)["kreisweit"] == Decimal("7.5")  # (10 + 5) / 2, not / 3
    # A later grid for the same date adds the third municipality; the mean follows.
    post_grid(client, indicator, {towns[1]: "0"})
    assert values_at(indicator)["kreisweit"] == Decimal("5")


def test_the_derived_value_follows_an_edit_and_a_delete(district, ki_staff, towns):
    indicator = make_indicator(district, Indicator.Districtwide.SUM)
    services.measurements_grid_save(
        district=district,
        indicator=indicator,
        day=DAY,
        values={towns[0]: Decimal(4), towns[1]: Decimal(6), towns[2]: None},
        user=ki_staff,
    )
    first = indicator.measurements.get(municipality=towns[0])
    services.measurement_update(
        district=district, measurement=first, fields={"value": Decimal(14)}, user=ki_staff
    )
    assert values_at(indicator)["kreisweit"] == Decimal(20)
    services.measurement_delete(district=district, measurement=first, user=ki_staff)
    assert values_at(indicator)["kreisweit"] == Decimal(6)


def test_the_grid_refuses_another_districts_indicator(district, other_district, ki_staff, towns):
    foreign = make_indicator(other_district)
    with pytest.raises(Exception, match="anderen Kreis"):
        services.measurements_grid_save(
            district=district, indicator=foreign, day=DAY, values={towns[0]: 1}, user=ki_staff
        )


def update_url(measurement) -> str:
    measure = measurement.indicator.measure
    return reverse(
        "measures:measurement_update", args=[measure.district.slug, measure.pk, measurement.pk]
    )


def test_editing_a_value_keeps_its_history(client, ki_staff, district, towns):
    measurement = factories.MeasurementFactory(
        indicator=make_indicator(district), municipality=towns[0], date=DAY, value=Decimal(3)
    )
    client.force_login(ki_staff)
    response = client.post(
        update_url(measurement),
        {"value": "4,25", "date": DAY.isoformat(), "municipality": str(towns[0].pk), "note": ""},
    )
    assert response.status_code == 302
    measurement.refresh_from_db()
    assert measurement.value == Decimal("4.25")
    values = [h.value for h in measurement.history.order_by("history_date")]
    assert values == [Decimal(3), Decimal("4.25")]
    page = client.get(update_url(measurement)).content.decode()
    assert "Verlauf dieses Messwerts" in page
    assert '<td class="text-end">3</td>' in page and '<td class="text-end">4,25</td>' in page


def test_a_derived_districtwide_value_is_not_typed_over(client, ki_staff, district, towns):
    indicator = make_indicator(district, Indicator.Districtwide.SUM)
    services.measurements_grid_save(
        district=district,
        indicator=indicator,
        day=DAY,
        values={towns[0]: Decimal(4)},
        user=ki_staff,
    )
    total = indicator.measurements.get(municipality=None)
    client.force_login(ki_staff)
    client.post(update_url(total), {"value": "999", "date": DAY.isoformat(), "note": "x"})
    total.refresh_from_db()
    assert total.value == Decimal(4) and total.note == "x"


# What liaisons see (README, Rollen und Rechte; District.liaisons_see_all_municipalities).


@pytest.fixture
def measure_with_values(district, towns):
    indicator = make_indicator(district)
    factories.MeasurementFactory(indicator=indicator, municipality=None, value=Decimal(111))
    factories.MeasurementFactory(indicator=indicator, municipality=towns[0], value=Decimal(222))
    factories.MeasurementFactory(indicator=indicator, municipality=towns[1], value=Decimal(333))
    return indicator.measure


def test_a_liaison_sees_own_and_districtwide_values_by_default(
    client, liaison, measure_with_values
):
    client.force_login(liaison)
    html = client.get(measure_with_values.get_absolute_url()).content.decode()
    assert "111" in html and "222" in html
    assert "333" not in html and "Adorf" not in html
    assert "Sie sehen die Werte von Beispielstadt und die kreisweiten Werte" in html


def test_a_liaison_sees_every_municipality_when_the_district_allows_it(
    client, district, liaison, measure_with_values
):
    district.liaisons_see_all_municipalities = True
    district.save()
    client.force_login(liaison)
    html = client.get(measure_with_values.get_absolute_url()).content.decode()
    assert "111" in html and "222" in html and "333" in html and "Adorf" in html
    assert "Werte aller Kommunen sehen" in html


def test_staff_always_see_every_municipality(client, ki_staff, measure_with_values):
    client.force_login(ki_staff)
    html = client.get(measure_with_values.get_absolute_url()).content.decode()
    assert "333" in html and "Messwerte: " not in html


def test_only_the_ki_lead_changes_the_setting(client, district, ki_lead, ki_staff, liaison):
    url = reverse("measures:settings", args=[district.slug])
    for user in (ki_staff, liaison):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(ki_lead)
    page = client.get(url)
    assert "Ansprechpersonen sehen die Messwerte aller Kommunen" in page.content.decode()
    seen = page.context["form"]["seen_modified"].value()
    response = client.post(url, {"liaisons_see_all_municipalities": "on", "seen_modified": seen})
    assert response.status_code == 302
    district.refresh_from_db()
    assert district.liaisons_see_all_municipalities is True


def test_a_grid_saved_by_someone_else_meanwhile_is_not_overwritten(
    client, ki_staff, district, towns
):
    """core.locking for a whole grid: the page carries the state of the date's stored values."""
    indicator = make_indicator(district)
    mine = factories.MeasurementFactory(
        indicator=indicator, municipality=towns[0], date=DAY, value=Decimal(1)
    )
    client.force_login(ki_staff)
    page = client.get(grid_url(indicator), {"stichtag": DAY.isoformat()})
    seen = page.context["form"][SEEN_FIELD].value()
    assert seen

    mine.value = Decimal(5)  # a colleague saves the same date first
    mine.save()
    response = post_grid(client, indicator, {towns[0]: "2", towns[1]: "3"}, seen_modified=seen)
    html = response.content.decode()
    assert response.status_code == 200
    assert CONFLICT_MESSAGE in html and "Inzwischen gespeicherte Fassung" in html
    assert 'value="2"' in html and 'value="3"' in html  # the input is kept
    assert values_at(indicator) == {"Beispielstadt": Decimal(5)}

    # Having compared, the second save goes through.
    again = response.context["form"][SEEN_FIELD].value()
    response = post_grid(client, indicator, {towns[0]: "2", towns[1]: "3"}, seen_modified=again)
    assert response.status_code == 302
    assert values_at(indicator) == {"Beispielstadt": Decimal(2), "Adorf": Decimal(3)}


def test_the_liaison_home_says_which_setting_applies(client, district, liaison):
    client.force_login(liaison)
    home = reverse("workspace:home", args=[district.slug])
    assert "Sie sehen die Werte von Beispielstadt" in client.get(home).content.decode()
    district.liaisons_see_all_municipalities = True
    district.save()
    assert "Werte aller Kommunen sehen" in client.get(home).content.decode()


def test_a_single_value_on_the_card_updates_a_derived_kreisweit_value(
    client, ki_staff, district, towns
):
    indicator = make_indicator(district, Indicator.Districtwide.MEAN)
    services.measurements_grid_save(
        district=district,
        indicator=indicator,
        day=DAY,
        values={towns[0]: Decimal(4)},
        user=ki_staff,
    )
    client.force_login(ki_staff)
    prefix = f"kennzahl-{indicator.pk}-"
    url = reverse(
        "measures:measurement_add", args=[district.slug, indicator.measure_id, indicator.pk]
    )
    # "kreisweit" is no choice for a derived Kennzahl.
    client.post(
        url, {prefix + "value": "9", prefix + "date": DAY.isoformat(), prefix + "municipality": ""}
    )
    assert values_at(indicator)["kreisweit"] == Decimal(4)
    client.post(
        url,
        {
            prefix + "value": "8",
            prefix + "date": DAY.isoformat(),
            prefix + "municipality": str(towns[1].pk),
        },
    )
    assert values_at(indicator)["kreisweit"] == Decimal(6)
