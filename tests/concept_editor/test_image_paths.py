"""Images in texts come only from the District's own uploads (issue 15, path traversal).

"/media/bilder/<own>/../<other>/x.png" and its percent-encoded forms passed a prefix check, and
the PDF renderer then embedded another District's image and an Anlage of an unreleased
nichtöffentlich paper. Such paths are refused when the text is saved and dropped when it is
rendered; the PDF renderer embeds nothing from MEDIA_ROOT but concept images and logos, and no
symlink leads it out of their folders.
"""

import os

import pytest
from django.conf import settings
from django.urls import reverse

from concepts.models import ConceptSection
from concepts.rendering import own_image_url, render_markdown
from documents.pdf import BASE_URL, LocalOnlyFetcher, RefusedURL
from tests import factories

pytestmark = pytest.mark.django_db

OWN = "/media/bilder/{own}/0123456789abcdef0123456789abcdef.png"


def traversals(district, other_district):
    own, other = district.slug, other_district.slug
    return [
        f"/media/bilder/{own}/../{other}/bild.png",
        f"/media/bilder/{own}/%2e%2e/{other}/bild.png",
        f"/media/bilder/{own}/%2E%2E/{other}/bild.png",
        f"/media/bilder/{own}/%252e%252e/{other}/bild.png",
        f"/media/bilder/{own}/..%2f{other}%2fbild.png",
        f"/media/bilder/{own}/./bild.png",
        f"/media/bilder/{own}/..\\{other}\\bild.png",
        f"/media/bilder/{own}/../../anlagen/2026/geheim.pdf",
        f"/media/bilder/{own}/unter/ordner.png",
        f"/media/bilder/{own}/bild.png?x=1",
        f"/media/bilder/{own}/",
        f"/media/bilder/{other}/bild.png",
        f"https://example.org/media/bilder/{own}/bild.png",
        f"//example.org/media/bilder/{own}/bild.png",
        f"file:///media/bilder/{own}/bild.png",
        "/etc/passwd",
    ]


def test_only_a_file_directly_in_the_own_folder_is_an_own_image(district, other_district):
    own = OWN.format(own=district.slug)
    assert own_image_url(own, district) == own
    for src in traversals(district, other_district):
        assert own_image_url(src, district) is None, src


def test_rendering_drops_every_foreign_path(district, other_district):
    own = OWN.format(own=district.slug)
    for src in traversals(district, other_district):
        html = render_markdown(f"Vorher ![Bild]({src}) nachher", district)
        assert "<img" not in html, src
        assert "Vorher" in html and "nachher" in html
    assert f'src="{own}"' in render_markdown(f"![Grafik]({own})", district)


@pytest.mark.parametrize("index", range(16))
def test_saving_a_section_with_a_foreign_image_is_refused_next_to_the_text(
    client, ki_staff, district, other_district, index
):
    src = traversals(district, other_district)[index]
    version = factories.ConceptVersionFactory(concept=district.concept)
    client.force_login(ki_staff)
    url = reverse("concepts:section_create", args=[district.slug, version.pk])
    response = client.post(url, {"title": "Ausgangslage", "body": f"Text ![Bild]({src})"})
    assert response.status_code == 200
    form = response.context["form"]
    assert "Bilder dürfen nur aus den Uploads dieses Kreises stammen" in " ".join(
        form.errors["body"]
    )
    assert not ConceptSection.objects.filter(version=version).exists()


def test_editing_a_section_to_a_foreign_image_changes_nothing(
    client, ki_staff, district, other_district
):
    section = factories.ConceptSectionFactory(
        version=factories.ConceptVersionFactory(concept=district.concept), body="Alt"
    )
    client.force_login(ki_staff)
    url = reverse("concepts:section_update", args=[district.slug, section.pk])
    src = f"/media/bilder/{district.slug}/%2e%2e/{other_district.slug}/bild.png"
    response = client.post(url, {"title": section.title, "body": f"Neu ![x]({src})"})
    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    section.refresh_from_db()
    assert section.body == "Alt"


def test_an_own_image_is_accepted(client, ki_staff, district):
    version = factories.ConceptVersionFactory(concept=district.concept)
    client.force_login(ki_staff)
    url = reverse("concepts:section_create", args=[district.slug, version.pk])
    own = OWN.format(own=district.slug)
    response = client.post(url, {"title": "Ausgangslage", "body": f"![Grafik]({own})"})
    assert response.status_code == 302
    assert ConceptSection.objects.get(version=version).body == f"![Grafik]({own})"


def test_a_report_text_with_a_foreign_image_is_refused(client, ki_staff, district, other_district):
    client.force_login(ki_staff)
    src = f"/media/bilder/{district.slug}/../{other_district.slug}/bild.png"
    response = client.post(
        reverse("reports:create", args=[district.slug]),
        {
            "title": "Sachstand 2026",
            "period_start": "01.01.2026",
            "period_end": "31.12.2026",
            "introduction": f"![x]({src})",
            "remarks": "",
        },
    )
    assert response.status_code == 200
    assert "Bilder dürfen nur" in " ".join(response.context["form"].errors["introduction"])
    assert not district.progress_reports.exists()


def _media(relative: str, content: bytes = b"x") -> str:
    path = os.path.join(settings.MEDIA_ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(content)
    return path


def test_the_pdf_renderer_embeds_no_anlage_and_follows_no_symlink_out(district):
    fetcher = LocalOnlyFetcher()
    image = _media(f"bilder/{district.slug}/bild.png")
    assert fetcher.local_path(BASE_URL + f"media/bilder/{district.slug}/bild.png") == image
    secret = _media("anlagen/2026/geheim.pdf", b"%PDF-1.7 nichtoeffentlich")
    _media("freigaben/2026/freigegeben.pdf")
    link = os.path.join(settings.MEDIA_ROOT, "bilder", district.slug, "link.png")
    os.symlink(secret, link)
    for url in [
        "media/anlagen/2026/geheim.pdf",
        "media/freigaben/2026/freigegeben.pdf",
        f"media/bilder/{district.slug}/../../anlagen/2026/geheim.pdf",
        f"media/bilder/{district.slug}/%2e%2e/%2e%2e/anlagen/2026/geheim.pdf",
        f"media/bilder/{district.slug}/link.png",
    ]:
        with pytest.raises(RefusedURL):
            fetcher.local_path(BASE_URL + url)
