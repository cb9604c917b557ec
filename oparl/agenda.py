"""What OParl publishes of a meeting's Tagesordnung: its öffentlich AgendaItems (issue 20).

The agenda is the one of ``papers.agenda`` (the KI's order, the papers placed at the meeting
without a record after it, "Ö 1" … "N 1"), assembled here from the rows that
``queries.meetings_for_output`` prefetched: a page of meetings costs the same few queries
however many meetings and items it holds. tests/oparl/test_agenda.py checks that it stays the
same agenda as ``papers.agenda.agenda_entries``.

Published are only öffentlich items (a nichtöffentlich one not at all, not even its title) and,
of the items with a paper, only those whose paper OParl publishes (released, latest release
öffentlich; issue 6): never a draft's working title.

Ids stay the same while the item exists: an item with a paper is the pair (meeting, paper),
whether the KI has stored a record for it or not (the record appears when the KI reorders);
a free item ("Bericht der Verwaltung") is its record.
"""

import datetime
from dataclasses import dataclass

from actors.models import Meeting
from papers.agenda import Entry, build_entries


@dataclass(frozen=True)
class PublishedItem:
    entry: Entry
    position: int  # OParl 1.1 ``order``: the place in Meeting.agendaItem, counted from 0

    @property
    def key(self) -> str:
        """The item within its meeting, in the URL and in ``Publication.object_key``."""
        entry = self.entry
        return f"p{entry.paper.pk}" if entry.paper is not None else f"i{entry.item.pk}"

    @property
    def created(self) -> datetime.datetime:
        """Never changes (OParl 1.1): a paper's item is published from the paper's first
        release on (its Beratungen are written anew with every draft save, their ``created``
        moves); a free item is its record."""
        entry = self.entry
        if entry.paper is not None and entry.paper.oparl_releases:
            return min(release.released_at for release in entry.paper.oparl_releases)
        return entry.item.created


def entries(meeting: Meeting) -> list[Entry]:
    """The whole agenda of a meeting from ``queries.meetings_for_output``, in order: the same
    function as the meeting page (``papers.agenda.build_entries``), on prefetched rows."""
    return build_entries(
        meeting,
        meeting.oparl_items,
        meeting.oparl_steps,
        releases_of=lambda paper: paper.oparl_releases,
    )


def published_items(meeting: Meeting) -> list[PublishedItem]:
    """The AgendaItems OParl shows of a published meeting, in order."""
    shown = [
        entry
        for entry in entries(meeting)
        if entry.is_public and (entry.paper is None or entry.release is not None)
    ]
    return [PublishedItem(entry, position) for position, entry in enumerate(shown)]


def location_of(meeting: Meeting) -> str:
    """The place of a meeting as its Location's description; empty: no Location."""
    return meeting.location.strip()
