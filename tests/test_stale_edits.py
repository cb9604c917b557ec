"""Two people saving the same record (STYLE/brief: "the second gets a conflict message and
nothing of the first is lost"), for the records without a lock_version: the edit pages on
``core.locking.StaleEditGuard`` (actors, Gremien, glossary, Handlungsfelder,
target groups, Personal)."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import formats

from accounts.models import Membership
from actors.models import Actor
from core.locking import SEEN_FIELD, STALE_MESSAGE, StaleEditGuard
from tests import factories

pytestmark = pytest.mark.django_db


def _edit_page(name, factory):
    def make(district):
        record = factory(district=district)
        return reverse(name, args=[district.slug, record.pk]), record

    return make


def _result(district):
    paper = factories.released_paper(district, steps=1)
    step = paper.consultations.get()
    step.result = "vertagt"
    step.save()
    return reverse("papers:result", args=[district.slug, paper.pk, step.pk]), step


def _paper_settings(district):
    return reverse("papers:settings", args=[district.slug]), district


def _land_requirements(district):
    url = reverse("workspace:land_requirements_update", args=[district.slug])
    return url, district.land_requirements


def _indicator(district):
    indicator = factories.IndicatorFactory(measure__district=district)
    url = reverse(
        "measures:indicator_update", args=[district.slug, indicator.measure.pk, indicator.pk]
    )
    return url, indicator


# (id, make(district) -> (url, record), visitor, a text field the two people change)
PAGES = [
    ("actors:update", _edit_page("actors:update", factories.ActorFactory), "ki_staff", "name"),
    (
        "actors:committee_update",
        _edit_page("actors:committee_update", factories.CommitteeFactory),
        "ki_staff",
        "name",
    ),
    (
        "actors:glossary_update",
        _edit_page("actors:glossary_update", factories.GlossaryEntryFactory),
        "ki_staff",
        "explanation",
    ),
    (
        "concepts:field_update",
        _edit_page("concepts:field_update", factories.FieldOfActionFactory),
        "ki_staff",
        "name",
    ),
    (
        "concepts:target_group_update",
        _edit_page("concepts:target_group_update", factories.TargetGroupFactory),
        "ki_staff",
        "name",
    ),
    (
        "workspace:staff_update",
        _edit_page("workspace:staff_update", factories.StaffPostFactory),
        "ki_lead",
        "title",
    ),
    ("measures:indicator_update", _indicator, "ki_staff", "name"),
    ("papers:result", _result, "ki_lead", "result_note"),
    ("papers:settings", _paper_settings, "ki_lead", "office_number"),
    ("workspace:land_requirements_update", _land_requirements, "ki_lead", "guideline"),
]


def as_posted(form) -> dict:
    """The form's values as a browser would send them back unchanged."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif isinstance(value, Decimal):
            data[name] = formats.localize_input(value)
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    return data


@pytest.mark.parametrize(
    ("make", "visitor", "field"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES]
)
def test_the_second_save_is_refused_and_keeps_both(client, district, make, visitor, field, request):
    url, record = make(district)
    client.force_login(request.getfixturevalue(visitor))
    mine = as_posted(client.get(url).context["form"])
    assert mine[SEEN_FIELD]

    # A colleague saves first.
    setattr(record, field, "Kollegin")
    record.save()

    mine[field] = "Meine"
    response = client.post(url, mine)
    assert response.status_code == 200
    page = response.content.decode()
    assert STALE_MESSAGE in page
    assert "Inzwischen gespeicherte Fassung" in page and "Kollegin" in page
    assert 'value="Meine"' in page or "Meine</textarea>" in page  # the input is kept
    record.refresh_from_db()
    assert getattr(record, field) == "Kollegin"

    # Having compared, the second save goes through.
    again = as_posted(response.context["form"])
    assert again[field] == "Meine"
    assert client.post(url, again).status_code == 302
    record.refresh_from_db()
    assert getattr(record, field) == "Meine"


def test_an_unchanged_record_saves_at_once(client, district, ki_staff):
    actor = factories.ActorFactory(district=district)
    url = reverse("actors:update", args=[district.slug, actor.pk])
    client.force_login(ki_staff)
    data = as_posted(client.get(url).context["form"])
    data["name"] = "Neuer Name"
    assert client.post(url, data).status_code == 302
    actor.refresh_from_db()
    assert actor.name == "Neuer Name"


def test_a_role_changed_meanwhile_is_not_overwritten(client, district, ki_lead, ki_staff):
    membership = Membership.objects.get(user=ki_staff, district=district)
    url = reverse("accounts:member_update", args=[district.slug, membership.pk])
    client.force_login(ki_lead)
    mine = as_posted(client.get(url).context["form"])
    membership.role = "kreistag"
    membership.save()
    mine["role"] = "leitung"
    response = client.post(url, mine)
    assert STALE_MESSAGE in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == "kreistag"


def test_a_record_deleted_during_the_request_is_404_not_a_crash(district):
    """The row is locked only when saving; if it is gone by then, the page does not exist."""
    actor = factories.ActorFactory(district=district)
    form = SimpleNamespace(cleaned_data={SEEN_FIELD: "2026-01-01T00:00:00+00:00"}, instance=actor)
    Actor.objects.filter(pk=actor.pk).delete()
    with pytest.raises(Http404):
        StaleEditGuard().refuse_stale(form)
