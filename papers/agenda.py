"""A meeting's Tagesordnung (issue 20): the papers placed at it plus the KI's free items.

The agenda is computed, not typed twice: every paper with a Beratung at the meeting is on it,
in the order the KI gave (``AgendaItem``) or, without a record yet, after the recorded items by
date and Vorlagen-Nr. The öffentlicher Teil comes first, then the nichtöffentlicher Teil
(GO NRW § 48 Abs. 2, KrO NRW § 33 Abs. 2: Beratungen are öffentlich unless excluded); numbers
count within each part: "Ö 1", "Ö 2" … "N 1" (as council information systems print them).
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, Prefetch

from accounts.rights import Capability, Scope

from .models import AgendaItem, Consultation, DecisionPaper, PaperRelease, ReleasedAttachment

PUBLIC_PREFIX, CLOSED_PREFIX = "Ö", "N"
DRAFT_TITLE = "Vorlage in Vorbereitung"


@dataclass
class Entry:
    """One point of the agenda as a reader sees it."""

    item: AgendaItem | None
    paper: DecisionPaper | None
    consultation: Consultation | None
    title: str
    is_public: bool
    order: int = 0
    number: str = ""
    paper_id: int | None = None
    release: PaperRelease | None = None
    attachments: list = field(default_factory=list)

    def __post_init__(self):
        if self.paper is not None:
            self.paper_id = self.paper.pk

    @property
    def key(self) -> str:
        """Stable within the meeting: the record, or the paper placed without one (kept when
        a reader outside the KI does not see the draft itself)."""
        return f"item-{self.item.pk}" if self.item else f"paper-{self.paper_id}"

    @property
    def is_released(self) -> bool:
        return self.release is not None


def agenda_entries(meeting) -> list[Entry]:
    """The whole agenda of ``meeting`` in order, öffentlich items first (4 queries)."""
    consultations = list(
        meeting.consultations.filter(paper__district=meeting.committee.district)
        .select_related("paper")
        .prefetch_related(
            Prefetch(
                "paper__releases",
                queryset=PaperRelease.objects.defer("pdf")
                .order_by("-revision")
                .prefetch_related(
                    Prefetch(
                        "attachments",
                        queryset=ReleasedAttachment.objects.order_by("order", "pk"),
                    )
                ),
            )
        )
    )
    items = list(meeting.agenda_items.order_by("order", "pk"))
    entries = build_entries(
        meeting, items, consultations, releases_of=lambda paper: list(paper.releases.all())
    )
    for entry in entries:
        if entry.release is not None:
            entry.attachments = list(entry.release.attachments.all())
    return entries


def build_entries(meeting, items, consultations, *, releases_of) -> list[Entry]:
    """The agenda from rows already read – the KI's records in their order, then the papers
    placed at the meeting without one by date and Vorlagen-Nr. – numbered. ``releases_of``
    gives a paper's releases, the latest first. OParl builds a page of meetings from its own
    prefetched rows with this same function (oparl/agenda.py)."""
    steps = {consultation.paper_id: consultation for consultation in consultations}
    entries: list[Entry] = []
    placed: set[int] = set()
    for item in items:
        if item.paper_id is None:
            entries.append(Entry(item, None, None, item.title, item.is_public))
        elif item.paper_id in steps:  # still placed at this meeting
            entries.append(_paper_entry(item, steps[item.paper_id], releases_of))
            placed.add(item.paper_id)
        # else: the paper's Beratung moved to another meeting; the record is left over
    unplaced = sorted(
        (step for paper_id, step in steps.items() if paper_id not in placed),
        key=lambda step: (step.paper.date, step.paper.reference),
    )
    entries.extend(_paper_entry(None, step, releases_of) for step in unplaced)
    return number(entries, meeting_is_public=meeting.is_public)


def _paper_entry(item, consultation, releases_of) -> Entry:
    """A released paper is as öffentlich as its latest release, a draft as its working copy,
    and a paper's item no more öffentlich than the paper; the title is the KI's or the
    release's subject."""
    paper = consultation.paper
    releases = releases_of(paper)
    release = releases[0] if releases else None
    paper_public = release.is_public if release is not None else paper.is_public
    public = paper_public and (item.is_public if item is not None else True)
    title = (item.title if item is not None else "") or (
        release.subject if release is not None else paper.subject
    )
    return Entry(item, paper, consultation, title, public, release=release)


def number(entries: list[Entry], *, meeting_is_public: bool = True) -> list[Entry]:
    """Öffentlich items first, each part counted from 1; ``order`` over the whole agenda."""
    if not meeting_is_public:
        for entry in entries:
            entry.is_public = False
    ordered = [e for e in entries if e.is_public] + [e for e in entries if not e.is_public]
    counts = {True: 0, False: 0}
    for position, entry in enumerate(ordered, start=1):
        counts[entry.is_public] += 1
        prefix = PUBLIC_PREFIX if entry.is_public else CLOSED_PREFIX
        entry.number = f"{prefix} {counts[entry.is_public]}"
        entry.order = position
    return ordered


def reads_closed_items(request) -> bool:
    """Whether the visitor may see nichtöffentliche items: as for papers (accounts.rights)."""
    access = getattr(request, "access", None)
    if access is None:
        return False
    return access.scope(Capability.READ_PAPERS) == Scope.ALL


def visible_entries(entries: list[Entry], *, closed: bool, drafts: bool) -> list[Entry]:
    """What a reader sees: without ``closed`` no nichtöffentlich item at all (neither title nor
    paper); without ``drafts`` a paper not yet released shows its item, not the draft."""
    shown = [entry for entry in entries if closed or entry.is_public]
    if not drafts:
        for entry in shown:
            if entry.paper is not None and not entry.is_released:
                # The working copy's subject is the KI's draft: outside the KI an item shows
                # the title the KI gave it, else that a paper is coming.
                entry.paper = None
                given = entry.item.title if entry.item else ""
                entry.title = given or DRAFT_TITLE
    return shown


# --- Changes by the KI --------------------------------------------------------------------------


@transaction.atomic
def fix_order(meeting) -> list[AgendaItem]:
    """Give every entry of the agenda a record in its current order (before the KI reorders or
    renames); left-over records of papers no longer placed here are removed."""
    entries = agenda_entries(meeting)
    keep = {entry.item.pk for entry in entries if entry.item}
    meeting.agenda_items.exclude(pk__in=keep).delete()
    items = []
    for entry in entries:
        item = entry.item
        if item is None:  # two KI members opening the page at once: one record
            item, _created = meeting.agenda_items.get_or_create(
                paper=entry.paper, defaults={"order": entry.order}
            )
        if item.order != entry.order:
            item.order = entry.order
            item.save()  # a new ``modified``: OParl clients see the agenda changed
        items.append(item)
    return items


@transaction.atomic
def move(meeting, key: str, *, up: bool) -> bool:
    """Move the entry ``key`` one place up or down within its part; False if it cannot."""
    fix_order(meeting)
    entries = agenda_entries(meeting)
    # The page may still name a paper by itself ("paper-…"); it has its record now.
    matches = [
        index
        for index, entry in enumerate(entries)
        if key in (entry.key, f"paper-{entry.paper_id}" if entry.paper_id else None)
    ]
    if not matches:
        return False
    index = matches[0]
    other = index - 1 if up else index + 1
    if not 0 <= other < len(entries) or entries[other].is_public != entries[index].is_public:
        return False
    first, second = entries[index].item, entries[other].item
    first.order, second.order = second.order, first.order
    first.save(update_fields=["order", "modified"])
    second.save(update_fields=["order", "modified"])
    return True


@transaction.atomic
def add_free_item(meeting, *, title: str, is_public: bool) -> AgendaItem:
    """A point without a paper ("Bericht der Verwaltung"), at the end of its part."""
    fix_order(meeting)  # the papers placed so far keep their places before it
    last = meeting.agenda_items.aggregate(last=Max("order"))["last"]
    return AgendaItem.objects.create(
        meeting=meeting, title=title, is_public=is_public, order=(last or 0) + 1
    )


def fingerprint_parts(meeting, *, public: bool) -> list[str]:
    """What a Sitzungsmappe depends on: the meeting, the visible entries and their releases."""
    entries = visible_entries(agenda_entries(meeting), closed=not public, drafts=False)
    parts = [
        meeting.committee.name,
        _stamp(meeting.start),
        meeting.location,
        str(meeting.cancelled),
    ]
    for entry in entries:
        parts.append(f"{entry.number}|{entry.title}|{entry.key}")
        if entry.release is not None:
            parts.append(f"release {entry.release.pk}")
            # An Anlage whose file is missing is left out of the Mappe: when it is back, anew.
            parts.extend(
                f"anlage {a.pk} {a.file.storage.exists(a.file.name)}" for a in entry.attachments
            )
    return parts


def _stamp(moment: datetime.datetime) -> str:
    return moment.isoformat()
