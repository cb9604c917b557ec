"""Issue 19, first part: a District's KIM posts per Baustein with their sums, the Land's
funding at the rate valid on the day and the own share, the posts per municipality, the
decisions that changed the number of posts, and who reads what."""

import datetime
from decimal import Decimal
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from kim.models import FundingRate, Post, PostChange
from kim.summary import by_baustein, rates_on
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def land_rates():
    """The rates the migration loads (a transactional test elsewhere may have flushed them)."""
    import_module("kim.migrations.0002_funding_rates").load(apps, None)


def text(html: str) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def coesfeld_like(district):
    """The posts of Kreis Coesfeld's Sitzungsvorlage SV-10-0898 (DOMAIN.md), the CM posts
    spread over two municipalities here for the sums."""
    a, b = (factories.MunicipalityFactory(district=district, name=n) for n in ("Dülmen", "Olfen"))
    make = Post.objects.create
    make(
        district=district,
        kind="koordination",
        fte=Decimal("3.5"),
        state="besetzt",
        employer="kreis",
        annual_cost=Decimal("210000"),
    )
    make(
        district=district,
        kind="assistenz",
        fte=Decimal("0.5"),
        state="unbesetzt",
        employer="kreis",
        annual_cost=Decimal("25000"),
    )
    make(
        district=district,
        kind="case_management",
        fte=8,
        state="besetzt",
        employer="kommune",
        municipality=a,
    )
    make(
        district=district,
        kind="case_management",
        fte=4,
        state="besetzt",
        employer="wohlfahrt",
        employer_name="Caritasverband",
        municipality=b,
    )
    make(
        district=district,
        kind="behoerde",
        fte=2,
        state="besetzt",
        employer="kreis",
        funded=False,
        annual_cost=Decimal("130000"),
    )
    return a, b


def test_the_sums_per_baustein_with_funding_and_own_share(district):
    coesfeld_like(district)
    rows, total = by_baustein(
        Post.objects.for_district(district), rates_on(datetime.date(2026, 12, 6))
    )
    first, second, third = rows
    assert (first.fte, first.filled, first.funded) == (
        Decimal("4.0"),
        Decimal("3.5"),
        Decimal("4.0"),
    )
    # 3.5 × 57,000 + 0.5 × 45,000 (22,500 for a 0.5 Verwaltungsassistenz).
    assert first.funding == Decimal("222000")
    assert first.own_share == Decimal("13000")  # 235,000 cost − 222,000 at most funded
    # No rate on record for Case Management: not guessed, and no own share claimed.
    assert second.fte == 12 and second.funding_unknown == 12 and second.own_share is None
    assert third.funded == 0 and third.own_share == Decimal("130000")
    assert total.fte == Decimal("18.0") and total.filled == Decimal("17.5")


def test_the_rate_counts_from_the_day_of_the_richtlinie():
    assert "koordination" not in rates_on(datetime.date(2024, 12, 11))
    assert rates_on(datetime.date(2024, 12, 12))["koordination"].amount == 57000
    assert "case_management" not in rates_on(datetime.date(2026, 12, 6))


def test_two_rates_of_one_kind_may_not_overlap():
    from django.core.exceptions import ValidationError

    rate = FundingRate(
        kind="koordination", amount=60000, valid_from=datetime.date(2026, 1, 1), source="x"
    )
    with pytest.raises(ValidationError):
        rate.full_clean()


def test_the_page_shows_posts_sums_municipalities_and_decisions(client, district, ki_staff):
    coesfeld_like(district)
    PostChange.objects.create(
        district=district,
        kind="case_management",
        fte_before=6,
        fte_after=12,
        decision="Kreistag, SV-10-0391",
    )
    client.force_login(ki_staff)
    page = text(client.get(reverse("kim:overview", args=[district.slug])).content.decode())
    assert "Baustein 1: Strategisches Management (Koordination) 4,0 3,5 4,0 222.000 €" in page
    assert "nicht hinterlegt für 12,0 VZÄ" in page
    assert "Dülmen 0,0 8,0 0,0 8,0" in page and "kreisweit 4,0 0,0 2,0 6,0" in page
    assert (
        "Case Management: 12,0 statt 6,0 VZÄ (ab wann: nicht erfasst) – Kreistag, SV-10-0391"
        in page
    )
    assert "Quelle: Richtlinie „Kommunales Integrationsmanagement NRW“" in page


def test_a_liaison_reads_only_the_posts_in_their_municipality(client, district):
    duelmen, _olfen = coesfeld_like(district)
    liaison = factories.MembershipFactory(
        district=district, role=Role.LIAISON, municipality=duelmen
    ).user
    client.force_login(liaison)
    page = text(client.get(reverse("kim:overview", args=[district.slug])).content.decode())
    assert "Zusammen 8,0 8,0 8,0" in page
    assert "Caritasverband" not in page and "Stelle anlegen" not in page


def test_editing_keeps_the_history_and_refuses_garbage(client, district, other_district, ki_staff):
    client.force_login(ki_staff)
    create = reverse("kim:post_create", args=[district.slug])
    foreign = factories.MunicipalityFactory(district=other_district)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    for data, message in [
        ({"kind": "koordination", "fte": "abc", "state": "besetzt", "employer": "kreis"}, "Zahl"),
        (
            {"kind": "koordination", "fte": "-1", "state": "besetzt", "employer": "kreis"},
            "mindestens 0,05 VZÄ",
        ),
        (
            {"kind": "koordination", "fte": "9" * 30, "state": "besetzt", "employer": "kreis"},
            "Ziffern",
        ),
        ({"kind": "x", "fte": "1", "state": "besetzt", "employer": "kreis"}, "gültige Auswahl"),
        (
            {"kind": "case_management", "fte": "1", "state": "besetzt", "employer": "wohlfahrt"},
            "Bitte nennen Sie den Träger.",
        ),
        (
            {
                "kind": "koordination",
                "fte": "1",
                "state": "besetzt",
                "employer": "kreis",
                "municipality": foreign.pk,
            },
            "gültige Auswahl",
        ),
        (
            {
                "kind": "koordination",
                "fte": "1",
                "state": "besetzt",
                "employer": "kreis",
                "since": tomorrow.strftime("%d.%m.%Y"),
            },
            "in der Zukunft",
        ),
    ]:
        response = client.post(create, data)
        assert response.status_code == 200, data
        assert message in response.content.decode(), (data, message)
    assert not Post.objects.exists()
    response = client.post(
        create,
        {
            "kind": "case_management",
            "fte": "6",
            "state": "besetzt",
            "employer": "kreis",
            "since": "01.03.2024",
        },
    )
    assert response.status_code == 302
    post = Post.objects.get()
    update = reverse("kim:post_update", args=[district.slug, post.pk])
    from tests.test_stale_edits import as_posted

    data = as_posted(client.get(update).context["form"])
    client.post(update, {**data, "fte": "12", "since": "29.02.2024"})
    post.refresh_from_db()
    assert post.fte == 12 and post.since == datetime.date(2024, 2, 29)
    assert [h.fte for h in post.history.order_by("history_date")] == [6, 12]


def test_a_decision_that_changes_nothing_is_refused(client, district, ki_staff):
    client.force_login(ki_staff)
    response = client.post(
        reverse("kim:change_create", args=[district.slug]),
        {"kind": "case_management", "fte_before": "6", "fte_after": "6,0", "decision": "KT"},
    )
    assert "keine Änderung" in response.content.decode()
    assert not PostChange.objects.exists()


def test_the_page_takes_the_same_queries_for_many_posts(client, district, ki_staff):
    coesfeld_like(district)
    client.force_login(ki_staff)
    url = reverse("kim:overview", args=[district.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(30):
        Post.objects.create(
            district=district,
            kind="case_management",
            fte=1,
            state="besetzt",
            employer="kommune",
            municipality=factories.MunicipalityFactory(district=district, name=f"Ort {i}"),
        )
        PostChange.objects.create(
            district=district, kind="behoerde", fte_before=i, fte_after=i + 1, decision=f"KT {i}"
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
