"""Small case counts outside the KI (issue 19): a count from 1 to 4 of one municipality and
quarter could point at a person, so every output read outside the KI shows it as "< 5". A zero
points at nobody and is shown.

Where a column of counts has a published total (the Sachbericht's "Kreis insgesamt"), a single
hidden count could be worked out by subtraction; the next smallest count of that column is
hidden too and reads "x" (secondary suppression, as the statistics offices mark a value "kept
secret"). The KIM pages and the Sachbericht hide the same cells: both go through
``suppress_columns`` with the municipalities in the same order (by name)."""

SMALL = 5  # issue 19: "small counts (< 5) are shown as "< 5""
SHOWN, PRIMARY, SECONDARY = 0, 1, 2
MARKS = {PRIMARY: f"< {SMALL}", SECONDARY: "x"}


def shown(count: int | None, exact: bool) -> str:
    if count is None:
        return "–"
    if not exact and 0 < count < SMALL:
        return MARKS[PRIMARY]
    return str(count)


def is_small(count: int | None) -> bool:
    return count is not None and 0 < count < SMALL


def suppress_columns(values: list[list[int | None]], forced=None) -> list[list[int]]:
    """The flag of every cell (SHOWN, PRIMARY, SECONDARY) of a table whose columns have a
    total: counts 1–4 are PRIMARY, ``forced`` cells (e.g. a year's sum of a hidden quarter)
    SECONDARY; where a column has exactly one hidden cell and a total that is shown, its next
    smallest count becomes SECONDARY."""
    flags = [
        [
            PRIMARY if is_small(v) else SECONDARY if forced and forced[r][c] else SHOWN
            for c, v in enumerate(row)
        ]
        for r, row in enumerate(values)
    ]
    columns = len(values[0]) if values else 0
    for col in range(columns):
        known = [row[col] for row in values if row[col] is not None]
        if not known or is_small(sum(known)):
            continue
        hidden = [r for r in range(len(values)) if flags[r][col]]
        if len(hidden) != 1:
            continue
        candidates = [
            r for r in range(len(values)) if not flags[r][col] and values[r][col] is not None
        ]
        if candidates:
            partner = min(candidates, key=lambda r: (values[r][col] == 0, values[r][col]))
            flags[partner][col] = SECONDARY
    return flags


def cell(value: int | None, flag: int) -> str:
    if value is None:
        return "–"
    return MARKS.get(flag, str(value))


def quarter_flags(figures: list, topics: list) -> dict[int, list[int]]:
    """One quarter's figures of all municipalities (ordered by name) → per municipality the
    flags of [opened, active, closed, *topics], as every output outside the KI hides them."""
    rows = []
    for figures_row in figures:
        counts = {t.topic_id: t.count for t in figures_row.topics.all()}
        rows.append(
            [
                figures_row.opened,
                figures_row.active,
                figures_row.closed,
                *(counts.get(t.pk) for t in topics),
            ]
        )
    flags = suppress_columns(rows)
    return {
        f.municipality_id: (row, flag) for f, row, flag in zip(figures, rows, flags, strict=True)
    }
