"""Issue 17: the Land's pages pass axe (WCAG 2.1 AA) as the Land, and its table works by
keyboard-reachable links and a labelled filter form."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from measures.models import LandIndicator
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def test_the_land_pages_are_accessible(page, live_server, district, other_district, land_user):
    key = LandIndicator.objects.create(key="teilnehmende", name="Teilnehmende", unit="Personen")
    for place, value in ((district, 40), (other_district, 55)):
        measure = factories.MeasureFactory(district=place, title="Sprachcafé")
        indicator = factories.IndicatorFactory(measure=measure, name="Teilnehmende", target=100)
        indicator.land_indicator = key
        indicator.save()
        factories.MeasurementFactory(
            indicator=indicator, date=datetime.date(2025, 6, 30), value=Decimal(value)
        )
    log_in(page, live_server, land_user, next_path="/land/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=district.name).first).to_be_visible()
    assert axe_violations(page) == []
    shot(page, "land-uebersicht")
    for path in (
        "/land/anforderungen/",
        "/land/anforderungen/neu/",
        "/land/kennzahlen/",
        "/land/kennzahlen/neu/",
        "/land/kennzahlen/teilnehmende/",
        "/land/kennzahlen/bevoelkerung/",
        f"/land/kennzahlen/bevoelkerung/{district.slug}/",
    ):
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert axe_violations(page) == [], path
    shot(page, "land-kennzahl")
