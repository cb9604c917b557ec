"""The Maßnahmenkatalog: filters, full-text search, liaison scope, pagination and sorting."""

import datetime

import pytest
from django.urls import reverse

from concepts.models import FocusArea
from measures.models import Measure
from tests import factories

pytestmark = pytest.mark.django_db


def list_url(district, **params) -> str:
    url = reverse("measures:list", args=[district.slug])
    if params:
        from urllib.parse import urlencode

        url += "?" + urlencode(params)
    return url


def titles(response) -> list[str]:
    return [m.title for m in response.context["measures"]]


def test_full_text_finds_umlauts_regardless_of_case(client, district, ki_staff):
    # SQLite's LIKE folds only ASCII; the casefolded search_text makes "übergang" match "Ü…".
    factories.MeasureFactory(district=district, title="Übergang Schule–Beruf")
    factories.MeasureFactory(
        district=district, title="Sprachförderung", goal="Mehr Kinder in der KITA"
    )
    factories.MeasureFactory(district=district, title="Straßenfest", effect="Begegnung")
    client.force_login(ki_staff)
    assert titles(client.get(list_url(district, q="übergang"))) == ["Übergang Schule–Beruf"]
    assert titles(client.get(list_url(district, q="ÜBERGANG beruf"))) == ["Übergang Schule–Beruf"]
    assert titles(client.get(list_url(district, q="kita"))) == ["Sprachförderung"]
    assert titles(client.get(list_url(district, q="strasse"))) == ["Straßenfest"]
    assert titles(client.get(list_url(district, q="begegnung"))) == ["Straßenfest"]
    response = client.get(list_url(district, q="gibt es nicht"))
    assert "Keine Maßnahmen gefunden" in response.content.decode()


def test_search_text_follows_edits(district):
    measure = factories.MeasureFactory(district=district, title="Griffbereit")
    measure.goal = "Eltern-Kind-Gruppen für Familien mit Kindern von 1–3 Jahren"
    measure.save(update_fields=["goal"])
    measure.refresh_from_db()
    assert "eltern-kind-gruppen für familien" in measure.search_text


def test_filters(client, district, municipality, ki_staff):
    education = FocusArea.objects.get(code=FocusArea.Code.EDUCATION)
    cross = FocusArea.objects.get(code=FocusArea.Code.CROSS_CUTTING)
    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    period = factories.WorkPeriodFactory(district=district)
    priority = factories.WorkPriorityFactory(work_period=period, title="Frühe Bildung")
    actor = factories.ActorFactory(district=district, name="Caritas")
    partner = factories.ActorFactory(district=district, name="AWO")
    a = factories.MeasureFactory(
        district=district,
        title="A",
        focus_area=education,
        field_of_action=field,
        lead_actor=actor,
    )
    a.work_priorities.add(priority)
    a.municipalities.add(municipality)
    b = factories.MeasureFactory(
        district=district, title="B", focus_area=cross, status=Measure.Status.PLANNED
    )
    b.partner_actors.add(actor, partner)
    client.force_login(ki_staff)

    def get(**params):
        return titles(client.get(list_url(district, **params)))

    assert get() == ["A", "B"]
    assert get(focus_area=education.pk) == ["A"]
    assert get(focus_area=cross.pk) == ["B"]
    assert get(field_of_action=field.pk) == ["A"]
    assert get(work_priority=priority.pk) == ["A"]
    assert get(work_period=period.pk) == ["A"]
    assert get(municipality=municipality.pk) == ["A"]
    assert get(municipality="kreisweit") == ["B"]
    assert get(status="geplant") == ["B"]
    assert get(actor=actor.pk) == ["A", "B"]  # lead of A, partner of B; no duplicates
    assert get(actor=partner.pk) == ["B"]


def test_archived_measures_hidden_unless_asked(client, district, ki_staff):
    factories.MeasureFactory(district=district, title="Aktiv")
    factories.MeasureFactory(district=district, title="Alt", is_archived=True)
    client.force_login(ki_staff)
    assert titles(client.get(list_url(district))) == ["Aktiv"]
    assert titles(client.get(list_url(district, q="a"))) == ["Aktiv"]
    assert titles(client.get(list_url(district, archive="alle"))) == ["Aktiv", "Alt"]
    response = client.get(list_url(district, archive="archiviert"))
    assert titles(response) == ["Alt"]
    assert "archiviert" in response.content.decode()


def test_choices_of_another_district_are_rejected_not_shown(
    client, district, other_district, ki_staff
):
    foreign = factories.FieldOfActionFactory(district=other_district, name="Fremdes Feld")
    factories.MeasureFactory(district=district, title="Eigene")
    client.force_login(ki_staff)
    response = client.get(list_url(district, field_of_action=foreign.pk))
    assert "Fremdes Feld" not in response.content.decode()
    response = client.get(list_url(district, field_of_action="9" * 30))
    assert response.status_code == 200


def test_liaison_sees_own_municipality_and_districtwide(client, district, municipality, liaison):
    other_town = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    own = factories.MeasureFactory(district=district, title="Eigene Kommune")
    own.municipalities.add(municipality, other_town)
    factories.MeasureFactory(district=district, title="Kreisweit")
    foreign = factories.MeasureFactory(district=district, title="Nur Nachbarstadt")
    foreign.municipalities.add(other_town)
    client.force_login(liaison)
    response = client.get(list_url(district))
    assert titles(response) == ["Eigene Kommune", "Kreisweit"]
    html = response.content.decode()
    assert "Nachbarstadt</option>" not in html
    assert "Neue Maßnahme" not in html  # no edit buttons for those who cannot edit
    assert client.get(foreign.get_absolute_url()).status_code == 404
    assert client.get(own.get_absolute_url()).status_code == 200


def test_council_and_land_read_without_edit_buttons(client, district, council_member, land_user):
    factories.MeasureFactory(district=district, title="Griffbereit")
    for user in (council_member, land_user):
        client.force_login(user)
        html = client.get(list_url(district)).content.decode()
        assert "Griffbereit" in html
        assert "Neue Maßnahme" not in html


def test_pagination_25_per_page(client, district, ki_staff):
    for i in range(30):
        factories.MeasureFactory(district=district, title=f"Maßnahme {i:02d}")
    client.force_login(ki_staff)
    first = client.get(list_url(district))
    assert len(first.context["measures"]) == 25
    html = first.content.decode()
    assert 'aria-label="Seiten des Maßnahmenkatalogs"' in html
    assert 'aria-current="page"' in html
    assert "Seite 1 von 2" in html
    second = client.get(list_url(district, seite=2))
    assert titles(second) == [f"Maßnahme {i}" for i in range(25, 30)]
    # Filters stay in the page links.
    filtered = client.get(list_url(district, q="maßnahme", seite=1)).content.decode()
    assert "q=ma%C3%9Fnahme&amp;seite=2" in filtered
    assert client.get(list_url(district, seite="quatsch")).status_code == 200


def test_sorting_by_column_header(client, district, ki_staff):
    factories.MeasureFactory(
        district=district, title="B", status="abgeschlossen", start=datetime.date(2020, 1, 1)
    )
    factories.MeasureFactory(
        district=district, title="A", status="laufend", start=datetime.date(2024, 1, 1)
    )
    factories.MeasureFactory(district=district, title="C", status="geplant", start=None)
    client.force_login(ki_staff)
    response = client.get(list_url(district))
    assert titles(response) == ["A", "B", "C"]
    html = response.content.decode()
    assert 'aria-sort="ascending"' in html and "?sort=-titel" in html
    assert titles(client.get(list_url(district, sort="-titel"))) == ["C", "B", "A"]
    assert (
        'aria-sort="descending"' in client.get(list_url(district, sort="-titel")).content.decode()
    )
    # Status in lifecycle order: geplant, laufend, abgeschlossen.
    assert titles(client.get(list_url(district, sort="status"))) == ["C", "A", "B"]
    # Without a start the measure stays last both ways.
    assert titles(client.get(list_url(district, sort="beginn"))) == ["B", "A", "C"]
    assert titles(client.get(list_url(district, sort="-beginn"))) == ["A", "B", "C"]
    assert titles(client.get(list_url(district, sort="unsinn"))) == ["A", "B", "C"]


def test_rows_show_what_staff_need(client, district, municipality, ki_staff):
    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    measure = factories.MeasureFactory(
        district=district, title="Rucksack KiTa", field_of_action=field
    )
    measure.municipalities.add(municipality)
    factories.IndicatorFactory.create_batch(2, measure=measure)
    factories.MeasureFactory(district=district, title="Laiensprachmittlerpool")
    client.force_login(ki_staff)
    html = client.get(list_url(district)).content.decode()
    assert f'href="{measure.get_absolute_url()}">Rucksack KiTa</a>' in html
    assert "Sprache" in html and "Beispielstadt" in html and "kreisweit" in html
    assert "laufend" in html and "Integration durch Bildung" in html
    assert '<td class="text-end">2</td>' in html
