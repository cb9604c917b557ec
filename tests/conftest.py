"""Shared fixtures: a District with its people in every role, and one other District."""

import pytest

from accounts.rights import Role
from tests import factories


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploads (attachments, logos) go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate limit counts and cached PDFs of one test
    never reach the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def district(db):
    return factories.DistrictFactory(name="Kreis Beispiel", slug="kreis-beispiel")


@pytest.fixture
def other_district(db):
    return factories.DistrictFactory(name="Anderer Kreis", slug="anderer-kreis")


@pytest.fixture
def municipality(district):
    return factories.MunicipalityFactory(district=district, name="Beispielstadt")


def _member(district, role, municipality=None, username=None):
    membership = factories.MembershipFactory(
        district=district,
        role=role,
        municipality=municipality,
        **({"user__username": username} if username else {}),
    )
    return membership.user


@pytest.fixture
def ki_lead(district):
    return _member(district, Role.LEAD, username="leitung")


@pytest.fixture
def ki_staff(district):
    return _member(district, Role.STAFF, username="mitarbeit")


@pytest.fixture
def council_member(district):
    return _member(district, Role.COUNCIL, username="kreistag")


@pytest.fixture
def signatory(district):
    """A Dezernent of the Kreisverwaltung who signs papers off (issue 14), not of the KI."""
    return _member(district, Role.SIGNATORY)


@pytest.fixture
def liaison(district, municipality):
    return _member(district, Role.LIAISON, municipality=municipality, username="kommune")


@pytest.fixture
def land_user(db):
    return factories.UserFactory(username="land", is_land=True)


@pytest.fixture
def operator(db):
    """The installation's operator: a superuser without any membership."""
    return factories.UserFactory(username="betrieb", is_superuser=True, is_staff=True)


@pytest.fixture
def outsider(db):
    return factories.UserFactory(username="aussen")


@pytest.fixture
def other_member(other_district):
    return _member(other_district, Role.LEAD, username="andere-leitung")


@pytest.fixture
def client(client):
    """``force_login`` through Django's ModelBackend: django-axes' backend comes first in
    AUTHENTICATION_BACKENDS (it must, to check lockouts) but cannot load a user."""
    force_login = client.force_login

    def login(user, backend="django.contrib.auth.backends.ModelBackend"):
        force_login(user, backend=backend)

    client.force_login = login
    return client
