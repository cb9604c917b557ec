"""The wording of the checklist's concept rules, shared by the District's checklist
(``workspace/compliance.py``) and the Land's table of all KIs (``land/overview.py``), so the
two cannot drift apart (issue 17). Pure functions of data already loaded: no queries here.
"""

import datetime

from core.dates import add_years


def not_adopted_failure(version, today: datetime.date) -> str:
    """Nothing is in force: name the draft (or the newest version) and why it is not."""
    if version is None:
        return NO_VERSION
    if version.decided_on and version.decided_on > today:
        return f"{version.title}: Beschluss erst am {version.decided_on:%d.%m.%Y}"
    return f"{version.title}: noch nicht beschlossen"


def submission_failure(version, deadline) -> str | None:
    """What is wrong with the submission to the Land of ``version`` (None: nothing)."""
    if version is None:
        return NO_VERSION
    if not version.submitted_on:
        text = f"{version.title}: nicht vorgelegt"
        if deadline:
            text += f" (Frist {deadline.date:%d.%m.%Y})"
        return text
    if deadline and version.submitted_on > deadline.date:
        return (
            f"{version.title}: am {version.submitted_on:%d.%m.%Y} vorgelegt, "
            f"Frist war {deadline.date:%d.%m.%Y}"
        )
    return None


def outdated_failure(in_force, years: int, today: datetime.date) -> str | None:
    """The concept in force is older than ``years`` (the Land's maximum age) on ``today``."""
    if in_force is None:
        return NOT_IN_FORCE
    limit = add_years(in_force.decided_on, years)
    if limit < today:
        return (
            f"{in_force.title}: beschlossen am {in_force.decided_on:%d.%m.%Y}, "
            f"Überprüfung fällig seit {limit:%d.%m.%Y}"
        )
    return None


NO_VERSION = "Es gibt noch keine Konzeptfassung"
NOT_IN_FORCE = "Kein Konzept in Kraft"
NO_WORK_PERIOD = "Für heute ist keine Arbeitsperiode angelegt"


# Seed 002 (Eckpunktepapier; Art. 1 § 7 Abs. 1 TIntG 2012, today TIntG § 8): adopted "in
# Abstimmung mit den betroffenen kreisangehörigen Gemeinden" (issue 18).
AGREEMENT_RULE = "Einvernehmen aller kreisangehörigen Kommunen liegt vor"


def agreement_failures(version, municipalities, agreements) -> list[str]:
    """What is missing for the Einvernehmen of every municipality with ``version``.

    ``municipalities``: names of the District's kreisangehörige municipalities (none for a
    kreisfreie Stadt: nothing to agree). ``agreements``: municipality name → (decision label,
    refused?) for this version. Missing ones first, then the refusing ones, each by name.
    """
    if not municipalities:
        return []
    if version is None:
        return [NO_VERSION]
    missing = [name for name in municipalities if name not in agreements]
    refused = [name for name in municipalities if name in agreements and agreements[name][1]]
    return [f"{name}: kein Einvernehmen erfasst ({version.title})" for name in missing] + [
        f"{name}: {agreements[name][0]} ({version.title})" for name in refused
    ]
