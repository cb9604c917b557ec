"""„Erste Schritte“ on a new District's dashboard (issue 13): each step ticks itself off from the
data, the card disappears when all are done, and the count of queries does not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.rights import Role
from concepts.models import FocusArea
from tests import factories
from workspace import first_steps as steps_module
from workspace.first_steps import first_steps, url_or_none

pytestmark = pytest.mark.django_db


def done(district) -> dict[str, bool]:
    return {step.key: step.done for step in first_steps(district)}


def complete(district):
    """Every step done, the data entered as the KI would."""
    municipality = factories.MunicipalityFactory(district=district)
    for role in (Role.LEAD, Role.STAFF, Role.COUNCIL):
        factories.MembershipFactory(district=district, role=role)
    factories.MembershipFactory(district=district, role=Role.LIAISON, municipality=municipality)
    period = factories.WorkPeriodFactory(district=district)
    for area in FocusArea.objects.all():
        factories.WorkPriorityFactory(work_period=period, focus_area=area)
    factories.FieldOfActionFactory(district=district)
    factories.ConceptVersionFactory(concept=district.concept)
    district.logo = "logos/wappen.png"
    district.save()


def test_a_new_district_has_every_step_open(district):
    assert done(district) == {
        "municipalities": False,
        "members": False,
        "period": False,
        "fields": False,
        "version": False,
        "paper_settings": False,
    }


def test_municipalities_tick_off_with_the_first_municipality(district, other_district):
    factories.MunicipalityFactory(district=other_district)
    assert not done(district)["municipalities"]
    factories.MunicipalityFactory(district=district)
    assert done(district)["municipalities"]


def test_members_need_one_active_person_per_role(district, municipality):
    factories.MembershipFactory(district=district, role=Role.LEAD)
    factories.MembershipFactory(district=district, role=Role.STAFF)
    factories.MembershipFactory(district=district, role=Role.COUNCIL)
    step = next(s for s in first_steps(district) if s.key == "members")
    assert not step.done
    assert step.missing == "Es fehlt: Kommunale Ansprechperson."
    liaison = factories.MembershipFactory(
        district=district, role=Role.LIAISON, municipality=municipality, is_active=False
    )
    assert not done(district)["members"]  # a deactivated member does not count
    liaison.is_active = True
    liaison.save()
    assert done(district)["members"]


def test_the_period_needs_priorities_in_both_focus_areas(district):
    period = factories.WorkPeriodFactory(district=district)
    assert not done(district)["period"]
    factories.WorkPriorityFactory(
        work_period=period, focus_area=FocusArea.objects.get(code=FocusArea.Code.EDUCATION)
    )
    factories.WorkPriorityFactory(
        work_period=period, focus_area=FocusArea.objects.get(code=FocusArea.Code.EDUCATION)
    )
    assert not done(district)["period"]  # two priorities, but in one Schwerpunkt only
    factories.WorkPriorityFactory(
        work_period=period, focus_area=FocusArea.objects.get(code=FocusArea.Code.CROSS_CUTTING)
    )
    assert done(district)["period"]


def test_fields_of_action_tick_off(district, other_district):
    factories.FieldOfActionFactory(district=other_district)
    assert not done(district)["fields"]
    factories.FieldOfActionFactory(district=district)
    assert done(district)["fields"]


def test_the_first_version_ticks_off(district, other_district):
    factories.ConceptVersionFactory(concept=other_district.concept)
    assert not done(district)["version"]
    factories.ConceptVersionFactory(concept=district.concept)
    assert done(district)["version"]


def test_paper_settings_tick_off_with_the_logo(district):
    # Layout and number pattern have defaults; the logo is what a new District lacks.
    district.logo = "logos/wappen.png"
    district.save()
    assert done(district)["paper_settings"]


def test_the_card_shows_links_and_disappears_when_everything_is_done(client, district, ki_lead):
    client.force_login(ki_lead)
    html = client.get(district.get_absolute_url()).content.decode()
    assert "Erste Schritte" in html
    assert (
        f'href="{reverse("concepts:versions", args=[district.slug])}">Erste Konzeptfassung' in html
    )
    assert f'href="{reverse("papers:settings", args=[district.slug])}">Einstellungen' in html
    complete(district)
    html = client.get(district.get_absolute_url()).content.decode()
    assert "Erste Schritte" not in html


def test_staff_sees_the_card_without_links_to_pages_they_may_not_open(client, district, ki_staff):
    client.force_login(ki_staff)
    html = client.get(district.get_absolute_url()).content.decode()
    assert "Erste Schritte" in html
    assert reverse("accounts:members", args=[district.slug]) not in html
    assert reverse("papers:settings", args=[district.slug]) not in html


@pytest.mark.parametrize("visitor", ["council_member", "liaison", "land_user"])
def test_readers_do_not_see_the_card(client, district, visitor, request):
    client.force_login(request.getfixturevalue(visitor))
    assert "Erste Schritte" not in client.get(district.get_absolute_url()).content.decode()


def test_a_page_not_built_yet_is_plain_text(client, district, ki_lead, monkeypatch):
    assert url_or_none("workspace:gibt-es-nicht", district) is None
    assert url_or_none("concepts:fields", district) == reverse(
        "concepts:fields", args=[district.slug]
    )
    monkeypatch.setitem(
        steps_module.PAGES, "fields", ("workspace:gibt-es-nicht", steps_module.Capability.READ)
    )
    client.force_login(ki_lead)
    html = client.get(district.get_absolute_url()).content.decode()
    assert 'Handlungsfelder festlegen <span class="small text-muted">(Seite folgt)</span>' in html


def test_the_steps_take_a_constant_number_of_queries(district, municipality):
    with CaptureQueriesContext(connection) as empty:
        first_steps(district)
    complete(district)
    for _ in range(5):
        factories.WorkPeriodFactory(
            district=district, start=f"20{10 + 2 * _}-01-01", end=f"20{11 + 2 * _}-12-31"
        )
        factories.MembershipFactory(district=district, role=Role.STAFF)
    with CaptureQueriesContext(connection) as full:
        first_steps(district)
    assert len(full.captured_queries) == len(empty.captured_queries) == 2
