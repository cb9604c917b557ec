"""Uploads are what their names say, and not too big to render (issue 15)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from concepts.forms_editor import IMAGE_MAX_PIXELS, ImageForm
from core.uploads import content_matches
from papers.forms import AttachmentForm, PaperSettingsForm


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _image(size, kind="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, kind)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
ODS = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
GENUINE = {
    "bericht.pdf": b"%PDF-1.7\n...",
    "bericht.docx": DOCX,
    "tabelle.xlsx": XLSX,
    "text.odt": ODT,
    "tabelle.ods": ODS,
    "karte.png": _image((10, 10)),
    "foto.jpg": _image((10, 10), "JPEG"),
}


@pytest.mark.parametrize("name", sorted(GENUINE))
def test_a_genuine_file_matches_its_extension(name):
    upload = SimpleUploadedFile(name, GENUINE[name])
    assert content_matches(upload, "." + name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bericht.pdf", b"<html><script>alert(1)</script></html>"),
        ("bericht.pdf", b"MZ\x90\x00 ein Programm"),
        ("bericht.docx", XLSX),
        ("tabelle.xlsx", DOCX),
        ("text.odt", ODS),
        ("bericht.docx", b"PK\x03\x04 kaputt"),
        ("karte.png", _image((10, 10), "JPEG")),
        ("foto.jpg", b"%PDF-1.7"),
    ],
)
def test_an_attachment_whose_content_differs_from_its_name_is_refused(name, content):
    form = AttachmentForm(
        data={"title": "Anlage"}, files={"file": SimpleUploadedFile(name, content)}
    )
    assert not form.is_valid()
    assert "passt nicht zur Endung" in form.errors["file"][0]


def test_a_genuine_attachment_is_accepted():
    form = AttachmentForm(
        data={"title": "Anlage"}, files={"file": SimpleUploadedFile("bericht.docx", DOCX)}
    )
    assert form.is_valid(), form.errors


def test_a_concept_image_has_at_most_as_many_pixels_as_a_logo():
    big = SimpleUploadedFile("karte.png", _image((IMAGE_MAX_PIXELS + 1, 20)))
    form = ImageForm(files={"image": big})
    assert not form.is_valid()
    assert "höchstens 3000 Pixel" in form.errors["image"][0]
    fine = SimpleUploadedFile("karte.png", _image((IMAGE_MAX_PIXELS, 20)))
    assert ImageForm(files={"image": fine}).is_valid()


def test_a_concept_image_named_png_but_jpeg_inside_is_refused():
    form = ImageForm(files={"image": SimpleUploadedFile("karte.png", _image((20, 20), "JPEG"))})
    assert not form.is_valid()
    assert "passt nicht zur Endung" in form.errors["image"][0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pattern",
    [
        "{nr:,>300000000}",
        "{amt}/{nr:0300d}/{jahr}",
        "{nr:>{jahr}}",
        "{nr:d}" + "x" * 40,
        "{nr!r:>5}{",
    ],
)
def test_the_number_pattern_cannot_build_huge_strings(district, pattern):
    form = PaperSettingsForm(
        data={"paper_layout": "anlass", "paper_number_pattern": pattern, "office_number": "50"},
        instance=district,
    )
    assert not form.is_valid()
    assert form.errors["paper_number_pattern"]
