"""Aggregating the municipalities' answers to a priority round: pure functions, no database.

Ranking rule (Borda count): with N ranks allowed, rank 1 gets N points, rank N gets 1 point.
Points rule: the points the municipalities gave are summed.
Ties are broken deterministically: more first places, then more municipalities that chose the
option, then the option's order in the Abstimmungspapier.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

RANKING = "rangfolge"
POINTS = "punkte"

RULE_TEXT = {
    RANKING: (
        "Rangfolge nach Borda-Zählung: Bei bis zu {n} Rängen bringt jeder Rang einen Punkt "
        "weniger als der vorige ({ranks}); die Punkte aller Kommunen werden addiert. "
        "Ein erster Platz ist eine Wahl auf Rang 1."
    ),
    POINTS: (
        "Punkteverteilung: Die Punkte aller Kommunen werden addiert. Ein erster Platz ist die "
        "Option, der eine Kommune die meisten ihrer Punkte gegeben hat."
    ),
}
TIE_TEXT = (
    "Bei Gleichstand entscheidet zuerst die Zahl der ersten Plätze, dann die Zahl der Kommunen, "
    "die die Option gewählt haben, dann die Reihenfolge im Abstimmungspapier."
)


@dataclass(frozen=True)
class Choice:
    """What one municipality gave one option: a rank or a number of points."""

    option_id: int
    rank: int | None = None
    points: int | None = None


@dataclass(frozen=True)
class OptionResult:
    option_id: int
    score: int
    first_places: int
    count: int
    position: int = 0


def rule_text(rule: str, max_choices: int) -> str:
    """The counting rule in German, as stated on the result page."""
    ranks = ", ".join(
        f"Rang {r}: {max_choices - r + 1} {'Punkt' if r == max_choices else 'Punkte'}"
        for r in range(1, max_choices + 1)
    )
    return RULE_TEXT[rule].format(n=max_choices, ranks=ranks)


def choice_score(rule: str, max_choices: int, choice: Choice) -> int:
    """The score one choice contributes: Borda points for a rank, the points themselves else."""
    if rule == RANKING:
        if choice.rank is None or choice.rank < 1:
            return 0
        return max(max_choices - choice.rank + 1, 0)
    return max(choice.points or 0, 0)


def _firsts(rule: str, ballot: Sequence[Choice]) -> set[int]:
    """Options in first place on one ballot (rank 1, or the most points; ties all count)."""
    if rule == RANKING:
        return {c.option_id for c in ballot if c.rank == 1}
    top = max((c.points or 0 for c in ballot), default=0)
    if top <= 0:
        return set()
    return {c.option_id for c in ballot if (c.points or 0) == top}


def aggregate(
    *,
    rule: str,
    max_choices: int,
    option_ids: Sequence[int],
    ballots: Iterable[Sequence[Choice]],
) -> list[OptionResult]:
    """Score every option over all ballots (one per municipality), best first.

    ``option_ids`` is the order of the Abstimmungspapier, the last tie-breaker. Choices for
    options not in ``option_ids`` are ignored.
    """
    known = set(option_ids)
    score = dict.fromkeys(option_ids, 0)
    firsts = dict.fromkeys(option_ids, 0)
    count = dict.fromkeys(option_ids, 0)
    for ballot in ballots:
        ballot = [c for c in ballot if c.option_id in known]
        for option_id in _firsts(rule, ballot):
            firsts[option_id] += 1
        for choice in ballot:
            value = choice_score(rule, max_choices, choice)
            if value > 0:
                score[choice.option_id] += value
                count[choice.option_id] += 1
    order = {option_id: index for index, option_id in enumerate(option_ids)}
    ranked = sorted(option_ids, key=lambda o: (-score[o], -firsts[o], -count[o], order[o]))
    return [
        OptionResult(o, score[o], firsts[o], count[o], position)
        for position, o in enumerate(ranked, start=1)
    ]


def rank_within(results: Sequence[OptionResult], group_of: dict[int, object]) -> dict:
    """Split an aggregated result into groups (e.g. Schwerpunkte), keeping the order and
    renumbering the positions within each group."""
    groups: dict = {}
    for result in results:
        members = groups.setdefault(group_of[result.option_id], [])
        members.append(
            OptionResult(
                result.option_id,
                result.score,
                result.first_places,
                result.count,
                len(members) + 1,
            )
        )
    return groups
