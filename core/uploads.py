"""Is an upload what its name says? Checked by content (magic bytes), not by the name alone.

Issue 15: an attachment's content was not checked against its extension, so a file named
"bericht.pdf" could be anything a councillor's PDF reader then opens. The formats are the
ones the forms accept; office files are ZIP containers, told apart by their inner files
(OOXML: ``[Content_Types].xml`` and ``word/`` or ``xl/``; OpenDocument: the ``mimetype`` entry).
"""

import zipfile

ZIP_MAGIC = b"PK\x03\x04"
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
OOXML_FOLDER = {".docx": "word/", ".xlsx": "xl/"}
OPENDOCUMENT = {
    ".odt": b"application/vnd.oasis.opendocument.text",
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def content_matches(upload, extension: str) -> bool:
    """Whether the bytes of ``upload`` (a Django UploadedFile) are a file of ``extension``."""
    extension = extension.lower()
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if extension in SIGNATURES:
            return head.startswith(SIGNATURES[extension])
        if extension in OOXML_FOLDER or extension in OPENDOCUMENT:
            if not head.startswith(ZIP_MAGIC):
                return False
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
                if extension in OOXML_FOLDER:
                    folder = OOXML_FOLDER[extension]
                    return "[Content_Types].xml" in names and any(
                        name.startswith(folder) for name in names
                    )
                return "mimetype" in names and archive.read("mimetype") == OPENDOCUMENT[extension]
        return False
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    finally:
        upload.seek(0)
