"""An image in a text needs a description (issue 15: PDF/UA-1 and WCAG 1.1.1).

``![](…)`` would become a figure without alternative text in the tagged PDF and an image a
screen reader cannot name; it is refused when the text is saved, with a German message next
to the text, and nothing is stored.
"""

import pytest
from django.urls import reverse

from concepts.models import ConceptSection
from tests import factories

pytestmark = pytest.mark.django_db


def own_image(district) -> str:
    return f"/media/bilder/{district.slug}/0123456789abcdef0123456789abcdef.png"


@pytest.mark.parametrize("markdown", ["![]({src})", "Text ![ ]({src}) Text", '<img src="{src}">'])
def test_a_section_with_an_image_without_description_is_refused(
    client, ki_staff, district, markdown
):
    version = factories.ConceptVersionFactory(concept=district.concept)
    client.force_login(ki_staff)
    url = reverse("concepts:section_create", args=[district.slug, version.pk])
    body = markdown.format(src=own_image(district))
    response = client.post(url, {"title": "Ausgangslage", "body": body})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["body"])
    assert "Jedes Bild braucht eine Beschreibung" in errors
    assert "![Beschreibung](" in errors
    assert not ConceptSection.objects.filter(version=version).exists()


def test_a_described_image_is_saved(client, ki_staff, district):
    version = factories.ConceptVersionFactory(concept=district.concept)
    client.force_login(ki_staff)
    url = reverse("concepts:section_create", args=[district.slug, version.pk])
    body = f"![Karte des Kreises]({own_image(district)})"
    response = client.post(url, {"title": "Ausgangslage", "body": body})
    assert response.status_code == 302
    assert ConceptSection.objects.get(version=version).body == body


def test_a_report_text_with_an_image_without_description_is_refused(client, ki_staff, district):
    client.force_login(ki_staff)
    response = client.post(
        reverse("reports:create", args=[district.slug]),
        {
            "title": "Sachstand 2026",
            "period_start": "01.01.2026",
            "period_end": "31.12.2026",
            "introduction": "",
            "remarks": f"![]({own_image(district)})",
        },
    )
    assert response.status_code == 200
    assert "Jedes Bild braucht eine Beschreibung" in " ".join(
        response.context["form"].errors["remarks"]
    )
    assert not district.progress_reports.exists()
