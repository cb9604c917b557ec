"""The council paper as PDF (issue 6): content as in the seeds, PDF/UA tagging, fonts, pages,
and a renderer that fetches nothing from outside the project."""

import io
import re
import socket

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from districts.models import District
from documents import pdf as pdf_module
from documents.pdf import BASE_URL, LocalOnlyFetcher, RefusedURL, cached_pdf, html_to_pdf
from papers.models import DecisionPaper
from papers.renderers import paper_html
from papers.services import paper_release
from tests import factories


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[ \t]+", " ", text)


@pytest.fixture
def mettmann(db):
    call_command("load_demo", verbosity=0)
    return District.objects.get(slug="kreis-mettmann")


@pytest.fixture
def mettmann_pdf(mettmann, client):
    """The released 50/020/2015 as a Kreistag member downloads it."""
    paper = DecisionPaper.objects.get(district=mettmann, reference="50/020/2015")
    member = mettmann.memberships.get(role="kreistag", user__username="kreistag.kreis-mettmann")
    client.force_login(member.user)
    response = client.get(reverse("papers:pdf", args=[mettmann.slug, paper.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_mettmann_paper_shows_what_seed_001_shows(mettmann_pdf):
    text = text_of(mettmann_pdf)
    for expected in [
        "Vorlagen-Nr. 50/020/2015",
        "öffentlich",
        "Fachbereich Sozialamt",
        "Bearbeiter/in Cakal-Rasch, Arlin",
        "Datum 02.04.2015",
        "Az. CaRa",
        "Beratungsfolge Termine Art der Entscheidung",
        "Sozialausschuss 11.05.2015 Vorberatung",
        "Kreisausschuss 15.06.2015 Vorberatung",
        "Kreistag 22.06.2015 Beschluss",
        "Finanzielle Auswirkung",
        "Personelle Auswirkung",
        "Organisatorische Auswirkung",
        "noch nicht zu übersehen",
        "Beschlussvorschlag",
        "Das Integrationskonzept für den Kreis Mettmann 2015 wird in der vorgelegten Form",
        "Anlass der Vorlage:",
        "Sachverhaltsdarstellung:",
        "Ausblick:",
        "Freigegeben am 02.04.2015",
    ]:
        assert expected in text, expected
    assert "nichtöffentlich" not in text
    assert "nicht freigegeben" not in text


def test_coesfeld_layout_prints_the_five_parts_of_seed_004(district):
    paper = factories.DecisionPaperFactory(
        district=district,
        layout=District.PaperLayout.PROBLEM,
        problem="Das Konzept ist fortzuschreiben.",
        solution="Die Fortschreibung liegt vor.",
        competence="Der Kreistag entscheidet.",
    )
    text = text_of(html_to_pdf(paper_html(paper)))
    positions = [
        text.index(heading)
        for heading in [
            "Begründung",
            "I. Problem",
            "II. Lösung",
            "III. Alternativen",
            "IV. Auswirkungen / Zusammenhänge",
            "V. Zuständigkeit für die Entscheidung",
        ]
    ]
    assert positions == sorted(positions)
    assert "Anlass der Vorlage" not in text
    assert "Entwurf – nicht freigegeben" in text


def test_pdf_is_tagged_german_titled_with_embedded_fonts_and_page_numbers(mettmann_pdf):
    reader = PdfReader(io.BytesIO(mettmann_pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de"
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"] is True or catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title.startswith("Beschlussvorlage 50/020/2015")
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()

    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert any("Source-Sans-3" in name for name in fonts), fonts
    assert all(fonts.values()), f"not embedded: {[n for n, e in fonts.items() if not e]}"

    count = len(reader.pages)
    assert count >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"Seite {number} von {count}" in page.extract_text()


def test_running_header_names_the_paper_from_page_two(mettmann_pdf):
    reader = PdfReader(io.BytesIO(mettmann_pdf))
    assert "Beschlussvorlage 50/020/2015" in reader.pages[1].extract_text()
    assert "Kreis Mettmann – Kommunales Integrationszentrum" in reader.pages[1].extract_text()


def test_released_pdf_stays_byte_for_byte_when_the_data_changes(mettmann, client, mettmann_pdf):
    paper = DecisionPaper.objects.get(district=mettmann, reference="50/020/2015")
    DecisionPaper.objects.filter(pk=paper.pk).update(
        subject="Geänderter Betreff", department="Jugendamt"
    )
    committee = paper.consultations.first().meeting.committee
    committee.name = "Umbenannter Ausschuss"
    committee.save()
    mettmann.name = "Kreis Mettmann (umbenannt)"
    mettmann.save()
    again = client.get(reverse("papers:pdf", args=[mettmann.slug, paper.pk])).content
    assert again == mettmann_pdf
    anonymous = client.__class__()
    public = anonymous.get(reverse("public:paper_pdf", args=[mettmann.slug, paper.pk])).content
    assert public == mettmann_pdf


def test_logo_is_printed_from_media(district, settings):
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(image, format="PNG")
    district.logo.save("logo.png", io.BytesIO(image.getvalue()))
    paper = factories.DecisionPaperFactory(district=district)
    html = paper_html(paper)
    assert f'src="{district.logo.url}"' in html
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    assert reader.pages[0].images, "the logo is on the first page"


# -- the URL fetcher ------------------------------------------------------------------------


def test_fetcher_reads_static_and_media_files_only(district):
    fetcher = LocalOnlyFetcher()
    assert fetcher.local_path(BASE_URL + "static/css/print.css").endswith("print.css")
    for url in [
        "https://example.org/bild.png",
        "http://127.0.0.1:8000/static/css/print.css",
        "file:///etc/passwd",
        BASE_URL + "static/../../etc/passwd",
        BASE_URL + "media/../kreisintegration/settings/base.py",
        BASE_URL + "admin/",
        "data:text/plain,hallo",
        "//example.org/x.css",
    ]:
        with pytest.raises(RefusedURL):
            fetcher.local_path(url)


def test_a_link_typed_into_a_text_never_makes_the_server_fetch_anything(district, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the PDF renderer opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    paper = factories.DecisionPaperFactory(
        district=district,
        facts=(
            "Siehe [Quelle](https://example.org/quelle) und "
            "![Grafik](https://example.org/grafik.png)"
        ),
    )
    html = paper_html(paper)
    # Even HTML that slipped past the sanitiser is not fetched.
    html = html.replace(
        "</body>",
        '<img src="https://example.org/x.png" alt="x">'
        '<link rel="stylesheet" href="http://127.0.0.1:1/evil.css">'
        '<img src="file:///etc/hostname" alt="y"></body>',
    )
    fetched = []
    original = LocalOnlyFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(LocalOnlyFetcher, "fetch", spy)
    text = text_of(html_to_pdf(html))
    assert "Quelle" in text
    refused = [url for url in fetched if not url.startswith(BASE_URL + "static/")]
    assert set(refused) == {
        "https://example.org/x.png",
        "http://127.0.0.1:1/evil.css",
        "file:///etc/hostname",
    }


def test_draft_pdf_is_cached_by_its_content(district, monkeypatch):
    renders = []
    real = pdf_module.html_to_pdf

    def counting(html):
        renders.append(html)
        return real(html)

    monkeypatch.setattr(pdf_module, "html_to_pdf", counting)
    paper = factories.DecisionPaperFactory(district=district, subject="Erster Betreff")
    first = cached_pdf(paper_html(paper))
    assert cached_pdf(paper_html(paper)) == first
    assert len(renders) == 1
    paper.subject = "Zweiter Betreff"
    paper.save()
    assert cached_pdf(paper_html(paper)) != first
    assert len(renders) == 2


def test_release_stores_the_pdf_with_its_hash(district, ki_lead):
    paper = factories.released_paper(district)
    paper.releases.all().delete()
    paper.released_at = None
    paper.save()
    release = paper_release(district=paper.district, paper=paper, user=ki_lead).release
    assert bytes(release.pdf).startswith(b"%PDF")
    assert release.size == len(bytes(release.pdf))
    assert "Freigegeben am" in text_of(bytes(release.pdf))
