"""The one place that resolves the District from the URL and checks the user's right to it."""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from districts.models import District

from .models import Membership
from .rights import LAND, OPERATOR, Capability, Scope, scope_of


@dataclass(frozen=True)
class Access:
    """Who the user is in one District: role, and municipality for a liaison."""

    role: str | None
    membership: Membership | None = None

    @property
    def municipality(self):
        return self.membership.municipality if self.membership else None

    def scope(self, capability: Capability) -> Scope | None:
        return scope_of(self.role, capability)

    def can(self, capability: Capability) -> bool:
        return self.scope(capability) is not None

    # For templates, which cannot pass arguments.
    @property
    def can_read_internal(self) -> bool:
        return self.can(Capability.READ_INTERNAL)

    @property
    def can_read_controlling(self) -> bool:
        return self.can(Capability.READ_CONTROLLING)

    @property
    def can_edit(self) -> bool:
        return self.can(Capability.EDIT)

    @property
    def can_manage_members(self) -> bool:
        return self.can(Capability.MANAGE_MEMBERS)

    @property
    def can_decide(self) -> bool:
        return self.can(Capability.DECIDE)

    @property
    def is_liaison(self) -> bool:
        return self.scope(Capability.READ) == Scope.OWN_MUNICIPALITY


def access_for(user, district: District) -> Access:
    """The user's role in ``district``: the active membership, else Land, else none."""
    if not user.is_authenticated or not user.is_active:
        return Access(role=None)
    membership = (
        Membership.objects.select_related("municipality")
        .filter(user=user, district=district, is_active=True)
        .first()
    )
    if membership:
        return Access(role=membership.role, membership=membership)
    # The operator (superuser) reads like the Land and may also manage the members, so that a
    # new Kreis gets its first KI-Leitung without the Django admin; the Land stays read-only.
    if user.is_superuser:
        return Access(role=OPERATOR)
    if user.is_land:
        return Access(role=LAND)
    return Access(role=None)


def resolve_district(request, district_slug: str, capability: Capability) -> None:
    """Set ``request.district`` and ``request.access`` or raise 404 / 403.

    Outsiders get 404 — the same answer as for a page that does not exist, so nothing about
    the District leaks; members without the capability get 403.
    """
    district = get_object_or_404(District, slug=district_slug)
    access = access_for(request.user, district)
    if access.role is None:
        raise Http404
    if not access.can(capability):
        raise PermissionDenied
    request.district = district
    request.access = access


def district_view(capability: Capability):
    """Decorator for small function views (``@require_POST`` actions) under ``/<district>/``.

    Anonymous visitors go to the login page; the rest as ``resolve_district``. The capability
    is kept on the function so the permission test can read it.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, district_slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            resolve_district(request, district_slug, capability)
            return view(request, *args, **kwargs)

        wrapped.capability = capability
        return wrapped

    return decorator


class DistrictMixin(AccessMixin):
    """Resolve ``district_slug``, then: anonymous → login, no membership → 404, no right → 403.

    A view declares ``capability``; the roles-and-rights table in ``accounts.rights`` decides.
    """

    capability: Capability = Capability.READ

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        resolve_district(request, kwargs["district_slug"], self.capability)
        return super().dispatch(request, *args, **kwargs)

    @property
    def district(self) -> District:
        return self.request.district

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["district"] = self.request.district
        context["access"] = self.request.access
        return context


class OperatorMixin(AccessMixin):
    """Pages of the installation's operator (``/betrieb/…``), outside any District.

    Anonymous → login; anyone but a superuser → 403 (the Land too: it stays read-only).
    ``operator_only`` lets the permission test tell these views apart.
    """

    operator_only = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not (request.user.is_active and request.user.is_superuser):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LandMixin(AccessMixin):
    """Pages of the Land across all Districts (``/land/…``, issue 17).

    Anonymous → login; the Land role and the operator read; everyone else → 403 — members of a
    District too: a KI sees only its own District. A view with ``land_edit = True`` (the
    Land's requirement sets) is the Land's alone; the operator gets 403 there as well.
    ``land_only`` lets the permission test tell these views apart.
    """

    land_only = True
    land_edit = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        user = request.user
        allowed = user.is_land if self.land_edit else (user.is_land or user.is_superuser)
        if not (user.is_active and allowed):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
