from tests import factories
from tests.routes import Route


def _measure(district):
    measure = factories.MeasureFactory(district=district)
    measure.title = "Geändert"
    measure.save()
    return measure


def _history_kwargs(district):
    measure = _measure(district)
    return {"kind": "massnahme", "pk": measure.pk}


def _restore_kwargs(district):
    measure = _measure(district)
    first = measure.history.order_by("history_date").first()
    return {"kind": "massnahme", "pk": measure.pk, "history_id": first.history_id}


ROUTES = {
    "workspace:history": Route(kwargs=_history_kwargs),
    "workspace:history_restore": Route(kwargs=_restore_kwargs, method="post"),
}
