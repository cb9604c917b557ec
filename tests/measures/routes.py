"""Routes of the measures catalogue for the URL walker (tests/test_permissions.py)."""

from measures.models import MeasurementImport
from tests import factories
from tests.routes import Route


def _measure(district) -> dict:
    return {"pk": factories.MeasureFactory(district=district).pk}


def _measure_with_values(district) -> dict:
    # With an indicator and a value, so the page shows its in-place forms (and the form
    # fuzzing in tests/test_pages.py reaches them).
    measurement = factories.MeasurementFactory(indicator__measure__district=district)
    return {"pk": measurement.indicator.measure_id}


def _indicator(district) -> dict:
    indicator = factories.IndicatorFactory(measure__district=district)
    return {"measure_pk": indicator.measure_id, "pk": indicator.pk}


def _indicator_with_values(district) -> dict:
    # Municipalities with values, so the grid shows its rows and "previous value" cells.
    measurement = factories.MeasurementFactory(
        indicator__measure__district=district,
        municipality=factories.MunicipalityFactory(district=district),
    )
    return {"measure_pk": measurement.indicator.measure_id, "pk": measurement.indicator_id}


def _measurement(district) -> dict:
    measurement = factories.MeasurementFactory(indicator__measure__district=district)
    return {"measure_pk": measurement.indicator.measure_id, "pk": measurement.pk}


def _measurement_import(district) -> dict:
    record = MeasurementImport.objects.create(
        district=district, file_name="messwerte.csv", row_count=3
    )
    return {"pk": record.pk}


ROUTES = {
    "measures:list": Route(has_objects=False),
    "measures:create": Route(has_objects=False),
    "measures:export_csv": Route(has_objects=False),
    "measures:export_xlsx": Route(has_objects=False),
    "measures:detail": Route(kwargs=_measure_with_values),
    "measures:update": Route(kwargs=_measure),
    "measures:copy": Route(kwargs=_measure, method="post"),
    "measures:archive": Route(kwargs=_measure, method="post"),
    "measures:indicator_create": Route(kwargs=lambda d: {"measure_pk": _measure(d)["pk"]}),
    "measures:indicator_update": Route(kwargs=_indicator),
    "measures:indicator_delete": Route(kwargs=_indicator),
    "measures:measurement_add": Route(kwargs=_indicator, method="post"),
    "measures:measurement_delete": Route(kwargs=_measurement, method="post"),
    "measures:measurement_grid": Route(kwargs=_indicator_with_values),
    "measures:measurement_update": Route(kwargs=_measurement),
    "measures:settings": Route(has_objects=False),
    "measures:import": Route(has_objects=False),
    "measures:import_template": Route(has_objects=False),
    "measures:import_progress": Route(kwargs=_measurement_import),
}
