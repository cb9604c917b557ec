"""The Kommunalbericht as workbook sheets (issue 20; the content: workspace.municipal_report)."""

from core.exports import Column, Kind


def xlsx_sheets(context: dict) -> list[tuple[str, list, list]]:
    """The report as workbook sheets (core.exports.xlsx_workbook): measures, Kennzahlen,
    priority-round answers (where the reader may see them), KIM posts and case figures (hidden
    counts as the text "< 5")."""
    name = context["municipality"].name
    measures = (
        "Maßnahmen",
        [
            Column("Maßnahme", width=40),
            Column("für", width=16),
            Column("Schwerpunkt", width=30),
            Column("Handlungsfeld", width=24),
            Column("Arbeitsschwerpunkte", width=40),
            Column("Status", width=16),
            Column("Beginn", Kind.DATE),
            Column("Ende", Kind.DATE),
            Column("Federführung", width=28),
            Column("Partner", width=40),
        ],
        [
            [
                row.measure.title,
                name if row.own else "kreisweit",
                row.measure.focus_area.name,
                row.measure.field_of_action.name if row.measure.field_of_action else "",
                "; ".join(row.priorities),
                row.measure.get_status_display(),
                row.measure.start,
                row.measure.end,
                row.measure.lead_actor.name if row.measure.lead_actor else "",
                ", ".join(row.partners),
            ]
            for row in context["measures"]
        ],
    )
    indicators = (
        "Kennzahlen",
        [
            Column("Maßnahme", width=36),
            Column("Kennzahl", width=32),
            Column("Einheit"),
            Column(f"Wert {name}", Kind.NUMBER, width=16),
            Column(f"Stichtag {name}", Kind.DATE, width=16),
            Column("Wert kreisweit", Kind.NUMBER, width=16),
            Column("Stichtag kreisweit", Kind.DATE, width=16),
            Column("Ausgangswert (kreisweit)", Kind.NUMBER, width=22),
            Column("Zielwert (kreisweit)", Kind.NUMBER, width=20),
            Column("Zielerreichung kreisweit in %", Kind.PERCENT, width=26),
        ],
        [
            [
                row.measure.title,
                entry.indicator.name,
                entry.indicator.unit,
                entry.own.value if entry.own else None,
                entry.own.date if entry.own else None,
                entry.figures.latest.value if entry.figures.latest else None,
                entry.figures.latest.date if entry.figures.latest else None,
                entry.indicator.baseline,
                entry.indicator.target,
                entry.figures.attainment,
            ]
            for row in context["measures"]
            for entry in row.indicators
        ],
    )
    sheets = [measures, indicators]
    if context["show_answers"]:
        answer_rows = []
        for answer in context["answers"]:
            base = [answer.round.title, answer.round.work_period.label]
            if answer.submission is None:
                answer_rows.append([*base, "keine Antwort", None, None, "", "", None])
                continue
            submission = answer.submission
            decided = [submission.committee_name, submission.committee_date]
            for choice in answer.choices:
                answer_rows.append(
                    [*base, choice.option.title, choice.rank, choice.points, choice.comment]
                    + decided
                )
            if submission.comment or not answer.choices:
                # The answer's own remark (and an answer without choices) as the page shows it.
                option = "Anmerkung zur Antwort" if answer.choices else "ohne Auswahl"
                answer_rows.append([*base, option, None, None, submission.comment, *decided])
        sheets.append(
            (
                "Abstimmungsrunden",
                [
                    Column("Abstimmungsrunde", width=36),
                    Column("Arbeitsperiode", width=14),
                    Column("Option", width=40),
                    Column("Rang", width=8),
                    Column("Punkte", width=8),
                    Column("Anmerkung", width=40),
                    Column("Gremium", width=24),
                    Column("Beschluss am", Kind.DATE, width=14),
                ],
                answer_rows,
            )
        )
    sheets.append(
        (
            "KIM-Stellen",
            [
                Column("Art der Stelle", width=30),
                Column("Bezeichnung", width=30),
                Column("VZÄ", Kind.NUMBER),
                Column("besetzt?", width=12),
                Column("Arbeitgeber", width=28),
                Column("vom Land gefördert", width=18),
            ],
            [
                [
                    post.get_kind_display(),
                    post.title,
                    post.fte,
                    post.get_state_display(),
                    post.employer_name or post.get_employer_display(),
                    "ja" if post.funded else "nein",
                ]
                for post in context["posts"]
            ],
        )
    )
    figure_columns = ["neu aufgenommen", "aktiv betreut", "abgeschlossen"]
    figure_columns += [t.name for t in context["topics"]]
    sheets.append(
        (
            "Fallzahlen",
            [Column("Quartal", width=18), *(Column(c, width=16) for c in figure_columns)],
            [[q.label, *(_number_or_text(c) for c in q.cells)] for q in context["quarters"]],
        )
    )
    return sheets


def _number_or_text(text: str):
    return int(text) if text.isdecimal() else text
