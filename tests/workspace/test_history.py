"""The history page shows the whole text of a changed field with the change marked (issue 14:
both sides used to be cut at about 300 characters, so a sentence added at the end was
invisible), escaped, and not by colour alone."""

import html
import re

import pytest
from django.urls import reverse

from tests import factories
from workspace.history import text_diff

pytestmark = pytest.mark.django_db

LONG = " ".join(["Neuzugewanderte Familien werden in ihrer Kommune begleitet."] * 11)
ADDED = "Ab 2027 gilt das auch für die Nachbarkreise."


def history_page(client, district, measure) -> str:
    url = reverse("workspace:history", args=[district.slug, "massnahme", measure.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_sentence_added_at_the_end_of_a_long_text_is_shown_marked(client, district, ki_staff):
    assert len(LONG) >= 600
    measure = factories.MeasureFactory(district=district, goal=LONG)
    measure.goal = f"{LONG} {ADDED}"
    measure.save()
    client.force_login(ki_staff)
    page = history_page(client, district, measure)

    inserted = re.search(r"<ins>(.*?)</ins>", page, re.S)
    assert inserted is not None
    assert ADDED in inserted.group(1)
    assert '<span class="visually-hidden">eingefügt: </span>' in inserted.group(1)
    # Nothing is cut: the whole old text ("vorher") and the whole new one ("nachher").
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    assert f"vorher: {LONG}" in text
    assert f"nachher: {LONG} eingefügt: {ADDED}" in text
    assert "…" not in text


def test_the_history_escapes_the_texts(client, district, ki_staff):
    measure = factories.MeasureFactory(district=district, goal="Harmlos")
    measure.goal = "Harmlos <script>alert('x')</script> <b>fett</b>"
    measure.save()
    client.force_login(ki_staff)
    page = history_page(client, district, measure)
    assert "<script>alert" not in page and "<b>fett" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_text_diff_marks_removed_and_added_words():
    before, after = text_diff("Der Kreis fördert Sprachkurse.", "Der Kreis fördert Sprachcafés.")
    assert before == (
        'Der Kreis fördert <del><span class="visually-hidden">entfernt: </span>Sprachkurse.</del>'
    )
    assert after == (
        'Der Kreis fördert <ins><span class="visually-hidden">eingefügt: </span>Sprachcafés.</ins>'
    )
    assert text_diff("", "<i>") == (
        "",
        '<ins><span class="visually-hidden">eingefügt: </span>&lt;i&gt;</ins>',
    )
