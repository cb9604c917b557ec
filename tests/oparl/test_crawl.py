"""A client that knows only the entry point finds everything and every object is valid OParl 1.1.

The crawler starts at /oparl/v1.1/, follows every URL of this server it meets in the JSON,
validates each object (also the embedded ones) against the schema file of its ``type`` and
downloads the files.
"""

import hashlib
import json
from collections import Counter

import pytest
from django.urls import reverse

from actors.models import Meeting
from papers.models import PaperRelease

from .conftest import CLOSED_ITEM_TITLE, SYSTEM

pytestmark = pytest.mark.django_db

PREFIX = "http://testserver/oparl/"
LIST_KEYS = {"data", "pagination", "links"}


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def objects_in(node, top=True):
    """Every OParl object inside ``node`` (dicts with id and type), the embedded ones too."""
    if isinstance(node, dict):
        if not top and "id" in node and "type" in node:
            yield node
        for value in node.values():
            yield from objects_in(value, top=False)
    elif isinstance(node, list):
        for value in node:
            yield from objects_in(value, top=False)


def url(name: str, **kwargs) -> str:
    return "http://testserver" + reverse(f"oparl:{name}", kwargs=kwargs)


class Crawl:
    def __init__(self, client, schema):
        self.client = client
        self.schema = schema
        self.fetched = {}  # url -> object (not list pages)
        self.embedded = {}  # id -> object as embedded somewhere
        self.list_pages = 0
        self.downloads = {}  # url -> response
        self.validated = Counter()  # type -> validations (fetched and embedded)
        self.text = []  # every JSON answer, to look for what must not be there

    def run(self, start: str):
        queue, seen = [start], {start}
        while queue:
            url = queue.pop(0)
            response = self.client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            assert response["Access-Control-Allow-Origin"] == "*", url
            if not response["Content-Type"].startswith("application/json"):
                self.downloads[url] = response
                continue
            assert response["Content-Type"] == "application/json; charset=utf-8", url
            self.text.append(response.content.decode("utf-8"))
            data = json.loads(self.text[-1])
            self.check(url, data)
            for value in strings(data):
                if value.startswith(PREFIX) and value not in seen:
                    seen.add(value)
                    queue.append(value)

    def check(self, url: str, data: dict):
        if data.keys() >= LIST_KEYS:
            self.check_list(url, data)
            items = data["data"]
        else:
            assert data["id"] == url, f"id {data['id']} fetched from {url}"
            self.fetched[url] = data
            items = [data]
        for obj in items:
            self.check_object(obj)
            for inner in objects_in(obj):
                self.check_object(inner)
                self.embedded.setdefault(inner["id"], inner)
        for obj in data.get("data", []):
            self.embedded.setdefault(obj["id"], obj)

    def check_object(self, obj: dict):
        name = self.schema.validate(obj)
        self.validated[name] += 1
        for key in ("id", "type", "created", "modified"):
            assert key in obj, f"{obj.get('id')} has no {key}"

    def check_list(self, url: str, data: dict):
        self.list_pages += 1
        assert set(data) == LIST_KEYS, url
        assert isinstance(data["data"], list)
        pagination, links = data["pagination"], data["links"]
        assert set(pagination) == {"totalElements", "elementsPerPage", "currentPage", "totalPages"}
        assert all(isinstance(v, int) for v in pagination.values())
        assert links["self"] == url
        assert {"first", "last", "self"} <= set(links) <= {"first", "last", "self", "prev", "next"}
        last_page = pagination["currentPage"] == pagination["totalPages"]
        assert ("next" in links) != last_page, url  # OParl: next on every page but the last
        assert len(data["data"]) <= pagination["elementsPerPage"]


def test_a_crawler_finds_and_validates_everything(client, council, oparl_schema, capsys):
    crawl = Crawl(client, oparl_schema)
    crawl.run(SYSTEM)

    # Nothing of the nichtöffentlich and the draft paper anywhere.
    everything = "\n".join(crawl.text)
    secrets = ["Geheime Personalsache", "50/022/2026", "Entwurf in Arbeit", "50/023/2026"]
    for secret in [*secrets, CLOSED_ITEM_TITLE]:
        assert secret not in everything
    assert "Alte Fassung" not in everything

    # Every embedded object is the same as the object at its URL.
    for object_id, obj in crawl.embedded.items():
        assert crawl.fetched.get(object_id) == obj, object_id

    slug = council.public.district.slug
    papers = {u for u, o in crawl.fetched.items() if o["type"].endswith("/Paper")}
    assert papers == {
        url("paper", body=slug, pk=council.public.pk),
        url("paper", body=slug, pk=council.revised.pk),
    }
    public = crawl.fetched[url("paper", body=slug, pk=council.public.pk)]
    assert public["reference"] == "50/020/2026"
    assert public["name"] == "Fortschreibung des Integrationskonzepts"
    assert public["paperType"] == "Beschlussvorlage"
    assert public["web"] == f"http://testserver/oeffentlich/{slug}/vorlagen/{council.public.pk}/"
    assert [c["role"] for c in public["consultation"]] == [
        "Vorberatung",
        "Vorberatung",
        "Entscheidung",
    ]
    assert [c["authoritative"] for c in public["consultation"]] == [False, False, True]
    # The closed Kreisausschuss meeting is not published; its committee is still named.
    assert "meeting" not in public["consultation"][1]
    assert public["consultation"][1]["organization"]
    meetings = {u: o for u, o in crawl.fetched.items() if o["type"].endswith("/Meeting")}
    expected = Meeting.objects.filter(committee__district=council.public.district, is_public=True)
    assert set(meetings) == {url("meeting", body=slug, pk=m.pk) for m in expected}
    assert url("meeting", body=slug, pk=council.closed_meeting.pk) not in meetings
    cancelled = council.public.consultations.get(order=1).meeting
    assert meetings[url("meeting", body=slug, pk=cancelled.pk)]["cancelled"] is True

    # Issue 20: the Kreistag's agenda and its place, embedded in the meeting and fetched at
    # their own URLs (the embedded copies equal them, checked above); the nichtöffentlich item
    # is left out, numbers and order stay those of the öffentlich part.
    kreistag = meetings[url("meeting", body=slug, pk=council.kreistag.pk)]
    items = kreistag["agendaItem"]
    assert [(item["number"], item["order"], item["name"]) for item in items] == [
        ("Ö 1", 0, "Fortschreibung des Integrationskonzepts"),
        ("Ö 2", 1, "Bericht der Verwaltung"),
    ]
    decided = council.public.consultations.get(meeting=council.kreistag)
    assert items[0]["consultation"] == url("consultation", body=slug, pk=decided.pk)
    assert items[0]["result"] == "einstimmig beschlossen"
    assert "consultation" not in items[1]
    assert all(item["public"] is True for item in items)
    assert {item["id"] for item in items} <= set(crawl.fetched)
    assert kreistag["location"]["description"].startswith("Kreishaus Mettmann")
    assert kreistag["location"]["meetings"] == [kreistag["id"]]
    assert kreistag["location"]["id"] in crawl.fetched
    assert crawl.validated["AgendaItem"] >= 4 and crawl.validated["Location"] >= 2

    # The revised paper shows revision 2, and only revision 2 is a published File.
    revised = crawl.fetched[url("paper", body=slug, pk=council.revised.pk)]
    assert revised["name"] == "Neue Fassung"
    old = PaperRelease.objects.get(paper=council.revised, revision=1)
    assert client.get(url("release_file", body=slug, pk=old.pk)).status_code == 404

    # Files: the bytes behind accessUrl and downloadUrl are the stored ones.
    files = [o for o in crawl.fetched.values() if o["type"].endswith("/File")]
    assert len(files) == 3  # two released PDFs, one Anlage with a file
    for file in files:
        access = crawl.downloads[file["accessUrl"]]
        download = crawl.downloads[file["downloadUrl"]]
        content = b"".join(access.streaming_content) if access.streaming else access.content
        saved = b"".join(download.streaming_content) if download.streaming else download.content
        assert content == saved
        assert len(content) == file["size"]
        assert access["Content-Type"].startswith(file["mimeType"])
        assert not access.get("Content-Disposition", "").startswith("attachment")
        assert download["Content-Disposition"].startswith("attachment; filename=")
        if file["id"].startswith(url("body", body=slug) + "file/release-"):
            release = PaperRelease.objects.get(pk=int(file["id"].rstrip("/").rsplit("-", 1)[1]))
            assert content == bytes(release.pdf)
        else:
            assert content == council.attachment_bytes
            assert file["name"] == "Maßnahmenkatalog"
        assert file["sha512Checksum"] == hashlib.sha512(content).hexdigest()
    assert public["mainFile"]["accessUrl"] in crawl.downloads

    with capsys.disabled():
        print(
            f"\nOParl-Crawl (Schema: {crawl.schema.source}, {crawl.schema.folder}): "
            f"{len(crawl.fetched)} Objekte abgerufen, {crawl.list_pages} Listenseiten, "
            f"{len(crawl.downloads)} Dateiabrufe, {sum(crawl.validated.values())} "
            f"Schema-Prüfungen ({', '.join(f'{k} {v}' for k, v in sorted(crawl.validated.items()))})"
        )


def test_the_vendored_schema_is_the_shared_one():
    """The copy in tests/oparl/schema/ must not drift from ../shared/oparl-1.1."""
    from .schema_check import SHARED, VENDORED

    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} fehlt; geprüft wird gegen die mitgelieferte Kopie")
    for path in SHARED.iterdir():
        assert (VENDORED / path.name).read_bytes() == path.read_bytes(), path.name
