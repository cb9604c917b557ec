"""Section text: Markdown written by KI staff, rendered to sanitised HTML.

No external editor assets; the output is cleaned with nh3 so no script, style or event handler
survives, links get rel="noopener", and images are kept only when they come from the
District's own uploads (``/media/bilder/<district-slug>/…``) — a text must never make a reader's
browser, or the PDF renderer, fetch anything from elsewhere.
"""

import re

import markdown
import nh3
from django.conf import settings
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


def render_markdown(text: str, district) -> SafeString:
    """Markdown → HTML that is safe to show and to print; headings start at h3 in a section."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")
    prefix = upload_prefix(district)

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src" and not value.startswith(prefix):
            return None
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
