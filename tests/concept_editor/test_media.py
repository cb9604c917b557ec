"""Files under /media/ (issue 15): concept images show in the browser, checked like the page
that shows them; nothing else under MEDIA_ROOT is reachable by URL."""

import datetime
import os

import pytest
from django.conf import settings
from django.urls import reverse

from concepts.models import ConceptVersion
from tests import factories

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
    b"\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _upload(district, name="0123456789abcdef0123456789abcdef.png") -> str:
    folder = os.path.join(settings.MEDIA_ROOT, "bilder", district.slug)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(PNG)
    return f"/media/bilder/{district.slug}/{name}"


def _version(district, status, url):
    decided = datetime.date(2024, 3, 1) if status == ConceptVersion.Status.ADOPTED else None
    version = factories.ConceptVersionFactory(
        concept=district.concept, status=status, decided_on=decided
    )
    factories.ConceptSectionFactory(version=version, title="Ausgangslage", body=f"![Karte]({url})")
    return version


def _get(client, url):
    response = client.get(url)
    if response.status_code == 200:
        b"".join(response.streaming_content)
        response.close()
    return response


def test_an_image_of_the_public_concept_shows_on_the_public_page(client, district):
    url = _upload(district)
    _version(district, ConceptVersion.Status.ADOPTED, url)
    page = client.get(reverse("public:concept", args=[district.slug])).content.decode()
    assert f'src="{url}"' in page
    response = _get(client, url)  # anonymous
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"].startswith("public")


def test_an_image_of_a_draft_only_for_members_who_read_drafts(
    client, district, ki_staff, council_member, other_member, outsider
):
    url = _upload(district)
    _version(district, ConceptVersion.Status.DRAFT, url)
    assert _get(client, url).status_code == 404  # the public
    for visitor in (outsider, other_member, council_member):
        client.force_login(visitor)
        assert _get(client, url).status_code == 404, visitor
    client.force_login(ki_staff)
    response = _get(client, url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private")


def test_a_draft_put_before_the_council_shows_its_images_to_the_council(
    client, district, council_member
):
    url = _upload(district)
    version = _version(district, ConceptVersion.Status.IN_DELIBERATION, url)
    client.force_login(council_member)
    assert _get(client, url).status_code == 404
    version.presented_to_council_on = version.created.date()
    version.save()
    assert _get(client, url).status_code == 200


def test_nothing_else_under_media_is_reachable(client, district, ki_lead):
    os.makedirs(os.path.join(settings.MEDIA_ROOT, "anlagen", "2026"), exist_ok=True)
    with open(os.path.join(settings.MEDIA_ROOT, "anlagen", "2026", "geheim.pdf"), "wb") as f:
        f.write(b"%PDF-1.7")
    for user in (None, ki_lead):
        if user:
            client.force_login(user)
        for url in [
            "/media/anlagen/2026/geheim.pdf",
            "/media/freigaben/2026/geheim.pdf",
            "/media/logos/logo.png",
            f"/media/bilder/{district.slug}/..%2f..%2fanlagen%2f2026%2fgeheim.pdf",
            f"/media/bilder/{district.slug}/fehlt.png",
        ]:
            assert client.get(url).status_code == 404, url


def test_with_nginx_the_app_only_says_where_the_file_is(client, district, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/_media_intern/"
    url = _upload(district)
    _version(district, ConceptVersion.Status.ADOPTED, url)
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_media_intern/" + url.removeprefix("/media/")
    assert response.content == b""
