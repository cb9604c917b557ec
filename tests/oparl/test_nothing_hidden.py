"""Nothing nichtöffentlich or unreleased is reachable through OParl (issue 7, like issue 6)."""

import pytest
from django.test import Client
from django.urls import reverse

from oparl.publications import record_publications
from papers.models import PaperRelease, ReleasedAttachment
from tests import factories

pytestmark = pytest.mark.django_db

SECRETS = ["Geheime Personalsache", "50/022/2026", "Entwurf in Arbeit", "50/023/2026"]


def oparl(client, name, **kwargs):
    return client.get(reverse(f"oparl:{name}", kwargs=kwargs))


def not_found(response):
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["error"]["status"] == 404
    return True


def test_secret_and_draft_papers_are_not_listed(client, district, council):
    body = district.slug
    listed = oparl(client, "paper_list", body=body).content.decode()
    for secret in SECRETS:
        assert secret not in listed
    papers = oparl(client, "paper_list", body=body).json()
    assert papers["pagination"]["totalElements"] == 2
    # Their Beratungsfolge and Anlagen are not embedded anywhere either.
    hidden = [council.secret, council.draft]
    hidden_steps = [c for paper in hidden for c in paper.consultations.all()]
    hidden_files = ReleasedAttachment.objects.filter(release__paper__in=hidden)
    assert hidden_files.exists()
    for step in hidden_steps:
        assert f"/consultation/{step.pk}/" not in listed
    for attachment in hidden_files:
        assert f"/file/attachment-{attachment.pk}/" not in listed


def test_secret_and_draft_papers_answer_404_everywhere(client, district, council):
    body = district.slug
    for paper in [council.secret, council.draft]:
        assert not_found(oparl(client, "paper", body=body, pk=paper.pk))
        for step in paper.consultations.all():
            assert not_found(oparl(client, "consultation", body=body, pk=step.pk))
        for attachment in ReleasedAttachment.objects.filter(release__paper=paper):
            for name in ["attachment_file", "attachment_file_access", "attachment_file_download"]:
                assert not_found(oparl(client, name, body=body, pk=attachment.pk))
        for release in paper.releases.all():
            for name in ["release_file", "release_file_access", "release_file_download"]:
                assert not_found(oparl(client, name, body=body, pk=release.pk))


def test_a_paper_turned_nichtoeffentlich_disappears(
    client, district, council, django_capture_on_commit_callbacks
):
    """A new release that is nichtöffentlich hides the paper, also its older öffentlich PDF.
    OParl published them before, so they answer ``deleted: true`` (OParl 1.1, "Gelöschte
    Objekte") with nothing of their content, and the PDF's bytes are gone (410)."""
    record_publications(district)  # the fixture's data, committed and published
    paper = council.public
    old_release = paper.releases.get()
    with django_capture_on_commit_callbacks(execute=True):
        factories.PaperReleaseFactory(paper=paper, revision=2, is_public=False)
    stone = oparl(client, "paper", body=district.slug, pk=paper.pk).json()
    assert stone["deleted"] is True
    assert set(stone) == {"id", "type", "created", "modified", "deleted"}
    gone = oparl(client, "release_file_access", body=district.slug, pk=old_release.pk)
    assert gone.status_code == 410
    assert gone.json()["error"]["status"] == 410
    references = [
        p["reference"] for p in oparl(client, "paper_list", body=district.slug).json()["data"]
    ]
    assert references == ["50/021/2026"]


def test_an_older_revision_is_not_published(client, district, council):
    old = PaperRelease.objects.get(paper=council.revised, revision=1)
    assert not_found(oparl(client, "release_file", body=district.slug, pk=old.pk))
    assert not_found(oparl(client, "release_file_access", body=district.slug, pk=old.pk))


def test_a_nichtoeffentlich_meeting_is_not_published(client, district, council):
    meeting = council.closed_meeting
    assert not_found(oparl(client, "meeting", body=district.slug, pk=meeting.pk))
    listed = oparl(client, "meeting_list", body=district.slug).json()["data"]
    assert f"/meeting/{meeting.pk}/" not in str([m["id"] for m in listed])


def test_objects_of_another_district_are_not_reachable_under_this_one(
    client, district, other_district, council
):
    """Every object URL of ``district`` answers 404 under ``other_district``'s slug."""
    other = other_district.slug
    public = council.public
    step = public.consultations.first()
    release = public.releases.get()
    attachment = release.attachments.get()
    for name, pk in [
        ("paper", public.pk),
        ("consultation", step.pk),
        ("meeting", step.meeting.pk),
        ("organization", step.meeting.committee.pk),
        ("release_file", release.pk),
        ("release_file_access", release.pk),
        ("attachment_file", attachment.pk),
        ("attachment_file_download", attachment.pk),
    ]:
        assert not_found(oparl(client, name, body=other, pk=pk)), name
    assert oparl(client, "paper_list", body=other).json()["data"] == []
    assert oparl(client, "organization_list", body=other).json()["data"] == []


def test_anlagen_are_those_of_the_release_not_of_a_revision_in_progress(client, district, council):
    """Revision 2 in progress drops an Anlage and adds one: OParl still offers revision 1's."""
    paper = council.public
    released = paper.releases.get().attachments.get()
    paper.revision, paper.released_at = 2, None
    paper.save()
    paper.attachments.exclude(file="").delete()
    factories.AttachmentFactory(paper=paper, title="Neue Anlage in Arbeit")
    data = oparl(client, "paper", body=district.slug, pk=paper.pk).json()
    assert [f["name"] for f in data["auxiliaryFile"]] == ["Maßnahmenkatalog"]
    assert "Neue Anlage in Arbeit" not in str(data)
    content = oparl(client, "attachment_file_access", body=district.slug, pk=released.pk)
    assert b"".join(content.streaming_content) == council.attachment_bytes


def test_an_unknown_body_or_object_is_a_json_404(client, district):
    assert not_found(oparl(client, "body", body="gibt-es-nicht"))
    assert not_found(oparl(client, "paper_list", body="gibt-es-nicht"))
    assert not_found(oparl(client, "paper", body=district.slug, pk=999999))


def test_the_interface_is_read_only(client, district, council):
    url = reverse("oparl:paper", kwargs={"body": district.slug, "pk": council.public.pk})
    for method in ["post", "put", "patch", "delete"]:
        response = getattr(client, method)(url)
        assert response.status_code == 405
        assert response.json()["error"]["status"] == 405


def test_a_post_from_outside_gets_json_not_the_csrf_page(district, council):
    """Real clients send no CSRF token: the answer is still OParl's JSON 405."""
    client = Client(enforce_csrf_checks=True)
    url = reverse("oparl:paper", kwargs={"body": district.slug, "pk": council.public.pk})
    response = client.post(url, {"name": "geändert"})
    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405
