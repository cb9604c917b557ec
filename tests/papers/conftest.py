"""Fixtures of the council paper tests."""

import datetime

import pytest

from tests import factories


@pytest.fixture
def path(district):
    """Sozialausschuss → Kreisausschuss → Kreistag with a meeting each (seed 001)."""
    meetings = []
    for position, name in enumerate(["Sozialausschuss", "Kreisausschuss", "Kreistag"], start=1):
        committee = factories.CommitteeFactory(district=district, name=name, path_position=position)
        meetings.append(
            factories.MeetingFactory(
                committee=committee,
                start=datetime.datetime(2026, 12, 1, 16, tzinfo=datetime.UTC)
                + datetime.timedelta(weeks=3 * position),
            )
        )
    return meetings
