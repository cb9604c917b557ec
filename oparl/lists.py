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

# parameter -> (which timestamp, bound)
FILTERS = {
    "created_since": ("created", "since"),
    "created_until": ("created", "until"),
    "modified_since": ("modified", "since"),
    "modified_until": ("modified", "until"),
}
SECOND = datetime.timedelta(seconds=1)
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


def bound_lookup(bound: str, value: datetime.datetime) -> tuple[str, datetime.datetime]:
    """The lookup that compares at the published precision: timestamps are published to the
    second (serializers.date_time), so ``modified_until`` = an object's published ``modified``
    must find it although the stored value has microseconds. A stored ``t`` is published as
    ``floor(t)``; ``floor(t) <= v`` ⟺ ``t < floor(v) + 1 s``, ``floor(t) >= v`` ⟺ ``t >= ceil(v)``."""
    floor = value.replace(microsecond=0)
    if bound == "until":
        return "lt", floor + SECOND
    return "gte", floor if floor == value else floor + SECOND


def apply_filters(
    queryset: QuerySet, params, fields: dict[str, str]
) -> tuple[QuerySet, dict[str, str]]:
    """``queryset`` narrowed by the filter parameters in ``params``; also the parameters to
    carry into the page links. ``fields`` names the model field of "created" and "modified"."""
    kept = {}
    for name, (stamp, bound) in FILTERS.items():
        raw = params.get(name)
        if raw is None:
            continue
        lookup, value = bound_lookup(bound, parse_date_time(name, raw))
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
    tombstones: QuerySet | None = None,
    serialize_tombstone: Callable | None = None,
) -> dict:
    """One page of an external object list with ``data``, ``pagination`` and ``links``.

    ``queryset`` must be ordered by its primary key: the spec requires a stable order.
    ``tombstones`` (``Publication`` rows of objects that left the public set) join the list
    when the client asks with ``modified_since``: a synchronising client learns of removals
    that way (OParl 1.1, "Gelöschte Objekte"); a full listing shows only what is public."""
    page_number = parse_page(request.GET.get("page"))
    queryset, kept = apply_filters(
        queryset, request.GET, {"created": created, "modified": modified}
    )
    if tombstones is not None and "modified_since" in request.GET:
        tombstones, _kept = apply_filters(
            tombstones, request.GET, {"created": "created", "modified": "left_at"}
        )
        return _with_tombstones(
            request, page_number, kept, queryset, serialize, tombstones, serialize_tombstone
        )
    paginator = Paginator(queryset, PAGE_SIZE)
    total_pages = max(paginator.num_pages, 1)
    if page_number > total_pages:
        raise Http404(f"Seite {page_number} gibt es nicht, die Liste hat {total_pages}.")
    page = paginator.page(page_number)
    data = [serialize(obj) for obj in page.object_list]
    return _page(request, paginator, page, page_number, total_pages, kept, data)


def _with_tombstones(request, page_number, kept, queryset, serialize, tombstones, serialize_dead):
    """Public objects and tombstones in one order by id. Only the ids are read for all of
    them; the objects of the page are then fetched in one query each."""
    public_ids = list(queryset.prefetch_related(None).values_list("pk", flat=True))
    dead = set(tombstones.values_list("object_id", flat=True)) - set(public_ids)
    ids = sorted([(pk, False) for pk in public_ids] + [(pk, True) for pk in dead])
    paginator = Paginator(ids, PAGE_SIZE)
    total_pages = max(paginator.num_pages, 1)
    if page_number > total_pages:
        raise Http404(f"Seite {page_number} gibt es nicht, die Liste hat {total_pages}.")
    page = paginator.page(page_number)
    wanted_public = [pk for pk, is_dead in page.object_list if not is_dead]
    wanted_dead = [pk for pk, is_dead in page.object_list if is_dead]
    objects = (
        {obj.pk: obj for obj in queryset.filter(pk__in=wanted_public)} if wanted_public else {}
    )
    stones = (
        {t.object_id: t for t in tombstones.filter(object_id__in=wanted_dead)}
        if wanted_dead
        else {}
    )
    data = [
        serialize_dead(stones[pk]) if is_dead else serialize(objects[pk])
        for pk, is_dead in page.object_list
    ]
    return _page(request, paginator, page, page_number, total_pages, kept, data)


def _page(request, paginator, page, page_number, total_pages, kept, data) -> dict:
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
        "data": data,
        "pagination": {
            "totalElements": paginator.count,
            "elementsPerPage": PAGE_SIZE,
            "currentPage": page_number,
            "totalPages": total_pages,
        },
        "links": links,
    }
