"""CSV import of measurements: upload → preview → "Jetzt importieren"; all or nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from measures.models import Measurement
from tests import factories

pytestmark = pytest.mark.django_db

HEADER = "Maßnahme;Kennzahl;Datum;Wert;Kommune;Quelle;Anmerkung\r\n"


@pytest.fixture
def griffbereit(district, municipality):
    measure = factories.MeasureFactory(district=district, title="Griffbereit")
    return factories.IndicatorFactory(
        measure=measure, name="Teilnehmende Familien", unit="Familien"
    )


def upload(client, district, text: str, encoding: str = "utf-8"):
    file = SimpleUploadedFile("messwerte.csv", text.encode(encoding), content_type="text/csv")
    return client.post(reverse("measures:import", args=[district.slug]), {"file": file})


def confirm(client, district, response):
    payload = response.context["confirm_form"]["payload"].value()
    return client.post(reverse("measures:import", args=[district.slug]), {"payload": payload})


def test_good_file_preview_then_import(client, district, ki_staff, griffbereit):
    text = HEADER + (
        "Griffbereit;Teilnehmende Familien;31.07.2024;1.234,5;;Träger;Kita-Jahr 2023/24\r\n"
        "griffbereit;teilnehmende familien;31.07.2024;17;Beispielstadt;;\r\n"
        "Griffbereit;Teilnehmende Familien;31.07.2025;125;kreisweit;;\r\n"
    )
    client.force_login(ki_staff)
    response = upload(client, district, "\ufeff" + text)
    html = response.content.decode()
    assert "Vorschau: 3 Messwerte" in html
    assert "Jetzt importieren" in html
    assert "1.234,5" in html
    assert not Measurement.objects.exists()  # the preview saves nothing

    response = confirm(client, district, response)
    assert response.status_code == 302
    values = {
        (m.date, m.municipality.name if m.municipality else None): m.value
        for m in Measurement.objects.all()
    }
    assert values == {
        (datetime.date(2024, 7, 31), None): Decimal("1234.5"),
        (datetime.date(2024, 7, 31), "Beispielstadt"): Decimal("17"),
        (datetime.date(2025, 7, 31), None): Decimal("125"),
    }
    assert Measurement.objects.get(value=Decimal("1234.5")).note == "Kita-Jahr 2023/24"
    assert "3 Messwerte importiert." in client.get(response["Location"]).content.decode()


def test_excel_cp1252_file(client, district, ki_staff, griffbereit):
    text = HEADER + "Griffbereit;Teilnehmende Familien;01.02.2025;3,5;;Zählung;\r\n"
    client.force_login(ki_staff)
    response = upload(client, district, text, encoding="cp1252")
    assert "Vorschau: 1 Messwert" in response.content.decode()
    confirm(client, district, response)
    saved = Measurement.objects.get()
    assert (saved.value, saved.source) == (Decimal("3.5"), "Zählung")


def test_preview_marks_replaced_values(client, district, ki_staff, griffbereit):
    factories.MeasurementFactory(
        indicator=griffbereit, date=datetime.date(2024, 7, 31), value=Decimal(99)
    )
    text = HEADER + "Griffbereit;Teilnehmende Familien;31.07.2024;120;;;\r\n"
    client.force_login(ki_staff)
    response = upload(client, district, text)
    html = response.content.decode()
    assert "1 Zeile ersetzt einen vorhandenen Wert." in html
    assert "bisher 99" in html
    confirm(client, district, response)
    assert Measurement.objects.get().value == Decimal(120)


def test_bad_file_lists_errors_per_line_and_saves_nothing(client, district, ki_staff, griffbereit):
    text = HEADER + (
        "Griffbereit;Teilnehmende Familien;31.07.2024;125;;;\r\n"  # line 2: fine
        "Griffbereit;Teilnehmende Familien;31.07.2024;126;;;\r\n"  # 3: same key as line 2
        "Griffbereit;Familien;31.07.2024;125;;;\r\n"  # 4
        "Rucksack;Gruppen;31.07.2024;20;;;\r\n"  # 5
        "Griffbereit;Teilnehmende Familien;31.02.2024;20;;;\r\n"  # 6
        "Griffbereit;Teilnehmende Familien;31.07.2023;12,3,4;;;\r\n"  # 7
        "Griffbereit;Teilnehmende Familien;31.07.2022;5;Xdorf;;\r\n"  # 8
        "Griffbereit;Teilnehmende Familien\r\n"  # 9
    )
    client.force_login(ki_staff)
    response = upload(client, district, text)
    errors = response.context["errors"]
    assert errors == [
        "Zeile 3: dieselbe Kennzahl, derselbe Stichtag und dieselbe Kommune stehen schon in Zeile 2.",
        "Zeile 4: Kennzahl „Familien“ gibt es bei Maßnahme „Griffbereit“ nicht.",
        "Zeile 5: Maßnahme „Rucksack“ gibt es im Maßnahmenkatalog nicht.",
        "Zeile 6: „31.02.2024“ ist kein gültiges Datum (TT.MM.JJJJ).",
        "Zeile 7: „12,3,4“ ist keine Zahl.",
        "Zeile 8: Kommune „Xdorf“ gibt es in diesem Kreis nicht (leer lassen oder „kreisweit“ für den ganzen Kreis).",
        "Zeile 9: Spalte „Datum“, „Wert“ fehlt (zu wenige Semikolons).",
    ]
    html = response.content.decode()
    assert "nichts wurde gespeichert" in html and "Jetzt importieren" not in html
    assert not Measurement.objects.exists()


def test_missing_column_in_header(client, district, ki_staff, griffbereit):
    client.force_login(ki_staff)
    response = upload(client, district, "Maßnahme;Kennzahl;Datum\r\nGriffbereit;X;01.01.2025\r\n")
    assert response.context["errors"][0].startswith("Zeile 1: Spalte „Wert“ fehlt.")


def test_tampered_preview_is_refused(client, district, ki_staff, griffbereit):
    client.force_login(ki_staff)
    response = client.post(
        reverse("measures:import", args=[district.slug]), {"payload": "Griffbereit;…"}
    )
    assert "Die Vorschau ist ungültig." in response.content.decode()
    assert not Measurement.objects.exists()


def test_preview_of_one_district_cannot_be_imported_in_another(
    client, district, other_district, ki_staff, griffbereit
):
    text = HEADER + "Griffbereit;Teilnehmende Familien;31.07.2024;125;;;\r\n"
    client.force_login(ki_staff)
    payload = upload(client, district, text).context["confirm_form"]["payload"].value()
    other_staff = factories.MembershipFactory(district=other_district).user
    client.force_login(other_staff)
    response = client.post(
        reverse("measures:import", args=[other_district.slug]), {"payload": payload}
    )
    assert "Die Vorschau ist ungültig." in response.content.decode()
    assert not Measurement.objects.exists()


def test_template_download(client, district, ki_staff, griffbereit):
    client.force_login(ki_staff)
    response = client.get(reverse("measures:import_template", args=[district.slug]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Maßnahme;Kennzahl;Datum;Wert;Kommune;Quelle;Anmerkung"
    assert text.splitlines()[1].startswith("Griffbereit;Teilnehmende Familien;31.12.2025;1.234,5")


def test_the_template_imports(client, district, ki_staff, griffbereit):
    client.force_login(ki_staff)
    template = client.get(reverse("measures:import_template", args=[district.slug])).content
    response = upload(client, district, template.decode("utf-8-sig"))
    confirm(client, district, response)
    assert Measurement.objects.get().value == Decimal("1234.5")
