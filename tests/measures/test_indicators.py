"""Creating, editing and deleting Kennzahlen."""

from decimal import Decimal

import pytest
from django.urls import reverse

from measures.models import Indicator
from tests import factories

pytestmark = pytest.mark.django_db


def test_create_with_german_numbers(client, district, ki_staff):
    measure = factories.MeasureFactory(district=district, title="Laiensprachmittlerpool")
    client.force_login(ki_staff)
    url = reverse("measures:indicator_create", args=[district.slug, measure.pk])
    assert "Neue Kennzahl für „Laiensprachmittlerpool“" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "name": "Einsätze pro Jahr",
            "unit": "Einsätze",
            "baseline": "1.234,5",
            "baseline_date": "2024-12-31",
            "target": "2.000",
            "target_date": "2026-12-31",
            "direction": "up",
        },
    )
    indicator = measure.indicators.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kennzahl-{indicator.pk}")
    assert indicator.baseline == Decimal("1234.5") and indicator.target == Decimal("2000")
    page = client.get(response["Location"]).content.decode()
    assert "Kennzahl „Einsätze pro Jahr“ gespeichert." in page
    assert "1.234,5" in page


def test_bad_input_gives_german_errors(client, district, ki_staff):
    indicator = factories.IndicatorFactory(measure__district=district, name="Familien")
    client.force_login(ki_staff)
    url = reverse("measures:indicator_create", args=[district.slug, indicator.measure_id])
    response = client.post(
        url,
        {
            "name": "familien",
            "baseline": "12,3,4",
            "baseline_date": "2026-01-01",
            "target_date": "2025-01-01",
            "direction": "up",
        },
    )
    errors = response.context["form"].errors
    assert errors["name"] == ["Diese Maßnahme hat bereits eine Kennzahl mit diesem Namen."]
    assert errors["baseline"] == ["Bitte eine Zahl eingeben."]
    assert "Zieldatum" in errors["target_date"][0]
    assert Indicator.objects.count() == 1


def test_update(client, district, ki_staff):
    indicator = factories.IndicatorFactory(measure__district=district, name="Gruppen")
    client.force_login(ki_staff)
    url = reverse(
        "measures:indicator_update", args=[district.slug, indicator.measure_id, indicator.pk]
    )
    page = client.get(url).content.decode()
    assert 'value="100,00"' in page or 'value="100"' in page  # shown German
    client.post(url, {"name": "Gruppen", "unit": "Gruppen", "target": "13", "direction": "down"})
    indicator.refresh_from_db()
    assert (indicator.unit, indicator.target, indicator.direction) == ("Gruppen", 13, "down")


def test_delete_asks_first_then_deletes_with_values(client, district, ki_staff):
    indicator = factories.IndicatorFactory(measure__district=district, name="Familien")
    factories.MeasurementFactory.create_batch(2, indicator=indicator)
    client.force_login(ki_staff)
    url = reverse(
        "measures:indicator_delete", args=[district.slug, indicator.measure_id, indicator.pk]
    )
    assert "2 Messwerte" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == indicator.measure.get_absolute_url()
    assert not Indicator.objects.exists()


def test_indicator_under_another_measure_is_not_found(client, district, ki_staff):
    indicator = factories.IndicatorFactory(measure__district=district)
    elsewhere = factories.MeasureFactory(district=district)
    client.force_login(ki_staff)
    url = reverse("measures:indicator_update", args=[district.slug, elsewhere.pk, indicator.pk])
    assert client.get(url).status_code == 404
