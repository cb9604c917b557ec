"""Issue 20: the Kommunalbericht – what the Kreis's Integrationskonzept does in one
municipality (seeds 000 and 004: "gemeinde- bzw. stadtscharf"), as page, tagged PDF and XLSX.

The liaison of Hilden reads Hilden's report and nothing of Haan; the KI reads every
municipality's; small case counts read "< 5" for every reader and the partner cell the KIM
Sachbericht hides reads "x" here too."""

import datetime
import html
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import User
from accounts.rights import Role
from coordination.models import PriorityRound
from kim.models import CaseFigures, CaseTopic, Post
from tests import factories
from tests.data import grow

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year
FIRST = YEAR - 1


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def page_text(response) -> str:
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


def pdf_text(content: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(content))
    return squash(" ".join(page.extract_text() for page in reader.pages)), reader


def url(name: str, district, municipality, *period) -> str:
    return reverse(f"workspace:{name}", args=[district.slug, municipality.slug, *period])


@pytest.fixture
def towns(district):
    """Hilden (the liaison's own, like the demo's ``kommune.hilden``), Haan and Mettmann."""
    return {
        name: factories.MunicipalityFactory(district=district, name=name)
        for name in ("Hilden", "Haan", "Mettmann")
    }


@pytest.fixture
def hilden_liaison(district, towns):
    membership = factories.MembershipFactory(
        district=district,
        role=Role.LIAISON,
        municipality=towns["Hilden"],
        user__username="kommune.hilden",
    )
    return membership.user


def figures(district, town, quarter, opened, active=20, closed=6, year=YEAR):
    row = CaseFigures.objects.create(
        district=district,
        municipality=town,
        year=year,
        quarter=quarter,
        opened=opened,
        active=active,
        closed=closed,
    )
    row.topics.create(topic=CaseTopic.for_district(district)[0], count=opened)
    return row


@pytest.fixture
def hilden_data(district, towns):
    """A measure for Hilden and Haan with both towns' values, one for Haan alone, a kreisweit
    one Hilden reported a value for; answers of Hilden and Haan in a round; KIM posts and case
    figures (Hilden's 3 opened in Q1 hidden, its 8 in Q2 the partner of Haan's 2)."""
    hilden, haan, mettmann = towns["Hilden"], towns["Haan"], towns["Mettmann"]
    period = factories.WorkPeriodFactory(
        district=district, start=datetime.date(FIRST, 1, 1), end=datetime.date(YEAR, 12, 31)
    )
    priority = factories.WorkPriorityFactory(work_period=period, title="Sprache von Anfang an")
    vhs = factories.ActorFactory(district=district, name="VHS Hilden-Haan")
    lead = factories.ActorFactory(district=district, name="Stadt Hilden, Amt für Soziales")
    cafe = factories.MeasureFactory(
        district=district, title="Sprachcafé für Eltern", lead_actor=lead
    )
    cafe.municipalities.add(hilden, haan)
    cafe.partner_actors.add(vhs)
    cafe.work_priorities.add(priority)
    participants = factories.IndicatorFactory(
        measure=cafe, name="Teilnehmende Eltern", unit="Personen", baseline=10, target=300
    )
    for day, town, value in [
        (datetime.date(FIRST, 6, 30), hilden, "17"),
        (datetime.date(YEAR, 6, 30), hilden, "23"),
        (datetime.date(YEAR, 6, 30), haan, "654"),
        (datetime.date(YEAR, 6, 30), None, "120"),
    ]:
        factories.MeasurementFactory(
            indicator=participants, date=day, municipality=town, value=Decimal(value)
        )
    haan_only = factories.MeasureFactory(district=district, title="Lernpaten nur in Haan")
    haan_only.municipalities.add(haan)
    factories.MeasurementFactory(
        indicator__measure=haan_only, date=datetime.date(YEAR, 3, 31), municipality=haan
    )
    districtwide = factories.MeasureFactory(district=district, title="Kreisweite Elternbriefe")
    factories.MeasurementFactory(
        indicator__measure=districtwide,
        indicator__name="Versandte Briefe",
        date=datetime.date(YEAR, 3, 31),
        municipality=hilden,
        value=Decimal("777"),
    )
    factories.MeasureFactory(district=district, title="Kreisweite Fortbildung")  # no indicator

    round = factories.PriorityRoundFactory(
        district=district,
        work_period=period,
        title="Abstimmung der Arbeitsschwerpunkte",
        status=PriorityRound.Status.CLOSED,
        opens_on=datetime.date(FIRST, 9, 1),
        closes_on=datetime.date(FIRST, 10, 31),
    )
    language = factories.RoundOptionFactory(round=round, title="Sprachförderung in der Kita")
    school = factories.RoundOptionFactory(round=round, title="Übergang Schule – Beruf")
    ours = factories.SubmissionFactory(
        round=round,
        municipality=hilden,
        committee_name="Ausschuss für Integration der Stadt Hilden",
        committee_date=datetime.date(FIRST, 10, 1),
        comment="Kitas zuerst.",
    )
    ours.choices.create(option=language, rank=1, comment="Wartelisten abbauen")
    ours.choices.create(option=school, rank=2)
    theirs = factories.SubmissionFactory(round=round, municipality=haan, comment="Haans Wunsch")
    theirs.choices.create(option=school, rank=1)

    Post.objects.create(
        district=district,
        kind="case_management",
        fte=Decimal("2"),
        state="besetzt",
        employer="wohlfahrt",
        employer_name="Caritasverband",
        municipality=hilden,
    )
    Post.objects.create(
        district=district,
        kind="case_management",
        fte=5,
        state="besetzt",
        employer="kommune",
        municipality=haan,
    )
    figures(district, hilden, 1, opened=3, active=40, closed=7)
    figures(district, haan, 1, opened=12, active=30, closed=9)
    figures(district, mettmann, 1, opened=9, active=25, closed=8)
    figures(district, hilden, 2, opened=8, active=41, closed=10)
    figures(district, haan, 2, opened=2, active=33, closed=11)
    figures(district, mettmann, 2, opened=15, active=28, closed=12)
    return towns


def test_the_liaison_downloads_hildens_pdf_with_hildens_values_only(
    client, district, hilden_data, hilden_liaison
):
    client.force_login(hilden_liaison)
    response = client.get(url("municipal_report_pdf", district, hilden_data["Hilden"], FIRST, YEAR))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"Kommunalbericht-hilden-{FIRST}-{YEAR}.pdf" in response["Content-Disposition"]
    text, reader = pdf_text(response.content)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de" and "/StructTreeRoot" in catalog  # tagged, German
    assert f"Berichtszeitraum 01.01.{FIRST} bis 31.12.{YEAR}" in text
    # Measures: the own one with partner, lead and Arbeitsschwerpunkt, the kreisweit ones.
    assert "Sprachcafé für Eltern" in text and "VHS Hilden-Haan" in text
    assert "Stadt Hilden, Amt für Soziales" in text
    assert f"{FIRST}/{YEAR % 100:02d}: Sprache von Anfang an" in text
    assert "Kreisweite Elternbriefe" in text and "Kreisweite Fortbildung" in text
    assert "Lernpaten nur in Haan" not in text
    # Kennzahlen: Hilden's latest value next to the kreisweit one; never Haan's.
    assert "Teilnehmende Eltern (Personen)" in text
    assert re.search(
        r"Teilnehmende Eltern \(Personen\) höher ist besser 23 30\.06\.\d{4} 120", text
    )
    assert "654" not in text
    assert "777" in text  # Hilden's value of a kreisweit measure
    assert "Verlauf der Kennzahl „Teilnehmende Eltern“ (Hilden)" in text  # its own chart
    # The round: Hilden's answer, not Haan's.
    assert "Ausschuss für Integration der Stadt Hilden" in text
    assert "Sprachförderung in der Kita" in text and "Wartelisten abbauen" in text
    assert "Haans Wunsch" not in text
    # KIM: Hilden's post, its case figures with 3 hidden.
    assert "Caritasverband" in text and "Case Management" in text
    assert f"1. Quartal {YEAR} < 5 40 7" in text


def test_the_xlsx_has_hildens_cells_and_no_small_count(
    client, district, hilden_data, hilden_liaison
):
    client.force_login(hilden_liaison)
    response = client.get(
        url("municipal_report_xlsx", district, hilden_data["Hilden"], FIRST, YEAR)
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Maßnahmen",
        "Kennzahlen",
        "Abstimmungsrunden",
        "KIM-Stellen",
        "Fallzahlen",
    ]
    header, *rows = book["Kennzahlen"].iter_rows(values_only=True)
    assert header[3] == "Wert Hilden" and header[5] == "Wert kreisweit"
    cafe = next(r for r in rows if r[1] == "Teilnehmende Eltern")
    assert cafe[3] == 23 and cafe[5] == 120 and cafe[8] == 300
    every_cell = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert 654 not in every_cell and "Lernpaten nur in Haan" not in every_cell
    measures = {r[0]: r for r in book["Maßnahmen"].iter_rows(min_row=2, values_only=True)}
    assert measures["Sprachcafé für Eltern"][1] == "Hilden"
    assert measures["Kreisweite Elternbriefe"][1] == "kreisweit"
    answers = list(book["Abstimmungsrunden"].iter_rows(min_row=2, values_only=True))
    assert [a[2] for a in answers] == [
        "Sprachförderung in der Kita",
        "Übergang Schule – Beruf",
        "Anmerkung zur Antwort",
    ]
    assert answers[-1][5] == "Kitas zuerst."  # the answer's own remark, as on the page
    assert "Haans Wunsch" not in {cell for row in answers for cell in row}
    quarters = list(book["Fallzahlen"].iter_rows(min_row=2, values_only=True))
    assert quarters[0][:4] == (f"1. Quartal {YEAR}", "< 5", 40, 7)
    assert all(not (isinstance(c, int) and 0 < c < 5) for q in quarters for c in q)


def test_hildens_hidden_cells_are_the_ones_the_sachbericht_hides(
    client, district, hilden_data, hilden_liaison, ki_lead
):
    """Q2: Haan's 2 is hidden, so the Sachbericht hides the column's next smallest, Hilden's
    8, as "x"; the Kommunalbericht must too, or the two side by side would tell Haan's 2."""
    client.force_login(ki_lead)
    sachbericht = page_text(client.get(reverse("reports:kim_report", args=[district.slug])))
    assert "Hilden < 5 x" in sachbericht  # opened Q1 < 5, Q2 x
    client.force_login(hilden_liaison)
    page = page_text(client.get(url("municipal_report", district, hilden_data["Hilden"])))
    assert f"2. Quartal {YEAR} x 41 10" in page


def test_another_municipalitys_report_is_404_for_the_liaison(
    client, district, hilden_data, hilden_liaison
):
    client.force_login(hilden_liaison)
    haan = hilden_data["Haan"]
    assert client.get(url("municipal_report", district, haan)).status_code == 404
    assert client.get(url("municipal_report_pdf", district, haan, FIRST, YEAR)).status_code == 404
    assert client.get(url("municipal_report_xlsx", district, haan, FIRST, YEAR)).status_code == 404
    missing = reverse("workspace:municipal_report", args=[district.slug, "gibt-es-nicht"])
    assert client.get(missing).status_code == 404


def test_the_ki_reads_every_municipalitys_report_with_its_answers(
    client, district, hilden_data, ki_staff
):
    client.force_login(ki_staff)
    page = page_text(client.get(url("municipal_report", district, hilden_data["Haan"])))
    assert "Kommunalbericht Haan" in page
    assert "Lernpaten nur in Haan" in page and "Haans Wunsch" in page
    assert "Ausschuss für Integration der Stadt Hilden" not in page


@pytest.mark.parametrize("reader", ["council_member", "land_user"])
def test_kreistag_and_land_read_the_report_but_not_the_answers(
    client, district, hilden_data, reader, request
):
    client.force_login(request.getfixturevalue(reader))
    response = client.get(url("municipal_report", district, hilden_data["Hilden"]))
    assert response.status_code == 200
    page = page_text(response)
    assert "Sprachcafé für Eltern" in page and "< 5" in page
    assert "Ausschuss für Integration der Stadt Hilden" not in page
    assert "Die Antworten einer Kommune sehen nur die Kommune selbst und das KI" in page
    response = client.get(
        url("municipal_report_xlsx", district, hilden_data["Hilden"], FIRST, YEAR)
    )
    assert "Abstimmungsrunden" not in load_workbook(io.BytesIO(response.content)).sheetnames


@pytest.mark.parametrize("visitor", ["outsider", "other_member"])
def test_strangers_get_404(client, district, hilden_data, visitor, request):
    client.force_login(request.getfixturevalue(visitor))
    assert client.get(url("municipal_report", district, hilden_data["Hilden"])).status_code == 404


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("?von=20x6&bis=<script>", "kein Zeitraum, für den es einen Bericht gibt"),
        ("?von=1999&bis=2099", "kein Zeitraum, für den es einen Bericht gibt"),
        ("?von=" + "9" * 30, "kein Zeitraum, für den es einen Bericht gibt"),
        (f"?von={YEAR}&bis={FIRST}", "Die Jahre waren vertauscht"),
    ],
)
def test_garbage_periods_fall_back_with_a_german_note(
    client, district, hilden_data, hilden_liaison, query, note
):
    client.force_login(hilden_liaison)
    response = client.get(url("municipal_report", district, hilden_data["Hilden"]) + query)
    assert response.status_code == 200
    assert note in page_text(response)
    period = response.context["period"]
    assert (period.first, period.last) == (FIRST, YEAR)


def test_a_single_year_and_download_paths_outside_the_years_are_404(
    client, district, hilden_data, hilden_liaison
):
    client.force_login(hilden_liaison)
    hilden = hilden_data["Hilden"]
    response = client.get(url("municipal_report", district, hilden) + f"?von={FIRST}&bis={FIRST}")
    page = page_text(response)
    assert f"Kommunalbericht Hilden {FIRST}" in page
    # The value of that year, not the later one; no kreisweit value yet in it.
    assert f"Teilnehmende Eltern (Personen) höher ist besser 17 30.06.{FIRST} kein Wert" in page
    for first, last in [(1999, YEAR), (YEAR, FIRST), (FIRST, YEAR + 1)]:
        assert (
            client.get(url("municipal_report_pdf", district, hilden, first, last)).status_code
            == 404
        )


def test_the_page_takes_the_same_queries_for_more_data(
    client, district, hilden_data, hilden_liaison
):
    client.force_login(hilden_liaison)
    page = url("municipal_report", district, hilden_data["Hilden"])

    def count() -> int:
        client.get(page)  # warm-up: session, caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page).status_code == 200
        return len(queries)

    before = count()
    grow(district, measures=60, measurements=10)
    hilden = hilden_data["Hilden"]
    for n in range(5):
        measure = factories.MeasureFactory(district=district, title=f"Mehr für Hilden {n}")
        measure.municipalities.add(hilden)
        measure.partner_actors.add(factories.ActorFactory(district=district))
        for day in range(3):
            factories.MeasurementFactory(
                indicator__measure=measure,
                date=datetime.date(YEAR, 1, 1 + day),
                municipality=hilden,
            )
        town = factories.MunicipalityFactory(district=district, name=f"Ort {n}")
        figures(district, town, 1, opened=7)
        if n < 2:  # Hilden's third and fourth quarter
            figures(district, hilden, 3 + n, opened=6 + n)
        round = factories.PriorityRoundFactory(
            district=district,
            status=PriorityRound.Status.OPEN,
            work_period=district.work_periods.first(),
            opens_on=datetime.date(YEAR, 2, 1 + n),
        )
        factories.SubmissionFactory(round=round, municipality=hilden).choices.create(
            option=factories.RoundOptionFactory(round=round), rank=1
        )
    assert count() == before


def test_the_liaison_home_and_the_municipality_list_link_the_report(
    client, district, hilden_data, hilden_liaison, ki_staff
):
    hilden, haan = hilden_data["Hilden"], hilden_data["Haan"]
    client.force_login(hilden_liaison)
    home = client.get(reverse("workspace:home", args=[district.slug])).content.decode()
    assert url("municipal_report", district, hilden) in home
    listing = client.get(reverse("workspace:municipalities", args=[district.slug])).content.decode()
    assert url("municipal_report", district, hilden) in listing
    assert url("municipal_report", district, haan) not in listing
    client.force_login(ki_staff)
    listing = client.get(reverse("workspace:municipalities", args=[district.slug])).content.decode()
    assert all(url("municipal_report", district, town) in listing for town in hilden_data.values())


def test_the_demos_hilden_liaison_gets_hildens_griffbereit_values(client):
    """Issue 20, "what it must show" 4, on the demo: ``kommune.hilden`` downloads Hilden's
    report – Hilden's Griffbereit families next to the kreisweit ones, not Velbert's – and
    Velbert's report is 404."""
    call_command("load_demo", verbosity=0)
    client.force_login(User.objects.get(username="kommune.hilden"))
    base = "/kreis-mettmann/kommunen/{}/bericht/2025-2026.{}"
    text, _reader = pdf_text(client.get(base.format("hilden", "pdf")).content)
    assert "Kommunalbericht Hilden 2025–2026" in text
    assert re.search(
        r"Teilnehmende Familien je Kita-Jahr \(Familien\) höher ist besser 16 31\.07\.2026 128",
        text,
    )
    book = load_workbook(io.BytesIO(client.get(base.format("hilden", "xlsx")).content))
    rows = list(book["Kennzahlen"].iter_rows(values_only=True))
    families = next(r for r in rows if r[1] == "Teilnehmende Familien je Kita-Jahr")
    assert rows[0][3] == "Wert Hilden" and families[3] == 16 and families[5] == 128
    assert client.get(base.format("velbert", "pdf")).status_code == 404
