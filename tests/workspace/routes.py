from tests import factories
from tests.routes import Route


def _post(district):
    return {"pk": factories.StaffPostFactory(district=district).pk}


def _municipality(district):
    return {"pk": factories.MunicipalityFactory(district=district).pk}


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
    "workspace:home": Route(has_objects=False),
    "workspace:compliance": Route(has_objects=False),
    "workspace:staffing": Route(has_objects=False),
    "workspace:staff_create": Route(has_objects=False),
    "workspace:staff_update": Route(kwargs=_post),
    "workspace:staff_delete": Route(kwargs=_post),
    "workspace:land_requirements_update": Route(has_objects=False),
    "workspace:municipalities": Route(has_objects=False),
    "workspace:municipality_create": Route(has_objects=False),
    "workspace:municipality_update": Route(kwargs=_municipality),
    "workspace:municipality_delete": Route(kwargs=_municipality),
    "workspace:municipality_import": Route(has_objects=False),
    "workspace:history": Route(kwargs=_history_kwargs),
    "workspace:history_restore": Route(kwargs=_restore_kwargs, method="post"),
}
