from tests import factories
from tests.routes import Route


def _post(district):
    return {"pk": factories.StaffPostFactory(district=district).pk}


ROUTES = {
    "districts:home": Route(has_objects=False),
    "districts:staffing": Route(has_objects=False),
    "districts:staff_create": Route(has_objects=False),
    "districts:staff_update": Route(kwargs=_post),
    "districts:staff_delete": Route(kwargs=_post),
    "districts:land_requirements_update": Route(has_objects=False),
}
