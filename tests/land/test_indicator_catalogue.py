"""Issue 17, Land indicator catalogue: the Land's Kennzahlen, the KIs' mapping, the comparison
across Districts (per 1,000 inhabitants only where the population is known) and the population
entered or imported by the Land."""

import datetime
from decimal import Decimal
from importlib import import_module

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from districts.models import District
from measures import services
from measures.models import LandIndicator
from tests import factories

pytestmark = pytest.mark.django_db


def land_indicator(**values) -> LandIndicator:
    defaults = {"key": "rucksack_kita_familien", "name": "Rucksack KiTa: Familien"}
    return LandIndicator.objects.create(**{**defaults, **values, "unit": values.get("unit", "")})


def mapped(district, key: LandIndicator, values: list[tuple[str, str]], **kwargs):
    """An indicator of ``district`` mapped to ``key`` with kreisweit values (date, value)."""
    indicator = factories.IndicatorFactory(measure__district=district, land_indicator=key, **kwargs)
    for day, value in values:
        factories.MeasurementFactory(
            indicator=indicator, date=datetime.date.fromisoformat(day), value=Decimal(value)
        )
    return indicator


def test_two_districts_mapped_to_one_key_are_compared_with_their_values(
    client, district, other_district, land_user
):
    key = land_indicator(unit="Familien")
    district.name, other_district.name = "Kreis Beta", "Kreis Alpha"
    district.save()
    other_district.save()
    mapped(district, key, [("2024-07-31", "40"), ("2025-07-31", "52")])
    mapped(other_district, key, [("2025-07-31", "30"), ("2024-07-31", "35")])
    # Only the Land's key counts: the same name elsewhere without a mapping stays out.
    factories.IndicatorFactory(measure__district=district, name="Rucksack KiTa: Familien")
    # A municipal value is not the kreisweit one.
    municipal = factories.MunicipalityFactory(district=district)
    factories.MeasurementFactory(
        indicator=district.measures.first().indicators.get(land_indicator=key),
        municipality=municipal,
        date=datetime.date(2025, 12, 31),
        value=Decimal("999"),
    )
    client.force_login(land_user)
    response = client.get(reverse("land:indicator_detail", args=[key.key]))
    assert response.status_code == 200
    rows = response.context["comparison"].rows
    assert [row.district.name for row in rows] == ["Kreis Alpha", "Kreis Beta"]
    assert [(row.latest.value, row.previous.value, row.change) for row in rows] == [
        (Decimal("30"), Decimal("35"), Decimal("-5")),
        (Decimal("52"), Decimal("40"), Decimal("12")),
    ]
    assert [row.change_text for row in rows] == ["−5 (ungünstig)", "+12 (günstig)"]
    html = response.content.decode()
    assert html.index("Kreis Alpha") < html.index("Kreis Beta")
    assert "999" not in html
    # The chart: one panel per District, its name as text, a text alternative, no colour key.
    assert html.count('role="img"') == 2
    assert ">Kreis Alpha</text>" in html
    assert "Kreis Beta: 2 Werte vom 31.07.2024 bis 31.07.2025, von 40 Familien auf 52" in html
    assert "<script" not in html.split("<main", 1)[1]


def test_per_thousand_only_where_the_population_is_known(
    client, district, other_district, land_user
):
    key = land_indicator()
    district.population, district.population_year = 400000, 2023
    district.population_source = "IT.NRW, Landesdatenbank NRW"
    district.save()
    mapped(district, key, [("2025-07-31", "52")])
    mapped(other_district, key, [("2025-07-31", "30")])
    client.force_login(land_user)
    response = client.get(reverse("land:indicator_detail", args=[key.key]))
    rows = {row.district.pk: row for row in response.context["comparison"].rows}
    assert rows[district.pk].per_thousand == Decimal("0.13")
    assert rows[other_district.pk].per_thousand is None
    assert rows[other_district.pk].per_thousand_note == "Einwohnerzahl nicht erfasst"
    html = response.content.decode()
    assert "400.000" in html and "Stand 2023, IT.NRW, Landesdatenbank NRW" in html
    assert "Einwohnerzahl nicht erfasst" in html

    # A quota is not put in relation to the population, whatever is known.
    key.aggregation = LandIndicator.Aggregation.RATE
    key.save()
    response = client.get(reverse("land:indicator_detail", args=[key.key]))
    assert all(row.per_thousand is None for row in response.context["comparison"].rows)
    assert "bei Durchschnitten und Quoten nicht sinnvoll" in response.content.decode()


def test_the_comparison_reads_in_constant_queries(client, land_user):
    key = land_indicator()
    client.force_login(land_user)
    url = reverse("land:indicator_detail", args=[key.key])

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for _ in range(2):
        mapped(factories.DistrictFactory(population=1000), key, [("2025-01-01", "3")])
    few = count()
    for _ in range(8):
        mapped(factories.DistrictFactory(), key, [("2024-01-01", "1"), ("2025-01-01", "3")])
    assert count() == few


def test_the_land_creates_and_edits_a_land_indicator(client, land_user):
    client.force_login(land_user)
    url = reverse("land:indicator_create")
    response = client.post(
        url,
        {
            "key": "neu",
            "name": "",
            "direction": "up",
            "aggregation": "sum",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "ist als Schlüssel nicht erlaubt" in errors["key"][0]
    assert errors["name"] == ["Dieses Feld ist zwingend erforderlich."]
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()

    response = client.post(
        url,
        {
            "key": "sprachmittler_einsaetze",
            "name": "Einsätze der Sprachmittlung",
            "unit": "Einsätze",
            "definition": "Einsätze im Kalenderjahr",
            "direction": "up",
            "aggregation": "sum",
            "source": "Beschluss der LaKI",
        },
    )
    created = LandIndicator.objects.get()
    assert response["Location"] == reverse("land:indicator_detail", args=[created.key])
    assert created.history.get().history_user == land_user

    edit = reverse("land:indicator_update", args=[created.key])
    page = client.get(edit)
    seen = page.context["form"]["seen_modified"].value()
    data = {
        "key": "sprachmittler_einsaetze",
        "name": "Einsätze der Laiensprachmittlung",
        "unit": "Einsätze",
        "definition": "Einsätze im Kalenderjahr",
        "direction": "up",
        "aggregation": "sum",
        "source": "Beschluss der LaKI",
        "seen_modified": seen,
    }
    assert client.post(edit, data).status_code == 302
    created.refresh_from_db()
    assert created.name == "Einsätze der Laiensprachmittlung"
    # A second save on the stale page is refused; nothing is overwritten.
    response = client.post(edit, {**data, "name": "Alt"})
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Eintrag gespeichert" in response.content.decode()
    created.refresh_from_db()
    assert created.name == "Einsätze der Laiensprachmittlung"


def test_a_ki_lead_gets_403_and_the_operator_only_reads(client, ki_lead, operator):
    key = land_indicator()
    client.force_login(ki_lead)
    for url in (
        reverse("land:indicators"),
        reverse("land:indicator_detail", args=[key.key]),
        reverse("land:indicator_create"),
    ):
        assert client.get(url).status_code == 403
    assert (
        client.post(reverse("land:indicator_create"), {"key": "x", "name": "x"}).status_code == 403
    )
    client.force_login(operator)
    assert client.get(reverse("land:indicator_detail", args=[key.key])).status_code == 200
    assert client.get(reverse("land:indicator_update", args=[key.key])).status_code == 403
    assert LandIndicator.objects.count() == 1


def test_the_ki_indicator_form_offers_the_catalogue(client, district, ki_staff):
    key = land_indicator()
    measure = factories.MeasureFactory(district=district)
    client.force_login(ki_staff)
    url = reverse("measures:indicator_create", args=[district.slug, measure.pk])
    html = client.get(url).content.decode()
    assert "Kennzahl des Landes" in html
    assert '<option value="" selected>– keine –</option>' in html
    assert f'<option value="{key.pk}">Rucksack KiTa: Familien</option>' in html
    response = client.post(
        url, {"name": "Familien", "direction": "up", "land_indicator": str(key.pk)}
    )
    assert response.status_code == 302
    indicator = measure.indicators.get()
    assert indicator.land_indicator == key and indicator.land_key == key.key
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Rucksack KiTa: Familien <code>rucksack_kita_familien</code>" in page
    # A key that is not in the catalogue is refused in German.
    response = client.post(url, {"name": "Gruppen", "direction": "up", "land_indicator": "999"})
    assert (
        "Bitte eine gültige Auswahl treffen" in response.context["form"].errors["land_indicator"][0]
    )


def test_the_land_enters_a_districts_population(client, district, land_user):
    client.force_login(land_user)
    url = reverse("land:population_update", args=[district.slug])
    response = client.post(url, {"population": "400000"})
    errors = response.context["form"].errors
    assert errors["population_year"] == ["Bitte den Stand der Einwohnerzahl angeben."]
    assert errors["population_source"] == ["Bitte die Quelle der Einwohnerzahl angeben."]
    response = client.post(url, {"population_year": "2023", "population_source": "IT.NRW"})
    assert response.context["form"].errors["population"] == [
        "Bitte die Einwohnerzahl angeben, zu der Stand und Quelle gehören."
    ]
    response = client.post(
        url,
        {"population": "400000", "population_year": "2023", "population_source": "IT.NRW"},
    )
    assert response.status_code == 302
    district.refresh_from_db()
    assert (district.population, district.population_year) == (400000, 2023)
    page = client.get(reverse("land:population")).content.decode()
    assert "400.000" in page and "Landesdatenbank NRW" in page


def test_a_population_saved_meanwhile_is_not_overwritten(client, district, land_user):
    client.force_login(land_user)
    url = reverse("land:population_update", args=[district.slug])
    seen = client.get(url).context["form"]["seen_modified"].value()
    district.population, district.population_year = 300000, 2024
    district.population_source = "IT.NRW"
    district.save()  # someone else entered it meanwhile
    response = client.post(
        url,
        {
            "population": "1",
            "population_year": "2020",
            "population_source": "geschätzt",
            "seen_modified": seen,
        },
    )
    assert "Jemand anderes hat diesen Eintrag gespeichert" in response.content.decode()
    district.refresh_from_db()
    assert district.population == 300000


def upload(client, text: str, encoding: str = "utf-8"):
    return client.post(
        reverse("land:population_import"),
        {
            "file": SimpleUploadedFile("bevoelkerung.csv", text.encode(encoding)),
            "source": "IT.NRW, Landesdatenbank NRW, abgerufen am 01.12.2026",
        },
    )


def test_the_population_csv_is_taken_whole_or_not_at_all(
    client, district, other_district, land_user
):
    client.force_login(land_user)
    bad = (
        "Schlüssel;Name;Einwohner;Stand\n"
        "05;Nordrhein-Westfalen;18.000.000;31.12.2023\n"
        f"{district.official_key};{district.name};485.684;31.12.2023\n"
        f"{other_district.official_key};{other_district.name};viele;31.12.2023\n"
        "05999999;Nirgendwo;1000;2023\n"
        f"{district.official_key};{district.name};1;2023\n"
    )
    response = upload(client, bad)
    errors = response.context["parsed"].errors
    assert errors == [
        "Zeile 4: „viele“ ist keine Einwohnerzahl (ganze Zahl größer 0).",
        "Zeile 5: Der Schlüssel „05999999“ gehört zu keinem Kreis und keiner kreisfreien Stadt.",
        f"Zeile 6: Der Schlüssel {district.official_key} steht schon in Zeile 3.",
    ]
    assert "es wurde nichts gespeichert" in response.content.decode()
    assert not District.objects.filter(population__isnull=False).exists()

    good = (
        "Schlüssel;Name;Einwohner;Stand\n"
        "05;Nordrhein-Westfalen;18.000.000;31.12.2023\n"
        f"{district.official_key};{district.name};485.684;31.12.2023\n"
        f"{other_district.official_key};Kreis Ö;312 000;2022\n"
    )
    response = upload(client, good, encoding="cp1252")
    assert response.status_code == 302
    district.refresh_from_db()
    other_district.refresh_from_db()
    assert (district.population, district.population_year) == (485684, 2023)
    assert (other_district.population, other_district.population_year) == (312000, 2022)
    assert other_district.population_source.startswith("IT.NRW, Landesdatenbank NRW")

    response = upload(client, "Kreis,Einwohner\n05158,1\n")
    assert "Schlüssel;Name;Einwohner;Stand" in response.context["form"].errors["file"][0]


def test_the_population_page_says_where_the_file_comes_from(client, land_user):
    client.force_login(land_user)
    html = client.get(reverse("land:population")).content.decode()
    assert "Landesdatenbank NRW" in html and "IT.NRW" in html
    assert "keine Einwohnerzahl mitgeliefert" in html


# --- The data migration -------------------------------------------------------------------------

BEFORE = [("measures", "0007_measurement_import")]
AFTER = [("measures", "0008_land_indicator_catalogue")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_turns_land_keys_into_the_catalogue():
    migration = import_module("measures.migrations.0008_land_indicator_catalogue")
    apps = migrate(BEFORE)
    # Districts and focus areas are other apps' tables, at their newest state here.
    Measure = apps.get_model("measures", "Measure")
    Indicator = apps.get_model("measures", "Indicator")
    # After transactional tests the reference data may be gone: load it again (idempotent).
    from django.apps import apps as current_apps

    import_module("concepts.migrations.0003_focus_areas_and_concepts").load(current_apps, None)
    focus = factories.focus_area()
    indicators = {}
    for number, (name, land_key) in enumerate(
        [("Familien", "rucksack_kita_familien"), ("Gruppen", ""), ("Familien 2", "")]
    ):
        district = District.objects.create(
            name=f"Kreis {number}", slug=f"kreis-m{number}", official_key=f"0599{number}001"
        )
        measure = Measure.objects.create(
            district_id=district.pk, title="Rucksack", focus_area_id=focus.pk
        )
        indicators[name] = Indicator.objects.create(measure=measure, name=name, land_key=land_key)
    Indicator.objects.filter(pk=indicators["Familien 2"].pk).update(
        land_key="rucksack_kita_familien"
    )

    apps = migrate(AFTER)
    LandIndicator = apps.get_model("measures", "LandIndicator")
    Indicator = apps.get_model("measures", "Indicator")
    created = LandIndicator.objects.get()
    # The key is kept and names the row until the Land names it; nothing is invented.
    assert (created.key, created.name, created.unit, created.definition, created.source) == (
        "rucksack_kita_familien",
        "rucksack_kita_familien",
        "",
        "",
        "",
    )
    mapping = dict(Indicator.objects.values_list("name", "land_indicator__key"))
    assert mapping == {
        "Familien": "rucksack_kita_familien",
        "Gruppen": None,
        "Familien 2": "rucksack_kita_familien",
    }
    assert "nothing invented" in " ".join(migration.land_keys_to_catalogue.__doc__.split())

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_a_copied_measure_keeps_the_mapping_to_the_land(district, ki_staff):
    # measures.services copies the fields named in INDICATOR_FIELDS, "land_key" among them.
    key = land_indicator()
    indicator = mapped(district, key, [])
    copy = services.measure_copy(district=district, measure=indicator.measure, user=ki_staff)
    assert copy.indicators.get().land_indicator == key
