"""The roles-and-rights table (accounts/rights.py) as data: the matrix users experience."""

import pytest

from accounts.rights import (
    ALL_ROLES,
    LAND,
    OPERATOR,
    RIGHTS,
    Capability,
    Role,
    Scope,
    has_capability,
    scope_of,
)

# DOMAIN.md "Users": KI staff and head write and maintain; council members read papers
# (öffentlich public, nichtöffentlich for members); municipal liaisons answer coordination rounds
# for their own municipality only; the Land (LaKI, Bezirksregierung Arnsberg) reads everything and
# changes nothing – except nichtöffentliche papers, contact persons and the names of staff
# (issue 17). Change this literal and accounts/rights.py together.
EXPECTED = {
    Capability.READ: {
        Role.LEAD: Scope.ALL,
        Role.STAFF: Scope.ALL,
        Role.COUNCIL: Scope.ALL,
        Role.LIAISON: Scope.OWN_MUNICIPALITY,
        Role.SIGNATORY: Scope.ALL,
        LAND: Scope.ALL,
        OPERATOR: Scope.ALL,
    },
    Capability.READ_INTERNAL: {Role.LEAD: Scope.ALL, Role.STAFF: Scope.ALL},
    # Issue 17: the Land controls every KI's Förderfähigkeit and staffing plan (without the
    # names of the staff, which stay READ_INTERNAL).
    Capability.READ_CONTROLLING: {
        Role.LEAD: Scope.ALL,
        Role.STAFF: Scope.ALL,
        LAND: Scope.ALL,
        OPERATOR: Scope.ALL,
    },
    Capability.EDIT: {Role.LEAD: Scope.ALL, Role.STAFF: Scope.ALL},
    # Issue 13: the operator (superuser) starts a Kreis by inviting its first KI-Leitung.
    Capability.MANAGE_MEMBERS: {Role.LEAD: Scope.ALL, OPERATOR: Scope.ALL},
    Capability.DECIDE: {Role.LEAD: Scope.ALL},
    Capability.READ_PAPERS: {
        Role.LEAD: Scope.ALL,
        Role.STAFF: Scope.ALL,
        Role.COUNCIL: Scope.ALL,
        Role.LIAISON: Scope.PUBLIC_ONLY,
        Role.SIGNATORY: Scope.ALL,
        # Issue 17: nichtöffentliche papers belong to the council, never to the Land.
        LAND: Scope.PUBLIC_ONLY,
        OPERATOR: Scope.PUBLIC_ONLY,
    },
    # Seed 003 (Rhein-Erft): each municipality picks its preferences; the KI may enter a
    # municipality's answer that came on paper.
    # Issue 14 (Mitzeichnung): the holder of a sign-off step reads the draft put before her;
    # KI members or the role Mitzeichnung (Dezernat, Kämmerei, Landrat: no edit rights) hold
    # steps; the view lets only the step's holder act.
    Capability.SIGN_OFF: {Role.LEAD: Scope.ALL, Role.STAFF: Scope.ALL, Role.SIGNATORY: Scope.ALL},
    Capability.ANSWER_ROUND: {
        Role.LEAD: Scope.ANY_MUNICIPALITY,
        Role.STAFF: Scope.ANY_MUNICIPALITY,
        Role.LIAISON: Scope.OWN_MUNICIPALITY,
    },
    # Issue 18: a Beteiligung on a draft invites the liaisons and may invite the Kreistag.
    Capability.COMMENT_DRAFT: {
        Role.LEAD: Scope.ANY_MUNICIPALITY,
        Role.STAFF: Scope.ANY_MUNICIPALITY,
        Role.COUNCIL: Scope.ALL,
        Role.LIAISON: Scope.OWN_MUNICIPALITY,
    },
}


def test_rights_table_is_exactly_the_expected_matrix():
    assert RIGHTS == EXPECTED


def test_the_four_roles_and_the_land_with_their_stored_values():
    # Stored in Membership.role; renaming a value would orphan existing memberships.
    assert ALL_ROLES == (
        "leitung",
        "mitarbeit",
        "kreistag",
        "kommune",
        "mitzeichnung",
        "land",
        "betrieb",
    )


@pytest.mark.parametrize("capability", list(Capability))
@pytest.mark.parametrize("role", ALL_ROLES)
def test_scope_of_and_has_capability_read_the_table(role, capability):
    expected = EXPECTED[capability].get(role)
    assert scope_of(role, capability) == expected
    assert has_capability(role, capability) is (expected is not None)


@pytest.mark.parametrize("capability", list(Capability))
def test_nobody_without_a_role_has_any_right(capability):
    assert scope_of(None, capability) is None
    assert not has_capability(None, capability)


def test_land_reads_everything_and_changes_nothing():
    # DOMAIN.md: state level is read-only controlling across all KIs.
    assert [c for c in Capability if has_capability(LAND, c)] == [
        Capability.READ,
        Capability.READ_CONTROLLING,
        Capability.READ_PAPERS,
    ]


def test_the_operator_reads_and_manages_members_but_edits_no_content():
    # Issue 13: the installation's operator starts a Kreis; the content belongs to the KI.
    assert [c for c in Capability if has_capability(OPERATOR, c)] == [
        Capability.READ,
        Capability.READ_CONTROLLING,
        Capability.MANAGE_MEMBERS,
        Capability.READ_PAPERS,
    ]
