"""The council paper as a Word document, for Kreise whose council information system takes DOCX.

The document mirrors the PDF (``templates/reporting/pdf/paper.html``): it is built from the same
``paper_context`` and lays the paper out as seed 001 (Mettmann 50/020/2015) shows it, with the
Begründung in the paper's layout (seed 001 or seed 004). Real heading styles, a repeating header
row in the Beratungsfolge, ``de-DE`` as the language and a title in the core properties keep it
navigable and accessible (BITV NRW) after the Kreis's staff open and edit it in Word.

Nothing is ever fetched: the texts arrive as HTML already sanitised by ``render_markdown`` (images
only from the District's own uploads), links become hyperlinks that Word follows only when a
reader clicks them, and pictures are read from ``MEDIA_ROOT`` on disk or left out.
"""

import datetime
import io
import logging
import posixpath
import re
from urllib.parse import unquote

import lxml.html
from django.conf import settings
from django.utils import dateformat, timezone
from django.utils._os import safe_join
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips

from districts.models import District

from .documents import paper_context
from .models import DecisionPaper

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LANGUAGE = "de-DE"
CHECKED, UNCHECKED = "☒", "☐"
# A4 with the PDF's margins (static/css/print.css): top, right, bottom, left.
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGINS = (Cm(2.4), Cm(2.0), Cm(2.2), Cm(2.5))
TEXT_WIDTH = Cm(21.0 - 2.0 - 2.5)
HEADER_STYLE_TABS = (Twips(4680), Twips(9360))
LINK_COLOR = RGBColor(0x00, 0x3A, 0x80)
DRAFT_COLOR = RGBColor(0xAA, 0x00, 0x00)
MUTED_COLOR = RGBColor(0x44, 0x44, 0x44)
BOX_FONT = "Segoe UI Symbol"  # has ☐/☒; Word substitutes where it is missing
HEADING_SIZES = {1: 15, 2: 12, 3: 11, 4: 11, 5: 11}

BLOCK_TAGS = {"p", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "hr"}
LIST_STYLES = {"ul": "List Bullet", "ol": "List Number"}
MAX_LIST_LEVEL = 3  # the template has "List Bullet", "List Bullet 2", "List Bullet 3"
_SPACES = re.compile(r"\s+")
# The pPr children that follow w:pBdr in the schema's sequence.
_AFTER_PBDR = tuple(f"w:{tag}" for tag in (
    "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
    "pPrChange",
))  # fmt: skip


def paper_docx(paper: DecisionPaper, release=None) -> bytes:
    """The paper as DOCX: the released revision (with its sign-off line) or a marked draft."""
    return PaperDocument(paper_context(paper, release)).render()


def _format(value, pattern: str) -> str:
    """Django's ``date`` filter: aware datetimes in local time, then ``pattern`` (e.g. d.m.Y)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return dateformat.format(value, pattern)


def _media_path(url: str) -> str | None:
    """The file below ``MEDIA_ROOT`` for a ``/media/…`` URL; ``None`` for anything else."""
    if not url or not url.startswith(settings.MEDIA_URL):
        return None
    relative = posixpath.normpath(unquote(url.removeprefix(settings.MEDIA_URL)))
    try:
        return safe_join(str(settings.MEDIA_ROOT), relative)
    except Exception:  # SuspiciousFileOperation for ../ tricks
        return None


def _picture(run, url: str, *, max_width, max_height, description: str) -> bool:
    """Put the local picture at ``url`` into ``run``, scaled to fit; ``False`` if impossible."""
    path = _media_path(url)
    if path is None:
        return False
    try:
        with open(path, "rb") as handle:
            shape = run.add_picture(io.BytesIO(handle.read()))
    except Exception:
        # A missing or broken upload must not stop the export; the text stays.
        logger.warning("DOCX: picture %s left out", url)
        return False
    scale = min(1.0, max_width / shape.width, max_height / shape.height)
    shape.width, shape.height = int(shape.width * scale), int(shape.height * scale)
    # Alternative text for screen readers (Word shows it under "Alt Text").
    shape._inline.docPr.set("descr", description)
    return True


def _set_lang(rpr) -> None:
    """Set ``w:lang`` to German in run properties (a style's or the document defaults')."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _border(paragraph, sides=("top", "left", "bottom", "right"), color="555555", size=6) -> None:
    """A line around (or on some sides of) ``paragraph``; Word joins equal borders to a box."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in sides:
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(size))
        line.set(qn("w:space"), "4")
        line.set(qn("w:color"), color)
        borders.append(line)
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""

    def char(kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def _new_numbering(document, style: str, start: int) -> int:
    """A list of its own in a numbered list style, counting from ``start``.

    All paragraphs in the template's "List Number" style share one list, so a second list would
    go on counting where the first stopped; each list therefore gets its own numbering instance.
    """
    numbering = document.part.numbering_part.element
    style_num = document.styles[style].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _number(paragraph, num_id: int) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id


def _repeat_header(row) -> None:
    """Mark a table row as header row: Word repeats it on each page and tags it as header."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def _table_caption(table, caption: str) -> None:
    """The table's title for screen readers (Word: Table Properties → Alt Text)."""
    tblpr = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    tblpr.append(element)  # last in CT_TblPr's sequence (before tblDescription)


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.append(shading)


class PaperDocument:
    """Builds the DOCX of one paper from ``paper_context``; each part of the paper is one step."""

    def __init__(self, context: dict):
        self.context = context
        self.paper: DecisionPaper = context["paper"]
        self.district = context["district"]
        self.release = context["release"]
        self.document = Document()
        self.type_label = self.paper.get_paper_type_display()
        self.problem_layout = self.paper.layout == District.PaperLayout.PROBLEM

    def render(self) -> bytes:
        self.setup()
        self.letterhead()
        if self.context["draft"]:
            self.draft_mark()
        self.title()
        self.decision_kinds()
        self.meta()
        self.consultations()
        self.subject()
        self.impacts()
        self.proposal()
        self.begruendung()
        self.attachments()
        if self.release:
            self.release_note()
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    # Document-wide settings

    def setup(self) -> None:
        self.language()
        self.styles()
        self.properties()
        self.page()

    def language(self) -> None:
        styles = self.document.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        _set_lang(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
        _set_lang(styles["Normal"].element.get_or_add_rPr())
        settings_element = self.document.settings.element
        theme_lang = settings_element.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), LANGUAGE)
        # German number formats for fields that calculate (Word: Optionen → Dezimaltrennzeichen).
        for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
            element = settings_element.find(qn(tag))
            if element is not None:
                element.set(qn("w:val"), value)

    def styles(self) -> None:
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for level, size in HEADING_SIZES.items():
            heading = styles[f"Heading {level}"]
            heading.font.size = Pt(size)
            heading.font.color.rgb = RGBColor(0x11, 0x11, 0x11)
            heading.paragraph_format.keep_with_next = True

    def properties(self) -> None:
        paper = self.paper
        core = self.document.core_properties
        core.title = f"{self.type_label} {paper.reference}: {paper.subject}"
        core.subject = paper.subject
        core.author = self.district.name
        core.last_modified_by = self.district.name
        core.category = self.type_label
        core.keywords = paper.reference
        core.language = LANGUAGE
        core.comments = ""
        core.revision = paper.revision
        if paper.created:
            core.created = paper.created.astimezone(datetime.UTC).replace(tzinfo=None)
        if paper.modified:
            core.modified = paper.modified.astimezone(datetime.UTC).replace(tzinfo=None)

    def page(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin) = (
            MARGINS
        )
        section.header_distance = Cm(1.2)
        section.footer_distance = Cm(1.0)
        # As in the PDF: the first page carries the letterhead, the others a running header.
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False  # an empty first-page header
        header = section.header.paragraphs[0]
        tabs = header.paragraph_format.tab_stops
        for position in HEADER_STYLE_TABS:  # the template's Letter-size tabs would catch the \t
            tabs.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)
        tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        reference = f"{self.type_label} {self.paper.reference}"
        if self.context["draft"]:
            reference += " – Entwurf"
        run = header.add_run(f"{self.district.name} – Kommunales Integrationszentrum\t{reference}")
        run.font.size, run.font.color.rgb = Pt(9), MUTED_COLOR
        for footer in (section.footer, section.first_page_footer):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run("Seite ")
            _field(paragraph, "PAGE", "1")
            paragraph.add_run(" von ")
            _field(paragraph, "NUMPAGES", "1")
            for run in paragraph.runs:
                run.font.size, run.font.color.rgb = Pt(9), MUTED_COLOR

    # The paper, top to bottom

    def letterhead(self) -> None:
        logo = self.context["logo_url"]
        if logo:
            paragraph = self.document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            placed = _picture(
                paragraph.add_run(),
                logo,
                max_width=Cm(5),
                max_height=Cm(2.2),
                description=f"Wappen/Logo {self.district.name}",
            )
            if not placed:
                paragraph._p.getparent().remove(paragraph._p)
        paragraph = self.document.add_paragraph()
        name = paragraph.add_run(self.district.name)
        name.bold, name.font.size = True, Pt(14)
        name.add_break()
        paragraph.add_run("Kommunales Integrationszentrum").font.size = Pt(10)
        _border(paragraph, sides=("bottom",), color="111111", size=12)

    def draft_mark(self) -> None:
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(f"Entwurf – nicht freigegeben (Revision {self.paper.revision})")
        run.bold, run.font.color.rgb = True, DRAFT_COLOR
        _border(paragraph, color="AA0000", size=12)

    def title(self) -> None:
        self.document.add_heading(self.type_label, level=1)

    def decision_kinds(self) -> None:
        paragraph = self.document.add_paragraph()
        for index, (value, label) in enumerate(self.context["kinds"]):
            chosen = value == self.paper.decision_kind
            if index:
                paragraph.add_run("    ")
            box = paragraph.add_run(CHECKED if chosen else UNCHECKED)
            box.font.name = BOX_FONT
            paragraph.add_run(" ")
            paragraph.add_run(label).bold = chosen or None

    def meta(self) -> None:
        paper = self.paper
        rows = [
            ("Vorlagen-Nr.", paper.reference),
            ("Status", "öffentlich" if paper.is_public else "nichtöffentlich"),
            ("Fachbereich", paper.department or "–"),
            ("Bearbeiter/in", paper.author_name or "–"),
            ("Datum", _format(paper.date, "d.m.Y")),
            ("Az.", paper.file_number or "–"),
        ]
        table = self.document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        _table_caption(table, "Angaben zur Vorlage")
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            _shade(cells[0], "F3F3F3")
            cells[1].paragraphs[0].add_run(value)
        self._column_widths(table, [Cm(5), TEXT_WIDTH - Cm(5)])

    def consultations(self) -> None:
        self.document.add_heading("Beratungsfolge", level=2)
        table = self._table(["Beratungsfolge", "Termine", "Art der Entscheidung"], "Beratungsfolge")
        steps = self.context["consultations"]
        for step in steps:
            if step.role == step.Role.DECISION:
                kind = self.paper.get_decision_kind_display()
            else:
                kind = step.get_role_display()
            cells = table.add_row().cells
            cells[0].text = step.meeting.committee.name
            cells[1].text = _format(step.meeting.start, "d.m.Y")
            cells[2].text = kind
        if not steps:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[2])
            merged.text = "keine Beratung vorgesehen"
        self._column_widths(table, [Cm(8), Cm(3.5), TEXT_WIDTH - Cm(11.5)])

    def subject(self) -> None:
        self.document.add_heading("Betreff", level=2)
        run = self.document.add_paragraph().add_run(self.paper.subject)
        run.bold, run.font.size = True, Pt(13)

    def impacts(self) -> None:
        self.document.add_heading("Auswirkungen", level=2)
        table = self._table(["Auswirkung", "Einschätzung", "Erläuterung"], "Auswirkungen")
        for label, value, note in self.paper.impacts():
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            choices = cells[1].paragraphs[0]
            for index, (choice, text) in enumerate(self.context["impact_choices"]):
                if index:
                    choices.add_run().add_break()
                box = choices.add_run(CHECKED if choice == value else UNCHECKED)
                box.font.name = BOX_FONT
                choices.add_run(" ")
                choices.add_run(text).bold = (choice == value) or None
            explanation = cells[2].paragraphs[0]
            for index, line in enumerate((note.strip() or "–").splitlines()):
                if index:
                    explanation.add_run().add_break()
                explanation.add_run(line)
        self._column_widths(table, [Cm(5.5), Cm(5), TEXT_WIDTH - Cm(10.5)])

    def proposal(self) -> None:
        self.document.add_heading("Beschlussvorschlag", level=2)
        html = self.context["proposal_html"]
        if html:
            paragraphs = self._markdown(html, heading_level=3)
        else:
            paragraphs = [self._empty("kein Beschlussvorschlag")]
        for paragraph in paragraphs:  # one box around the proposal, as in the PDF
            _border(paragraph)

    def begruendung(self) -> None:
        level = 2
        if self.problem_layout:  # seed 004: "Begründung" with I.–V. below it
            self.document.add_heading("Begründung", level=2)
            level = 3
        for heading, html in self.context["begruendung"]:
            # Seed 001 writes "Anlass der Vorlage:"; seed 004 numbers its headings instead.
            self.document.add_heading(heading if self.problem_layout else f"{heading}:", level)
            if html:
                self._markdown(html, heading_level=level + 1)
            else:
                self._empty("keine Angaben")

    def attachments(self) -> None:
        self.document.add_heading("Anlagen", level=2)
        attachments = self.context["attachments"]
        if not attachments:
            self.document.add_paragraph("keine")
            return
        num_id = _new_numbering(self.document, "List Number", start=1)
        for attachment in attachments:
            text = attachment.title
            if attachment.concept_version:
                text += (
                    f" (Fassung {attachment.concept_version.number} des Integrationskonzepts, "
                    "im System abrufbar)"
                )
            paragraph = self.document.add_paragraph(text, style="List Number")
            _number(paragraph, num_id)

    def release_note(self) -> None:
        release = self.release
        user = release.released_by
        name = (user.get_full_name() or user.username) if user else ""
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(16)
        run = paragraph.add_run(
            f"Freigegeben am {_format(release.released_at, 'd.m.Y')} um "
            f"{_format(release.released_at, 'H:i')} Uhr von {name or 'KI-Leitung'} · "
            f"Revision {release.revision}"
        )
        run.font.size = Pt(9)
        _border(paragraph, sides=("top",), color="999999")

    # Helpers

    def _table(self, columns: list[str], caption: str):
        table = self.document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        _table_caption(table, caption)
        header = table.rows[0]
        _repeat_header(header)
        for cell, text in zip(header.cells, columns, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
            _shade(cell, "E8E8E8")
        return table

    def _column_widths(self, table, widths) -> None:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=False):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = width

    def _empty(self, text: str):
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(text)
        run.italic, run.font.color.rgb = True, RGBColor(0x55, 0x55, 0x55)
        return paragraph

    def _markdown(self, html: str, heading_level: int) -> list:
        return MarkdownWriter(self.document, self.district).write(html, heading_level)


class MarkdownWriter:
    """Writes the sanitised HTML of a KI text (``render_markdown``) as Word paragraphs.

    Paragraphs stay paragraphs, ``-``/``*`` lists become "List Bullet" and ``1.`` lists
    "List Number" paragraphs (each list numbered from its own start), bold/italic become run
    formatting, text headings nest below the section's heading, links become hyperlinks.
    """

    def __init__(self, document, district):
        self.document = document
        self.district = district
        self.paragraphs: list = []
        self._line_start = True

    def write(self, html: str, heading_level: int) -> list:
        """Add ``html`` to the document; return the paragraphs written."""
        self.heading_level = heading_level
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        self._blocks(root, self.document)
        return self.paragraphs

    # Blocks

    def _paragraph(self, container, style=None):
        paragraph = container.add_paragraph(style=style)
        self.paragraphs.append(paragraph)
        self._line_start = True
        return paragraph

    def _blocks(self, element, container, style=None) -> None:
        """Write the children of ``element``; loose inline content gathers in paragraphs."""
        pending = None

        def loose(text):
            nonlocal pending
            if text and text.strip():
                if pending is None:
                    pending = self._paragraph(container, style)
                self._text(pending, text, frozenset(), None)

        loose(element.text)
        for child in element:
            if not isinstance(child.tag, str):  # comments, processing instructions
                pass
            elif child.tag in BLOCK_TAGS:
                pending = None
                self._block(child, container, style)
            else:
                if pending is None:
                    pending = self._paragraph(container, style)
                self._inline(pending, child, frozenset(), None)
            loose(child.tail)

    def _block(self, element, container, style) -> None:
        tag = element.tag
        if tag == "p":
            paragraph = self._paragraph(container, style)
            self._inline_children(paragraph, element, frozenset(), None)
        elif tag in ("h3", "h4", "h5", "h6"):
            level = min(self.heading_level + int(tag[1]) - 3, 9)
            paragraph = self._paragraph(container, f"Heading {level}")
            self._inline_children(paragraph, element, frozenset(), None)
        elif tag in ("ul", "ol"):
            self._list(element, container, level=0)
        elif tag == "blockquote":
            self._blocks(element, container, style="Quote")
        elif tag == "pre":
            paragraph = self._paragraph(container, style)
            for index, line in enumerate(element.text_content().rstrip("\n").split("\n")):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(line).font.name = "Courier New"
        elif tag == "table":
            self._table(element, container)
        elif tag == "hr":
            _border(self._paragraph(container, style), sides=("bottom",), color="999999")

    def _list(self, element, container, level: int) -> None:
        suffix = f" {level + 1}" if level else ""
        style = LIST_STYLES[element.tag] + suffix
        num_id = None
        if element.tag == "ol":
            num_id = _new_numbering(self.document, style, start=int(element.get("start") or 1))
        for item in element:
            if not isinstance(item.tag, str) or item.tag != "li":
                continue
            paragraph = self._paragraph(container, style)
            if num_id:
                _number(paragraph, num_id)
            filled = False

            def inline_text(text, paragraph=paragraph):
                nonlocal filled
                if text and text.strip():
                    self._text(paragraph, text, frozenset(), None)
                    filled = True

            inline_text(item.text)
            for child in item:
                if not isinstance(child.tag, str):
                    pass
                elif child.tag in ("ul", "ol"):
                    self._list(child, container, min(level + 1, MAX_LIST_LEVEL - 1))
                elif child.tag == "p" and not filled:
                    self._inline_children(paragraph, child, frozenset(), None)
                    filled = True
                elif child.tag in BLOCK_TAGS:
                    self._block(child, container, f"List Continue{suffix}")
                else:
                    self._inline(paragraph, child, frozenset(), None)
                    filled = True
                inline_text(child.tail)

    def _table(self, element, container) -> None:
        rows = element.xpath(".//tr")
        if not rows:
            return
        width = max(len(row.xpath("./th|./td")) for row in rows)
        table = container.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for row in rows:
            docx_row = table.add_row()
            if row.getparent().tag == "thead":
                _repeat_header(docx_row)
            for cell, source in zip(docx_row.cells, row.xpath("./th|./td"), strict=False):
                paragraph = cell.paragraphs[0]
                self._line_start = True
                bold = frozenset({"bold"}) if source.tag == "th" else frozenset()
                self._inline_children(paragraph, source, bold, None)

    # Inline content

    def _inline_children(self, paragraph, element, fmt, link) -> None:
        self._text(paragraph, element.text, fmt, link)
        for child in element:
            if isinstance(child.tag, str):
                self._inline(paragraph, child, fmt, link)
            self._text(paragraph, child.tail, fmt, link)

    def _inline(self, paragraph, element, fmt, link) -> None:
        tag = element.tag
        if tag == "br":
            self._run(paragraph, "", fmt, link).add_break()
            self._line_start = True
        elif tag == "img":
            self._image(paragraph, element, link)
        elif tag == "a":
            href = element.get("href")
            self._inline_children(paragraph, element, fmt, self._hyperlink(paragraph, href))
        else:
            extra = {
                "strong": "bold",
                "b": "bold",
                "em": "italic",
                "i": "italic",
                "u": "underline",
                "code": "code",
            }.get(tag)
            self._inline_children(paragraph, element, fmt | {extra} if extra else fmt, link)

    def _text(self, paragraph, text, fmt, link) -> None:
        if not text:
            return
        text = _SPACES.sub(" ", text)
        if self._line_start:
            text = text.lstrip()
        if text:
            self._run(paragraph, text, fmt, link)
            self._line_start = False

    def _run(self, paragraph, text, fmt, link):
        run = paragraph.add_run(text)
        if "bold" in fmt:
            run.bold = True
        if "italic" in fmt:
            run.italic = True
        if "underline" in fmt:
            run.underline = True
        if "code" in fmt:
            run.font.name = "Courier New"
        if link is not None:
            run.font.color.rgb = LINK_COLOR
            run.underline = True
            link.append(run._r)  # moves the run into the hyperlink
        return run

    def _hyperlink(self, paragraph, href):
        """A ``w:hyperlink`` to an external address; Word opens it only when clicked."""
        if not href or not href.startswith(("http://", "https://", "mailto:")):
            return None  # render_markdown allows no other scheme; keep the text only
        r_id = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
        element = OxmlElement("w:hyperlink")
        element.set(qn("r:id"), r_id)
        paragraph._p.append(element)
        return element

    def _image(self, paragraph, element, link) -> None:
        # render_markdown keeps only pictures from the District's own uploads (/media/bilder/…);
        # they are read from disk. Anything that cannot be placed leaves its description.
        alt = (element.get("alt") or "").strip()
        run = paragraph.add_run()
        if link is not None:
            link.append(run._r)
        placed = _picture(
            run,
            element.get("src") or "",
            max_width=TEXT_WIDTH,
            max_height=Cm(20),
            description=alt or "Abbildung",
        )
        if not placed and alt:
            self._text(paragraph, f"[Abbildung: {alt}]", frozenset({"italic"}), link)
        self._line_start = False
