"""Issue 14 "Conflicts without loss" on a measure: two people edit one measure; the second save
is refused with every differing field marked (stored value beside the kept input), the next
save needs a choice per differing field, a third change meanwhile is refused again, and in the
end each field holds what was chosen – nothing of either person is lost."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from core.locking import CHOICE_MISSING, CONFLICT_MESSAGE, SEEN_FIELD, stamp
from measures.models import Measure
from tests import factories
from tests.test_stale_edits import as_posted

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure(district, municipality):
    measure = factories.MeasureFactory(
        district=district,
        title="Sprachcafé",
        goal="Neuzugewanderte üben Deutsch im Alltag.",
        effect="Mehr Teilnahme an Kursen.",
    )
    measure.municipalities.set([municipality])
    return measure


@pytest.fixture
def anna(ki_lead):
    ki_lead.first_name, ki_lead.last_name = "Anna", "Adler"
    ki_lead.save()
    return ki_lead


@pytest.fixture
def ben(ki_staff):
    ki_staff.first_name, ki_staff.last_name = "Ben", "Berg"
    ki_staff.save()
    return ki_staff


def browser_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def opened(client, url) -> dict:
    """The edit page's form as a browser would send it back unchanged."""
    return as_posted(client.get(url).context["form"])


def text(response) -> str:
    return html.unescape(response.content.decode())


def visible(response) -> str:
    """The page's text as read, without tags, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def by_name(response) -> dict:
    return {conflict.name: conflict for conflict in response.context["form"].conflicts}


def test_second_save_marks_each_differing_field_and_needs_a_choice(district, measure, anna, ben):
    url = reverse("measures:update", args=[district.slug, measure.pk])
    annas, bens = browser_of(anna), browser_of(ben)
    anna_form, ben_form = opened(annas, url), opened(bens, url)

    # Anna renames the measure and rewrites the goal.
    anna_form |= {"title": "Sprachcafé Nord", "goal": "Ziel von Anna"}
    assert annas.post(url, anna_form).status_code == 302

    # Ben, on the page he opened before, rewrites goal and effect.
    ben_form |= {"goal": "Ziel von Ben", "effect": "Wirkung von Ben"}
    refused = bens.post(url, ben_form)
    assert refused.status_code == 200
    page = text(refused)
    assert CONFLICT_MESSAGE in page
    conflicts = by_name(refused)
    assert set(conflicts) == {"title", "goal", "effect"}  # municipalities etc. did not differ
    assert conflicts["title"].stored == "Sprachcafé Nord"
    assert conflicts["goal"].stored == "Ziel von Anna"
    assert conflicts["title"].changed.startswith("Geändert von Anna Adler am ")
    assert conflicts["goal"].changed.startswith("Geändert von Anna Adler am ")
    # Only Ben's input differs here: the page says so instead of blaming Anna.
    assert "nicht geändert" in conflicts["effect"].changed
    for conflict in conflicts.values():
        assert conflict.choice == ""  # no default
        assert f'id="{conflict.html_id}"' in page
        assert f'name="{conflict.choice_name}"' in page
    # Both values: Ben's input stays in the fields, the stored one beside it.
    assert 'value="Sprachcafé"' in page and "Ziel von Ben</textarea>" in page
    assert "Gespeicherter Wert: Sprachcafé Nord" in visible(refused)
    assert "Geändert von Anna Adler am " in page
    assert "checked" not in page.split(conflicts["goal"].html_id, 1)[1].split("</fieldset>")[0]
    measure.refresh_from_db()
    assert (measure.title, measure.goal) == ("Sprachcafé Nord", "Ziel von Anna")
    assert measure.history.count() == 2  # created + Anna; Ben's refused save left none

    # "Speichern" again without choosing: refused, next to each field, nothing written.
    again = as_posted(refused.context["form"])
    assert again[SEEN_FIELD] == stamp(measure)
    no_choice = bens.post(url, again)
    assert no_choice.status_code == 200
    assert text(no_choice).count(CHOICE_MISSING) == 3
    assert no_choice.context["form"].errors["goal"] == [CHOICE_MISSING]
    # The input names its error and the note with the stored value.
    goal_note = by_name(no_choice)["goal"].html_id
    assert f'aria-describedby="id_goal_error {goal_note}"' in no_choice.content.decode()
    measure.refresh_from_db()
    assert measure.goal == "Ziel von Anna" and measure.history.count() == 2

    # Ben takes Anna's title and keeps his goal and effect.
    choices = by_name(no_choice)
    again = as_posted(no_choice.context["form"])
    again[choices["title"].choice_name] = "theirs"
    again[choices["goal"].choice_name] = "mine"
    again[choices["effect"].choice_name] = "mine"
    assert bens.post(url, again).status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Sprachcafé Nord"  # Anna's, as chosen
    assert measure.goal == "Ziel von Ben"  # Ben's, as chosen
    assert measure.effect == "Wirkung von Ben"
    assert measure.history.count() == 3


def test_a_third_change_meanwhile_is_refused_again_with_the_new_differences(
    district, measure, anna, ben
):
    url = reverse("measures:update", args=[district.slug, measure.pk])
    annas, bens = browser_of(anna), browser_of(ben)
    anna_form, ben_form = opened(annas, url), opened(bens, url)
    assert annas.post(url, anna_form | {"goal": "Ziel von Anna"}).status_code == 302
    refused = bens.post(url, ben_form | {"goal": "Ziel von Ben"})
    assert set(by_name(refused)) == {"goal"}

    # While Ben decides, Anna saves once more, changing the effect.
    anna_again = opened(annas, url)
    assert annas.post(url, anna_again | {"effect": "Wirkung von Anna"}).status_code == 302

    choice = by_name(refused)["goal"]
    again = as_posted(refused.context["form"]) | {choice.choice_name: "mine"}
    third = bens.post(url, again)
    assert third.status_code == 200
    assert CONFLICT_MESSAGE in text(third)
    conflicts = by_name(third)
    assert set(conflicts) == {"goal", "effect"}
    assert conflicts["effect"].stored == "Wirkung von Anna"
    assert all(conflict.choice == "" for conflict in conflicts.values())  # asked afresh
    measure.refresh_from_db()
    assert (measure.goal, measure.effect) == ("Ziel von Anna", "Wirkung von Anna")

    again = as_posted(third.context["form"])
    again[conflicts["goal"].choice_name] = "mine"
    again[conflicts["effect"].choice_name] = "theirs"
    assert bens.post(url, again).status_code == 302
    measure.refresh_from_db()
    assert (measure.goal, measure.effect) == ("Ziel von Ben", "Wirkung von Anna")


def test_taking_the_stored_value_works_for_choices_and_lists(
    district, measure, anna, ben, municipality
):
    other = factories.MunicipalityFactory(district=district, name="Nachbardorf")
    lead = factories.ActorFactory(district=district, name="Jobcenter")
    url = reverse("measures:update", args=[district.slug, measure.pk])
    annas, bens = browser_of(anna), browser_of(ben)
    anna_form, ben_form = opened(annas, url), opened(bens, url)
    anna_form |= {
        "municipalities": [str(municipality.pk), str(other.pk)],
        "lead_actor": str(lead.pk),
        "status": Measure.Status.COMPLETED,
    }
    assert annas.post(url, anna_form).status_code == 302

    refused = bens.post(url, ben_form | {"title": "Sprachcafé (Ben)"})
    conflicts = by_name(refused)
    assert set(conflicts) == {"municipalities", "lead_actor", "status", "title"}
    assert conflicts["municipalities"].stored == "Beispielstadt, Nachbardorf"
    assert conflicts["lead_actor"].stored == "Jobcenter"
    assert conflicts["status"].stored == Measure.Status.COMPLETED.label

    again = as_posted(refused.context["form"])
    for name in ("municipalities", "lead_actor", "status"):
        again[conflicts[name].choice_name] = "theirs"
    again[conflicts["title"].choice_name] = "mine"
    assert bens.post(url, again).status_code == 302
    measure.refresh_from_db()
    assert set(measure.municipalities.all()) == {municipality, other}
    assert measure.lead_actor == lead and measure.status == Measure.Status.COMPLETED
    assert measure.title == "Sprachcafé (Ben)"


def test_a_choice_survives_another_error_and_the_stored_value_is_escaped(
    district, measure, anna, ben
):
    url = reverse("measures:update", args=[district.slug, measure.pk])
    annas, bens = browser_of(anna), browser_of(ben)
    anna_form, ben_form = opened(annas, url), opened(bens, url)
    assert annas.post(url, anna_form | {"goal": "<script>alert(1)</script>"}).status_code == 302
    refused = bens.post(url, ben_form | {"goal": "Ziel von Ben"})
    page = refused.content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page

    choice = by_name(refused)["goal"]
    again = as_posted(refused.context["form"]) | {choice.choice_name: "mine", "title": ""}
    invalid = bens.post(url, again)  # the title is required
    assert invalid.status_code == 200
    assert "title" in invalid.context["form"].errors
    assert by_name(invalid)["goal"].choice == "mine"  # the choice stays checked
    assert 'value="mine" checked' in invalid.content.decode()
    measure.refresh_from_db()
    assert measure.goal == "<script>alert(1)</script>"
