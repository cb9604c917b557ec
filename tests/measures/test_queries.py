"""The catalogue and a measure's page issue a fixed number of queries, however much data.

10 vs 200 measures, 1 vs 50 measurements per indicator, several indicators per measure.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.latest import refresh_latest_values
from measures.models import Indicator, Measure, Measurement
from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_measures(district, count: int, measurements: int, towns) -> None:
    start = Measure.objects.filter(district=district).count()
    measures = Measure.objects.bulk_create(
        Measure(district=district, title=f"Maßnahme {start + i}", focus_area_id=1 + i % 2)
        for i in range(count)
    )
    for i, measure in enumerate(measures):
        measure.municipalities.add(towns[i % len(towns)])
    indicators = Indicator.objects.bulk_create(
        Indicator(measure=m, name=f"Kennzahl {j}", target=Decimal(100))
        for m in measures
        for j in range(2)
    )
    add_measurements(indicators, measurements, towns)


def add_measurements(indicators, count: int, towns, offset: int = 0) -> None:
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            value=Decimal(j),
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=offset + j),
            municipality=towns[j % len(towns)] if j % 3 == 0 else None,
        )
        for indicator in indicators
        for j in range(count)
    )
    refresh_latest_values(indicator.pk for indicator in indicators)  # bulk: no signals


@pytest.mark.parametrize("user", ["ki_staff", "liaison"])
def test_list_and_detail_do_not_grow(client, district, municipality, user, request):
    towns = [municipality, factories.MunicipalityFactory(district=district)]
    for i in range(4):
        factories.ActorFactory(district=district)
        factories.FieldOfActionFactory(district=district)
        factories.WorkPriorityFactory(
            work_period__district=district,
            work_period__start=datetime.date(2001 + 2 * i, 1, 1),
            work_period__end=datetime.date(2002 + 2 * i, 12, 31),
        )
    add_measures(district, 10, 1, towns)
    first = Measure.objects.filter(district=district).order_by("pk").first()
    first.municipalities.set([])  # kreisweit: the liaison sees it too
    client.force_login(request.getfixturevalue(user))
    urls = {
        "list": reverse("measures:list", args=[district.slug]),
        "list filtered": reverse("measures:list", args=[district.slug])
        + f"?q=ma%C3%9Fnahme&municipality=kreisweit&sort=-status&actor={district.actors.first().pk}",
        "detail": first.get_absolute_url(),
    }
    small = {name: queries(client, url) for name, url in urls.items()}

    add_measures(district, 190, 50, towns)
    add_measurements(list(first.indicators.all()), 49, towns, offset=1000)
    Indicator.objects.bulk_create(
        Indicator(measure=first, name=f"Weitere {j}", target=Decimal(5)) for j in range(5)
    )
    add_measurements(list(first.indicators.filter(name__startswith="Weitere")), 50, towns)
    assert first.indicators.count() == 7
    large = {name: queries(client, url) for name, url in urls.items()}
    assert large == small
