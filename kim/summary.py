"""The sums of a District's KIM posts (issue 19): per Baustein – posts, filled, funded, the
Land's funding at the rates valid on the day and the own share – and per municipality."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from core.text import fte_label

from .models import BAUSTEIN_OF, Baustein, FundingRate, Post

ZERO = Decimal("0")


@dataclass
class Row:
    label: str
    fte: Decimal = ZERO
    filled: Decimal = ZERO
    funded: Decimal = ZERO
    funding: Decimal = ZERO  # the Land's funding at most, where a rate is known
    funding_unknown: Decimal = ZERO  # funded FTE without a rate of the Land on record
    cost: Decimal = ZERO
    cost_unknown: bool = False
    by_baustein: dict = field(default_factory=dict)

    fte_display = property(lambda self: fte_label(self.fte))
    filled_display = property(lambda self: fte_label(self.filled))
    funded_display = property(lambda self: fte_label(self.funded))
    funding_unknown_display = property(lambda self: fte_label(self.funding_unknown))

    @property
    def baustein_list(self) -> list[str]:
        return [fte_label(self.by_baustein.get(b, ZERO)) for b in Baustein]

    @property
    def own_share(self) -> Decimal | None:
        """Cost beyond the Land's funding, when every cost and rate is known."""
        if self.cost_unknown or self.funding_unknown:
            return None
        return max(ZERO, self.cost - self.funding)

    def add(self, post: Post, rate: FundingRate | None) -> None:
        self.fte += post.fte
        if post.state == Post.State.FILLED:
            self.filled += post.fte
        if post.funded:
            self.funded += post.fte
            if rate is None:
                self.funding_unknown += post.fte
            else:
                self.funding += rate.amount * post.fte
        if post.annual_cost is None:
            self.cost_unknown = True
        else:
            self.cost += post.annual_cost
        baustein = BAUSTEIN_OF[post.kind]
        self.by_baustein[baustein] = self.by_baustein.get(baustein, ZERO) + post.fte


def _as_of(history, day: datetime.date, **filters) -> list:
    """The rows of a model as they stood at the end of ``day``, from its history
    (simple_history): a row entered later is left out, a deleted one kept where it existed."""
    from django.utils import timezone

    end = timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))
    records = history.filter(history_date__lte=end, **filters).order_by(
        "id", "-history_date", "-history_id"
    )
    latest = {}
    for record in records:
        latest.setdefault(record.id, record)
    return [record for record in latest.values() if record.history_type != "-"]


def posts_on(district, day: datetime.date) -> list:
    """The District's KIM posts at the end of ``day`` (the Sachbericht's and an adopted
    concept's date)."""
    return _as_of(Post.history.select_related("municipality"), day, district_id=district.pk)


def seats_on(district, day: datetime.date) -> list:
    """The members of the District's KIM groups at the end of ``day``."""
    from .models import Seat

    return _as_of(Seat.history.select_related("actor", "committee"), day, district_id=district.pk)


def rates_on(day: datetime.date) -> dict[str, FundingRate]:
    return {rate.kind: rate for rate in FundingRate.objects.valid_on(day)}


def by_baustein(posts, rates) -> tuple[list[Row], Row]:
    rows = {b: Row(b.label) for b in Baustein}
    total = Row("Zusammen")
    for post in posts:
        rate = rates.get(post.kind)
        rows[BAUSTEIN_OF[post.kind]].add(post, rate)
        total.add(post, rate)
    return list(rows.values()), total


def by_municipality(posts) -> list[Row]:
    """Per municipality the post works in (kreisweit first), with FTE per Baustein."""
    rows: dict[str, Row] = {}
    for post in posts:
        # A post of the history may point at a municipality deleted since.
        if not post.municipality_id:
            name = "kreisweit"
        else:
            name = post.municipality.name if post.municipality else "(gelöschte Kommune)"
        rows.setdefault(name, Row(name)).add(post, None)
    return sorted(rows.values(), key=lambda r: (r.label != "kreisweit", r.label))
