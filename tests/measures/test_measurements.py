"""Adding and deleting measured values on the measure page, with and without htmx."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from measures.models import Measurement
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def indicator(district):
    return factories.IndicatorFactory(
        measure__district=district, name="Familien", baseline=Decimal(100), target=Decimal(200)
    )


def add_url(indicator) -> str:
    measure = indicator.measure
    return reverse(
        "measures:measurement_add", args=[measure.district.slug, measure.pk, indicator.pk]
    )


def data(indicator, **values) -> dict:
    prefix = f"kennzahl-{indicator.pk}-"
    return {prefix + name: value for name, value in values.items()}


def test_htmx_add_rerenders_the_card_and_announces(client, ki_staff, indicator):
    client.force_login(ki_staff)
    response = client.post(
        add_url(indicator),
        data(indicator, value="1.150,5", date="2025-06-30", municipality="", source="Träger"),
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="kennzahl-{indicator.pk}"' in html
    assert "Messwert gespeichert" in html
    assert 'hx-swap-oob="true"' in html and 'aria-live="polite"' in html
    assert "1.150,5" in html  # latest value in the card
    assert "1.050,5 %" in html  # attainment recomputed
    assert "<polyline" in html  # and the chart
    saved = indicator.measurements.get()
    assert saved.value == Decimal("1150.5")
    assert saved.date == datetime.date(2025, 6, 30)
    assert saved.municipality is None and saved.source == "Träger"


def test_htmx_bad_input_shows_german_errors_and_saves_nothing(client, ki_staff, indicator):
    client.force_login(ki_staff)
    response = client.post(
        add_url(indicator), data(indicator, value="12,3,4", date="31.02.2025"), **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte eine Zahl eingeben." in html
    assert "Bitte ein gültiges Datum eingeben." in html
    assert "Der Messwert wurde nicht gespeichert." in html
    assert "Messwert gespeichert" not in html.replace("Messwert wurde nicht gespeichert", "")
    assert not Measurement.objects.exists()


def test_duplicate_date_and_municipality_is_a_german_message(
    client, ki_staff, indicator, municipality
):
    factories.MeasurementFactory(
        indicator=indicator, date=datetime.date(2025, 6, 30), municipality=municipality
    )
    client.force_login(ki_staff)
    response = client.post(
        add_url(indicator),
        data(indicator, value="5", date="2025-06-30", municipality=str(municipality.pk)),
        **HTMX,
    )
    assert response.status_code == 200
    assert "Für den 30.06.2025 gibt es schon einen Wert für die Kommune Beispielstadt" in (
        response.content.decode()
    )
    assert indicator.measurements.count() == 1
    # The same date kreisweit is a different value and fine.
    client.post(add_url(indicator), data(indicator, value="5", date="2025-06-30"), **HTMX)
    assert indicator.measurements.count() == 2


def test_without_javascript_the_form_posts_and_redirects(client, ki_staff, indicator):
    client.force_login(ki_staff)
    response = client.post(add_url(indicator), data(indicator, value="150", date="2025-01-31"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kennzahl-{indicator.pk}")
    page = client.get(response["Location"]).content.decode()
    assert "Messwert für „Familien“ gespeichert." in page
    assert "50 %" in page


def test_without_javascript_errors_show_on_the_page(client, ki_staff, indicator):
    client.force_login(ki_staff)
    response = client.post(add_url(indicator), data(indicator, value="", date=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1 and "Dieses Feld ist zwingend erforderlich." in html
    assert not Measurement.objects.exists()


def test_municipality_of_another_district_is_rejected(client, ki_staff, indicator, other_district):
    foreign = factories.MunicipalityFactory(district=other_district)
    client.force_login(ki_staff)
    response = client.post(
        add_url(indicator),
        data(indicator, value="5", date="2025-06-30", municipality=str(foreign.pk)),
        **HTMX,
    )
    assert "gültige Auswahl" in response.content.decode()
    assert not Measurement.objects.exists()


def test_delete_measurement(client, district, ki_staff, indicator):
    measurement = factories.MeasurementFactory(indicator=indicator, value=Decimal(150))
    client.force_login(ki_staff)
    url = reverse(
        "measures:measurement_delete", args=[district.slug, indicator.measure_id, measurement.pk]
    )
    response = client.post(url, **HTMX)
    assert "Messwert gelöscht" in response.content.decode()
    assert not Measurement.objects.exists()
    other = factories.MeasurementFactory(indicator=indicator)
    url = reverse(
        "measures:measurement_delete", args=[district.slug, indicator.measure_id, other.pk]
    )
    assert client.post(url).status_code == 302
    assert not Measurement.objects.exists()


def test_council_cannot_add(client, council_member, indicator):
    client.force_login(council_member)
    response = client.post(add_url(indicator), data(indicator, value="5", date="2025-06-30"))
    assert response.status_code == 403
    assert not Measurement.objects.exists()
