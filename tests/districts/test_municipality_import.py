"""Import of the official municipality list (GV-ISys of the Statistisches Bundesamt).

The test file ``tests/fixtures/gemeindeverzeichnis/gv-isys-testdaten.csv`` has the layout of the
GV-ISys extract; its Kreise 05999/05998 with their names and numbers are made up (test data).
The only real row is Hilden with the AGS the demo content already has (05158016); no other AGS
is written anywhere in the tests.
"""

import io
import pathlib

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from districts import services
from districts.models import District, Municipality
from districts.municipality_import import (
    GV100AD,
    GV_ISYS,
    SIMPLE,
    ImportFileError,
    Row,
    parse_file,
    plan_import,
)
from tests import factories

pytestmark = pytest.mark.django_db

TEST_FILE = pathlib.Path(__file__).parents[1] / "fixtures/gemeindeverzeichnis/gv-isys-testdaten.csv"


@pytest.fixture
def testkreis(db):
    # Made-up key: no Kreis of NRW has 05999.
    return factories.DistrictFactory(name="Testkreis", slug="testkreis", official_key="05999")


def test_the_gv_isys_layout_gives_8_digit_ags_from_land_rb_kreis_gem():
    parsed = parse_file(TEST_FILE.name, TEST_FILE.read_bytes())
    assert parsed.layout == GV_ISYS
    assert parsed.errors == []
    assert [(r.ags, r.name, r.population) for r in parsed.rows] == [
        ("05999001", "Testdorf am Bach", 12345),  # ", Stadt" dropped, "12.345" read
        ("05999002", "Beispielheim", 4321),  # "4 321"
        ("05998001", "Anderswo", 999),
        ("05158016", "Hilden", None),  # Land, Kreis rows and the header are passed over
    ]


def gv_isys_xlsx(rows) -> bytes:
    """A workbook shaped like the GV-ISys extract: a notes sheet, then the municipalities
    with a title, a two-row header and the keys as Excel numbers (leading zeros lost)."""
    workbook = Workbook()
    workbook.active.title = "Deckblatt"
    workbook.active.append(["Testdaten, keine amtlichen Daten"])
    sheet = workbook.create_sheet("Onlineprodukt_Gemeinden")
    sheet.append(["Gemeindeverzeichnis (Testdaten)"])
    sheet.append(["Satz-art", "Text-kenn-zeichen", "Amtlicher Regionalschlüssel (ARS)"])
    sheet.append(
        [
            None,
            None,
            "Land",
            "RB",
            "Kreis",
            "VB",
            "Gem",
            "Gemeindename",
            "Fläche km2",
            "Bevölkerung insgesamt",
        ]
    )
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_gv_isys_xlsx_is_read_with_its_keys_padded_to_their_width():
    content = gv_isys_xlsx(
        [
            ["40", None, 5, 9, 99, None, None, "Testkreis"],
            [60, 63, 5, 9, 99, 1, 1, "Testdorf am Bach, Stadt", 10.5, 12345],
            ["60", "64", "05", "9", "99", "0002", "002", "Beispielheim", 8.2, 4321.0],
        ]
    )
    parsed = parse_file("AuszugGV4QAktuell.xlsx", content)
    assert parsed.layout == GV_ISYS
    assert [(r.ags, r.name, r.population) for r in parsed.rows] == [
        ("05999001", "Testdorf am Bach", 12345),
        ("05999002", "Beispielheim", 4321),
    ]


def test_a_key_that_does_not_make_8_digits_is_an_error_of_its_line():
    content = gv_isys_xlsx([[60, None, 5, 9, 999, None, 1, "Zu lang"]])
    parsed = parse_file("auszug.xlsx", content)
    assert parsed.rows == []
    assert parsed.errors and "Zeile 4" in parsed.errors[0] and "8 Ziffern" in parsed.errors[0]


def test_the_simple_csv_reads_ags_name_population_and_stand():
    content = b"AGS;Name;Einwohner;Stand\n05999001;Testdorf am Bach;12345;31.12.2023\n"
    parsed = parse_file("liste.csv", content)
    assert parsed.layout == SIMPLE
    assert parsed.rows == [Row(2, "05999001", "Testdorf am Bach", 12345, 2023)]


@pytest.mark.parametrize(
    ("ags", "message"),
    [
        ("5999001", "die führende 0 fehlt"),  # Excel ate the 0
        ("059990011", "genau 8 Ziffern"),
        ("0599900a", "genau 8 Ziffern"),
    ],
)
def test_the_simple_csv_refuses_an_ags_without_8_digits(ags, message):
    parsed = parse_file("liste.csv", f"AGS;Name\n{ags};Testdorf\n".encode())
    assert parsed.rows == []
    assert message in parsed.errors[0]


@pytest.mark.parametrize(
    "content",
    [b"", b"PK\x03\x04 kein zip", b"\x00\x01\x02binary", b"Name;Ort\nA;B\n"],
    ids=["empty", "broken-xlsx", "binary", "no-municipality"],
)
def test_an_unreadable_file_says_why_in_german(content):
    with pytest.raises(ImportFileError) as error:
        parse_file("datei.xlsx" if content.startswith(b"PK") else "datei.csv", content)
    assert str(error.value)


def test_only_rows_of_the_district_are_planned_the_others_are_counted(testkreis):
    parsed = parse_file(TEST_FILE.name, TEST_FILE.read_bytes())
    plan = plan_import(testkreis, parsed.rows, population_year=2023, population_source="Test")
    assert [c.row.ags for c in plan.created] == ["05999001", "05999002"]
    assert plan.other_district == 2  # 05998001 and Hilden
    assert plan.created[0].values["population_year"] == 2023
    assert Municipality.objects.for_district(testkreis).count() == 0  # a plan writes nothing


def test_import_creates_then_updates_and_fills_the_ags_of_a_named_municipality(testkreis):
    factories.MunicipalityFactory(district=testkreis, name="Beispielheim", ags="")
    rows = parse_file(TEST_FILE.name, TEST_FILE.read_bytes()).rows
    plan = services.municipalities_import(
        district=testkreis, rows=rows, user=None, population_year=2023, population_source="Test"
    )
    assert (len(plan.created), len(plan.changed), plan.other_district) == (1, 1, 2)
    stored = {m.name: m for m in Municipality.objects.for_district(testkreis)}
    assert stored["Beispielheim"].ags == "05999002"
    assert stored["Testdorf am Bach"].population == 12345
    assert stored["Testdorf am Bach"].population_year == 2023
    again = plan_import(testkreis, rows, population_year=2023, population_source="Test")
    assert (again.created, again.changed, again.unchanged) == ([], [], 2)


def test_the_demo_municipality_hilden_gets_its_ags_from_the_file():
    # A demo District's municipality known by name only gets its AGS from the official file.
    mettmann = District.objects.get(official_key="05158")
    factories.MunicipalityFactory(district=mettmann, name="Hilden", ags="")
    rows = parse_file(TEST_FILE.name, TEST_FILE.read_bytes()).rows
    plan = services.municipalities_import(district=mettmann, rows=rows, user=None)
    assert plan.other_district == 3 and len(plan.changed) == 1
    assert Municipality.objects.for_district(mettmann).get(name="Hilden").ags == "05158016"


def test_import_is_all_or_nothing(testkreis):
    # Row 2 renames the municipality 05999002 to a name another municipality already has.
    factories.MunicipalityFactory(district=testkreis, name="Altname", ags="05999002")
    factories.MunicipalityFactory(district=testkreis, name="Besetzt", ags="05999003")
    rows = [Row(1, "05999001", "Ganz neu"), Row(2, "05999002", "Besetzt")]
    with pytest.raises(ValidationError) as error:
        services.municipalities_import(district=testkreis, rows=rows, user=None)
    assert "Zeile 2 (Besetzt)" in error.value.messages[0]
    assert not Municipality.objects.for_district(testkreis).filter(name="Ganz neu").exists()
    assert Municipality.objects.for_district(testkreis).get(ags="05999002").name == "Altname"


def test_a_name_whose_municipality_has_another_ags_is_an_error_not_an_overwrite(testkreis):
    factories.MunicipalityFactory(district=testkreis, name="Beispielheim", ags="05999009")
    plan = plan_import(testkreis, [Row(5, "05999002", "Beispielheim")])
    assert plan.created == [] and "Zeile 5" in plan.errors[0]
    with pytest.raises(ValidationError):
        services.municipalities_import(
            district=testkreis, rows=[Row(5, "05999002", "Beispielheim")], user=None
        )


def test_the_same_ags_twice_in_the_file_is_an_error(testkreis):
    plan = plan_import(testkreis, [Row(1, "05999001", "A"), Row(2, "05999001", "B")])
    assert plan.errors == ["Zeile 2: Der AGS 05999001 steht schon in Zeile 1."]


def test_stadt_aachen_takes_only_its_own_row_of_the_staedteregion():
    # reference.py: Stadt Aachen (05334002) runs its own KI inside the StädteRegion (05334).
    aachen = District.objects.get(official_key="05334002")
    plan = plan_import(aachen, [Row(1, "05334002", "Aachen"), Row(2, "05334999", "Testort")])
    assert [c.row.ags for c in plan.created] == ["05334002"] and plan.other_district == 1


def gv100ad_record(satzart: str, key: str, name: str, population: int | None = None) -> str:
    """A fixed-width GV100AD line (positions of gv100ad-py); made-up test content."""
    line = f"{satzart}20231231{key:<8}{'':4}{name:<50}".ljust(139)
    if population is not None:
        line += f"{population:>11}"
    return line.ljust(220)


def test_the_gv100ad_text_file_is_read_too():
    content = "\n".join(
        [
            gv100ad_record("10", "05", "Testland"),
            gv100ad_record("40", "05999", "Testkreis (fiktiv)"),
            gv100ad_record("60", "05999001", "Testdorf am Bach, Stadt", 12345),
            gv100ad_record("60", "05998001", "Anderswo", 999),
        ]
    ).encode("cp1252")
    parsed = parse_file("GV100AD_311223.txt", content)
    assert parsed.layout == GV100AD and parsed.errors == []
    assert [(r.ags, r.name, r.population) for r in parsed.rows] == [
        ("05999001", "Testdorf am Bach", 12345),
        ("05998001", "Anderswo", 999),
    ]
