"""Issue 19: the topics of the case figures are "a District-adjustable list" – the KI adds,
renames, reorders and removes them; a renamed topic keeps its counts, a counted one stays."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kim import services
from kim.models import CaseTopic, TopicCount
from tests import factories
from tests.kim.test_case_figures import grid, row, text

pytestmark = pytest.mark.django_db


def topics_page(district) -> str:
    return reverse("kim:case_topics", args=[district.slug])


def names(district) -> list[str]:
    return [topic.name for topic in CaseTopic.objects.for_district(district)]


def topic(district, name) -> CaseTopic:
    return CaseTopic.objects.for_district(district).get(name=name)


@pytest.fixture
def counted(district, ki_staff, client):
    """Dülmen's figures of the 4th quarter 2026, entered in the grid."""
    town = factories.MunicipalityFactory(district=district, name="Dülmen")
    client.force_login(ki_staff)
    client.get(grid(district))  # the default topics
    client.post(grid(district), row(town, 12, 40, 7, [5, 9, 8, 6, 4, 3, 11]))
    return town


def test_the_page_lists_the_default_topics_and_adds_one_at_the_end(client, district, ki_staff):
    client.force_login(ki_staff)
    html = text(client.get(topics_page(district)).content.decode())
    assert "1 Aufenthalt 0" in html and "7 Leistungen 0" in html
    response = client.post(topics_page(district), {"name": "  Familie  "})
    assert response.status_code == 302
    assert "Thema „Familie“ hinzugefügt." in text(client.get(response["Location"]).content.decode())
    assert names(district)[-2:] == ["Leistungen", "Familie"]
    # A new column in the grid and in the CSV template.
    assert "Familie" in text(client.get(grid(district)).content.decode())
    template = client.get(reverse("kim:case_import_template", args=[district.slug]))
    assert template.content.decode("utf-8-sig").splitlines()[0].endswith(";Leistungen;Familie")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("wohnen", "Das Thema „wohnen“ gibt es schon."),
        ("Jahr", "„Jahr“ ist schon eine Spalte der Fallzahlen."),
        ("Aktiv  betreut", "„Aktiv betreut“ ist schon eine Spalte der Fallzahlen."),
        ("=SUMME(A1)", "Ein Thema beginnt nicht mit = + - oder @."),
        ("", "Dieses Feld ist zwingend erforderlich."),
    ],
)
def test_a_name_that_would_clash_is_refused(client, district, ki_staff, name, message):
    client.force_login(ki_staff)
    client.get(topics_page(district))
    response = client.post(topics_page(district), {"name": name})
    assert response.status_code == 200
    assert message in text(response.content.decode())
    assert len(names(district)) == 7


def test_renaming_keeps_the_counts(client, district, ki_staff, counted):
    leistungen = topic(district, "Leistungen")
    counts = list(TopicCount.objects.filter(topic=leistungen).values_list("pk", "count"))
    url = reverse("kim:topic_update", args=[district.slug, leistungen.pk])
    page = text(client.get(url).content.decode())
    assert "Thema „Leistungen“ umbenennen" in page
    assert "bleiben bei ihm, auch unter dem neuen Namen" in page
    response = client.post(url, {"name": "Sozialleistungen"})
    assert response.status_code == 302
    assert list(TopicCount.objects.filter(topic=leistungen).values_list("pk", "count")) == counts
    figures = text(
        client.get(
            reverse("kim:case_figures", args=[district.slug]) + "?jahr=2026"
        ).content.decode()
    )
    assert "Gesundheit Sozialleistungen" in figures and "Leistungen Dülmen" not in figures
    assert "Dülmen 12 40 7 5 9 8 6 4 3 11" in figures
    # Renaming to another topic's name is refused.
    response = client.post(url, {"name": "Arbeit"})
    assert "Das Thema „Arbeit“ gibt es schon." in text(response.content.decode())


def test_moving_changes_the_order_of_the_columns(client, district, ki_staff, counted):
    leistungen = topic(district, "Leistungen")
    move = reverse("kim:topic_move", args=[district.slug, leistungen.pk])
    client.post(move, {"richtung": "hoch"})
    client.post(move, {"richtung": "hoch"})
    assert names(district)[3:] == ["Wohnen", "Leistungen", "Schule/Kita", "Gesundheit"]
    client.post(
        reverse("kim:topic_move", args=[district.slug, topic(district, "Aufenthalt").pk]),
        {"richtung": "runter"},
    )
    assert names(district)[:2] == ["Sprache", "Aufenthalt"]
    client.post(  # the first one up: nothing changes
        reverse("kim:topic_move", args=[district.slug, topic(district, "Sprache").pk]),
        {"richtung": "hoch"},
    )
    assert [t.order for t in CaseTopic.objects.for_district(district)] == list(range(1, 8))
    figures = text(
        client.get(
            reverse("kim:case_figures", args=[district.slug]) + "?jahr=2026"
        ).content.decode()
    )
    # Columns and counts move together: Leistungen (11) now comes before Schule/Kita (4).
    assert "Sprache Aufenthalt Arbeit Wohnen Leistungen Schule/Kita Gesundheit" in figures
    assert "Dülmen 12 40 7 9 5 8 6 11 4 3" in figures
    assert "Sprache Aufenthalt Arbeit Wohnen Leistungen Schule/Kita Gesundheit" in text(
        client.get(grid(district)).content.decode()
    )


def test_an_unused_topic_is_removed(client, district, ki_staff):
    client.force_login(ki_staff)
    client.get(topics_page(district))
    sprache = topic(district, "Sprache")
    url = reverse("kim:topic_delete", args=[district.slug, sprache.pk])
    assert "Soll das Thema „Sprache“ aus der Liste entfernt werden?" in text(
        client.get(url).content.decode()
    )
    response = client.post(url)
    assert "Thema „Sprache“ entfernt." in text(client.get(response["Location"]).content.decode())
    assert "Sprache" not in names(district)
    assert [t.order for t in CaseTopic.objects.for_district(district)] == list(range(1, 7))


def test_a_counted_topic_is_not_removed(client, district, ki_staff, counted):
    wohnen = topic(district, "Wohnen")
    html = text(client.get(topics_page(district)).content.decode())
    assert "4 Wohnen 1 nach oben" in html and "bleibt: Fälle gezählt" in html
    url = reverse("kim:topic_delete", args=[district.slug, wohnen.pk])
    refusal = (
        "Das Thema „Wohnen“ kann nicht entfernt werden: Es ist in 1 Quartalsmeldung der Kommunen "
        "gezählt. Sie können es umbenennen; die gezählten Fälle bleiben dabei erhalten."
    )
    page = text(client.get(url).content.decode())
    assert refusal in page and "Endgültig löschen" not in page
    response = client.post(url)  # a form from before the figures were entered
    assert refusal in text(client.get(response["Location"]).content.decode())
    assert "Wohnen" in names(district)
    assert TopicCount.objects.filter(topic=wohnen, count=6).exists()


def test_the_topics_of_another_district_are_not_found(
    client, district, other_district, ki_staff, counted
):
    foreign = CaseTopic.for_district(other_district)[0]
    for name in ("kim:topic_update", "kim:topic_delete"):
        assert client.get(reverse(name, args=[district.slug, foreign.pk])).status_code == 404
    move = reverse("kim:topic_move", args=[district.slug, foreign.pk])
    assert client.post(move, {"richtung": "runter"}).status_code == 404


def test_the_topics_page_takes_the_same_queries_with_more_topics_and_figures(
    client, district, ki_staff, counted
):
    url = topics_page(district)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    counted_few = len(few)
    for i in range(10):
        client.post(url, {"name": f"Thema {i}"})
    for quarter in (1, 2, 3):
        town = factories.MunicipalityFactory(district=district, name=f"Ort {quarter}")
        client.post(grid(district, 2026, quarter), row(town, 1, 2, 3, [1] * 17))
    assert TopicCount.objects.count() == 7 + 3 * 17
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == counted_few


def test_the_services_refuse_another_districts_objects(district, other_district):
    foreign = CaseTopic.for_district(other_district)[0]
    for write in (services.case_topic_delete, services.case_topic_move):
        kwargs = {"up": True} if write is services.case_topic_move else {}
        with pytest.raises(PermissionDenied):
            write(district=district, topic=foreign, **kwargs)
    town = factories.MunicipalityFactory(district=other_district)
    figures = services.QuarterFigures(
        municipality=town, year=2025, quarter=1, opened=1, active=2, closed=3
    )
    with pytest.raises(PermissionDenied):
        services.case_figures_save(district=district, rows=[figures])
    assert not TopicCount.objects.exists() and CaseTopic.objects.filter(pk=foreign.pk).exists()
