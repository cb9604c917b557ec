"""Issue 19: the Land's funding per KIM post is a Land-owned parameter with its source, like
the requirement sets: the Land enters and changes it on its own page, every District's KIM page
computes with the rate valid on the day."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kim.models import FundingRate, Post

pytestmark = pytest.mark.django_db


def rate_data(**changes) -> dict:
    data = {
        "kind": "case_management",
        "amount": "60.000,00",
        "valid_from": "01.01.2026",
        "valid_until": "",
        "source": "Bewilligung der Bezirksregierung Arnsberg vom 01.12.2025 (Beispiel im Test)",
    }
    return {**data, **changes}


def test_the_land_enters_a_rate_and_the_kim_page_computes_with_it(
    client, land_user, district, ki_staff
):
    Post.objects.create(
        district=district, kind="case_management", fte=2, state="besetzt", employer="kommune"
    )
    client.force_login(ki_staff)
    page = client.get(reverse("kim:overview", args=[district.slug])).content.decode()
    assert "2,0 VZÄ ohne hinterlegten Satz" in page or "nicht hinterlegt" in page

    client.force_login(land_user)
    assert client.post(reverse("land:kim_rate_create"), rate_data()).status_code == 302
    rate = FundingRate.objects.get(kind="case_management")
    assert rate.amount == Decimal("60000.00")
    listing = client.get(reverse("land:kim_rates")).content.decode()
    assert "60.000,00 €" in listing and "ab 01.01.2026" in listing

    client.force_login(ki_staff)
    page = client.get(reverse("kim:overview", args=[district.slug])).content.decode()
    assert "120.000" in page  # 2 VZÄ × 60,000 €


def test_an_overlapping_or_bad_rate_is_refused_next_to_its_field(client, land_user):
    client.force_login(land_user)
    client.post(reverse("land:kim_rate_create"), rate_data())
    for garbage, field in (
        ({"valid_from": "01.06.2026"}, "valid_from"),  # overlaps the one from 01.01.2026
        ({"amount": "sechzigtausend"}, "amount"),
        ({"amount": "-5"}, "amount"),
        ({"valid_from": "29.02.2027"}, "valid_from"),
        ({"valid_until": "31.12.2025", "kind": "behoerde"}, "valid_until"),
        ({"source": ""}, "source"),
    ):
        response = client.post(reverse("land:kim_rate_create"), rate_data(**garbage))
        assert response.status_code == 200, garbage
        assert field in response.context["form"].errors, (garbage, response.context["form"].errors)
    assert FundingRate.objects.filter(kind__in=["case_management", "behoerde"]).count() == 1


def test_a_change_is_kept_in_the_history(client, land_user):
    client.force_login(land_user)
    client.post(reverse("land:kim_rate_create"), rate_data())
    rate = FundingRate.objects.get(kind="case_management")
    url = reverse("land:kim_rate_update", args=[rate.pk])
    seen = client.get(url).context["form"]["seen_modified"].value()
    response = client.post(url, rate_data(amount="61.500,00", seen_modified=seen))
    assert response.status_code == 302
    assert rate.history.count() == 2
    assert "Verlauf" in client.get(url).content.decode()
