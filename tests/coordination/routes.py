"""Routes of the coordination app for the URL walker (tests/test_permissions.py)."""

from tests.coordination.helpers import make_round
from tests.factories import RoundOptionFactory
from tests.routes import Route


def _round(district) -> dict:
    return {"pk": make_round(district).pk}


def _option(district) -> dict:
    return {"pk": RoundOptionFactory(round=make_round(district)).pk}


ROUTES = {
    "coordination:list": Route(has_objects=False),
    "coordination:create": Route(has_objects=False),
    "coordination:detail": Route(kwargs=_round),
    "coordination:update": Route(kwargs=_round),
    "coordination:option_create": Route(kwargs=_round),
    "coordination:option_update": Route(kwargs=_option),
    "coordination:option_delete": Route(kwargs=_option),
    "coordination:prefill": Route(kwargs=_round, method="post"),
    "coordination:open": Route(kwargs=_round, method="post"),
    "coordination:remind": Route(kwargs=_round, method="post"),
    "coordination:answer": Route(kwargs=_round),
    "coordination:confirmation": Route(kwargs=_round),
    "coordination:result": Route(kwargs=_round),
    "coordination:adopt": Route(kwargs=_round, method="post"),
    "coordination:export": Route(kwargs=_round),
}
