"""The Rhein-Erft demo holds the Abstimmungspapier process of seed 003."""

import datetime

import pytest

from coordination.models import PriorityRound
from coordination.results import round_result
from demo.loader import CONTENT_DIR, load_district, read_content

pytestmark = pytest.mark.django_db


def test_rhein_erft_has_a_closed_and_an_open_round():
    district = load_district(read_content(CONTENT_DIR / "rhein-erft-kreis.yaml"))
    closed, open_ = district.priority_rounds.order_by("opens_on")
    municipalities = district.municipalities.count()
    assert municipalities == 10

    # 2025/26: closed in 2024, all ten answered, the result is the period's priorities.
    assert closed.work_period.label == "2025/26" and closed.closes_on.year == 2024
    assert closed.phase() == PriorityRound.Status.ADOPTED
    assert closed.adopted_by.username == "leitung.rhein-erft-kreis" and closed.adopted_at
    assert closed.submissions.count() == municipalities
    assert closed.submissions.filter(on_paper=True).exists()
    result = round_result(closed, top=3)
    proposed = {r.option.title for _area, ranked in result.groups for r in ranked if r.proposed}
    adopted = set(closed.adopted_priorities.values_list("title", flat=True))
    assert adopted == proposed == set(closed.work_period.priorities.values_list("title", flat=True))

    # 2027/28: open on the demo's "today", answers missing.
    assert open_.work_period.label == "2027/28"
    assert open_.opens_on == datetime.date(2026, 10, 1)
    assert open_.accepts_answers(datetime.date(2026, 11, 23))
    assert 0 < open_.submissions.count() < municipalities
