"""The Sachstandsbericht as a real PDF: text, structure and tagging (PDF/UA, BITV NRW)."""

import io

import pytest
from pypdf import PdfReader

from documents.pdf import html_to_pdf
from reports.progress import report_html


@pytest.fixture
def pdf(data):
    return PdfReader(io.BytesIO(html_to_pdf(report_html(data.report))))


def text_of(reader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.django_db
def test_pdf_has_title_sections_measures_and_german_values(pdf):
    text = text_of(pdf)
    first = pdf.pages[0].extract_text()
    assert "Sachstandsbericht" in first and "Sachstand 2025" in first
    assert "Berichtszeitraum 01.01.2025–31.12.2025" in first
    assert "Kreis Beispiel" in first
    for heading in ("Inhalt", "Einleitung", "Überblick", "Anmerkungen und Ausblick"):
        assert heading in text
    assert "Integration durch Bildung" in text
    assert "Rucksack KiTa" in text and "Laiensprachmittlerpool" in text
    assert "1.234,5" in text and "23,4 %" in text and "75 %" in text
    assert "Alte Maßnahme" not in text


@pytest.mark.django_db
def test_table_of_contents_has_page_numbers(pdf):
    toc = pdf.pages[1].extract_text()
    assert "Inhalt" in toc
    # "Rucksack KiTa ....... 5": each entry ends with the page its section starts on.
    line = next(line for line in toc.splitlines() if "Rucksack KiTa" in line)
    page = int(line.rstrip().split()[-1])
    assert "Rucksack KiTa" in pdf.pages[page - 1].extract_text()


@pytest.mark.django_db
def test_pdf_is_tagged_and_german(pdf):
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "de"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "Sachstandsbericht Sachstand 2025" in pdf.metadata.title
