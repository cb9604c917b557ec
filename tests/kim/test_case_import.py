"""Issue 19: case figures "imported from CSV" – upload → preview → "Jetzt importieren", all or
nothing, each wrong cell named by line and column, a stored quarter replaced and said so."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kim.models import CaseFigures, CaseTopic, TopicCount
from tests import factories
from tests.kim.test_case_figures import grid, row, text

THIS_YEAR = timezone.localdate().year

pytestmark = pytest.mark.django_db

TOPICS = "Aufenthalt;Sprache;Arbeit;Wohnen;Schule/Kita;Gesundheit;Leistungen"
HEADER = f"Kommune;Jahr;Quartal;neu aufgenommen;aktiv betreut;abgeschlossen;{TOPICS}\r\n"


@pytest.fixture
def towns(district):
    CaseTopic.for_district(district)
    return [
        factories.MunicipalityFactory(district=district, name="Dülmen", ags="05558012"),
        factories.MunicipalityFactory(district=district, name="Nottuln", ags="05558036"),
    ]


def page(district) -> str:
    return reverse("kim:case_import", args=[district.slug])


def upload(client, district, content: str, encoding: str = "utf-8"):
    file = SimpleUploadedFile("fallzahlen.csv", content.encode(encoding), content_type="text/csv")
    return client.post(page(district), {"file": file})


def confirm(client, district, response):
    payload = response.context["confirm_form"]["payload"].value()
    return client.post(page(district), {"payload": payload})


def stored(town, year=2025, quarter=4):
    figures = CaseFigures.objects.get(municipality=town, year=year, quarter=quarter)
    counts = [c.count for c in figures.topics.order_by("topic__order")]
    return [figures.opened, figures.active, figures.closed, *counts]


def test_a_good_file_is_previewed_then_imported(client, district, towns, ki_staff):
    duelmen, nottuln = towns
    content = HEADER + (
        "Dülmen;2025;4;12;40;7;5;9;8;6;4;3;5\r\n"
        "05558036;2025;4;3;1.234;1;1;1;1;1;1;1;1\r\n"  # Nottuln by its AGS; a thousands dot
        ";;;;;;;;;;;;\r\n"  # an empty line, as Excel leaves them: skipped
    )
    client.force_login(ki_staff)
    response = upload(client, district, "\ufeff" + content)
    html = text(response.content.decode())
    assert "Vorschau: 2 Quartalsmeldungen aus „fallzahlen.csv“" in html
    assert "2 Dülmen 4. Quartal 2025 12 40 7 5 9 8 6 4 3 5 neu" in html
    assert "3 Nottuln 4. Quartal 2025 3 1.234 1 1 1 1 1 1 1 1 neu" in html
    assert "Jetzt importieren" in html
    assert not CaseFigures.objects.exists()  # the preview saves nothing

    response = confirm(client, district, response)
    assert response.status_code == 302
    assert response["Location"].endswith("?jahr=2025")
    assert stored(duelmen) == [12, 40, 7, 5, 9, 8, 6, 4, 3, 5]
    assert stored(nottuln) == [3, 1234, 1, 1, 1, 1, 1, 1, 1, 1]
    after = text(client.get(response["Location"]).content.decode())
    assert "Fallzahlen von 2 Quartalsmeldungen importiert." in after
    assert "Dülmen 12 40 7 5 9 8 6 4 3 5" in after


def test_an_excel_file_in_windows_1252_with_columns_in_another_order(
    client, district, towns, ki_staff
):
    content = (
        "Quartal;Jahr;Kommune;abgeschlossen;aktiv betreut;neu aufgenommen;"
        "LEISTUNGEN;Gesundheit;Schule/Kita;Wohnen;Arbeit;Sprache;Aufenthalt;\r\n"
        "1;2026;dülmen;7;40;12;5;3;4;6;8;9;5;\r\n"
    )
    client.force_login(ki_staff)
    confirm(client, district, upload(client, district, content, encoding="cp1252"))
    assert stored(towns[0], 2026, 1) == [12, 40, 7, 5, 9, 8, 6, 4, 3, 5]


def test_a_stored_quarter_is_replaced_and_the_preview_says_so(client, district, towns, ki_staff):
    duelmen, nottuln = towns
    client.force_login(ki_staff)
    confirm(
        client,
        district,
        upload(
            client,
            district,
            HEADER
            + "Dülmen;2025;4;12;40;7;5;9;8;6;4;3;5\r\nNottuln;2025;4;3;9;1;1;1;1;1;1;1;1\r\n",
        ),
    )
    history = CaseFigures.history.count()

    response = upload(
        client,
        district,
        HEADER
        + "Dülmen;2025;4;13;41;7;5;9;8;6;4;3;6\r\n"  # corrected
        + "Nottuln;2025;4;3;9;1;1;1;1;1;1;1;1\r\n"  # the same again
        + "Nottuln;2026;1;2;8;2;1;1;1;1;1;1;1\r\n",  # new
    )
    html = text(response.content.decode())
    assert "1 Zeile ersetzt schon gespeicherte Fallzahlen." in html
    assert "1 neu" in html and "1 unverändert (gleiche Zahlen wie gespeichert)" in html
    assert "Dülmen 4. Quartal 2025 13 41 7 5 9 8 6 4 3 6 ersetzt bisher 12 / 40 / 7 / 5" in html
    assert "Nottuln 4. Quartal 2025 3 9 1 1 1 1 1 1 1 1 unverändert" in html

    response = confirm(client, district, response)
    assert stored(duelmen) == [13, 41, 7, 5, 9, 8, 6, 4, 3, 6]
    assert CaseFigures.objects.count() == 3 and TopicCount.objects.count() == 21
    # One history entry for the corrected quarter, one for the new: the same one writes nothing.
    assert CaseFigures.history.count() == history + 2
    message = text(client.get(response["Location"]).content.decode())
    assert (
        "Fallzahlen von 3 Quartalsmeldungen importiert, davon 1 ersetzt, 1 unverändert." in message
    )


def test_a_bad_file_names_each_wrong_cell_and_saves_nothing(client, district, towns, ki_staff):
    content = HEADER + (
        "Dülmen;2025;4;12;40;7;5;9;8;6;4;3;5\r\n"  # line 2: fine
        "Dülmen;2025;4;1;1;1;1;1;1;1;1;1;1\r\n"  # 3: the same quarter again
        "Nottuln;2025;5;12;40;7;5;9;8;6;4;3;5\r\n"  # 4: quarter 5
        "Nottuln;2019;4;12;40;7;5;9;8;6;4;3;5\r\n"  # 5: before KIM
        "Xdorf;2025;3;12;40;7;5;9;8;6;4;3;5\r\n"  # 6: not in this Kreis
        "Nottuln;2025;3;zwölf;-1;1,5;;9;8;6;4;3;5\r\n"  # 7: text, negative, half, empty
        "Nottuln;2025;2;12;40;7;5;9;8;6;4;3;9999999\r\n"  # 8: too large
        "Nottuln;2025;1;;;;;;;;;;\r\n"  # 9: nothing reported
        "Nottuln;2025;1;1;2\r\n"  # 10: cut short
    )
    client.force_login(ki_staff)
    response = upload(client, district, content)
    assert response.context["errors"] == [
        "Zeile 3: Dülmen, 4. Quartal 2025 steht schon in Zeile 2.",
        "Zeile 4, Spalte „Quartal“: „5“ – Das Quartal ist 1, 2, 3 oder 4.",
        f"Zeile 5, Spalte „Jahr“: „2019“ – Bitte ein Jahr von 2020 bis {THIS_YEAR} eintragen.",
        "Zeile 6, Spalte „Kommune“: „Xdorf“ gibt es in diesem Kreis nicht (Name oder AGS).",
        "Zeile 7, Spalte „neu aufgenommen“: „zwölf“ – Bitte eine ganze Zahl eintragen.",
        "Zeile 7, Spalte „aktiv betreut“: „-1“ – Bitte keine negative Zahl eintragen.",
        "Zeile 7, Spalte „abgeschlossen“: „1,5“ – Bitte eine ganze Zahl eintragen.",
        "Zeile 7, Spalte „Aufenthalt“: Zahl fehlt.",
        "Zeile 8, Spalte „Leistungen“: „9999999“ – Diese Zahl ist zu groß.",
        "Zeile 9: keine Zahlen. Hat die Kommune für das Quartal nichts gemeldet, bitte die "
        "Zeile löschen.",
        "Zeile 10: Spalte „abgeschlossen“, „Aufenthalt“, „Sprache“, „Arbeit“, „Wohnen“, "
        "„Schule/Kita“, „Gesundheit“, „Leistungen“ fehlt (zu wenige Semikolons).",
    ]
    html = response.content.decode()
    assert "nichts wurde gespeichert" in html and "Jetzt importieren" not in html
    assert "Zeile 4, Spalte „Quartal“: „5“ – Das Quartal ist 1, 2, 3 oder 4." in text(html)
    assert not CaseFigures.objects.exists() and not TopicCount.objects.exists()


def test_a_header_without_a_topic_or_with_an_unknown_column_is_refused(
    client, district, towns, ki_staff
):
    client.force_login(ki_staff)
    response = upload(
        client,
        district,
        "Kommune;Jahr;Quartal;neu aufgenommen;aktiv betreut;abgeschlossen;Aufenthalt;Sprache;"
        "Arbeit;Wohnen;Schule/Kita;Gesundheit;Familie\r\nDülmen;2025;4;1;2;3;1;1;1;1;1;1;1\r\n",
    )
    errors = response.context["errors"]
    assert errors[0].startswith(
        "Zeile 1: Spalte „Familie“ ist weder eine Spalte der Fallzahlen noch ein Thema dieses "
        "Kreises (Themen: Aufenthalt, Sprache,"
    )
    assert errors[1].startswith("Zeile 1: Spalte „Leistungen“ fehlt. Erwartet wird die Kopfzeile")
    assert not CaseFigures.objects.exists()


def test_a_topic_added_since_the_preview_refuses_the_import(client, district, towns, ki_staff):
    """Step 2 checks the file again: the District's topics are as they are then."""
    client.force_login(ki_staff)
    response = upload(client, district, HEADER + "Dülmen;2025;4;12;40;7;5;9;8;6;4;3;5\r\n")
    CaseTopic.objects.create(district=district, name="Familie", order=8)
    response = confirm(client, district, response)
    assert "Zeile 1: Spalte „Familie“ fehlt." in text(response.content.decode())
    assert not CaseFigures.objects.exists()


def test_a_tampered_or_foreign_preview_is_refused(
    client, district, other_district, towns, ki_staff
):
    client.force_login(ki_staff)
    response = client.post(page(district), {"payload": "Dülmen;2025;4;…"})
    assert "Die Vorschau ist ungültig." in response.content.decode()
    payload = (
        upload(client, district, HEADER + "Dülmen;2025;4;12;40;7;5;9;8;6;4;3;5\r\n")
        .context["confirm_form"]["payload"]
        .value()
    )
    colleague = factories.MembershipFactory(district=district).user
    client.force_login(colleague)  # another person of the same KI: her own upload only
    response = client.post(page(district), {"payload": payload})
    assert "Die Vorschau ist ungültig." in response.content.decode()
    stranger = factories.MembershipFactory(district=other_district).user
    client.force_login(stranger)
    response = client.post(page(other_district), {"payload": payload})
    assert "Die Vorschau ist ungültig." in response.content.decode()
    assert not CaseFigures.objects.exists()


def test_the_template_has_the_districts_columns_and_a_line_per_municipality(
    client, district, towns, ki_staff
):
    CaseTopic.objects.filter(district=district, name="Leistungen").update(name="Sozialleistungen")
    client.force_login(ki_staff)
    response = client.get(reverse("kim:case_import_template", args=[district.slug]))
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="fallzahlen-vorlage.csv"' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for Excel
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == HEADER.strip().replace("Leistungen", "Sozialleistungen")
    assert [line.split(";")[0] for line in lines[1:]] == ["Dülmen", "Nottuln"]
    # Filled in, it imports.
    assert all(line.endswith(";" * 10) for line in lines[1:])  # the numbers to fill in
    numbers = ";".join(str(n) for n in range(1, 11))
    filled = [lines[0]] + [line.removesuffix(";" * 10) + ";" + numbers for line in lines[1:]]
    response = confirm(client, district, upload(client, district, "\r\n".join(filled)))
    assert response.status_code == 302
    assert CaseFigures.objects.count() == 2


def test_the_figures_page_links_import_and_topics_for_the_ki_only(
    client, district, towns, ki_staff, council_member
):
    figures = reverse("kim:case_figures", args=[district.slug])
    client.force_login(ki_staff)
    html = client.get(figures).content.decode()
    assert page(district) in html and reverse("kim:case_topics", args=[district.slug]) in html
    client.force_login(council_member)
    html = client.get(figures).content.decode()
    assert page(district) not in html
    assert client.get(page(district)).status_code == 403


def test_the_import_takes_the_same_queries_for_more_rows(client, district, towns, ki_staff):
    client.force_login(ki_staff)

    def queries(lines: int) -> tuple[int, int]:
        for i in range(len(towns), lines):
            towns.append(factories.MunicipalityFactory(district=district, name=f"Ort {i}"))
        content = HEADER + "".join(
            f"{town.name};2025;{quarter};1;2;3;1;1;1;1;1;1;1\r\n"
            for town in towns[:lines]
            for quarter in (1, 2, 3, 4)
        )
        with CaptureQueriesContext(connection) as upload_queries:
            assert "Jetzt importieren" in upload(client, district, content).content.decode()
        counted = len(upload_queries)  # now: the next request empties the log
        client.get(page(district))
        with CaptureQueriesContext(connection) as page_queries:
            client.get(page(district))
        return counted, len(page_queries)

    assert queries(2) == queries(20)


def test_the_grid_reads_a_figure_as_the_import_does(client, district, towns, ki_staff):
    """One rule for a figure (kim.forms.CountField): "1.234" is 1234 in the grid too, not 1."""
    client.force_login(ki_staff)
    client.get(grid(district, 2025, 4))
    client.post(grid(district, 2025, 4), row(towns[0], 12, "1.234", 7, [5, 9, 8, 6, 4, 3, 5]))
    assert stored(towns[0]) == [12, 1234, 7, 5, 9, 8, 6, 4, 3, 5]


def test_a_file_that_is_no_csv_is_refused_without_a_crash(client, district, towns, ki_staff):
    client.force_login(ki_staff)
    unclosed = HEADER + 'Dülmen;2025;4;"12;40;7\r\n' + "x" * 140_000 + "\r\n"
    response = upload(client, district, unclosed)
    assert response.context["errors"] == [
        "Zeile 2: Die Datei lässt sich ab hier nicht als CSV lesen; steht dort ein "
        "Anführungszeichen ohne Gegenstück?"
    ]
    response = upload(client, district, ";;\r\n")
    assert response.context["errors"] == [
        "Die Datei ist leer. Zeile 1 muss die Spaltenüberschriften enthalten."
    ]
    assert not CaseFigures.objects.exists()
