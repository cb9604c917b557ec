"""Small case counts outside the KI (issue 19): a count from 1 to 4 of one municipality and
quarter could point at a person, so every output read outside the KI shows it as "< 5". A zero
points at nobody and is shown."""

SMALL = 5  # issue 19: "small counts (< 5) are shown as "< 5""


def shown(count: int | None, exact: bool) -> str:
    if count is None:
        return "–"
    if not exact and 0 < count < SMALL:
        return f"< {SMALL}"
    return str(count)
