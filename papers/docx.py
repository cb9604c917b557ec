"""The council paper as a Word document, for Kreise whose council information system takes DOCX.

The document mirrors the PDF (``templates/papers/pdf/paper.html``): ``PaperDocxRenderer``
(papers/renderers.py) builds it from the same ``paper_context`` and lays the paper out as seed
001 (Mettmann 50/020/2015) shows it, with the Begründung in the paper's layout (seed 001 or
seed 004). Real heading styles, a repeating header row in the Beratungsfolge, ``de-DE`` as the
language and a title in the core properties keep it navigable and accessible (BITV NRW) after
the Kreis's staff open and edit it in Word.

Nothing is ever fetched: the texts arrive as HTML already sanitised by ``render_markdown`` (images
only from the District's own uploads), links become hyperlinks that Word follows only when a
reader clicks them, and pictures are read from ``MEDIA_ROOT`` on disk or left out.
"""

import datetime
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from districts.models import District

from .docx_parts import (
    BOX_FONT,
    CHECKED,
    DRAFT_COLOR,
    HEADER_STYLE_TABS,
    HEADING_SIZES,
    LANGUAGE,
    MARGINS,
    MUTED_COLOR,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    UNCHECKED,
    MarkdownWriter,
    add_border,
    add_field,
    add_picture,
    format_value,
    new_numbering,
    number_paragraph,
    repeat_header,
    set_lang,
    shade,
    table_caption,
)
from .models import DecisionPaper


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
        if self.problem_layout:
            # Seed 004: no kinds and no ja/nein table; Unterschrift below the proposal.
            self.meta()
            self.consultations()
            self.subject()
            self.proposal()
            self.signatures()
        else:
            # Seed 001: kinds, head, ja/nein impact table.
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
        set_lang(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
        set_lang(styles["Normal"].element.get_or_add_rPr())
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
            add_field(paragraph, "PAGE", "1")
            paragraph.add_run(" von ")
            add_field(paragraph, "NUMPAGES", "1")
            for run in paragraph.runs:
                run.font.size, run.font.color.rgb = Pt(9), MUTED_COLOR

    # The paper, top to bottom

    def letterhead(self) -> None:
        logo = self.context["logo_url"]
        if logo:
            paragraph = self.document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            placed = add_picture(
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
        add_border(paragraph, sides=("bottom",), color="111111", size=12)

    def draft_mark(self) -> None:
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(f"Entwurf – nicht freigegeben (Revision {self.paper.revision})")
        run.bold, run.font.color.rgb = True, DRAFT_COLOR
        add_border(paragraph, color="AA0000", size=12)

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
            ("Datum", format_value(paper.date, "d.m.Y")),
            ("Az.", paper.file_number or "–"),
        ]
        if self.problem_layout and paper.related_papers:
            rows.append(("Bezug", ", ".join(paper.related_references())))
        table = self.document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        table_caption(table, "Angaben zur Vorlage")
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            shade(cells[0], "F3F3F3")
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
            cells[1].text = format_value(step.meeting.start, "d.m.Y")
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
            add_border(paragraph)

    def begruendung(self) -> None:
        level = 2
        if self.problem_layout:  # seed 004: "Begründung" with I.–V. below it
            self.document.add_heading("Begründung", level=2)
            level = 3
        for heading, html, parts in self.context["begruendung"]:
            # Seed 001 writes "Anlass der Vorlage:"; seed 004 numbers its headings instead.
            self.document.add_heading(heading if self.problem_layout else f"{heading}:", level)
            if html:
                self._markdown(html, heading_level=level + 1)
            elif not parts:
                self._empty("keine Angaben")
            # Seed 004 IV.: Finanzen, Personal, IT, sonstige Ressourcen.
            for label, part_html in parts:
                self.document.add_heading(label, level + 1)
                if part_html:
                    self._markdown(part_html, heading_level=min(level + 2, 6))
                else:
                    self._empty("keine Angaben")

    def signatures(self) -> None:
        """The Unterschrift block of seed 004, as ``templates/papers/pdf/_unterschrift.html``."""
        self.document.add_heading("Unterschrift", level=2)
        rows = self.context.get("signatures") or self.context["signature_fallback"]
        for signature in rows:
            line = self.document.add_paragraph()
            line.paragraph_format.space_before = Pt(24)
            line.paragraph_format.keep_with_next = True
            line.add_run("\u00a0" * 60)
            add_border(line, sides=("bottom",), color="111111")
            paragraph = self.document.add_paragraph()
            paragraph.paragraph_format.keep_together = True
            texts = [signature.get("name") or "", signature.get("function") or ""]
            date = signature.get("date")
            if date:
                texts.append(format_value(date, "d.m.Y") if hasattr(date, "year") else str(date))
            for index, text in enumerate(t for t in texts if t):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(text)

    def attachments(self) -> None:
        self.document.add_heading("Anlagen", level=2)
        attachments = self.context["attachments"]
        if not attachments:
            self.document.add_paragraph("keine")
            return
        num_id = new_numbering(self.document, "List Number", start=1)
        for attachment in attachments:
            text = attachment.list_title
            if attachment.concept_version:
                text += (
                    f" (Fassung {attachment.concept_version.number} des Integrationskonzepts, "
                    "im System abrufbar)"
                )
            paragraph = self.document.add_paragraph(text, style="List Number")
            number_paragraph(paragraph, num_id)

    def release_note(self) -> None:
        release = self.release
        user = release.released_by
        name = (user.get_full_name() or user.username) if user else ""
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(16)
        run = paragraph.add_run(
            f"Freigegeben am {format_value(release.released_at, 'd.m.Y')} um "
            f"{format_value(release.released_at, 'H:i')} Uhr von {name or 'KI-Leitung'} · "
            f"Revision {release.revision}"
        )
        run.font.size = Pt(9)
        add_border(paragraph, sides=("top",), color="999999")

    # Helpers

    def _table(self, columns: list[str], caption: str):
        table = self.document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        table_caption(table, caption)
        header = table.rows[0]
        repeat_header(header)
        for cell, text in zip(header.cells, columns, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
            shade(cell, "E8E8E8")
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
