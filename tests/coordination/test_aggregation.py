"""Aggregation of the answers: Borda count for ranks, sums for points, deterministic ties."""

from hypothesis import given
from hypothesis import strategies as st

from coordination.aggregation import POINTS, RANKING, Choice, aggregate, rank_within


def order(results):
    return [r.option_id for r in results]


def test_borda_count_gives_rank_one_n_points():
    ballots = [
        [Choice(1, rank=1), Choice(2, rank=2), Choice(3, rank=3)],
        [Choice(2, rank=1), Choice(1, rank=2)],
    ]
    results = aggregate(rule=RANKING, max_choices=3, option_ids=[1, 2, 3, 4], ballots=ballots)
    scores = {r.option_id: r.score for r in results}
    assert scores == {1: 3 + 2, 2: 2 + 3, 3: 1, 4: 0}
    # 1 and 2 tie on 5 points and one first place each, both chosen twice: paper order decides.
    assert order(results) == [1, 2, 3, 4]
    assert [r.position for r in results] == [1, 2, 3, 4]


def test_ranking_tie_broken_by_first_places_before_paper_order():
    # Option 2: 3 + 0 = 3 with one first place; option 1: 2 + 1 = 3 without a first place.
    ballots = [[Choice(2, rank=1), Choice(1, rank=2)], [Choice(1, rank=3), Choice(3, rank=1)]]
    results = aggregate(rule=RANKING, max_choices=3, option_ids=[1, 2, 3], ballots=ballots)
    assert [(r.option_id, r.score, r.first_places) for r in results] == [
        (2, 3, 1),
        (3, 3, 1),
        (1, 3, 0),
    ]


def test_points_are_summed_and_ties_go_to_more_municipalities():
    ballots = [
        [Choice(1, points=6), Choice(2, points=4)],
        [Choice(2, points=2), Choice(3, points=8)],
        [Choice(1, points=4), Choice(3, points=2), Choice(2, points=4)],
    ]
    results = aggregate(rule=POINTS, max_choices=3, option_ids=[1, 2, 3], ballots=ballots)
    assert {r.option_id: r.score for r in results} == {1: 10, 2: 10, 3: 10}
    # first places: 1 (ballot 1, 3), 3 (ballot 2), 2 (ballot 3 shares the top) → 1 wins;
    # 2 and 3 have one first place each; 2 was chosen by three municipalities, 3 by two.
    assert order(results) == [1, 2, 3]
    assert {r.option_id: r.first_places for r in results} == {1: 2, 2: 1, 3: 1}
    assert {r.option_id: r.count for r in results} == {1: 2, 2: 3, 3: 2}


def test_rank_within_renumbers_per_schwerpunkt():
    results = aggregate(
        rule=POINTS,
        max_choices=3,
        option_ids=[1, 2, 3],
        ballots=[[Choice(1, points=1), Choice(2, points=5), Choice(3, points=3)]],
    )
    groups = rank_within(results, {1: "bildung", 2: "querschnitt", 3: "bildung"})
    assert [(r.option_id, r.position) for r in groups["bildung"]] == [(3, 1), (1, 2)]
    assert [(r.option_id, r.position) for r in groups["querschnitt"]] == [(2, 1)]


OPTION_IDS = list(range(1, 7))
points_ballot = st.lists(
    st.tuples(st.sampled_from(OPTION_IDS), st.integers(min_value=0, max_value=10)),
    unique_by=lambda t: t[0],
).map(lambda pairs: [Choice(o, points=p) for o, p in pairs])
rank_ballot = st.permutations(OPTION_IDS).flatmap(
    lambda perm: st.integers(min_value=0, max_value=3).map(
        lambda n: [Choice(o, rank=r) for r, o in enumerate(perm[:n], start=1)]
    )
)


@given(st.lists(points_ballot, max_size=12))
def test_every_submitted_point_is_counted_once(ballots):
    results = aggregate(rule=POINTS, max_choices=3, option_ids=OPTION_IDS, ballots=ballots)
    assert sum(r.score for r in results) == sum(c.points for b in ballots for c in b)
    assert sorted(order(results)) == OPTION_IDS


@given(st.lists(rank_ballot, max_size=12))
def test_every_rank_is_counted_once_as_borda_points(ballots):
    results = aggregate(rule=RANKING, max_choices=3, option_ids=OPTION_IDS, ballots=ballots)
    assert sum(r.score for r in results) == sum(4 - c.rank for b in ballots for c in b)
    assert sum(r.first_places for r in results) == sum(1 for b in ballots if b)


@given(st.lists(st.one_of(points_ballot), max_size=10), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_submission_order(ballots, random):
    shuffled = [list(b) for b in ballots]
    random.shuffle(shuffled)
    for ballot in shuffled:
        random.shuffle(ballot)
    first = aggregate(rule=POINTS, max_choices=3, option_ids=OPTION_IDS, ballots=ballots)
    second = aggregate(rule=POINTS, max_choices=3, option_ids=OPTION_IDS, ballots=shuffled)
    assert first == second


@given(st.lists(rank_ballot, max_size=10), st.randoms(use_true_random=False))
def test_ranking_result_does_not_depend_on_submission_order(ballots, random):
    shuffled = list(ballots)
    random.shuffle(shuffled)
    assert aggregate(
        rule=RANKING, max_choices=3, option_ids=OPTION_IDS, ballots=ballots
    ) == aggregate(rule=RANKING, max_choices=3, option_ids=OPTION_IDS, ballots=shuffled)


@given(st.lists(points_ballot, max_size=10))
def test_ties_are_broken_deterministically(ballots):
    results = aggregate(rule=POINTS, max_choices=3, option_ids=OPTION_IDS, ballots=ballots)
    keys = [(-r.score, -r.first_places, -r.count, OPTION_IDS.index(r.option_id)) for r in results]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)  # a strict order: no two options share a place
