"""``seed_scale`` (issue 16) grows a demo database to NRW scale; here in CI size (factor 0.01)."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from actors.models import Actor, Meeting
from districts.models import District, Municipality
from measures.models import Indicator, Measure, Measurement, search_text_of
from papers.models import DecisionPaper

pytestmark = pytest.mark.django_db

MODELS = (Municipality, Actor, Measure, Indicator, Measurement, DecisionPaper, Meeting)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    return District.objects.get(slug="kreis-mettmann")


def test_seed_scale_fills_every_first_page_and_tops_up(demo, client):
    before = counts()
    call_command("seed_scale", factor=0.01, verbosity=0)
    after = counts()
    assert all(after[name] >= before[name] for name in after)

    # Kreis Mettmann: every list the benchmark measures has more than a full first page.
    assert demo.measures.count() == 26
    assert demo.actors.filter(is_published=True).count() == 26
    assert DecisionPaper.objects.filter(district=demo).count() == 26
    new = Measure.objects.filter(title__startswith="Benchmark-Maßnahme ")
    assert new.exists()
    assert Indicator.objects.filter(measure__in=new).count() == 2 * new.count()
    assert Measurement.objects.filter(indicator__measure__in=new).count() == 10 * new.count()
    # The dashboard reads the latest kreisweit value kept on the Kennzahl (issue 16).
    assert not Indicator.objects.filter(measure__in=new, latest_value__isnull=True).exists()
    # The catalogue's search finds generated measures (bulk_create skips Measure.save()).
    assert (
        new.filter(search_text__contains=search_text_of("Benchmark-Maßnahme")).count()
        == new.count()
    )
    # The rest is spread over the other Districts; generated municipalities are synthetic.
    assert new.values("district").distinct().count() > 40
    generated = Municipality.objects.filter(name__startswith="Skalierungsgemeinde ")
    assert generated.exists()
    assert not generated.exclude(ags="").exists()

    oparl = client.get(reverse("oparl:paper_list", kwargs={"body": demo.slug})).json()
    assert len(oparl["data"]) == 20
    meetings = client.get(reverse("oparl:meeting_list", kwargs={"body": demo.slug})).json()
    assert len(meetings["data"]) == 20
    directory = client.get(reverse("public:directory", kwargs={"district_slug": demo.slug}))
    assert directory.status_code == 200
    assert "Benchmark-Akteur" in directory.content.decode()
    searched = client.get(
        reverse("public:directory", kwargs={"district_slug": demo.slug}), {"q": "benchmark-angebot"}
    )
    assert "Benchmark-Akteur" in searched.content.decode()

    # Top-up, not additive: the same factor again writes nothing, a larger one adds the rest.
    call_command("seed_scale", factor=0.01, verbosity=0)
    assert counts() == after
    call_command("seed_scale", factor=0.02, verbosity=0)
    grown = counts()
    assert grown["Measure"] > after["Measure"]
    assert grown["Actor"] > after["Actor"]
    assert grown["Measurement"] > after["Measurement"]


def test_seed_scale_refuses_a_database_without_demo(settings, district):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="keine Demodaten"):
        call_command("seed_scale", factor=0.01, verbosity=0)
    assert Measure.objects.count() == 0


def test_seed_scale_refuses_with_debug_off_unless_forced(demo, settings):
    settings.DEBUG = False
    before = counts()
    with pytest.raises(CommandError, match="DEBUG ist aus"):
        call_command("seed_scale", factor=0.01, verbosity=0)
    assert counts() == before
    call_command("seed_scale", factor=0.01, force=True, verbosity=0)
    assert counts()["Measure"] > before["Measure"]


def test_the_lands_table_at_scale_lists_all_54_with_constant_queries(
    demo, client, django_assert_max_num_queries
):
    """Issue 17, point 1: /land/ on seed_scale data – all 54 rows, queries independent of size."""
    from accounts.models import User

    call_command("seed_scale", factor=0.01, verbosity=0)
    client.force_login(User.objects.get(username="land"))
    with django_assert_max_num_queries(25):
        response = client.get(reverse("land:overview"))
    assert response.status_code == 200
    assert District.objects.count() == 54
    html = response.content.decode()
    assert "54 von 54" in html
    assert all(district.name in html for district in District.objects.all())
