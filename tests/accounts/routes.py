from accounts.rights import Role
from tests import factories
from tests.routes import Route


def _member(district, **kwargs):
    return {"pk": factories.MembershipFactory(district=district, role=Role.STAFF, **kwargs).pk}


ROUTES = {
    "members:list": Route(has_objects=False),
    "members:invite": Route(has_objects=False),
    "members:update": Route(kwargs=_member),
    "members:deactivate": Route(kwargs=_member, method="post"),
    "members:reactivate": Route(kwargs=lambda d: _member(d, is_active=False), method="post"),
}
