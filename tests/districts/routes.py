from tests import factories
from tests.routes import Route


def _post(district):
    return {"pk": factories.StaffPostFactory(district=district).pk}


ROUTES = {
    "workspace:home": Route(has_objects=False),
    "workspace:staffing": Route(has_objects=False),
    "workspace:staff_create": Route(has_objects=False),
    "workspace:staff_update": Route(kwargs=_post),
    "workspace:staff_delete": Route(kwargs=_post),
    "workspace:land_requirements_update": Route(has_objects=False),
}
