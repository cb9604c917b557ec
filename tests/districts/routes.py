from tests.routes import Route

ROUTES = {
    "districts:home": Route(has_objects=False),
}
