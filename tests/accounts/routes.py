from accounts.rights import Role
from tests import factories
from tests.routes import Route


def _member(district, **kwargs):
    return {"pk": factories.MembershipFactory(district=district, role=Role.STAFF, **kwargs).pk}


ROUTES = {
    "accounts:members": Route(has_objects=False),
    "accounts:member_invite": Route(has_objects=False),
    "accounts:member_update": Route(kwargs=_member),
    "accounts:member_deactivate": Route(kwargs=_member, method="post"),
    "accounts:member_reactivate": Route(
        kwargs=lambda d: _member(d, is_active=False), method="post"
    ),
}
