"""Reads for a round's result: options, answers, aggregation, matrix and proposal."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from concepts.models import FocusArea

from . import aggregation
from .models import PriorityRound, RoundOption, Submission, SubmissionChoice

HEAT_LEVELS = 4


@dataclass
class Cell:
    choice: SubmissionChoice | None
    score: int
    level: int

    @property
    def label(self) -> str:
        if self.choice is None:
            return ""
        if self.choice.rank is not None:
            return f"Rang {self.choice.rank}"
        if self.choice.points is not None:
            return str(self.choice.points)
        return ""


@dataclass
class Row:
    municipality: object
    submission: Submission | None
    cells: list[Cell] = field(default_factory=list)
    total: int = 0


@dataclass
class Ranked:
    option: RoundOption
    result: aggregation.OptionResult
    proposed: bool = False


@dataclass
class RoundResult:
    round: PriorityRound
    options: list[RoundOption]
    columns: list[tuple[RoundOption, aggregation.OptionResult]]
    groups: list[tuple[FocusArea, list[Ranked]]]
    rows: list[Row]
    rule_text: str
    tie_text: str
    answered: int
    top: int

    @property
    def proposal_ids(self) -> list[int]:
        return [r.option.pk for _area, ranked in self.groups for r in ranked if r.proposed]


def _score(round: PriorityRound, choice: SubmissionChoice) -> int:
    return aggregation.choice_score(
        round.voting_rule,
        round.max_choices,
        aggregation.Choice(choice.option_id, choice.rank, choice.points),
    )


def round_result(
    round: PriorityRound, *, matrix: bool = True, sort: str = "", top: int = 3
) -> RoundResult:
    """Aggregate a round; ``matrix`` adds one row per municipality (KI only), ``sort="summe"``
    orders the matrix columns by total score, ``top`` is the size of the proposal per
    Schwerpunkt."""
    options = list(round.options.select_related("focus_area", "field_of_action"))
    submissions = list(
        round.submissions.select_related("municipality").prefetch_related(
            Prefetch("choices", queryset=SubmissionChoice.objects.order_by("option_id"))
        )
    )
    ballots = [
        [aggregation.Choice(c.option_id, c.rank, c.points) for c in s.choices.all()]
        for s in submissions
    ]
    results = aggregation.aggregate(
        rule=round.voting_rule,
        max_choices=round.max_choices,
        option_ids=[o.pk for o in options],
        ballots=ballots,
    )
    by_id = {r.option_id: r for r in results}
    option_by_id = {o.pk: o for o in options}

    grouped = aggregation.rank_within(results, {o.pk: o.focus_area_id for o in options})
    groups = [
        (
            area,
            [
                Ranked(option_by_id[r.option_id], r, proposed=r.position <= top and r.score > 0)
                for r in grouped.get(area.pk, [])
            ],
        )
        for area in FocusArea.objects.all()
    ]

    columns = [(o, by_id[o.pk]) for o in options]
    if sort == "summe":
        columns = [(option_by_id[r.option_id], r) for r in results]

    rows = []
    if matrix:
        top_cell = max((_score(round, c) for s in submissions for c in s.choices.all()), default=0)
        by_municipality = {s.municipality_id: s for s in submissions}
        for municipality in round.district.municipalities.order_by("name"):
            submission = by_municipality.get(municipality.pk)
            row = Row(municipality, submission)
            choices = {c.option_id: c for c in submission.choices.all()} if submission else {}
            for option, _result in columns:
                choice = choices.get(option.pk)
                score = _score(round, choice) if choice else 0
                # ceil(levels · score / top): any answer shows at least the lightest shade
                level = -(-score * HEAT_LEVELS // top_cell) if top_cell and score else 0
                row.cells.append(Cell(choice, score, level))
                row.total += score
            rows.append(row)

    return RoundResult(
        round=round,
        options=options,
        columns=columns,
        groups=groups,
        rows=rows,
        rule_text=aggregation.rule_text(round.voting_rule, round.max_choices),
        tie_text=aggregation.TIE_TEXT,
        answered=len(submissions),
        top=top,
    )
