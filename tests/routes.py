"""Registry of District routes for the URL walker (tests/test_permissions.py).

Each app lists its URL names in ``tests/<app>/routes.py`` as ``ROUTES = {name: Route(...)}``.
``kwargs(district)`` builds the URL's extra kwargs from factory objects of that District; the
walker also calls it with another District to prove that objects of one District are not
reachable under another District's slug.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

APPS = (
    "accounts",
    "workspace",
    "concepts",
    "concept_editor",
    "actors",
    "measures",
    "kim",
    "coordination",
    "papers",
    "public",
    "documents",
    "reports",
)


@dataclass
class Route:
    kwargs: Callable[[object], dict] = field(default=lambda district: {})
    # "get" for pages; "post" for actions that only answer POST (GET gives 405).
    method: str = "get"
    # Optional POST payload for actions, built from the District; empty = an empty POST.
    data: Callable[[object], dict] = field(default=lambda district: {})
    # False for pages whose objects are District-independent (nothing to cross-check).
    has_objects: bool = True
    # Optional query string for GET pages, built from the District (e.g. a comparison).
    query: Callable[[object], dict] | None = None


def collect() -> dict[str, Route]:
    routes: dict[str, Route] = {}
    for app in APPS:
        try:
            module = importlib.import_module(f"tests.{app}.routes")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"tests.{app}", f"tests.{app}.routes"):
                raise
            continue
        overlap = routes.keys() & module.ROUTES.keys()
        assert not overlap, f"routes listed twice: {overlap}"
        routes.update(module.ROUTES)
    return routes
