"""Word building blocks for the DOCX export: low-level OOXML helpers and the writer that turns a
KI text (sanitised HTML from ``render_markdown``) into Word paragraphs. See ``papers/docx.py``.

Nothing is fetched: pictures are read from ``MEDIA_ROOT`` on disk or left out.
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
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor, Twips

from documents.pdf import embeddable_media_file

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


def format_value(value, pattern: str) -> str:
    """Django's ``date`` filter: aware datetimes in local time, then ``pattern`` (e.g. d.m.Y)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return dateformat.format(value, pattern)


def _media_path(url: str) -> str | None:
    """The embeddable file below ``MEDIA_ROOT`` for a ``/media/…`` URL (concept images and
    logos, as for the PDF); ``None`` for anything else."""
    if not url or not url.startswith(settings.MEDIA_URL):
        return None
    relative = posixpath.normpath(unquote(url.removeprefix(settings.MEDIA_URL)))
    return embeddable_media_file(relative)


def add_picture(run, url: str, *, max_width, max_height, description: str) -> bool:
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


def set_lang(rpr) -> None:
    """Set ``w:lang`` to German in run properties (a style's or the document defaults')."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def add_border(paragraph, sides=("top", "left", "bottom", "right"), color="555555", size=6) -> None:
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


def add_field(paragraph, instruction: str, placeholder: str) -> None:
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


def new_numbering(document, style: str, start: int) -> int:
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


def number_paragraph(paragraph, num_id: int) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id


def repeat_header(row) -> None:
    """Mark a table row as header row: Word repeats it on each page and tags it as header."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def table_caption(table, caption: str) -> None:
    """The table's title for screen readers (Word: Table Properties → Alt Text)."""
    tblpr = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    tblpr.append(element)  # last in CT_TblPr's sequence (before tblDescription)


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.append(shading)


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
            add_border(self._paragraph(container, style), sides=("bottom",), color="999999")

    def _list(self, element, container, level: int) -> None:
        suffix = f" {level + 1}" if level else ""
        style = LIST_STYLES[element.tag] + suffix
        num_id = None
        if element.tag == "ol":
            num_id = new_numbering(self.document, style, start=int(element.get("start") or 1))
        for item in element:
            if not isinstance(item.tag, str) or item.tag != "li":
                continue
            paragraph = self._paragraph(container, style)
            if num_id:
                number_paragraph(paragraph, num_id)
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
                repeat_header(docx_row)
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
        placed = add_picture(
            run,
            element.get("src") or "",
            max_width=TEXT_WIDTH,
            max_height=Cm(20),
            description=alt or "Abbildung",
        )
        if not placed and alt:
            self._text(paragraph, f"[Abbildung: {alt}]", frozenset({"italic"}), link)
        self._line_start = False
