"""Section text: Markdown written by KI staff, rendered to sanitised HTML.

No external editor assets; the output is cleaned with nh3 so no script, style or event handler
survives, links get rel="noopener", and images are kept only when they come from the
District's own uploads (``/media/bilder/<district-slug>/…``) — a text must never make a reader's
browser, or the PDF renderer, fetch anything from elsewhere.
"""

import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import markdown
import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString, mark_safe

TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "img",
}  # fmt: skip
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\bsrc=)[^>]*>")
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"scope"},
    "ol": {"start"},
}


def upload_prefix(district) -> str:
    return f"{settings.MEDIA_URL}bilder/{district.slug}/"


# Uploads are stored flat as bilder/<district-slug>/<name> (concepts.services.image_upload).
UPLOAD_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*$")


def own_image_url(src: str, district) -> str | None:
    """The canonical URL of one of the District's own uploaded images, or ``None``.

    Issue 15: "/media/bilder/<own>/../<other>/x.png" and its percent-encoded forms passed a
    plain prefix check, and the PDF renderer then embedded another District's file. The path
    is decoded (also twice-encoded), must contain no "." or ".." segment, backslash, query or
    fragment, and must name a file directly in the District's folder.
    """
    value = src or ""
    for _ in range(3):
        decoded = unquote(value)
        if decoded == value:
            break
        value = decoded
    else:
        return None  # still encoded after three rounds: nobody writes that by accident
    if any(char in value for char in "\\?#\x00"):
        return None
    if any(segment in (".", "..") for segment in value.split("/")):
        return None
    prefix = upload_prefix(district)
    if not value.startswith(prefix) or posixpath.normpath(value) != value:
        return None
    name = value.removeprefix(prefix)
    return value if UPLOAD_NAME.match(name) else None


class _ImageSources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources: list[str] = []
        self.without_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attributes = dict(attrs)
            self.sources.append(attributes.get("src") or "")
            if not (attributes.get("alt") or "").strip():
                self.without_text.append(attributes.get("src") or "")


def foreign_images(text: str, district) -> list[str]:
    """Image addresses in Markdown ``text`` that are not the District's own uploads."""
    parser = _ImageSources()
    parser.feed(markdown.markdown(text or "", extensions=["tables", "sane_lists"]))
    return [src for src in parser.sources if own_image_url(src, district) is None]


def images_without_text(text: str) -> list[str]:
    """Addresses of images in Markdown ``text`` written without a description (``![](…)``)."""
    parser = _ImageSources()
    parser.feed(markdown.markdown(text or "", extensions=["tables", "sane_lists"]))
    return parser.without_text


def check_images(text: str, district) -> None:
    """Refuse a text with images from elsewhere at save time, naming them (German)."""
    foreign = foreign_images(text, district)
    if foreign:
        listed = ", ".join(f"„{src[:80]}“" for src in foreign[:3])
        raise ValidationError(
            f"Bilder dürfen nur aus den Uploads dieses Kreises stammen (Knopf „Bild hochladen“); "
            f"nicht erlaubt: {listed}.",
            code="foreign_image",
        )
    # An image without a description is a figure without alternative text in the tagged PDF
    # and for screen readers (PDF/UA-1, WCAG 1.1.1; issue 15).
    if undescribed := images_without_text(text):
        raise ValidationError(
            f"Jedes Bild braucht eine Beschreibung für Menschen, die es nicht sehen, zwischen "
            f"den eckigen Klammern: ![Beschreibung]({undescribed[0][:80]}).",
            code="image_without_text",
        )


def render_markdown(text: str, district) -> SafeString:
    """Markdown → HTML that is safe to show and to print; headings start at h3 in a section."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return own_image_url(value, district)
        if tag == "a" and attribute == "href" and value.lower().startswith("javascript:"):
            return None
        return value

    for level in (2, 1):  # section headings are h2; text headings nest below
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto"},
    )
    # An <img> that lost its src (a foreign image) is dropped altogether.
    cleaned = _IMG_WITHOUT_SRC.sub("", cleaned)
    return mark_safe(cleaned)  # noqa: S308 — sanitised by nh3 above
