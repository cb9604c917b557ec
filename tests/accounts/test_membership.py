"""Membership: a user's role in one District; a liaison answers for exactly one municipality."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import Membership
from accounts.rights import Role
from tests import factories

pytestmark = pytest.mark.django_db


def _errors(membership: Membership) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as exc:
        membership.full_clean()
    return exc.value.message_dict


def test_liaison_without_municipality_is_refused_in_german(district):
    # DOMAIN.md "Users": municipal liaisons act for their own municipality only.
    user = factories.UserFactory()
    errors = _errors(Membership(user=user, district=district, role=Role.LIAISON))
    assert "braucht eine Kommune" in " ".join(errors["municipality"])


def test_liaison_without_municipality_is_refused_by_the_database(district):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.MembershipFactory(district=district, role=Role.LIAISON, municipality=None)


@pytest.mark.parametrize("role", [Role.LEAD, Role.STAFF, Role.COUNCIL])
def test_other_roles_are_not_bound_to_a_municipality(district, municipality, role):
    user = factories.UserFactory()
    membership = Membership(user=user, district=district, role=role, municipality=municipality)
    assert "Nur kommunale Ansprechpersonen" in " ".join(_errors(membership)["municipality"])
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


def test_liaison_of_a_municipality_of_another_district_is_refused(district, other_district):
    foreign = factories.MunicipalityFactory(district=other_district, name="Fremdstadt")
    user = factories.UserFactory()
    membership = Membership(user=user, district=district, role=Role.LIAISON, municipality=foreign)
    assert "gehört nicht zu diesem Kreis" in " ".join(_errors(membership)["municipality"])


def test_liaison_with_own_municipality_is_valid(district, municipality):
    user = factories.UserFactory()
    Membership(
        user=user, district=district, role=Role.LIAISON, municipality=municipality
    ).full_clean()


def test_one_membership_per_user_and_district(district):
    first = factories.MembershipFactory(district=district, role=Role.STAFF)
    second = Membership(user=first.user, district=district, role=Role.COUNCIL)
    with pytest.raises(ValidationError) as exc:
        second.full_clean()
    assert "bereits Mitglied" in str(exc.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_same_user_may_belong_to_two_districts(district, other_district):
    first = factories.MembershipFactory(district=district)
    factories.MembershipFactory(user=first.user, district=other_district)
    assert first.user.memberships.count() == 2
