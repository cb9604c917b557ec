"""Issue 14: OParl names the same concept as the public page – the one in force – in the Body,
as a vendor-prefixed property (OParl 1.1, "Herstellerspezifische Erweiterungen")."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from concepts.models import ConceptVersion
from tests import factories

pytestmark = pytest.mark.django_db

S = ConceptVersion.Status
KEY = "kreisintegration:integrationskonzept"


def body(client, district) -> dict:
    response = client.get(reverse("oparl:body", kwargs={"body": district.slug}))
    assert response.status_code == 200
    return response.json()


def listed(client, district) -> dict:
    """The Body as the body list shows it (following the pages)."""
    url = reverse("oparl:body_list")
    while url:
        page = client.get(url).json()
        for obj in page["data"]:
            if obj["id"].endswith(f"/{district.slug}/") or obj["id"].endswith(f"/{district.slug}"):
                return obj
        url = page.get("links", {}).get("next")
    raise AssertionError("Body not listed")


def test_the_body_names_the_concept_in_force_never_a_draft_or_a_later_decision(
    client, district, oparl_schema
):
    assert KEY not in body(client, district)
    factories.ConceptVersionFactory(concept=district.concept, number=1, status=S.DRAFT)
    assert KEY not in body(client, district)

    factories.ConceptVersionFactory(
        concept=district.concept,
        number=2,
        title="Integrationskonzept 2015",
        status=S.SUPERSEDED,
        decided_on=datetime.date(2015, 6, 22),
    )
    factories.ConceptVersionFactory(
        concept=district.concept,
        number=3,
        title="Fortschreibung 2027",
        status=S.ADOPTED,
        decided_on=timezone.localdate() + datetime.timedelta(days=109),
    )
    expected = {
        "name": "Integrationskonzept 2015",
        "fassung": 2,
        "beschlossenAm": "2015-06-22",
        "web": f"http://testserver/oeffentlich/{district.slug}/konzept/",
    }
    for obj in (body(client, district), listed(client, district)):
        assert obj[KEY] == expected
        oparl_schema.validate(obj)
    # The public page names the same version.
    public = client.get(reverse("public:start", args=[district.slug])).content.decode()
    assert "Gültig ist <strong>Integrationskonzept 2015</strong>" in public
