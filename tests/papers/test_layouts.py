"""Vorlagen as Kreistagsbüros write them (issue 14): each layout its own head and impact block
(Mettmann seed 001: ja/nein table; Coesfeld seed 004: I.–V. with IV. Finanzen, Personal, IT,
sonstige Ressourcen, Bezug, Unterschrift), no box split across pages, no orphaned lines, Anlagen
numbered once – checked on the PDF's text page by page."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from districts.models import District
from documents.pdf import html_to_pdf
from papers.models import Attachment, DecisionPaper
from papers.renderers import paper_html
from tests import factories

MARGINALIA = re.compile(r"^(Seite \d+ von \d+|.* – Kommunales Integrationszentrum.*)$")


def pages_of(pdf: bytes) -> list[str]:
    """The text of each page, blanks squeezed, without running header and page number."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        lines = [re.sub(r"\s+", " ", line).strip() for line in page.extract_text().splitlines()]
        pages.append("\n".join(line for line in lines if line and not MARGINALIA.match(line)))
    return pages


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_coesfeld_layout_demo_paper_prints_seed_004(demo):
    """The demo's Coesfeld-layout paper: I.–V. with the IV. parts, Unterschrift, no ja/nein."""
    paper = DecisionPaper.objects.get(
        district__slug="rhein-erft-kreis", layout=District.PaperLayout.PROBLEM
    )
    pages = pages_of(html_to_pdf(paper_html(paper)))
    text = flat("\n".join(pages))

    order = [
        "Betreff",
        "Beschlussvorschlag",
        "Unterschrift",
        "Begründung",
        "I. Problem",
        "II. Lösung",
        "III. Alternativen",
        "IV. Auswirkungen / Zusammenhänge (Finanzen, Personal, IT, sonstige Ressourcen)",
        "Finanzen",
        "Personal",
        "IT",
        "sonstige Ressourcen",
        "V. Zuständigkeit für die Entscheidung",
        "Anlagen",
    ]
    positions = []
    for heading in order:
        start = positions[-1] + 1 if positions else 0
        positions.append(text.index(heading, start))
    assert "keine (weiteren) Kosten" in text  # Finanzen, as seed 004 words it
    # The draft is signed by its Bearbeiter/in; no invented Landrat.
    assert "Demir, Selin Bearbeiter/in" in text
    assert "Landrat" not in text
    # No Mettmann head or impact table in this layout.
    for absent in [
        "Finanzielle Auswirkung",
        "Personelle Auswirkung",
        "Organisatorische Auswirkung",
        "noch nicht zu übersehen",
        "Anlass der Vorlage",
        "Wahl",
    ]:
        assert absent not in text, absent
    # The Beschlussvorschlag box is on one page.
    proposal = "Die Fortschreibung 2026 des Kreisintegrationskonzepts"
    assert sum(proposal in flat(page) for page in pages) == 1


def test_mettmann_layout_keeps_its_ja_nein_table_and_no_coesfeld_parts(district):
    paper = factories.DecisionPaperFactory(district=district, occasion="Anlass.", facts="Fakten.")
    text = flat("\n".join(pages_of(html_to_pdf(paper_html(paper)))))
    assert "Finanzielle Auswirkung ☐ ja ☒ nein ☐ noch nicht zu übersehen" in text
    assert "Anlass der Vorlage:" in text
    for absent in ["Unterschrift", "I. Problem", "sonstige Ressourcen", "Begründung"]:
        assert absent not in text, absent


def test_coesfeld_bezug_and_unterschrift_of_the_releasing_person(district, ki_lead):
    paper = factories.DecisionPaperFactory(
        district=district,
        layout=District.PaperLayout.PROBLEM,
        related_papers="SV-9-0677, 50/034/2007",
        author_name="Muster, Erika",
    )
    ki_lead.first_name, ki_lead.last_name = "Katrin", "Weyers"
    ki_lead.save()
    text = flat("\n".join(pages_of(html_to_pdf(paper_html(paper)))))
    assert "Bezug SV-9-0677, 50/034/2007" in text
    assert "Muster, Erika Bearbeiter/in" in text  # a draft: a line for its Bearbeiter/in

    paper.released_by = ki_lead
    paper.released_at = datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC)
    text = flat("\n".join(pages_of(html_to_pdf(paper_html(paper)))))
    assert "Katrin Weyers KI-Leitung 01.12.2026" in text
    assert "Muster, Erika Bearbeiter/in" not in text


def test_signatures_from_the_sign_off_are_printed_in_order(district):
    """The Mitzeichnung hands ``signatures`` to the template; each gets its line."""
    from django.template.loader import render_to_string

    paper = factories.DecisionPaperFactory(district=district, layout=District.PaperLayout.PROBLEM)
    html = render_to_string(
        "papers/pdf/_unterschrift.html",
        {
            "paper": paper,
            "signatures": [
                {"function": "Fachbereichsleitung", "name": "A. Eins", "date": None},
                {"function": "Dezernat", "name": "B. Zwei", "date": "01.12.2026"},
            ],
            "signature_fallback": [{"function": "Bearbeiter/in", "name": "Nicht Ich"}],
        },
    )
    assert html.index("A. Eins") < html.index("B. Zwei")
    assert "Fachbereichsleitung" in html and "01.12.2026" in html
    assert "Nicht Ich" not in html


def _box_pages(district, lines: int, allow_split: bool = False) -> list[int]:
    """Pages holding a paragraph of an 8-paragraph Beschlussvorschlag, below an impact table
    whose note has ``lines`` lines; ``allow_split`` switches the box's protection off."""
    note = "\n".join(
        f"Zeile {n} der Erläuterung zur finanziellen Auswirkung." for n in range(lines)
    )
    proposal = "\n\n".join(f"Absatz {n} des Beschlussvorschlags mit etwas Text." for n in range(8))
    paper = factories.DecisionPaperFactory(
        district=district, financial_note=note, proposal=proposal
    )
    html = paper_html(paper)
    if allow_split:
        html = html.replace(
            "</head>", "<style>.proposal-block, .proposal { break-inside: auto; }</style></head>"
        )
    pages = pages_of(html_to_pdf(html))
    return sorted({i for i, page in enumerate(pages) if "des Beschlussvorschlags" in page})


def test_the_beschlussvorschlag_box_never_splits_across_pages(district):
    """The text before the box grows: the box moves whole to the next page. Without its
    protection the same lengths do split it – so the lengths really reach a page break."""
    split_without_protection = []
    for lines in range(26, 42, 2):
        assert len(_box_pages(district, lines)) == 1, f"{lines} Zeilen: Box geteilt"
        if len(_box_pages(district, lines, allow_split=True)) > 1:
            split_without_protection.append(lines)
    assert split_without_protection, "keine Länge brachte die Box an einen Seitenumbruch"


def test_no_page_holds_only_an_orphaned_line_or_two(demo):
    """The released 50/020/2015 (seed 001): every page has at least three lines of text."""
    paper = DecisionPaper.objects.get(reference="50/020/2015")
    pages = pages_of(bytes(paper.releases.get().pdf))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert len(page.splitlines()) >= 3, f"Seite {number}: {page!r}"


def test_anlagen_are_numbered_once(district, ki_staff, client):
    """Seed 004 writes "Anlagen: 1. Integrationskonzept …"; typed so, it printed "1. 1."."""
    paper = factories.DecisionPaperFactory(district=district)
    Attachment.objects.create(paper=paper, title="1. Integrationskonzept des Kreises", order=1)
    Attachment.objects.create(paper=paper, title="Anlage 2: Stellungnahmen", order=2)
    pdf = html_to_pdf(paper_html(paper))
    layout = "\n".join(
        page.extract_text(extraction_mode="layout") for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert re.search(r"\b1\. Integrationskonzept des Kreises", layout)
    assert re.search(r"\b2\. Stellungnahmen", layout)
    assert not re.search(r"1\.\s+1\.", layout)
    assert "Anlage 2:" not in layout


def _form_url(paper):
    return reverse("papers:update", args=[paper.district.slug, paper.pk])


def test_form_shows_only_the_fields_of_the_chosen_layout(district, ki_staff, client):
    client.force_login(ki_staff)
    coesfeld = factories.DecisionPaperFactory(district=district, layout="problem")
    page = client.get(_form_url(coesfeld)).content.decode()
    for shown in ["IV. Finanzen", "IV. Personal", "IV. IT", "IV. sonstige Ressourcen", "Bezug"]:
        assert shown in page, shown
    for hidden in ["Finanzielle Auswirkung", "Anlass der Vorlage", 'name="financial_impact"']:
        assert hidden not in page, hidden

    mettmann = factories.DecisionPaperFactory(district=district, layout="anlass")
    page = client.get(_form_url(mettmann)).content.decode()
    assert "Finanzielle Auswirkung" in page and "Anlass der Vorlage" in page
    assert 'name="implications_finance"' not in page and 'name="problem"' not in page


def _post_data(client, paper, **changes) -> dict:
    """The form as the browser would send it (rendered fields and their values)."""
    response = client.get(_form_url(paper))
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    steps = response.context["steps"]
    data.update(
        {
            "steps-TOTAL_FORMS": "0",
            "steps-INITIAL_FORMS": "0",
            "steps-MIN_NUM_FORMS": "0",
            "steps-MAX_NUM_FORMS": "12",
        }
    )
    assert steps.prefix == "steps"
    data.update(changes)
    return data


def test_coesfeld_save_needs_no_mettmann_fields_and_keeps_their_texts(district, ki_staff, client):
    client.force_login(ki_staff)
    paper = factories.DecisionPaperFactory(
        district=district,
        layout="problem",
        occasion="Alter Anlass bleibt.",
        financial_impact="ja",
    )
    data = _post_data(
        client, paper, implications_finance="Keine Kosten.", implications_it="Keine IT."
    )
    assert "financial_impact" not in data
    response = client.post(_form_url(paper), data)
    assert response.status_code == 302, response.context["form"].errors
    paper.refresh_from_db()
    assert paper.implications_finance == "Keine Kosten." and paper.implications_it == "Keine IT."
    assert paper.occasion == "Alter Anlass bleibt." and paper.financial_impact == "ja"


def test_switching_the_layout_loses_nothing(district, ki_staff, client):
    client.force_login(ki_staff)
    paper = factories.DecisionPaperFactory(
        district=district, layout="anlass", occasion="Anlass.", problem="Altes Problem."
    )
    # The Anlass edited and the layout switched in one save: both are kept.
    data = _post_data(client, paper, layout="problem", occasion="Neuer Anlass.")
    response = client.post(_form_url(paper), data)
    assert response.status_code == 302, response.context["form"].errors
    paper.refresh_from_db()
    assert paper.layout == "problem"
    assert paper.problem == "Altes Problem." and paper.occasion == "Neuer Anlass."
    page = client.get(_form_url(paper)).content.decode()
    assert "Altes Problem." in page and "IV. Finanzen" in page


def test_attachment_form_strips_a_typed_number(district, ki_staff, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(ki_staff)
    paper = factories.DecisionPaperFactory(district=district)
    response = client.post(
        reverse("papers:attachment_create", args=[district.slug, paper.pk]),
        {
            "title": "1. Integrationskonzept",
            "file": SimpleUploadedFile("k.pdf", b"%PDF-1.4\n", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    assert paper.attachments.get().title == "Integrationskonzept"


def test_demo_results_of_50_020_2015_are_marked_as_assumed(demo, client):
    """Seed 001 gives the Beratungsfolge but no results: the demo marks them as assumed."""
    paper = DecisionPaper.objects.get(reference="50/020/2015")
    steps = list(paper.consultations.select_related("meeting__committee").order_by("order"))
    assert [s.meeting.committee.name for s in steps] == [
        "Sozialausschuss",
        "Kreisausschuss",
        "Kreistag",
    ]
    assert all(s.result for s in steps)
    assert all("Ergebnis angenommen" in s.result_note for s in steps)
    assert all(s.votes_yes is None and s.votes_no is None for s in steps)
    lead = paper.district.memberships.get(role="leitung").user
    client.force_login(lead)
    page = client.get(reverse("papers:detail", args=[paper.district.slug, paper.pk]))
    assert "Ergebnis angenommen (Demo)" in page.content.decode()


def test_an_error_page_carries_the_other_layouts_input(district, ki_staff, client):
    """Layout switched, Anlass edited, but the Betreff left empty: the page comes back with
    the error and the typed Anlass travels along hidden; a forged impact value is ignored."""
    client.force_login(ki_staff)
    paper = factories.DecisionPaperFactory(district=district, layout="anlass", occasion="Alt.")
    data = _post_data(
        client, paper, layout="problem", occasion="Neu getippt.", subject="", personnel_impact="x"
    )
    response = client.post(_form_url(paper), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["subject"]
    page = response.content.decode()
    assert '<input type="hidden" name="occasion" value="Neu getippt."' in page
    assert 'name="implications_finance"' not in page  # shown after the next save
    data = _post_data(client, paper, layout="problem", occasion="Neu getippt.")
    response = client.post(_form_url(paper), data)
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.occasion == "Neu getippt." and paper.personnel_impact == "nein"
