"""The stored files of a paper as HTTP responses, the same for the workspace, the public pages
and OParl: the released PDF byte for byte and the Anlagen as they went out with a release."""

import os

from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import http_date

from .models import PaperRelease, ReleasedAttachment

PDF = "application/pdf"


def paper_filename(reference: str, suffix: str = ".pdf") -> str:
    """An ASCII file name (OParl recommends ASCII in Content-Disposition): ``Vorlage-50-020-2015.pdf``."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in reference).strip("-")
    return f"Vorlage-{safe}{suffix}"


def pdf_response(pdf: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type=PDF)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def release_pdf_response(
    release: PaperRelease, *, suffix: str = ".pdf", inline: bool = True
) -> HttpResponse:
    """The PDF the Kreistag received, with its checksum as ETag."""
    response = pdf_response(
        bytes(release.pdf), paper_filename(release.reference, suffix), inline=inline
    )
    response["ETag"] = f'"{release.sha256}"'
    response["Last-Modified"] = http_date(release.released_at.timestamp())
    return response


def released_attachment_response(
    attachment: ReleasedAttachment, *, as_attachment: bool = True
) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except OSError as exc:
        raise Http404("Die Datei der Anlage fehlt.") from exc
    return FileResponse(
        handle, as_attachment=as_attachment, filename=os.path.basename(attachment.file.name)
    )
