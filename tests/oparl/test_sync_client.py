"""A client that keeps a copy of the OParl data (as meine-stadt-transparent's ``import`` and
``import_update`` do) stays equal to the server: full import, changes on the server, an
incremental update with ``modified_since``, and the copy equals a fresh full import, with
every object that left the public set marked ``deleted: true`` (OParl 1.1, "Gelöschte Objekte").

The test's writes run their on-commit work (``django_capture_on_commit_callbacks``) as each
committed request would: that is when OParl records what it published.
"""

import datetime
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Committee, Meeting
from oparl.publications import record_publications
from papers.models import (
    AgendaItem,
    Consultation,
    DecisionPaper,
    PaperRelease,
    ReleasedAttachment,
)
from tests import factories

from .conftest import SYSTEM

pytestmark = pytest.mark.django_db

LISTS = ["organization", "meeting", "paper"]  # "person" stays empty


def release(paper, revision: int, *, is_public: bool, subject: str) -> PaperRelease:
    """A new release of ``paper`` now, as papers.services.paper_release leaves it."""
    pdf = f"%PDF-1.7 {paper.reference} Revision {revision}".encode()
    paper.revision, paper.subject, paper.is_public = revision, subject, is_public
    paper.released_at = timezone.now()
    paper.save()
    return factories.PaperReleaseFactory(
        paper=paper,
        revision=revision,
        subject=subject,
        is_public=is_public,
        released_at=paper.released_at,
        pdf=pdf,
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
        sha512=hashlib.sha512(pdf).hexdigest(),
    )


def embedded(obj: dict) -> list[dict]:
    """The objects a Paper (Consultations, Files) or a Meeting (AgendaItems, its Location)
    carries inside."""
    inner = list(obj.get("consultation", [])) + list(obj.get("agendaItem", []))
    for single in ("mainFile", "location"):
        if single in obj:
            inner.append(obj[single])
    return inner + list(obj.get("auxiliaryFile", []))


class SyncingClient:
    """Keeps ``copy``: object id -> object as last received (tombstones included)."""

    def __init__(self, http, schema):
        self.http = http
        self.schema = schema
        self.copy: dict[str, dict] = {}
        self.children: dict[str, set[str]] = {}  # paper or meeting id -> ids embedded in it
        self.requests = 0

    def get(self, url: str, params: dict | None = None) -> dict:
        response = self.http.get(url, params or {})
        self.requests += 1
        assert response.status_code == 200, (url, params, response.content)
        return response.json()

    def pages(self, url: str, params: dict | None = None):
        data = self.get(url, params)
        while True:
            yield from data["data"]
            if "next" not in data["links"]:
                return
            data = self.get(data["links"]["next"])

    def store(self, obj: dict) -> None:
        self.schema.validate(obj)
        self.copy[obj["id"]] = obj
        if obj["type"].endswith(("/Paper", "/Meeting")):
            # A deleted paper or meeting carries nothing any more.
            before = self.children.get(obj["id"], set())
            now = {inner["id"] for inner in embedded(obj)}
            for inner in embedded(obj):
                self.store(inner)
            # An object the paper no longer carries: ask its URL what became of it.
            for gone in sorted(before - now):
                self.store(self.get(gone))
            self.children[obj["id"]] = now

    def run(self, since: str | None = None) -> None:
        params = {"modified_since": since} if since else {}
        system = self.get(SYSTEM)
        for body in self.pages(system["body"]):
            self.store(body)
            for name in LISTS:
                for obj in self.pages(body[name], params):
                    self.store(obj)

    def public(self) -> dict[str, dict]:
        return {key: obj for key, obj in self.copy.items() if not obj.get("deleted")}

    def deleted(self) -> dict[str, dict]:
        return {key: obj for key, obj in self.copy.items() if obj.get("deleted")}


def url(name: str, district, pk: int) -> str:
    return "http://testserver" + reverse(f"oparl:{name}", kwargs={"body": district.slug, "pk": pk})


def agenda_item_url(district, meeting, key: str) -> str:
    kwargs = {"body": district.slug, "meeting": meeting.pk, "key": key}
    return "http://testserver" + reverse("oparl:agenda_item", kwargs=kwargs)


def test_an_incremental_update_brings_the_client_to_the_servers_state(
    client, district, council, oparl_schema, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        spare_meeting = factories.MeetingFactory(committee__district=district)
        spare_committee = factories.CommitteeFactory(district=district, name="Beirat (aufgelöst)")
    record_publications(district)  # the fixture's data, committed before the first visit

    mirror = SyncingClient(client, oparl_schema)
    mirror.run()
    first_import = timezone.now().replace(microsecond=0).isoformat()
    before = dict(mirror.copy)
    assert not mirror.deleted()

    public, revised = council.public, council.revised
    old_release = public.releases.get()
    old_attachment = ReleasedAttachment.objects.get(release=old_release)
    old_steps = list(public.consultations.all())
    revision_2 = revised.releases.get(revision=2)
    closing = revised.consultations.get(order=1).meeting
    renamed = revised.consultations.get(order=3).meeting.committee
    spare_meeting_id, spare_committee_id = spare_meeting.pk, spare_committee.pk
    with django_capture_on_commit_callbacks(execute=True):
        # The Vorlage is released again, nichtöffentlich: it and all it carried leave.
        release(public, 2, is_public=False, subject="Jetzt nichtöffentlich")
        # A meeting is made nichtöffentlich, another is deleted, a Gremium dissolved.
        closing.is_public = False
        closing.save()
        spare_meeting.delete()
        spare_committee.delete()
        # A Gremium is renamed: every meeting of it has a new name.
        renamed.name = "Integrationsrat (neu gewählt)"
        renamed.save()
        # Revision 3 of the other paper: revision 2's PDF is no longer a published File.
        release(revised, 3, is_public=True, subject="Dritte Fassung")

    mirror.run(since=first_import)

    fresh = SyncingClient(client, oparl_schema)
    fresh.run()
    # Everything public equals a fresh import, object for object.
    assert mirror.public() == fresh.public()
    # And what left is marked deleted: each kind that can leave the public set.
    gone = {
        url("paper", district, public.pk),
        *(url("consultation", district, step.pk) for step in old_steps),
        url("release_file", district, old_release.pk),
        url("attachment_file", district, old_attachment.pk),
        url("release_file", district, revision_2.pk),
        url("meeting", district, closing.pk),
        url("meeting", district, spare_meeting_id),
        url("organization", district, spare_committee_id),
        # Issue 20: the withdrawn paper's items at its published meetings, and the items of
        # the meeting made nichtöffentlich.
        *(
            agenda_item_url(district, step.meeting, f"p{public.pk}")
            for step in old_steps
            if step.meeting.is_public
        ),
        agenda_item_url(district, closing, f"p{revised.pk}"),
    }
    assert set(mirror.deleted()) == gone
    assert gone <= set(before)
    for key, stone in mirror.deleted().items():
        assert stone["deleted"] is True
        # accessUrl and order: what the File and AgendaItem schemas require even then.
        assert set(stone) - {"accessUrl", "order"} == {
            "id",
            "type",
            "created",
            "modified",
            "deleted",
        }
        if stone["type"].endswith("/File"):  # the File schema requires it; the bytes are gone
            assert client.get(stone["accessUrl"]).status_code == 410
        left = datetime.datetime.fromisoformat(stone["modified"])
        assert left >= datetime.datetime.fromisoformat(first_import), key
        assert oparl_schema.validate(stone)
        assert stone == client.get(key).json()  # the object URL answers 200 with the same
    # The tombstones keep nothing of the now nichtöffentlich paper.
    assert "Jetzt nichtöffentlich" not in str(mirror.copy)
    # The renamed Gremium's meetings carry the new name, found by modified_since.
    meetings = [
        obj
        for obj in mirror.public().values()
        if obj["type"].endswith("/Meeting")
        and obj["organization"] == [url("organization", district, renamed.pk)]
    ]
    assert meetings
    assert all(m["name"].startswith("Integrationsrat (neu gewählt) am") for m in meetings)
    assert mirror.copy[url("paper", district, revised.pk)]["name"] == "Dritte Fassung"


def test_a_tombstone_is_listed_only_for_a_client_that_synchronises(
    client, district, council, django_capture_on_commit_callbacks
):
    record_publications(district)
    since = timezone.now().replace(microsecond=0).isoformat()
    meeting = council.public.consultations.get(order=1).meeting
    with django_capture_on_commit_callbacks(execute=True):
        meeting.is_public = False
        meeting.save()
    listing = reverse("oparl:meeting_list", kwargs={"body": district.slug})
    meeting_url = url("meeting", district, meeting.pk)
    full = client.get(listing).json()["data"]
    assert meeting_url not in [m["id"] for m in full]
    changed = client.get(listing, {"modified_since": since}).json()
    stones = [m for m in changed["data"] if m["id"] == meeting_url]
    assert [m["deleted"] for m in stones] == [True]
    # It is back: the tombstone is gone and the meeting is an ordinary one again.
    with django_capture_on_commit_callbacks(execute=True):
        meeting.is_public = True
        meeting.save()
    answer = client.get(meeting_url).json()
    assert "deleted" not in answer
    assert answer["name"].endswith(
        meeting.start.astimezone(timezone.get_current_timezone()).strftime("%d.%m.%Y")
    )
    changed = client.get(listing, {"modified_since": since}).json()["data"]
    assert [m for m in changed if m["id"] == meeting_url] == [answer]


def test_what_was_never_public_has_no_tombstone(
    client, district, council, django_capture_on_commit_callbacks
):
    """A paper released nichtöffentlich from the start, a draft, a closed meeting: still 404
    after the record is kept, and not in a list with modified_since (nothing leaks, not even
    the id)."""
    with django_capture_on_commit_callbacks(execute=True):
        factories.MeetingFactory(committee__district=district, is_public=False)
    record_publications(district)
    for name, pk in [
        ("paper", council.secret.pk),
        ("paper", council.draft.pk),
        ("meeting", council.closed_meeting.pk),
    ]:
        assert client.get(url(name, district, pk)).status_code == 404, name
    since = "2000-01-01T00:00:00+01:00"
    for name in LISTS:
        listing = reverse(f"oparl:{name}_list", kwargs={"body": district.slug})
        assert not [
            o
            for o in client.get(listing, {"modified_since": since}).json()["data"]
            if o.get("deleted")
        ]


def test_time_filters_compare_at_the_published_precision(client, district, council):
    """``modified_until`` = an object's published ``modified`` (to the second) finds it, and
    ``modified_since`` = the same finds it too, although the stored value has microseconds."""
    stamp = datetime.datetime(2026, 6, 20, 10, 0, 5, 654321, tzinfo=datetime.UTC)
    Meeting.objects.filter(committee__district=district).update(modified=stamp)
    Committee.objects.filter(district=district).update(modified=stamp)
    # A meeting embeds its agenda: the Beratungen and releases of its papers (issue 20).
    Consultation.objects.for_district(district).update(modified=stamp)
    AgendaItem.objects.for_district(district).update(modified=stamp)
    PaperRelease.objects.for_district(district).update(released_at=stamp)
    listing = reverse("oparl:meeting_list", kwargs={"body": district.slug})
    meetings = client.get(listing).json()["data"]
    published = meetings[0]["modified"]
    assert published == "2026-06-20T12:00:05+02:00"
    for name in ["modified_until", "modified_since"]:
        found = client.get(listing, {name: published}).json()["data"]
        assert len(found) == len(meetings), name
    later = "2026-06-20T12:00:06+02:00"
    assert client.get(listing, {"modified_since": later}).json()["data"] == []
    earlier = "2026-06-20T12:00:04+02:00"
    assert client.get(listing, {"modified_until": earlier}).json()["data"] == []
    # A fraction in the parameter: floor(stored) = 12:00:05 is not >= 12:00:05.5.
    assert (
        client.get(listing, {"modified_since": "2026-06-20T12:00:05.5+02:00"}).json()["data"] == []
    )


def test_a_meeting_closed_to_the_public_moves_the_paper_that_links_it(client, district, council):
    """The Consultation names its meeting only while it is öffentlich, and the Paper embeds
    the Consultation: both show up for a client that asks with ``modified_since``."""
    past = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
    DecisionPaper.objects.for_district(district).update(modified=past)
    PaperRelease.objects.for_district(district).update(released_at=past)
    Consultation.objects.for_district(district).update(modified=past)
    Meeting.objects.for_district(district).update(modified=past)
    Committee.objects.for_district(district).update(modified=past)
    since = "2026-06-02T00:00:00+02:00"
    paper_list = reverse("oparl:paper_list", kwargs={"body": district.slug})
    assert client.get(paper_list, {"modified_since": since}).json()["data"] == []
    step = council.revised.consultations.get(order=1)
    step.meeting.is_public = False
    step.meeting.save()
    changed = client.get(paper_list, {"modified_since": since}).json()["data"]
    assert [paper["id"] for paper in changed] == [url("paper", district, council.revised.pk)]
    embedded_step = changed[0]["consultation"][0]
    assert "meeting" not in embedded_step
    assert embedded_step == client.get(url("consultation", district, step.pk)).json()
