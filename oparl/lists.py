"""OParl external object lists: filters and pagination (OParl 1.1, "Objektlisten und Paginierung").

Every list supports ``created_since``, ``created_until``, ``modified_since`` and
``modified_until`` (a server must, says the spec) and is cut into pages of ``PAGE_SIZE``
(``page=N``). The links of every page keep the filters.
"""

import datetime
import re
from collections.abc import Callable
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

PAGE_SIZE = 20

# parameter -> (which timestamp, lookup)
FILTERS = {
    "created_since": ("created", "gte"),
    "created_until": ("created", "lte"),
    "modified_since": ("modified", "gte"),
    "modified_until": ("modified", "lte"),
}
# An unencoded "+" of the offset arrives as a space: "2026-01-01T00:00:00 01:00".
_SPACE_FOR_PLUS = re.compile(r" (\d{2}:?\d{2})$")
# RFC 3339 date-time; fromisoformat alone would also take other ISO 8601 shapes.
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?")


class InvalidParameter(ValueError):
    """A URL parameter the server cannot interpret (answered with HTTP 400)."""


def parse_date_time(name: str, raw: str) -> datetime.datetime:
    """A full date-time as OParl's filters expect it; without an offset it is German time."""
    value = _SPACE_FOR_PLUS.sub(r"+\1", raw.strip())
    try:
        if not _DATE_TIME.fullmatch(value):
            raise ValueError
        parsed = datetime.datetime.fromisoformat(value)
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        parsed.astimezone(datetime.UTC)  # year 1 or 9999 with an offset overflows in the DB
    except (ValueError, OverflowError):
        raise InvalidParameter(
            f"{name}: „{raw}“ ist keine vollständige Datums- und Zeitangabe "
            "(erwartet z. B. 2026-01-01T00:00:00+01:00)."
        ) from None
    return parsed


def parse_page(raw: str | None) -> int:
    if raw is None:
        return 1
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidParameter(f"page: „{raw}“ ist keine Seitenzahl (1, 2, …).")
    return int(raw)


def apply_filters(
    queryset: QuerySet, params, fields: dict[str, str]
) -> tuple[QuerySet, dict[str, str]]:
    """``queryset`` narrowed by the filter parameters in ``params``; also the parameters to
    carry into the page links. ``fields`` names the model field of "created" and "modified"."""
    kept = {}
    for name, (stamp, lookup) in FILTERS.items():
        raw = params.get(name)
        if raw is None:
            continue
        value = parse_date_time(name, raw)
        queryset = queryset.filter(**{f"{fields[stamp]}__{lookup}": value})
        kept[name] = raw
    return queryset, kept


def object_list(
    request,
    queryset: QuerySet,
    serialize: Callable,
    *,
    created: str = "created",
    modified: str = "modified",
) -> dict:
    """One page of an external object list with ``data``, ``pagination`` and ``links``.

    ``queryset`` must be ordered by something unique: the spec requires a stable order."""
    page_number = parse_page(request.GET.get("page"))
    queryset, kept = apply_filters(
        queryset, request.GET, {"created": created, "modified": modified}
    )
    paginator = Paginator(queryset, PAGE_SIZE)
    total_pages = max(paginator.num_pages, 1)
    if page_number > total_pages:
        raise Http404(f"Seite {page_number} gibt es nicht, die Liste hat {total_pages}.")
    page = paginator.page(page_number)
    base = request.build_absolute_uri(request.path)

    def link(number: int) -> str:
        query = {**kept, **({"page": number} if number > 1 else {})}
        return f"{base}?{urlencode(query)}" if query else base

    links = {"first": link(1), "self": link(page_number), "last": link(total_pages)}
    if page.has_previous():
        links["prev"] = link(page_number - 1)
    if page.has_next():
        links["next"] = link(page_number + 1)
    return {
        "data": [serialize(obj) for obj in page.object_list],
        "pagination": {
            "totalElements": paginator.count,
            "elementsPerPage": PAGE_SIZE,
            "currentPage": page_number,
            "totalPages": total_pages,
        },
        "links": links,
    }
