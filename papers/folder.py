"""The Sitzungsmappe (issue 20): one tagged PDF per meeting and reader, as council information
systems (ALLRIS, Session) offer it – a title page (Gremium, date, place), the agenda with the
page where each item begins, then each item's released paper and its Anlagen in order, with
bookmarks.

The background worker renders it (``documents``: a ``GeneratedDocument`` of the
``MeetingFolder``); it is kept until a released paper or the agenda changes (the fingerprint).
Two variants: the full one for readers of nichtöffentliche papers (accounts.rights:
READ_PAPERS in scope ALL), the öffentliche one for everyone else, the public included.
"""

import hashlib
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from accounts.rights import Capability
from documents import pdf
from documents.merge import Heading, Part, append_parts, page_count
from documents.models import GeneratedDocument
from documents.renderers import StoredDocumentRenderer, letterhead, register

from . import agenda
from .models import MeetingFolder, PaperRelease

TEMPLATE_VERSION = "3"  # raise when the layout changes: stored Mappen are made anew


@dataclass
class FolderPart:
    """One file of an agenda item: the paper or an Anlage, with its first page in the Mappe."""

    title: str
    content: bytes | None
    pages: int = 0
    first_page: int = 0
    missing_reason: str = ""


def _parts(entry) -> list[FolderPart]:
    """The released paper and its Anlagen; a file that is no readable PDF stays out, named."""
    if entry.release is None:
        return []
    content = bytes(PaperRelease.objects.values_list("pdf", flat=True).get(pk=entry.release.pk))
    title = f"Vorlage {entry.release.reference}"
    pages = page_count(content)
    if pages is None:  # never for a release of this system; kept out rather than breaking all
        parts = [FolderPart(title, None, missing_reason="Datei nicht lesbar")]
    else:
        parts = [FolderPart(title, content, pages)]
    for number, attachment in enumerate(entry.attachments, start=1):
        title = f"Anlage {number}: {attachment.list_title}"
        try:
            with attachment.file.open("rb") as handle:
                data = handle.read()
        except (OSError, ValueError):
            parts.append(FolderPart(title, None, missing_reason="Datei nicht lesbar"))
            continue
        pages = page_count(data)
        if pages is None:
            reason = "kein PDF – einzeln im Portal abrufbar"
            parts.append(FolderPart(title, None, missing_reason=reason))
        else:
            parts.append(FolderPart(title, data, pages))
    return parts


def folder_entries(folder: MeetingFolder):
    """The agenda as this variant shows it: no nichtöffentlich item in the öffentliche one,
    and only released papers in either (drafts are the KI's)."""
    return agenda.visible_entries(
        agenda.agenda_entries(folder.meeting), closed=not folder.is_public, drafts=False
    )


@register(GeneratedDocument.Kind.MEETING_FOLDER)
class MeetingFolderRenderer(StoredDocumentRenderer):
    model = MeetingFolder
    template_name = "papers/pdf/meeting_folder.html"
    subject_field = "meeting_folder"
    file_stem = "Sitzungsmappe"
    request_url_name = "papers:meeting_folder_request"
    back_label = "Zurück zur Sitzung"

    def fingerprint(self, obj, **options) -> str:
        district = obj.meeting.committee.district
        # The letterhead too: the District's name and logo are on the title page.
        parts = [TEMPLATE_VERSION, str(obj.is_public), district.name, district.logo.name or ""]
        parts += agenda.fingerprint_parts(obj.meeting, public=obj.is_public)
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def context(self, obj, **options) -> dict:
        meeting = obj.meeting
        entries = folder_entries(obj)
        for entry in entries:
            entry.folder_parts = _parts(entry)
        return {
            **letterhead(meeting.committee.district),
            "meeting": meeting,
            "folder": obj,
            "entries": entries,
            "generated_at": timezone.localtime(),
        }

    def html(self, obj, **options) -> str:
        """Laid out twice: once to count the front pages, then with every item's page.
        ``assemble`` appends the very files counted here (kept on ``obj``), so the pages the
        agenda names are the pages the PDF has."""
        context = self.context(obj)
        obj.folder_entries = context["entries"]
        front = render_to_string(self.template_name, context)
        first = len(pdf.lay_out(front).pages) + 1
        for entry in context["entries"]:
            for part in entry.folder_parts:
                if part.content is not None:
                    part.first_page = first
                    first += part.pages
        return render_to_string(self.template_name, {**context, "numbered": True})

    def content(self, obj, **options) -> bytes:
        """The whole Mappe at once (the worker goes through ``documents.rendering``)."""
        laid_out = pdf.lay_out(self.html(obj))
        return self.assemble(obj, pdf.write_pdf(laid_out), len(laid_out.pages))[0]

    def assemble(self, obj, content: bytes, pages: int) -> tuple[bytes, int]:
        entries = getattr(obj, "folder_entries", None)
        if entries is None:
            entries = folder_entries(obj)
            for entry in entries:
                entry.folder_parts = _parts(entry)
        headings = []
        for entry in entries:
            parts = [part for part in entry.folder_parts if part.content is not None]
            headings.append(
                Heading(
                    f"{entry.number} {entry.title}",
                    [Part(part.content, part.title) for part in parts],
                )
            )
        return append_parts(content, headings)

    def district(self, obj):
        return obj.meeting.committee.district

    def describe(self, obj) -> str:
        part = "öffentlicher Teil" if obj.is_public else "mit nichtöffentlichem Teil"
        return f"Sitzungsmappe {obj.meeting} ({part})"

    def subject_url(self, obj) -> str:
        return reverse("papers:meeting", args=[self.district(obj).slug, obj.meeting_id])

    def filename(self, obj, *, day=None, **options) -> str:
        meeting = obj.meeting
        day = date_format(timezone.localtime(meeting.start), "Y-m-d")
        suffix = "-oeffentlich" if obj.is_public else ""
        return f"Sitzungsmappe-{meeting.committee.district.slug}-{day}{suffix}.pdf"

    # A superseded Mappe may hold a paper since made nichtöffentlich: only the current one.
    serves_outdated = False

    def visible_subjects(self, request):
        """The folders of the District's meetings in the variant the visitor may read."""
        folders = MeetingFolder.objects.for_district(request.district)
        if agenda.reads_closed_items(request):
            return folders
        if request.access.can(Capability.READ_PAPERS):
            return folders.filter(is_public=True)
        return folders.none()


def folder_for(meeting, *, public: bool) -> MeetingFolder:
    folder, _created = meeting.folders.get_or_create(is_public=public)
    return folder
