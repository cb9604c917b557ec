"""Issue 16: the latest kreisweit value kept on the Kennzahl, and "hinter dem Ziel" in SQL."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from measures import services
from measures.latest import refresh_latest_values
from measures.models import Indicator, Measure, Measurement
from measures.queries import behind_target
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def latest(indicator) -> tuple:
    indicator.refresh_from_db()
    return indicator.latest_value, indicator.latest_date


@pytest.fixture
def indicator(district):
    return factories.IndicatorFactory(measure__district=district, target=Decimal(100))


def test_services_keep_the_latest_kreisweit_value(district, municipality, ki_staff, indicator):
    def create(value, day, place=None):
        return services.measurement_create(
            district=district,
            indicator=indicator,
            fields={"value": Decimal(value), "date": day, "municipality": place},
            user=ki_staff,
        )

    assert latest(indicator) == (None, None)
    old = create(10, D(2024, 1, 1))
    assert latest(indicator) == (Decimal(10), D(2024, 1, 1))
    new = create(20, D(2025, 1, 1))
    create(99, D(2026, 1, 1), municipality)  # a municipal value is not the kreisweit one
    assert latest(indicator) == (Decimal(20), D(2025, 1, 1))

    services.measurement_update(
        district=district, measurement=new, fields={"value": Decimal(25)}, user=ki_staff
    )
    assert latest(indicator) == (Decimal(25), D(2025, 1, 1))
    # Moved to a municipality: no longer the kreisweit value.
    new = Measurement.objects.get(pk=new.pk)
    services.measurement_update(
        district=district, measurement=new, fields={"municipality": municipality}, user=ki_staff
    )
    assert latest(indicator) == (Decimal(10), D(2024, 1, 1))
    services.measurement_delete(district=district, measurement=old, user=ki_staff)
    assert latest(indicator) == (None, None)


def test_saving_a_stale_indicator_keeps_the_latest_value(district, ki_staff, indicator):
    stale = Indicator.objects.get(pk=indicator.pk)
    factories.MeasurementFactory(indicator=indicator, value=Decimal(7), date=D(2025, 1, 1))
    services.indicator_update(
        district=district, indicator=stale, fields={"unit": "Familien"}, user=ki_staff
    )
    assert latest(indicator) == (Decimal(7), D(2025, 1, 1))
    assert indicator.unit == "Familien"


def test_grid_save_and_derived_values(district, municipality, ki_staff):
    indicator = factories.IndicatorFactory(
        measure__district=district, districtwide=Indicator.Districtwide.SUM
    )
    services.measurements_grid_save(
        district=district,
        indicator=indicator,
        day=D(2025, 6, 30),
        values={municipality: Decimal(12)},
        user=ki_staff,
    )
    assert latest(indicator) == (Decimal(12), D(2025, 6, 30))


def test_admin_delete_and_cascade(district, ki_staff, indicator):
    factories.MeasurementFactory(indicator=indicator, value=Decimal(1), date=D(2024, 1, 1))
    newest = factories.MeasurementFactory(indicator=indicator, value=Decimal(2), date=D(2025, 1, 1))
    request = RequestFactory().post("/")
    request.user = factories.UserFactory(is_superuser=True, is_staff=True)
    site._registry[Measurement].delete_queryset(request, Measurement.objects.filter(pk=newest.pk))
    assert latest(indicator) == (Decimal(1), D(2024, 1, 1))
    indicator.measure.delete()  # cascades through the Kennzahl: nothing left to refresh
    assert not Indicator.objects.filter(pk=indicator.pk).exists()


def test_refresh_many_in_few_statements(district, django_assert_max_num_queries):
    indicators = Indicator.objects.bulk_create(
        Indicator(measure=factories.MeasureFactory(district=district), name=f"K{i}")
        for i in range(3)
    )
    indicators = list(Indicator.objects.filter(measure__district=district))
    Measurement.objects.bulk_create(
        Measurement(indicator=i, value=Decimal(day), date=D(2020, 1, day))
        for i in indicators
        for day in range(1, 4)
    )
    with django_assert_max_num_queries(1):
        assert refresh_latest_values(i.pk for i in indicators) == len(indicators)
    assert {latest(i) for i in indicators} == {(Decimal(3), D(2020, 1, 3))}


# --- attainment in SQL equals Indicator.attainment ----------------------------------------

UP, DOWN = Indicator.Direction.UP, Indicator.Direction.DOWN
CASES = [
    # (baseline, target, direction, latest value)
    (None, "200", UP, "50"),  # no baseline: the way starts at 0 → 25 %
    (None, "200", UP, "99.9"),  # 49.95 % → 50.0 % after rounding: not behind
    (None, "200", UP, "99.8"),  # 49.9 %: behind
    ("100", "200", UP, "120"),
    ("100", "200", UP, "90"),  # below the baseline: negative
    ("100", "200", UP, "250"),  # past the target: 150 %
    ("100", "100", UP, "100"),  # way 0, reached → 100 %
    ("100", "100", UP, "99"),  # way 0, not reached → 0 %
    ("100", "100", DOWN, "99"),  # way 0, lower is better, reached
    ("100", "100", DOWN, "101"),  # way 0, lower is better, not reached
    ("100", "50", DOWN, "90"),  # falling is progress: 20 %
    ("100", "50", DOWN, "60"),  # 80 %
    ("100", "50", DOWN, "30"),  # past the target: 140 %
    ("100", "50", DOWN, "120"),  # worse than the start: -40 %
    ("0.10", "0.30", UP, "0.19"),  # cents: 45 %
    ("10", "-10", DOWN, "0.01"),  # 49.95 %: rounds to 50.0 %
    (None, None, UP, "10"),  # no target: never behind
]


def unrounded(indicator) -> Decimal:
    start = indicator.baseline or Decimal(0)
    way = indicator.target - start
    if way == 0:
        return indicator.attainment(indicator.latest_value)
    return (indicator.latest_value - start) / way * 100


@pytest.mark.parametrize("threshold", [0, 50, 100, 120])
def test_sql_attainment_equals_python(district, threshold):
    measure = factories.MeasureFactory(district=district)
    for i, (baseline, target, direction, value) in enumerate(CASES):
        indicator = factories.IndicatorFactory(
            measure=measure,
            name=f"Fall {i:02d}",
            baseline=Decimal(baseline) if baseline else None,
            target=Decimal(target) if target else None,
            direction=direction,
        )
        factories.MeasurementFactory(indicator=indicator, value=Decimal(value))
    factories.IndicatorFactory(measure=measure, name="ohne Wert", target=Decimal(10))
    indicators = Indicator.objects.for_district(district)

    # Ordered by the unrounded share (Indicator.attainment rounds to 0.1 %), then by name.
    expected = sorted(
        (unrounded(i), i.attainment(i.latest_value), i.name)
        for i in indicators
        if i.attainment(i.latest_value) is not None and i.attainment(i.latest_value) < threshold
    )
    expected = [(percent, name) for _, percent, name in expected]
    rows, total = behind_target(indicators, threshold=threshold)
    assert [(i.attainment_percent, i.name) for i in rows] == expected
    assert total == len(expected)
    top, total = behind_target(indicators, threshold=threshold, limit=3)
    assert [i.name for i in top] == [name for _, name in expected[:3]]
    assert total == len(expected)


def test_behind_target_builds_only_the_top_few(district, django_assert_max_num_queries):
    measure = factories.MeasureFactory(district=district, status=Measure.Status.RUNNING)
    indicators = Indicator.objects.bulk_create(
        Indicator(measure=measure, name=f"K{i:03d}", target=Decimal(100)) for i in range(60)
    )
    Measurement.objects.bulk_create(
        Measurement(indicator=i, value=Decimal(n), date=D(2025, 1, 1))
        for n, i in enumerate(Indicator.objects.filter(pk__in=[i.pk for i in indicators]))
    )
    refresh_latest_values(i.pk for i in indicators)
    with django_assert_max_num_queries(2):
        rows, total = behind_target(Indicator.objects.for_district(district), limit=10)
    assert total == 50  # 0 … 49 % are behind 50 %
    assert [i.attainment_percent for i in rows] == [
        Decimal(n).quantize(Decimal("0.1")) for n in range(10)
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_fills_the_latest_value_from_existing_measurements():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def migrate(target):
        executor = MigrationExecutor(connection)
        executor.migrate(target)
        executor.loader.build_graph()
        return executor.loader.project_state(target).apps

    before = [("measures", "0005_indicator_districtwide_measurement_history")]
    apps = migrate(before)
    Measure = apps.get_model("measures", "Measure")
    Indicator = apps.get_model("measures", "Indicator")
    Measurement = apps.get_model("measures", "Measurement")
    # Districts are not migrated back: their tables are today's.
    town = factories.MunicipalityFactory()
    # After transactional tests the reference data may be gone: load it again (idempotent).
    from importlib import import_module

    from django.apps import apps as current_apps

    import_module("concepts.migrations.0003_focus_areas_and_concepts").load(current_apps, None)
    # Not pk 1: after transactional tests the reference data is loaded anew with other keys.
    focus_area_id = apps.get_model("concepts", "FocusArea").objects.order_by("pk").first().pk
    measure = Measure.objects.create(
        district_id=town.district_id, title="Alt", focus_area_id=focus_area_id
    )
    indicator = Indicator.objects.create(measure=measure, name="Zahl")
    empty = Indicator.objects.create(measure=measure, name="leer")
    Measurement.objects.create(indicator=indicator, value=Decimal(1), date=D(2023, 1, 1))
    Measurement.objects.create(indicator=indicator, value=Decimal(2), date=D(2024, 1, 1))
    Measurement.objects.create(
        indicator=indicator, value=Decimal(9), date=D(2025, 1, 1), municipality_id=town.pk
    )

    apps = migrate([("measures", "0006_indicator_latest_value")])
    Indicator = apps.get_model("measures", "Indicator")
    assert Indicator.objects.values_list("latest_value", "latest_date").get(pk=indicator.pk) == (
        Decimal(2),
        D(2024, 1, 1),
    )
    assert Indicator.objects.values_list("latest_value", "latest_date").get(pk=empty.pk) == (
        None,
        None,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
