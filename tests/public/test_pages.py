"""Every public page: no login, German, nothing loaded from outside, one h1."""

import datetime

import pytest
from django.urls import reverse

from concepts.models import ConceptVersion
from tests import factories
from tests.test_pages import EXTERNAL
from tests.test_permissions import PUBLIC, all_routes

pytestmark = pytest.mark.django_db


def public_urls(district) -> list[tuple[str, str]]:
    actor = factories.ActorFactory(
        district=district, is_published=True, website="https://verein.example.org/"
    )
    paper = factories.released_paper(district)
    attachment = factories.ReleasedAttachmentFactory(release=paper.releases.get())
    meeting = paper.consultations.order_by("order").first().meeting
    kwargs = {
        "public:meeting": {"pk": meeting.pk},
        "public:meeting_folder": {"pk": meeting.pk},
        "public:actor": {"pk": actor.pk},
        "public:paper": {"pk": paper.pk},
        "public:paper_pdf": {"pk": paper.pk},
        "public:paper_attachment": {"pk": paper.pk, "attachment_pk": attachment.pk},
    }
    # The public app also holds the KI's feedback list (under /<district>/, login required).
    names = [
        name
        for route, name, _entry in all_routes()
        if name and name.startswith("public:") and route.startswith("oeffentlich/")
    ]
    assert set(names) <= set(PUBLIC)
    return [
        (name, reverse(name, kwargs={"district_slug": district.slug, **kwargs.get(name, {})}))
        for name in names
    ]


def test_public_pages_are_german_and_load_nothing_from_outside(client, district):
    version = factories.ConceptVersionFactory(
        concept=district.concept,
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2024, 3, 1),
    )
    factories.ConceptSectionFactory(
        version=version, body="![Bild](https://cdn.example.org/x.png) [Link](https://example.org)"
    )
    factories.GlossaryEntryFactory(district=district, term="KI")
    for name, url in public_urls(district):
        response = client.get(url)
        assert response.status_code == 200, name
        if "html" not in response.get("Content-Type", ""):
            continue  # the PDF and the attachment
        html = response.content.decode()
        assert '<html lang="de">' in html, name
        assert not EXTERNAL.search(html), f"{name}: {EXTERNAL.search(html).group(0)}"
        assert html.count("<h1") == 1, name
        # The workspace navigation stays out of the public pages.
        assert "Bereiche des Kreises" not in html, name


def test_start_page_names_the_district_and_links_its_pages(client, district):
    html = client.get(reverse("public:start", args=[district.slug])).content.decode()
    assert "Kreis Beispiel" in html
    for name in ("directory", "concept", "glossary", "accessibility"):
        assert reverse(f"public:{name}", args=[district.slug]) in html
