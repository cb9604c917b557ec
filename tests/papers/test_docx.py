"""The Word export of a Beschlussvorlage, for council information systems that take DOCX."""

import datetime
import io
import socket

import docx
import pytest
from django.core.management import call_command
from docx.oxml.ns import qn
from PIL import Image

from documents.renderers import renderer_for
from papers.models import Attachment, Consultation, DecisionPaper, PaperRelease
from papers.renderers import PAPER_DOCX
from tests import factories

pytestmark = pytest.mark.django_db


def paper_docx(paper, release=None) -> bytes:
    """The DOCX as the export serves it (papers.renderers.PaperDocxRenderer)."""
    return renderer_for(PAPER_DOCX).content(paper, release=release)


def _open(content: bytes):
    return docx.Document(io.BytesIO(content))


def _texts(document) -> list[str]:
    """The text of every paragraph in the body, tables and hyperlinks included."""
    return [
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in document.element.body.iter(qn("w:p"))
    ]


def _headings(document) -> dict[str, str]:
    """Heading text → style name, for paragraphs in a Word heading style."""
    return {p.text: p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}


def _table(document, first_header: str):
    return next(t for t in document.tables if t.rows[0].cells[0].text == first_header)


def test_mettmann_paper_50_020_2015_as_word_document():
    """Seed 001: the paper as it went to Sozialausschuss, Kreisausschuss and Kreistag."""
    call_command("load_demo", verbosity=0)
    paper = DecisionPaper.objects.get(reference="50/020/2015")

    document = _open(paper_docx(paper))
    texts = _texts(document)
    text = "\n".join(texts)

    assert document.paragraphs[0].text == "Kreis Mettmann\nKommunales Integrationszentrum"
    assert "Entwurf – nicht freigegeben (Revision 1)" in text
    assert "☒ Beschluss" in text and "☐ Wahl" in text and "☐ Kenntnisnahme" in text
    for expected in ("50/020/2015", "öffentlich", "Sozialamt", "Cakal-Rasch", "02.04.2015"):
        assert expected in text
    assert "nichtöffentlich" not in text

    steps = _table(document, "Beratungsfolge")
    assert [[cell.text for cell in row.cells] for row in steps.rows] == [
        ["Beratungsfolge", "Termine", "Art der Entscheidung"],
        ["Sozialausschuss", "11.05.2015", "Vorberatung"],
        ["Kreisausschuss", "15.06.2015", "Vorberatung"],
        ["Kreistag", "22.06.2015", "Beschluss"],
    ]
    # Word repeats the header row on every page the table runs over.
    assert steps.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None

    impacts = _table(document, "Auswirkung")
    assert [row.cells[0].text for row in impacts.rows[1:]] == [
        "Finanzielle Auswirkung",
        "Personelle Auswirkung",
        "Organisatorische Auswirkung",
    ]
    for row in impacts.rows[1:]:
        assert row.cells[1].text == "☐ ja\n☒ nein\n☐ noch nicht zu übersehen"

    assert paper.proposal in texts
    headings = _headings(document)
    assert headings["Beschlussvorlage"] == "Heading 1"
    for heading in ("Betreff", "Beschlussvorschlag", "Anlagen"):
        assert headings[heading] == "Heading 2"
    for heading in ("Anlass der Vorlage:", "Sachverhaltsdarstellung:", "Ausblick:"):
        assert headings[heading] == "Heading 2"
    assert any(t.startswith("Der Kreistag hat in seiner Sitzung am 18.12.2012") for t in texts)
    # The six Handlungsfelder of the Sachverhaltsdarstellung stay a numbered list.
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert numbered[:2] == ["Sprache,", "Bildung und Ausbildung,"]

    core = document.core_properties
    assert core.title == (
        "Beschlussvorlage 50/020/2015: "
        "Kreisintegrationszentrum - Integrationskonzept für den Kreis Mettmann"
    )
    assert core.author == "Kreis Mettmann"
    assert core.language == "de-DE"
    normal_lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal_lang.get(qn("w:val")) == "de-DE"


def test_page_is_a4_with_page_numbers_in_the_footer(district):
    document = _open(paper_docx(factories.DecisionPaperFactory(district=district)))

    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    footer = section.footer._element
    instructions = [i.text.strip() for i in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "".join(t.text for t in footer.iter(qn("w:t"))) == "Seite 1 von 1"


def test_coesfeld_layout_has_begruendung_i_to_v(district):
    """Seed 004: Begründung with I. Problem … V. Zuständigkeit für die Entscheidung."""
    paper = factories.DecisionPaperFactory(
        district=district,
        layout="problem",
        problem="Das Konzept ist älter als fünf Jahre.",
        competence="Der Kreistag ist zuständig.",
    )
    Attachment.objects.create(paper=paper, title="Integrationskonzept 2026", order=1)
    Attachment.objects.create(paper=paper, title="Stellungnahmen der Kommunen", order=2)

    document = _open(paper_docx(paper))
    headings = _headings(document)
    texts = _texts(document)

    assert headings["Begründung"] == "Heading 2"
    expected = [
        "I. Problem",
        "II. Lösung",
        "III. Alternativen",
        "IV. Auswirkungen / Zusammenhänge (Finanzen, Personal, IT, sonstige Ressourcen)",
        "V. Zuständigkeit für die Entscheidung",
    ]
    assert [h for h, style in headings.items() if style == "Heading 3"] == expected
    assert "Das Konzept ist älter als fünf Jahre." in texts
    # II. and III. are empty but keep their heading; IV. shows its four parts (seed 004).
    assert [h for h, style in headings.items() if style == "Heading 4"] == [
        "Finanzen",
        "Personal",
        "IT",
        "sonstige Ressourcen",
    ]
    assert texts.count("keine Angaben") == 2 + 4
    # Seed 004 has an Unterschrift and no ja/nein table of seed 001.
    assert headings["Unterschrift"] == "Heading 2"
    assert not any("Finanzielle Auswirkung" in text for text in texts)
    assert [p.text for p in document.paragraphs if p.style.name == "List Number"] == [
        "Integrationskonzept 2026",
        "Stellungnahmen der Kommunen",
    ]


def test_markdown_lists_and_emphasis_become_word_formatting(district):
    paper = factories.DecisionPaperFactory(
        district=district,
        facts=(
            "Erster Absatz mit **fett** und *kursiv*.\n\nZweiter Absatz.\n\n"
            "- Kita\n- Schule\n\n1. Sprache\n2. Bildung\n\nDritter Absatz.\n\n1. Kultur\n2. Sport"
        ),
    )

    document = _open(paper_docx(paper))
    paragraphs = document.paragraphs
    first = next(p for p in paragraphs if p.text.startswith("Erster Absatz"))

    assert [r.text for r in first.runs if r.bold] == ["fett"]
    assert [r.text for r in first.runs if r.italic] == ["kursiv"]
    assert "Zweiter Absatz." in [p.text for p in paragraphs]
    bullets = [p.text for p in paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Kita", "Schule"]
    numbered = [p for p in paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["Sprache", "Bildung", "Kultur", "Sport"]
    # The second list counts 1., 2. again instead of going on with 3., 4.
    numbering = document.part.numbering_part.element
    lists = set()
    for paragraph in (numbered[0], numbered[2]):
        num_id = paragraph._p.pPr.numPr.numId.val
        override = numbering.num_having_numId(num_id).find(qn("w:lvlOverride"))
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"
        lists.add(num_id)
    assert len(lists) == 2


def test_external_link_and_image_fetch_nothing(district, monkeypatch):
    """A link or image typed into a text must never make the server reach the network."""

    def no_network(*args, **kwargs):
        raise AssertionError("DOCX export tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    paper = factories.DecisionPaperFactory(
        district=district,
        occasion=(
            "Siehe [Landesportal Integration](https://integration.example.org/ki) und "
            "![Karte](https://tracker.example.org/pixel.png) sowie "
            '<img src="http://169.254.169.254/latest/meta-data">.'
        ),
    )

    document = _open(paper_docx(paper))
    text = "\n".join(_texts(document))

    assert "Siehe Landesportal Integration und" in text
    assert len(document.inline_shapes) == 0
    assert not [p for p in document.part.package.iter_parts() if "media" in str(p.partname)]
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert targets == ["https://integration.example.org/ki"]


def test_released_paper_carries_the_sign_off_line(district, ki_lead):
    paper = factories.DecisionPaperFactory(district=district, revision=2)
    factories.ConsultationFactory(paper=paper, role=Consultation.Role.DECISION)
    release = PaperRelease(
        paper=paper,
        revision=2,
        released_at=datetime.datetime(2026, 5, 4, 8, 30, tzinfo=datetime.UTC),
        released_by=ki_lead,
        reference=paper.reference,
        subject=paper.subject,
        is_public=True,
    )

    text = "\n".join(_texts(_open(paper_docx(paper, release=release))))

    name = ki_lead.get_full_name() or ki_lead.username
    assert f"Freigegeben am 04.05.2026 um 10:30 Uhr von {name} · Revision 2" in text
    assert "Entwurf" not in text


def test_logo_and_uploaded_picture_are_embedded_with_their_description(
    district, settings, tmp_path
):
    """The District's own uploads are read from disk, as the PDF does, with alternative text."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    Image.new("RGB", (400, 200), "navy").save(tmp_path / "logos" / "wappen.png")
    (tmp_path / "bilder" / district.slug).mkdir(parents=True)
    Image.new("RGB", (3000, 1000), "green").save(tmp_path / "bilder" / district.slug / "karte.png")
    district.logo = "logos/wappen.png"
    district.save()
    paper = factories.DecisionPaperFactory(
        district=district, facts=f"![Karte der Kommunen](/media/bilder/{district.slug}/karte.png)"
    )

    document = _open(paper_docx(paper))

    shapes = document.inline_shapes
    descriptions = [shape._inline.docPr.get("descr") for shape in shapes]
    assert descriptions == ["Wappen/Logo Kreis Beispiel", "Karte der Kommunen"]
    # The wide picture is scaled down to the text width of the A4 page.
    assert round(shapes[1].width.cm, 1) == 16.5
