"""The wording of the checklist's staffing rule, shared by the District's checklist
(``workspace/compliance.py``) and the Land's table (``land/overview.py``), issue 17. Pure
functions of data already loaded: no queries here.
"""

import datetime
from decimal import Decimal

from .models import RequirementSet, StaffPost


def no_set_failure(district, today: datetime.date) -> str:
    variant = RequirementSet.Variant(RequirementSet.variant_of(district)).label
    return f"Für den {today:%d.%m.%Y} gilt keine Anforderung des Landes für {variant}"


def staffing_failures(posts, requirements: RequirementSet) -> list[str]:
    """Where the staffing plan ``posts`` misses the Land's ``requirements``.

    Only Land-funded posts count against the Land's requirement and caps (Eckpunktepapier:
    "vom Land frei gestellte Lehrkräfte", "bis zu 3,5 vom Land geförderten Stellen"); a Kreis
    may employ more at its own cost or from another programme.
    """
    P = StaffPost.Profession
    totals: dict[str, Decimal] = {}
    for post in posts:
        if post.is_land_funded:
            totals[post.profession] = totals.get(post.profession, Decimal(0)) + post.fte
    failures = []
    teachers = totals.get(P.TEACHER, Decimal(0))
    if teachers < requirements.teacher_fte_required:
        failures.append(
            f"Lehrkräfte (vom Land frei gestellt): {fte(teachers)} statt "
            f"{fte(requirements.teacher_fte_required)} VZÄ"
        )
    for profession, limit in (
        (P.EDUCATION, requirements.max_fte_education),
        (P.ADMINISTRATION, requirements.max_fte_administration),
        (P.ASSISTANCE, requirements.max_fte_assistance),
    ):
        total = totals.get(profession, Decimal(0))
        if total > limit:
            failures.append(
                f"{P(profession).label}: {fte(total)} VZÄ vom Land gefördert, höchstens {fte(limit)}"
            )
    head = next((p for p in posts if p.is_head), None)
    deputy = next((p for p in posts if p.is_deputy), None)
    if head is None:
        failures.append("Keine Leitung im Stellenplan")
    if deputy is None:
        failures.append("Keine Stellvertretung im Stellenplan")
    if head and deputy and head.profession == deputy.profession:
        failures.append(f"Leitung und Stellvertretung sind beide {P(head.profession).label}")
    return failures


def fte(value: Decimal) -> str:
    """Full-time equivalents the German way: 2, 0,5, 1,25."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") or "0"
