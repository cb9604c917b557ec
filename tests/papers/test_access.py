"""Who sees which paper (issue 6, point 3): the roles-and-rights table applied to papers.

Anonymous visitors get released öffentlich papers only (public URLs); drafts are for KI roles;
Kreistag members read released papers but cannot edit; liaisons see öffentlich papers only.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from papers.models import DecisionPaper
from tests import factories


@pytest.fixture
def papers(district):
    return {
        "draft": factories.DecisionPaperFactory(district=district, subject="Entwurfsvorlage"),
        "public": factories.released_paper(district, subject="Öffentliche Vorlage"),
        "closed": factories.released_paper(
            district, is_public=False, subject="Nichtöffentliche Vorlage"
        ),
    }


def workspace(district, name, paper):
    return reverse(f"papers:{name}", args=[district.slug, paper.pk])


@pytest.mark.parametrize("visitor", ["ki_lead", "ki_staff"])
def test_ki_roles_see_every_paper(client, district, papers, visitor, request):
    client.force_login(request.getfixturevalue(visitor))
    listing = client.get(reverse("papers:list", args=[district.slug])).content.decode()
    for paper in papers.values():
        assert paper.subject in listing
        assert client.get(workspace(district, "detail", paper)).status_code == 200
        assert client.get(workspace(district, "pdf", paper)).status_code == 200


# The Land reads öffentliche papers only (issue 17): tests/land/test_land_rights.py.
@pytest.mark.parametrize("visitor", ["council_member"])
def test_council_sees_released_papers_but_no_drafts(client, district, papers, visitor, request):
    client.force_login(request.getfixturevalue(visitor))
    listing = client.get(reverse("papers:list", args=[district.slug])).content.decode()
    assert "Öffentliche Vorlage" in listing and "Nichtöffentliche Vorlage" in listing
    assert "Entwurfsvorlage" not in listing
    for name in ("detail", "pdf", "update"):
        assert client.get(workspace(district, name, papers["draft"])).status_code in (403, 404)
    assert client.get(workspace(district, "detail", papers["closed"])).status_code == 200
    assert client.get(workspace(district, "pdf", papers["closed"])).content.startswith(b"%PDF")


def test_council_member_cannot_edit_release_or_record(client, district, papers, council_member):
    client.force_login(council_member)
    released = papers["public"]
    page = client.get(workspace(district, "detail", released)).content.decode()
    assert "Vorlage bearbeiten" not in page and "freigeben" not in page
    assert "Ergebnis erfassen" not in page
    assert client.get(reverse("papers:create", args=[district.slug])).status_code == 403
    assert client.get(workspace(district, "update", released)).status_code == 403
    assert client.post(workspace(district, "new_revision", released)).status_code == 403
    assert client.get(workspace(district, "docx", released)).status_code == 403
    step = released.consultations.first()
    url = reverse("papers:result", args=[district.slug, released.pk, step.pk])
    assert client.post(url, {"result": "einstimmig"}).status_code == 403
    step.refresh_from_db()
    assert step.result == ""


def test_liaison_sees_only_released_public_papers(client, district, papers, liaison):
    client.force_login(liaison)
    listing = client.get(reverse("papers:list", args=[district.slug])).content.decode()
    assert "Öffentliche Vorlage" in listing
    assert "Nichtöffentliche Vorlage" not in listing and "Entwurfsvorlage" not in listing
    assert client.get(workspace(district, "detail", papers["closed"])).status_code == 404
    assert client.get(workspace(district, "pdf", papers["closed"])).status_code == 404


def test_anonymous_gets_released_public_papers_only(client, district, papers):
    listing = client.get(reverse("public:papers", args=[district.slug])).content.decode()
    assert "Öffentliche Vorlage" in listing
    assert "Nichtöffentliche Vorlage" not in listing and "Entwurfsvorlage" not in listing
    public = papers["public"]
    assert client.get(reverse("public:paper", args=[district.slug, public.pk])).status_code == 200
    response = client.get(reverse("public:paper_pdf", args=[district.slug, public.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    for hidden in (papers["closed"], papers["draft"]):
        for name in ("public:paper", "public:paper_pdf"):
            assert client.get(reverse(name, args=[district.slug, hidden.pk])).status_code == 404
    # and the workspace URLs want a login
    response = client.get(workspace(district, "pdf", public))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_public_page_of_another_district_does_not_show_the_paper(
    client, district, other_district, papers
):
    url = reverse("public:paper", args=[other_district.slug, papers["public"].pk])
    assert client.get(url).status_code == 404


def test_paper_becoming_nonpublic_in_a_new_release_disappears_publicly(
    client, district, papers, ki_lead
):
    from papers.models import PaperRelease

    paper = papers["public"]
    PaperRelease.objects.filter(paper=paper).update(is_public=False)
    assert client.get(reverse("public:paper", args=[district.slug, paper.pk])).status_code == 404


def test_attachment_of_a_public_paper_downloads_publicly(client, district, papers):
    release = papers["public"].releases.get()
    attachment = factories.ReleasedAttachmentFactory(release=release, title="Konzepttext")
    page = client.get(reverse("public:paper", args=[district.slug, papers["public"].pk]))
    assert "Konzepttext" in page.content.decode()
    url = reverse(
        "public:paper_attachment", args=[district.slug, papers["public"].pk, attachment.pk]
    )
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 Anlage"


def test_a_working_copy_anlage_is_not_public(client, district, papers):
    """Only what went out with the release is published, never the working copy's Anlagen."""
    paper = papers["public"]
    draft = factories.AttachmentFactory(paper=paper, title="Interne Notiz")
    draft.file.save("notiz.pdf", ContentFile(b"intern"))
    page = client.get(reverse("public:paper", args=[district.slug, paper.pk]))
    assert "Interne Notiz" not in page.content.decode()
    url = reverse("public:paper_attachment", args=[district.slug, paper.pk, draft.pk])
    assert client.get(url).status_code == 404


def test_outside_the_ki_lists_show_the_release_not_a_revision_in_progress(
    client, district, papers, council_member
):
    """Revision 2 renumbers and redates the paper; the portal and the public list keep showing
    revision 1 as released until revision 2 is."""
    paper = papers["public"]
    release = paper.releases.get()
    paper.revision, paper.released_at = 2, None
    paper.reference, paper.date = "99/999/2030", datetime.date(2030, 1, 2)
    paper.paper_type = DecisionPaper.PaperType.INFORMATION
    paper.save()
    client.force_login(council_member)
    for url in [
        reverse("papers:list", args=[district.slug]),
        reverse("public:papers", args=[district.slug]),
    ]:
        listing = client.get(url).content.decode()
        assert release.reference in listing and "99/999/2030" not in listing, url
        assert release.paper_date.strftime("%d.%m.%Y") in listing, url
        assert "02.01.2030" not in listing, url
    detail = client.get(workspace(district, "detail", paper)).content.decode()
    assert f"Beschlussvorlage {release.reference}" in detail
    assert "Informationsvorlage" not in detail
