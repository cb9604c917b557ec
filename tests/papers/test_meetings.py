"""Issue 20: a meeting's page with its Tagesordnung, the KI's agenda editing, and the
Sitzungsmappe (one tagged PDF per meeting and reader, the public one without nichtöffentlich
items)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import User
from actors.models import Meeting
from documents.models import GeneratedDocument
from papers import agenda
from papers.models import AgendaItem
from tests import factories

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


# --- The demo meeting of issue 20's point 1 ----------------------------------------------------


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def media_root(settings, demo_media):
    """The released Anlagen the demo wrote stay readable in every test of this module."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def sozialausschuss(demo):
    """Mettmann's Sozialausschuss of 11.05.2015 (seed 001), with a nichtöffentlich point."""
    meeting = Meeting.objects.get(
        committee__district__slug="kreis-mettmann",
        committee__name="Sozialausschuss",
        start__date=datetime.date(2015, 5, 11),
    )
    agenda.add_free_item(meeting, title="Personalangelegenheit Beratungsstelle", is_public=False)
    agenda.add_free_item(meeting, title="Bericht der Verwaltung", is_public=True)
    return meeting


def test_demo_meeting_page_shows_its_agenda_with_the_paper(client, sozialausschuss):
    client.force_login(User.objects.get(username="kreistag.kreis-mettmann"))
    response = client.get(reverse("papers:meeting", args=["kreis-mettmann", sozialausschuss.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "50/020/2015" in html
    assert "Ö 1" in html and "Ö 2" in html and "N 1" in html
    assert "Personalangelegenheit Beratungsstelle" in html  # a council member reads it
    assert "Bericht der Verwaltung" in html and "ohne Vorlage" in html


def test_liaison_and_public_do_not_see_the_nichtoeffentlich_item(client, sozialausschuss):
    client.force_login(User.objects.get(username="kommune.hilden"))
    page = client.get(reverse("papers:meeting", args=["kreis-mettmann", sozialausschuss.pk]))
    assert page.status_code == 200
    assert "50/020/2015" in page.content.decode()
    assert "Personalangelegenheit" not in page.content.decode()
    client.logout()
    public = client.get(reverse("public:meeting", args=["kreis-mettmann", sozialausschuss.pk]))
    assert public.status_code == 200
    html = public.content.decode()
    assert "50/020/2015" in html and "Personalangelegenheit" not in html
    assert "N 1" not in html


def test_council_member_downloads_the_whole_sitzungsmappe(client, sozialausschuss):
    client.force_login(User.objects.get(username="kreistag.kreis-mettmann"))
    url = reverse("papers:meeting_folder", args=["kreis-mettmann", sozialausschuss.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    # Tagged, German (PDF/UA, BITV NRW), with bookmarks opened beside it.
    assert root["/Lang"] == "de"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert root["/PageMode"] == "/UseOutlines"
    first_pages = reader.pages[0].extract_text() + reader.pages[1].extract_text()
    assert "Sitzungsmappe" in first_pages and "Sozialausschuss" in first_pages
    assert "11.05.2015" in first_pages
    assert "Tagesordnung" in first_pages and "Personalangelegenheit Beratungsstelle" in first_pages
    # The agenda names the page where the paper starts, and the Anlage's page.
    titles = outline_titles(reader)
    assert "Vorlage 50/020/2015" in titles
    anlage = next(title for title in titles if title.startswith("Anlage 1:"))
    assert "Integrationskonzept" in anlage
    paper_page = _bookmark_page(reader, "Vorlage 50/020/2015")
    anlage_page = _bookmark_page(reader, anlage)
    assert anlage_page > paper_page > 1
    assert f"– Seite {anlage_page}" in first_pages
    # The paper as released, then its Anlage, follow.
    text = pdf_text(content)
    assert "Beschlussvorschlag" in text
    assert len(reader.pages) > anlage_page
    # Every page belongs to the structure tree (its key is in the ParentTree).
    tree = root["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    keys = {int(nums[index]) for index in range(0, len(nums), 2)}
    tagged = [page.get("/StructParents") for page in reader.pages]
    assert all(key in keys for key in tagged if key is not None)
    assert tagged[paper_page - 1] is not None  # the released paper kept its tags
    # Stored: asking again serves the same bytes without rendering anew.
    count = GeneratedDocument.objects.filter(kind="sitzungsmappe").count()
    assert client.get(url).content == content
    assert GeneratedDocument.objects.filter(kind="sitzungsmappe").count() == count


def _bookmark_page(reader, title) -> int:
    def walk(items):
        for item in items:
            if isinstance(item, list):
                found = walk(item)
                if found:
                    return found
            elif item.title == title:
                return reader.get_destination_page_number(item) + 1
        return None

    return walk(reader.outline)


def test_public_sitzungsmappe_leaves_out_nichtoeffentlich_items(client, sozialausschuss):
    url = reverse("public:meeting_folder", args=["kreis-mettmann", sozialausschuss.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Öffentlicher Teil" in text and "50/020/2015" in text
    assert "Bericht der Verwaltung" in text
    assert "Personalangelegenheit" not in text
    assert "Nichtöffentlicher Teil" not in text


def test_a_changed_agenda_makes_a_new_sitzungsmappe(client, sozialausschuss):
    url = reverse("public:meeting_folder", args=["kreis-mettmann", sozialausschuss.pk])
    first = client.get(url).content
    item = AgendaItem.objects.get(meeting=sozialausschuss, title="Bericht der Verwaltung")
    item.title = "Mitteilungen der Verwaltung"
    item.save()
    second = client.get(url).content
    assert "Mitteilungen der Verwaltung" in pdf_text(second)
    assert "Mitteilungen der Verwaltung" not in pdf_text(first)


# --- Agenda rules, on small data ----------------------------------------------------------------


@pytest.fixture
def meeting(district):
    return factories.MeetingFactory(committee__district=district)


def _place(meeting, *, is_public=True, released=True, reference=None, date=None):
    paper = factories.DecisionPaperFactory(
        district=meeting.committee.district,
        is_public=is_public,
        **({"reference": reference} if reference else {}),
        **({"date": date} if date else {}),
    )
    factories.ConsultationFactory(paper=paper, meeting=meeting, order=1)
    if released:
        factories.PaperReleaseFactory(paper=paper)
    return paper


def test_oeffentlich_part_first_numbered_within_each_part(meeting):
    closed = _place(meeting, is_public=False, date=datetime.date(2026, 1, 1))
    public = _place(meeting, date=datetime.date(2026, 2, 1))
    agenda.add_free_item(meeting, title="Mitteilungen", is_public=True)
    entries = agenda.agenda_entries(meeting)
    assert [(e.number, e.order) for e in entries] == [("Ö 1", 1), ("Ö 2", 2), ("N 1", 3)]
    assert entries[2].paper == closed
    assert {entries[0].paper, entries[1].paper} == {public, None}


def test_a_nichtoeffentlich_paper_stays_closed_even_if_its_item_says_public(meeting):
    paper = _place(meeting, is_public=False)
    AgendaItem.objects.create(meeting=meeting, paper=paper, is_public=True, order=1)
    (entry,) = agenda.agenda_entries(meeting)
    assert entry.is_public is False and entry.number == "N 1"


def test_a_nichtoeffentliche_sitzung_has_only_closed_items(district):
    meeting = factories.MeetingFactory(committee__district=district, is_public=False)
    _place(meeting)
    assert [e.number for e in agenda.agenda_entries(meeting)] == ["N 1"]


def test_a_paper_moved_to_another_meeting_leaves_the_agenda(meeting, district):
    paper = _place(meeting)
    agenda.fix_order(meeting)
    assert AgendaItem.objects.filter(meeting=meeting, paper=paper).exists()
    other = factories.MeetingFactory(committee=meeting.committee)
    paper.consultations.update(meeting=other)
    assert agenda.agenda_entries(meeting) == []
    assert [e.paper for e in agenda.agenda_entries(other)] == [paper]


def test_unreleased_paper_shows_its_item_but_not_the_draft(client, meeting, council_member):
    draft = _place(meeting, released=False)
    client.force_login(council_member)
    html = client.get(
        reverse("papers:meeting", args=[meeting.committee.district.slug, meeting.pk])
    ).content.decode()
    assert "Vorlage folgt" in html
    assert reverse("papers:detail", args=[meeting.committee.district.slug, draft.pk]) not in html


def test_ki_moves_items_within_a_part_only(client, meeting, ki_staff):
    first = _place(meeting, date=datetime.date(2026, 1, 1))
    second = _place(meeting, date=datetime.date(2026, 2, 1))
    closed = _place(meeting, is_public=False)
    client.force_login(ki_staff)
    url = reverse("papers:agenda_move", args=[meeting.committee.district.slug, meeting.pk])
    client.post(url, {"eintrag": f"paper-{second.pk}", "richtung": "hoch"})
    assert [e.paper for e in agenda.agenda_entries(meeting)] == [second, first, closed]
    # The last öffentlich item cannot pass into the nichtöffentlich part.
    item = AgendaItem.objects.get(meeting=meeting, paper=first)
    response = client.post(url, {"eintrag": f"item-{item.pk}", "richtung": "runter"}, follow=True)
    assert "nicht weiter verschieben" in response.content.decode()
    assert [e.paper for e in agenda.agenda_entries(meeting)] == [second, first, closed]
    # Garbage changes nothing and is no error.
    for data in ({"eintrag": "paper-999999"}, {"eintrag": "item-x"}, {}):
        assert client.post(url, data).status_code == 302
    assert [e.paper for e in agenda.agenda_entries(meeting)] == [second, first, closed]


def test_ki_adds_renames_and_removes_a_free_item(client, meeting, ki_staff):
    slug = meeting.committee.district.slug
    client.force_login(ki_staff)
    url = reverse("papers:agenda", args=[slug, meeting.pk])
    empty = client.post(url, {"title": "   ", "is_public": "on"})
    assert empty.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in empty.content.decode()
    assert not AgendaItem.objects.exists()
    too_long = client.post(url, {"title": "x" * 301, "is_public": "on"})
    assert too_long.status_code == 200 and not AgendaItem.objects.exists()
    client.post(url, {"title": "Bericht der Verwaltung", "is_public": "on"})
    item = AgendaItem.objects.get()
    update = reverse("papers:agenda_item_update", args=[slug, item.pk])
    form = client.get(update)
    assert form.status_code == 200
    client.post(update, {"title": "Mitteilungen", "is_public": "on", "_seen": ""})
    item.refresh_from_db()
    assert item.title == "Mitteilungen"
    client.post(reverse("papers:agenda_item_delete", args=[slug, item.pk]))
    assert not AgendaItem.objects.exists()


def test_a_paper_item_is_not_deleted_here(client, meeting, ki_staff):
    paper = _place(meeting)
    (item,) = agenda.fix_order(meeting)
    client.force_login(ki_staff)
    url = reverse("papers:agenda_item_delete", args=[meeting.committee.district.slug, item.pk])
    assert client.post(url).status_code == 404
    assert AgendaItem.objects.filter(paper=paper).exists()


def test_meeting_page_queries_do_not_grow_with_the_agenda(
    client, meeting, council_member, django_assert_max_num_queries
):
    client.force_login(council_member)
    url = reverse("papers:meeting", args=[meeting.committee.district.slug, meeting.pk])
    _place(meeting)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(6):
        paper = _place(meeting)
        factories.ReleasedAttachmentFactory(release=paper.releases.get())
        agenda.add_free_item(meeting, title="Punkt", is_public=False)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("Anlage)") == 6


def test_agenda_edit_page_queries_do_not_grow(
    client, meeting, ki_staff, django_assert_max_num_queries
):
    client.force_login(ki_staff)
    url = reverse("papers:agenda", args=[meeting.committee.district.slug, meeting.pk])
    _place(meeting)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(6):
        _place(meeting)
        agenda.add_free_item(meeting, title="Punkt", is_public=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_draft_papers_count_in_no_sitzungsmappe(meeting):
    _place(meeting, released=False)
    entries = agenda.visible_entries(agenda.agenda_entries(meeting), closed=True, drafts=False)
    assert [entry.paper for entry in entries] == [None]


def test_sitzungsmappe_with_a_draft_placed_without_a_record(client, meeting, council_member):
    """Review: a draft on an agenda the KI never opened made every Mappe a 500."""
    _place(meeting, released=False)
    released = _place(meeting)
    slug = meeting.committee.district.slug
    client.force_login(council_member)
    response = client.get(reverse("papers:meeting_folder", args=[slug, meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert agenda.DRAFT_TITLE in text and released.reference in text
    client.logout()
    public = client.get(reverse("public:meeting_folder", args=[slug, meeting.pk]))
    assert public.status_code == 200
    assert agenda.DRAFT_TITLE in pdf_text(public.content)


def test_a_nichtoeffentliche_sitzung_is_not_public(client, district):
    meeting = factories.MeetingFactory(committee__district=district, is_public=False)
    for name in ("public:meeting", "public:meeting_folder"):
        assert client.get(reverse(name, args=[district.slug, meeting.pk])).status_code == 404


def test_a_superseded_public_mappe_is_no_longer_downloaded(client, meeting, liaison):
    """A paper made nichtöffentlich after the public Mappe was made: the old PDF is gone."""
    paper = _place(meeting)
    slug = meeting.committee.district.slug
    client.force_login(liaison)
    client.get(reverse("papers:meeting_folder", args=[slug, meeting.pk]))
    document = GeneratedDocument.objects.get(kind="sitzungsmappe")
    download = reverse("documents:download", args=[slug, document.pk])
    assert client.get(download).status_code == 200
    factories.PaperReleaseFactory(paper=paper, revision=2, is_public=False)
    assert client.get(download).status_code == 404
    response = client.get(reverse("papers:meeting_folder", args=[slug, meeting.pk]))
    assert paper.reference not in pdf_text(response.content)


def test_a_part_whose_structure_cannot_be_read_is_appended_untagged():
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    from documents.merge import Heading, Part, append_parts
    from documents.pdf import html_to_pdf

    front = html_to_pdf('<html lang="de"><title>T</title><h1>Deckblatt</h1></html>')
    broken = PdfWriter(clone_from=io.BytesIO(html_to_pdf('<html lang="de"><p>Anlage</p>')))
    del broken._root_object["/StructTreeRoot"].get_object()[NameObject("/ParentTree")]
    out = io.BytesIO()
    broken.write(out)
    content, pages = append_parts(front, [Heading("Ö 1 Punkt", [Part(out.getvalue(), "Anlage")])])
    reader = PdfReader(io.BytesIO(content))
    assert pages == len(reader.pages) == 2
    assert "Anlage" in reader.pages[1].extract_text()
    assert reader.pages[1].get("/StructParents") is None


def test_the_mappe_is_made_anew_when_a_missing_anlage_file_is_back(meeting):
    from papers.folder import MeetingFolderRenderer, folder_for

    paper = _place(meeting)
    attachment = factories.ReleasedAttachmentFactory(release=paper.releases.get())
    folder = folder_for(meeting, public=False)
    renderer = MeetingFolderRenderer()
    present = renderer.fingerprint(folder)
    content = attachment.file.read()
    attachment.file.storage.delete(attachment.file.name)
    missing = renderer.fingerprint(folder)
    attachment.file.storage.save(attachment.file.name, io.BytesIO(content))
    assert missing != present
    assert renderer.fingerprint(folder) == present


def test_public_meeting_page_queries_do_not_grow(client, meeting, django_assert_max_num_queries):
    url = reverse("public:meeting", args=[meeting.committee.district.slug, meeting.pk])
    _place(meeting)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(6):
        paper = _place(meeting)
        factories.ReleasedAttachmentFactory(release=paper.releases.get())
        agenda.add_free_item(meeting, title="Nichtöffentlicher Punkt", is_public=False)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    html = response.content.decode()
    assert html.count("Anlage)") == 6 and "Nichtöffentlicher Punkt" not in html
