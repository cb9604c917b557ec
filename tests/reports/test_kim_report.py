"""Issue 19: the annual KIM Sachbericht – posts per Baustein, decisions on posts, case figures
per quarter, municipality and topic, Strukturbedarfe and the Lenkungsgruppe's decisions – as
page, tagged PDF and XLSX, and the Mitteilungsvorlage prefilled from it. Small counts read
"< 5" in every one of them, whoever downloads them."""

import datetime
import html
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from actors.models import Committee
from kim.models import CaseFigures, CaseTopic, Finding, Post, PostChange
from papers.models import DecisionPaper
from reports.kim import suppressed_table
from tests import factories

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def kim_year(district):
    """Three municipalities with figures for Q1 and Q2, one count of 3 (hidden) among them; a
    finding decided at a Lenkungsgruppe meeting this year."""
    towns = [
        factories.MunicipalityFactory(district=district, name=name)
        for name in ("Dülmen", "Olfen", "Senden")
    ]
    Post.objects.create(
        district=district,
        kind="koordination",
        fte=Decimal("3.5"),
        state="besetzt",
        employer="kreis",
    )
    Post.objects.create(
        district=district,
        kind="case_management",
        fte=12,
        state="besetzt",
        employer="kommune",
        municipality=towns[0],
    )
    PostChange.objects.create(
        district=district,
        kind="case_management",
        fte_before=6,
        fte_after=12,
        effective_on=datetime.date(YEAR, 1, 1),
        decision="Kreistag, SV-10-0391",
    )
    topics = CaseTopic.for_district(district)
    values = {  # (opened, active, closed) per town and quarter
        (towns[0], 1): (12, 40, 7),
        (towns[1], 1): (3, 17, 6),
        (towns[2], 1): (9, 25, 8),
        (towns[0], 2): (15, 44, 11),
        (towns[1], 2): (6, 20, 0),
        (towns[2], 2): (10, 29, 6),
    }
    for (town, quarter), (opened, active, closed) in values.items():
        figures = CaseFigures.objects.create(
            district=district,
            municipality=town,
            year=YEAR,
            quarter=quarter,
            opened=opened,
            active=active,
            closed=closed,
        )
        figures.topics.create(topic=topics[0], count=opened)
    steering = Committee.objects.create(
        district=district, name="KIM-Lenkungsgruppe", kind="lenkungsgruppe"
    )
    group = Committee.objects.create(
        district=district, name="Projektgruppe Arbeit", kind="projektgruppe"
    )
    start = timezone.make_aware(datetime.datetime(YEAR, 1, 20, 15))
    meeting = factories.MeetingFactory(committee=steering, start=start)
    Finding.objects.create(
        district=district,
        title="Beschäftigungserlaubnis kommt zu spät",
        description="Arbeitgeber ziehen Angebote zurück.",
        rechtskreise=["auslaenderbehoerde", "agentur"],
        reported_by="Case Management Dülmen",
        reported_on=datetime.date(YEAR, 1, 5),
        state="beschlossen",
        project_group=group,
        proposal="Vorabzustimmung binnen einer Woche.",
        meeting=meeting,
        decision="Verfahren ab dem 2. Quartal beschlossen.",
    )
    return towns


def pdf_text(content: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(content))
    return squash(" ".join(page.extract_text() for page in reader.pages)), reader


def test_secondary_suppression_hides_a_partner_when_a_total_would_tell():
    table = suppressed_table(
        "t", ["Q1", "Q2"], [("A", [12, 3]), ("B", [3, 20]), ("C", [9, 6]), ("D", [4, None])]
    )
    cells = dict(table.rows)
    # Q1: two counts hidden already (3 and 4); the total may stand.
    assert [cells[n][0] for n in "ABCD"] == ["12", "< 5", "9", "< 5"]
    assert table.total[0] == "28"
    # Q2: one hidden count (3) and a total: the next smallest (6) is hidden too, as "x".
    assert [cells[n][1] for n in "ABCD"] == ["< 5", "20", "x", "–"]
    assert table.total[1] == "29"
    # A total of 1–4 is itself hidden.
    small = suppressed_table("t", ["Q"], [("A", [2]), ("B", [0])])
    assert small.total == ["< 5"] and dict(small.rows)["B"] == ["0"]


def test_the_pdf_shows_posts_figures_and_decisions_with_small_counts_hidden(
    client, district, kim_year, ki_lead
):
    client.force_login(ki_lead)  # the KI too: the Sachbericht leaves the KI
    response = client.get(reverse("reports:kim_report_pdf", args=[district.slug, YEAR]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text, reader = pdf_text(response.content)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de" and "/StructTreeRoot" in catalog
    assert f"Sachbericht Kommunales Integrationsmanagement {YEAR}" in text
    assert "Baustein 1: Strategisches Management (Koordination) 3,5" in text
    assert "Baustein 2: Case Management 12,0" in text
    assert "12,0 statt 6,0 VZÄ" in text and "SV-10-0391" in text
    assert "Dülmen" in text and "Olfen" in text and "Senden" in text
    # Olfen's 3 cases opened in Q1 read "< 5", and so does the next smallest of the column.
    assert "< 5" in text
    assert "Olfen < 5" in text and "Senden x" in text  # Senden's 9: the partner
    assert "Kreis insgesamt 24" in text  # opened in Q1: 12 + 3 + 9
    assert "Beschäftigungserlaubnis kommt zu spät" in text
    assert "Verfahren ab dem 2. Quartal beschlossen." in text
    assert f"KIM-Lenkungsgruppe am 20.01.{YEAR}" in text


def test_the_xlsx_has_four_sheets_and_no_small_count(client, district, kim_year, council_member):
    client.force_login(council_member)
    response = client.get(reverse("reports:kim_report_xlsx", args=[district.slug, YEAR]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Stellen", "Stellenbeschlüsse", "Fallzahlen", "Strukturbedarfe"]
    rows = list(book["Fallzahlen"].iter_rows(min_row=2, values_only=True))
    olfen_q1_opened = next(
        r for r in rows if r[0].startswith("Neu") and r[1] == "Olfen" and r[2] == "1. Quartal"
    )
    assert olfen_q1_opened[3] == "< 5"
    assert all(not (isinstance(r[3], int) and 0 < r[3] < 5) for r in rows)
    dulmen = next(r for r in rows if r[0].startswith("Neu") and r[1] == "Dülmen")
    assert dulmen[3] == 12
    findings = list(book["Strukturbedarfe"].iter_rows(min_row=2, values_only=True))
    assert findings[0][0] == "Beschäftigungserlaubnis kommt zu spät"


def test_the_page_reads_the_same_for_every_reader_and_refuses_other_years(
    client, district, kim_year, liaison
):
    client.force_login(liaison)
    response = client.get(reverse("reports:kim_report", args=[district.slug]))
    page = squash(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))
    assert "Olfen < 5" in page and "Dülmen 12" in page and "Senden x" in page
    for year in (2019, YEAR + 1):
        url = reverse("reports:kim_report_pdf", args=[district.slug, year])
        assert client.get(url).status_code == 404
    # ?jahr= with garbage falls back to this year.
    response = client.get(reverse("reports:kim_report", args=[district.slug]) + "?jahr=20x6")
    assert response.status_code == 200 and response.context["year"] == YEAR


def test_the_mitteilungsvorlage_is_prefilled_with_the_sachbericht_as_anlage(
    client, district, kim_year, ki_staff
):
    client.force_login(ki_staff)
    response = client.post(reverse("reports:kim_report_paper", args=[district.slug, YEAR]))
    assert response.status_code == 302
    paper = DecisionPaper.objects.get()
    assert paper.get_paper_type_display() == "Mitteilungsvorlage"
    assert paper.subject == f"Sachbericht Kommunales Integrationsmanagement {YEAR}"
    body = paper.facts + paper.solution
    assert "Baustein 2: Case Management: 12,0 VZÄ" in body
    assert "Beschäftigungserlaubnis kommt zu spät" in body
    attachment = paper.attachments.get()
    text, _reader = pdf_text(attachment.file.read())
    assert f"Sachbericht Kommunales Integrationsmanagement {YEAR}" in text
    assert "Olfen < 5" in text


def test_the_page_takes_the_same_queries_for_more_data(client, district, kim_year, ki_staff):
    client.force_login(ki_staff)
    url = reverse("reports:kim_report", args=[district.slug])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    topics = CaseTopic.for_district(district)
    for n in range(6):
        town = factories.MunicipalityFactory(district=district, name=f"Ort {n}")
        figures = CaseFigures.objects.create(
            district=district, municipality=town, year=YEAR, quarter=1, opened=7, active=9, closed=5
        )
        figures.topics.create(topic=topics[1], count=6)
        Post.objects.create(
            district=district,
            kind="case_management",
            fte=1,
            state="unbesetzt",
            employer="kommune",
            municipality=town,
        )
    assert count() == before


def test_only_decisions_of_the_year_are_named_and_the_pages_hide_the_same_cells(
    client, district, kim_year, council_member
):
    """The Sachbericht leaves the KI: it names what the Lenkungsgruppe decided in the year
    and counts the rest; the Fallzahlen page hides the same partner cell as its tables, so
    that no count can be worked out by putting the two side by side."""
    base = {
        "district": district,
        "description": "…",
        "rechtskreise": ["jobcenter"],
        "reported_by": "CM",
        "reported_on": datetime.date(YEAR, 2, 1),
    }
    Finding.objects.create(title="Noch offen", **base)
    client.force_login(council_member)
    page = squash(
        html.unescape(
            re.sub(
                r"<[^>]+>",
                " ",
                client.get(reverse("reports:kim_report", args=[district.slug])).content.decode(),
            )
        )
    )
    assert "Noch offen" not in page
    assert "Im Jahr gemeldet: 2; davon am Jahresende noch in Arbeit: 1" in page
    figures = squash(
        html.unescape(
            re.sub(
                r"<[^>]+>",
                " ",
                client.get(
                    reverse("kim:case_figures", args=[district.slug]) + f"?jahr={YEAR}"
                ).content.decode(),
            )
        )
    )
    # Q1 opened: Olfen 3 (< 5) and its partner Senden 9 (x), on the page as in the report.
    assert "Olfen < 5" in figures and "Senden x" in figures


def test_a_years_sum_hidden_for_its_quarter_reads_x_not_less_than_five():
    """A year's sum of 12 hidden because one of its quarters is 3 is not "< 5"."""
    table = suppressed_table(
        "t", ["Sprache"], [("A", [12]), ("B", [20]), ("C", [30])], [[True], [False], [False]]
    )
    cells = dict(table.rows)
    assert cells["A"] == ["x"]
    # The only hidden cell of its column: its partner is hidden too, the total stands.
    assert cells["B"] == ["x"] and cells["C"] == ["30"] and table.total == ["62"]
