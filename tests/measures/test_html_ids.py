"""Element ids must not be localised: with the German thousands separator, id 1087 became
"kennzahl-1.087", htmx's target "#kennzahl-1.087" matched nothing and in-place saving stopped
working once a District had more than 999 indicators."""

import re

from django.urls import reverse

from tests import factories

LOCALISED_ID = re.compile(r'(?:id|aria-labelledby|aria-describedby|hx-target|for)="[^"]*\d\.\d{3}')


def test_ids_of_big_primary_keys_stay_plain(client, district, ki_staff):
    measure = factories.MeasureFactory(district=district, pk=4321)
    indicator = factories.IndicatorFactory(measure=measure, pk=1087)
    factories.MeasurementFactory(indicator=indicator, pk=2345)
    client.force_login(ki_staff)
    html = client.get(reverse("measures:detail", args=[district.slug, measure.pk])).content.decode()
    assert 'id="kennzahl-1087"' in html and 'hx-target="#kennzahl-1087"' in html
    assert not LOCALISED_ID.search(html), LOCALISED_ID.search(html).group(0)
