"""Sort and page links of the measures list keep the filter (they once began with "??")."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_sort_and_page_links_keep_the_filter(client, district, ki_staff):
    for i in range(30):
        factories.MeasureFactory(district=district, title=f"Maßnahme {i:02d}", status="laufend")
    client.force_login(ki_staff)
    url = reverse("measures:list", args=[district.slug])
    page = client.get(url, {"status": "laufend"}).content.decode()
    assert "??" not in page
    assert 'href="?status=laufend&amp;sort=' in page
    assert 'href="?status=laufend&amp;seite=2"' in page
    second = client.get(url, {"status": "laufend", "seite": "2"}).content.decode()
    assert 'aria-current="page"><span class="visually-hidden">Seite </span>2' in second
