"""The District's glossary of terms and abbreviations (seed 004: Coesfeld wants one)."""

import pytest
from django.urls import reverse

from actors.models import GlossaryEntry
from tests import factories


def url(name, district, *args):
    return reverse(f"actors:{name}", args=[district.slug, *args])


def test_glossary_is_alphabetical_with_umlauts_filed_under_the_vowel(client, district, liaison):
    for term in ["Zuwanderung", "KI", "Ärztekammer", "Anerkennung", "ob"]:
        factories.GlossaryEntryFactory(district=district, term=term)
    factories.GlossaryEntryFactory(term="Fremdbegriff")
    client.force_login(liaison)
    html = client.get(url("glossary", district)).content.decode()
    positions = [
        html.index(f"<dt>{t}") for t in ["Anerkennung", "Ärztekammer", "KI", "ob", "Zuwanderung"]
    ]
    assert positions == sorted(positions)
    assert "Fremdbegriff" not in html
    assert "Eintrag anlegen" not in html


def test_glossary_round_trip(client, district, ki_staff):
    client.force_login(ki_staff)
    response = client.post(
        url("glossary_create", district),
        {"term": "MSO", "explanation": "Migrantenselbstorganisation", "is_abbreviation": "on"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("glossary", district)
    entry = district.glossary_entries.get()
    assert entry.is_abbreviation
    html = client.get(url("glossary", district)).content.decode()
    assert "Glossareintrag gespeichert." in html
    assert "Migrantenselbstorganisation" in html and "Abkürzung" in html

    client.post(
        url("glossary_update", district, entry.pk),
        {"term": "MSO", "explanation": "Migrant*innenselbstorganisation"},
    )
    entry.refresh_from_db()
    assert entry.explanation == "Migrant*innenselbstorganisation" and not entry.is_abbreviation

    client.post(url("glossary_delete", district, entry.pk))
    assert not GlossaryEntry.objects.exists()


def test_duplicate_or_empty_term_is_a_field_error(client, district, ki_staff):
    factories.GlossaryEntryFactory(district=district, term="KIM")
    client.force_login(ki_staff)
    response = client.post(url("glossary_create", district), {"term": "kim", "explanation": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["term"] == ["Diesen Begriff gibt es im Glossar bereits."]
    response = client.post(url("glossary_create", district), {"term": "", "explanation": ""})
    assert set(response.context["form"].errors) == {"term", "explanation"}
    assert district.glossary_entries.count() == 1


@pytest.mark.parametrize("role", ["council_member", "liaison", "land_user"])
def test_only_editors_change_the_glossary(client, district, role, request):
    entry = factories.GlossaryEntryFactory(district=district)
    client.force_login(request.getfixturevalue(role))
    assert client.get(url("glossary_create", district)).status_code == 403
    assert client.post(url("glossary_delete", district, entry.pk)).status_code == 403
    assert GlossaryEntry.objects.filter(pk=entry.pk).exists()
