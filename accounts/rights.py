"""Roles and rights: the one table that says who may do what in a District.

Views declare the capability they need; the District mixin and the permission tests read this
table, so a change here changes the application and its tests together.
"""

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    LEAD = "leitung", "KI-Leitung"
    STAFF = "mitarbeit", "KI-Mitarbeit"
    COUNCIL = "kreistag", "Kreistag/Ausschuss"
    LIAISON = "kommune", "Kommunale Ansprechperson"
    # Issue 14: who signs a paper off before its release (Fachbereichsleitung, Dezernat,
    # Kämmerei, Landrat/Landrätin) reads the District and the papers put before them, and
    # changes nothing of the KI's work.
    SIGNATORY = "mitzeichnung", "Mitzeichnung (Verwaltungsspitze)"


# Land users have no membership; they are marked on the user (User.is_land).
LAND = "land"
# The operator of the installation (a superuser: the Kreis's IT, or the Land's IT) reads like
# the Land and may manage members, so a new Kreis can be started without the Django admin
# (issue 13). Nothing else: the content belongs to the KI.
OPERATOR = "betrieb"


class Capability(StrEnum):
    READ = "read"  # measures, indicators, periods, Handlungsfelder, actors, committees, adopted versions
    READ_INTERNAL = "read_internal"  # drafts, unreleased papers, contact persons, staff names
    # Issue 17: the Förderfähigkeit checklist and the staffing plan (posts, FTE, funding; the
    # names of the staff only with READ_INTERNAL) – what the Land controls in every District.
    READ_CONTROLLING = "read_controlling"
    EDIT = "edit"  # concept, periods, measures, indicators, actors, committees, staffing
    MANAGE_MEMBERS = "manage_members"
    DECIDE = "decide"  # release papers, record decisions, adopt a round's result
    READ_PAPERS = "read_papers"  # released papers
    ANSWER_ROUND = "answer_round"
    # sign off a paper (Mitzeichnung, issue 14): the view lets only the holder of the step act
    SIGN_OFF = "sign_off"
    # Issue 18: comment on a draft in a Beteiligung – the KI (as the KI), the liaisons for
    # their municipality, the Kreistag members when the Beteiligung invites them.
    COMMENT_DRAFT = "comment_draft"


class Scope(StrEnum):
    """How far a granted capability reaches."""

    ALL = "all"
    OWN_MUNICIPALITY = "own_municipality"  # a liaison's municipality (+ kreisweit measures)
    PUBLIC_ONLY = "public_only"  # öffentlich papers only
    ANY_MUNICIPALITY = "any_municipality"  # answer for any municipality (paper answers)


# capability -> {role: scope}; a role missing from a row lacks the capability.
RIGHTS: dict[Capability, dict[str, Scope]] = {
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
    Capability.READ_CONTROLLING: {
        Role.LEAD: Scope.ALL,
        Role.STAFF: Scope.ALL,
        LAND: Scope.ALL,
        OPERATOR: Scope.ALL,
    },
    Capability.EDIT: {Role.LEAD: Scope.ALL, Role.STAFF: Scope.ALL},
    Capability.MANAGE_MEMBERS: {Role.LEAD: Scope.ALL, OPERATOR: Scope.ALL},
    Capability.DECIDE: {Role.LEAD: Scope.ALL},
    Capability.READ_PAPERS: {
        Role.LEAD: Scope.ALL,
        Role.STAFF: Scope.ALL,
        Role.COUNCIL: Scope.ALL,
        Role.LIAISON: Scope.PUBLIC_ONLY,
        Role.SIGNATORY: Scope.ALL,
        # Issue 17: nichtöffentliche papers belong to the council, not to the Land (nor to the
        # operator, who reads like the Land).
        LAND: Scope.PUBLIC_ONLY,
        OPERATOR: Scope.PUBLIC_ONLY,
    },
    Capability.SIGN_OFF: {Role.LEAD: Scope.ALL, Role.STAFF: Scope.ALL, Role.SIGNATORY: Scope.ALL},
    Capability.ANSWER_ROUND: {
        Role.LEAD: Scope.ANY_MUNICIPALITY,
        Role.STAFF: Scope.ANY_MUNICIPALITY,
        Role.LIAISON: Scope.OWN_MUNICIPALITY,
    },
    Capability.COMMENT_DRAFT: {
        Role.LEAD: Scope.ANY_MUNICIPALITY,
        Role.STAFF: Scope.ANY_MUNICIPALITY,
        Role.COUNCIL: Scope.ALL,
        Role.LIAISON: Scope.OWN_MUNICIPALITY,
    },
}

ALL_ROLES: tuple[str, ...] = (*Role.values, LAND, OPERATOR)


def scope_of(role: str | None, capability: Capability) -> Scope | None:
    """The scope in which ``role`` holds ``capability``, or None if it does not."""
    if role is None:
        return None
    return RIGHTS[capability].get(role)


def has_capability(role: str | None, capability: Capability) -> bool:
    return scope_of(role, capability) is not None
