"""Two people saving the same record (STYLE/brief: "the second gets a conflict message and
nothing of the first is lost"): every edit page goes through ``core.locking`` (the ``modified``
stamp, one message, each differing field marked with the stored value beside the kept input and
a choice required before the next save), and so does the history restore."""

import datetime
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django import forms
from django.http import Http404
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import formats, timezone
from django.views.generic.edit import FormMixin

from accounts.models import Membership
from actors.models import Actor
from core.locking import (
    CHANGED_MEANWHILE,
    CHOICE_MISSING,
    CONFLICT_MESSAGE,
    SEEN_FIELD,
    StaleEditGuard,
    stamp,
)
from tests import factories
from tests.reports.routes import make_report

pytestmark = pytest.mark.django_db


def _kim_post(district):
    from kim.models import Post

    post = Post.objects.create(
        district=district, kind="koordination", fte=1, state="besetzt", employer="kreis"
    )
    return reverse("kim:post_update", args=[district.slug, post.pk]), post


def _kim_change(district):
    from kim.models import PostChange

    change = PostChange.objects.create(
        district=district, kind="case_management", fte_before=6, fte_after=12, decision="KT"
    )
    return reverse("kim:change_update", args=[district.slug, change.pk]), change


def _kim_finding(district):
    from kim.models import Finding

    finding = Finding.objects.create(
        district=district,
        title="Lücke",
        description="Zwischen Jobcenter und Ausländerbehörde",
        rechtskreise=["jobcenter", "auslaenderbehoerde"],
        reported_by="Case Management",
        reported_on="2026-11-02",
    )
    return reverse("kim:finding_update", args=[district.slug, finding.pk]), finding


def _kim_topic(district):
    from kim.models import CaseTopic

    topic = CaseTopic.objects.create(district=district, name="Familie", order=8)
    return reverse("kim:topic_update", args=[district.slug, topic.pk]), topic


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


def _agenda_item(district):
    from papers.models import AgendaItem

    meeting = factories.MeetingFactory(committee__district=district)
    item = AgendaItem.objects.create(meeting=meeting, title="Bericht der Verwaltung", order=1)
    return reverse("papers:agenda_item_update", args=[district.slug, item.pk]), item


def _paper_settings(district):
    return reverse("papers:settings", args=[district.slug]), district


def _kim_rate(district):
    from kim.models import FundingRate

    rate = FundingRate.objects.create(
        kind="case_management", amount=1, valid_from="2030-01-01", source="Beispiel"
    )
    return reverse("land:kim_rate_update", args=[rate.pk]), rate


def _land_requirements(district):
    url = reverse("workspace:land_requirements_update", args=[district.slug])
    return url, district.land_requirements


def _requirement_set(district):
    requirement_set = factories.land_set(district)
    return reverse("land:requirements_update", args=[requirement_set.pk]), requirement_set


def _indicator(district):
    indicator = factories.IndicatorFactory(measure__district=district)
    url = reverse(
        "measures:indicator_update", args=[district.slug, indicator.measure.pk, indicator.pk]
    )
    return url, indicator


def _measurement(district):
    measurement = factories.MeasurementFactory(indicator__measure__district=district)
    url = reverse(
        "measures:measurement_update",
        args=[district.slug, measurement.indicator.measure_id, measurement.pk],
    )
    return url, measurement


def _section(district):
    section = factories.ConceptSectionFactory(
        version=factories.ConceptVersionFactory(concept=district.concept)
    )
    return reverse("concepts:section_update", args=[district.slug, section.pk]), section


def _report(district):
    report = make_report(district)
    return reverse("reports:update", args=[district.slug, report.pk]), report


def _version(district):
    version = factories.ConceptVersionFactory(concept=district.concept)
    return reverse("concepts:version_update", args=[district.slug, version.pk]), version


def _priority(district):
    priority = factories.WorkPriorityFactory(work_period__district=district)
    return reverse("concepts:priority_update", args=[district.slug, priority.pk]), priority


def _offer(district):
    offer = factories.OfferFactory(actor__district=district)
    return reverse("actors:offer_update", args=[district.slug, offer.pk]), offer


def _contact(district):
    contact = factories.ContactPersonFactory(actor__district=district)
    return reverse("actors:contact_update", args=[district.slug, contact.pk]), contact


def _meeting(district):
    meeting = factories.MeetingFactory(committee__district=district)
    return reverse("actors:meeting_update", args=[district.slug, meeting.pk]), meeting


def _option(district):
    option = factories.RoundOptionFactory(round__district=district)
    return reverse("coordination:option_update", args=[district.slug, option.pk]), option


# (id, make(district) -> (url, record), visitor, a text field the two people change)
def _agreement(district):
    from concepts.models import ConceptVersion, MunicipalAgreement

    agreement = MunicipalAgreement.objects.create(
        version=factories.ConceptVersionFactory(
            concept=district.concept, status=ConceptVersion.Status.IN_CONSULTATION
        ),
        municipality=factories.MunicipalityFactory(district=district),
        decision=MunicipalAgreement.Decision.AGREED,
        body="Rat der Stadt",
        decided_on=datetime.date(2026, 1, 5),
    )
    url = reverse(
        "concepts:agreement_edit",
        args=[district.slug, agreement.version_id, agreement.municipality_id],
    )
    return url, agreement


def _weighed_comment(district):
    from concepts.models import ConceptVersion
    from coordination.models import DraftReview, ReviewComment

    review = DraftReview.objects.create(
        version=factories.ConceptVersionFactory(
            concept=district.concept, status=ConceptVersion.Status.IN_CONSULTATION
        ),
        title="Beteiligung",
        opens_on=datetime.date(2026, 12, 1),
        closes_on=datetime.date(2027, 1, 31),
    )
    comment = ReviewComment.objects.create(
        review=review,
        section_title="Ausgangslage",
        paragraph=1,
        paragraph_text="Text",
        organisation="Haan",
        text="Bitte ergänzen.",
        decision=ReviewComment.Decision.NOTED,
        reason="Wird geprüft.",
    )
    return reverse("coordination:review_weigh", args=[district.slug, comment.pk]), comment


PAGES = [
    ("papers:agenda_item_update", _agenda_item, "ki_staff", "title"),
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
    (
        "workspace:municipality_update",
        _edit_page("workspace:municipality_update", factories.MunicipalityFactory),
        "ki_lead",
        "name",
    ),
    ("measures:indicator_update", _indicator, "ki_staff", "name"),
    ("measures:measurement_update", _measurement, "ki_staff", "note"),
    ("papers:result", _result, "ki_lead", "result_note"),
    ("papers:settings", _paper_settings, "ki_lead", "office_number"),
    ("land:requirements_update", _requirement_set, "land_user", "name"),
    ("land:kim_rate_update", _kim_rate, "land_user", "source"),
    ("concepts:section_update", _section, "ki_staff", "body"),
    (
        "measures:update",
        _edit_page("measures:update", factories.MeasureFactory),
        "ki_staff",
        "title",
    ),
    (
        "papers:update",
        _edit_page("papers:update", factories.DecisionPaperFactory),
        "ki_staff",
        "subject",
    ),
    ("reports:update", _report, "ki_staff", "title"),
    ("concepts:version_update", _version, "ki_staff", "title"),
    ("concepts:priority_update", _priority, "ki_staff", "title"),
    ("actors:offer_update", _offer, "ki_staff", "title"),
    ("actors:contact_update", _contact, "ki_staff", "name"),
    ("actors:meeting_update", _meeting, "ki_staff", "location"),
    (
        "actors:participation_update",
        _edit_page("actors:participation_update", factories.ParticipationEventFactory),
        "ki_staff",
        "title",
    ),
    (
        "coordination:update",
        _edit_page("coordination:update", factories.PriorityRoundFactory),
        "ki_staff",
        "title",
    ),
    ("coordination:option_update", _option, "ki_staff", "title"),
    ("concepts:agreement_edit", _agreement, "ki_staff", "body"),
    ("coordination:review_weigh", _weighed_comment, "ki_staff", "reason"),
    ("kim:post_update", _kim_post, "ki_staff", "title"),
    ("kim:change_update", _kim_change, "ki_staff", "decision"),
    ("kim:finding_update", _kim_finding, "ki_staff", "title"),
    ("kim:topic_update", _kim_topic, "ki_staff", "name"),
]
# Edit pages with a test of their own below (no free text field to change).
TESTED_ALONE = {
    "accounts:member_update",
    "concepts:period_update",
    "measures:settings",
    "workspace:land_requirements_update",
}
# Land pages without a District in the URL (tests/land/test_indicator_catalogue.py).
TESTED_ALONE |= {"land:indicator_update", "land:population_update"}


def page_data(context) -> dict:
    """What a browser sends back from an edit page unchanged: its form and, on the paper's
    page, the Beratungsfolge beside it."""
    data = as_posted(context["form"])
    if steps := context.get("steps"):
        data |= as_posted(steps.management_form)
        for step in steps:
            data |= as_posted(step)
    return data


def as_posted(form) -> dict:
    """The form's values as a browser would send them back unchanged."""
    data = {}
    for name in form.fields:
        key = form.add_prefix(name)
        value = form[name].value()
        if value is None:
            continue
        if isinstance(form.fields[name], forms.BooleanField):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif isinstance(value, Decimal):
            data[key] = formats.localize_input(value)
        elif isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            data[key] = value.strftime("%Y-%m-%dT%H:%M")
        elif isinstance(value, datetime.date):
            data[key] = value.isoformat()
        else:
            data[key] = str(value)
    return data


@pytest.mark.parametrize(
    ("make", "visitor", "field"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES]
)
def test_the_second_save_is_refused_and_keeps_both(client, district, make, visitor, field, request):
    url, record = make(district)
    client.force_login(request.getfixturevalue(visitor))
    mine = page_data(client.get(url).context)
    assert mine[SEEN_FIELD] == stamp(record)

    # A colleague saves first.
    setattr(record, field, "Kollegin")
    record.save()

    mine[field] = "Meine"
    response = client.post(url, mine)
    assert response.status_code == 200
    page = response.content.decode()
    assert CONFLICT_MESSAGE in page
    assert "Inzwischen gespeicherte Fassung" in page and "Kollegin" in page
    assert 'value="Meine"' in page or "Meine</textarea>" in page  # the input is kept
    record.refresh_from_db()
    assert getattr(record, field) == "Kollegin"

    # The field is marked with the stored value beside the input.
    conflicts = {conflict.name: conflict for conflict in response.context["form"].conflicts}
    assert field in conflicts and conflicts[field].stored == "Kollegin"
    assert f'id="{conflicts[field].html_id}"' in page

    # Pressing "Speichern" again without choosing overwrites nothing.
    again = page_data(response.context)
    assert again[field] == "Meine"
    refused = client.post(url, again)
    assert refused.status_code == 200
    assert CHOICE_MISSING in refused.content.decode()
    record.refresh_from_db()
    assert getattr(record, field) == "Kollegin"

    # Having chosen for every differing field, the save goes through.
    for conflict in conflicts.values():
        again[conflict.choice_name] = "mine"
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
    assert CONFLICT_MESSAGE in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == "kreistag"


def test_a_period_changed_meanwhile_is_not_overwritten(client, district, ki_staff):
    period = factories.WorkPeriodFactory(district=district)
    url = reverse("concepts:period_update", args=[district.slug, period.pk])
    client.force_login(ki_staff)
    mine = page_data(client.get(url).context)
    assert mine[SEEN_FIELD] == stamp(period)
    period.save()  # a colleague saved it
    mine["start_year"] = str(period.start.year + 10)
    response = client.post(url, mine)
    assert CONFLICT_MESSAGE in response.content.decode()
    start = period.start
    period.refresh_from_db()
    assert period.start == start


def test_a_measurement_setting_changed_meanwhile_is_not_overwritten(client, district, ki_lead):
    url = reverse("measures:settings", args=[district.slug])
    client.force_login(ki_lead)
    mine = page_data(client.get(url).context)
    assert mine[SEEN_FIELD] == stamp(district)
    district.liaisons_see_all_municipalities = True
    district.save()  # a colleague opened the values to liaisons
    mine.pop("liaisons_see_all_municipalities", None)
    response = client.post(url, mine)
    assert CONFLICT_MESSAGE in response.content.decode()
    district.refresh_from_db()
    assert district.liaisons_see_all_municipalities is True


def _form_views(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _form_views(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "view_class", None)
            if view is not None and issubclass(view, FormMixin):
                yield f"{namespace}{pattern.name}", view


EDIT_PAGE = re.compile(r"(:|_)update$|^papers:(settings|result)$|^measures:settings$")


def test_every_edit_page_refuses_a_stale_save_and_is_tested_here():
    """A new edit page must use core.locking and get a row in PAGES (or a test of its own)."""
    edit_pages = {
        name: view
        for name, view in _form_views(get_resolver().url_patterns)
        if EDIT_PAGE.search(name)
    }
    assert len(edit_pages) >= 20
    unguarded = [name for name, view in edit_pages.items() if not issubclass(view, StaleEditGuard)]
    assert unguarded == []
    untested = set(edit_pages) - {page[0] for page in PAGES} - TESTED_ALONE
    assert untested == set()


def test_a_record_deleted_during_the_request_is_404_not_a_crash(district):
    """The row is locked only when saving; if it is gone by then, the page does not exist."""
    actor = factories.ActorFactory(district=district)
    form = SimpleNamespace(cleaned_data={SEEN_FIELD: "2026-01-01T00:00:00+00:00"}, instance=actor)
    Actor.objects.filter(pk=actor.pk).delete()
    with pytest.raises(Http404):
        StaleEditGuard().refuse_stale(form)


def _restore_url(district, kind, obj, record):
    return reverse(
        "workspace:history_restore",
        kwargs={
            "district_slug": district.slug,
            "kind": kind,
            "pk": obj.pk,
            "history_id": record.history_id,
        },
    )


def test_a_restore_after_someone_saved_is_refused(client, district, ki_staff):
    """The history page offers an earlier state; if the record was saved after the page was
    built, restoring it would silently drop that save."""
    actor = factories.ActorFactory(district=district, name="Erster Name")
    actor.name = "Zweiter Name"
    actor.save()
    client.force_login(ki_staff)
    history = reverse("workspace:history", args=[district.slug, "akteur", actor.pk])
    page = client.get(history).content.decode()
    assert f'name="{SEEN_FIELD}" value="{stamp(actor)}"' in page
    first = actor.history.order_by("history_date").first()

    actor.name = "Name der Kollegin"
    actor.save()
    response = client.post(
        _restore_url(district, "akteur", actor, first), {SEEN_FIELD: stamp(first.instance)}
    )
    assert response.status_code == 302
    assert CONFLICT_MESSAGE in client.get(response["Location"]).content.decode()
    actor.refresh_from_db()
    assert actor.name == "Name der Kollegin"


def test_a_restore_from_an_up_to_date_page_goes_through(client, district, ki_staff):
    actor = factories.ActorFactory(district=district, name="Erster Name")
    actor.name = "Zweiter Name"
    actor.save()
    client.force_login(ki_staff)
    first = actor.history.order_by("history_date").first()
    response = client.post(
        _restore_url(district, "akteur", actor, first), {SEEN_FIELD: stamp(actor)}
    )
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.name == "Erster Name"
    assert actor.history.first().history_change_reason.startswith("Wiederhergestellt")


def test_without_history_the_note_says_changed_meanwhile(client, district, ki_staff):
    """Committees keep no history: the page cannot name who changed a field."""
    committee = factories.CommitteeFactory(district=district, name="Integrationsrat")
    url = reverse("actors:committee_update", args=[district.slug, committee.pk])
    client.force_login(ki_staff)
    mine = as_posted(client.get(url).context["form"])
    committee.name = "Integrationsausschuss"
    committee.save()
    response = client.post(url, mine)
    (conflict,) = response.context["form"].conflicts
    assert conflict.name == "name" and conflict.changed == CHANGED_MEANWHILE
    assert CHANGED_MEANWHILE in response.content.decode()


def test_a_save_meanwhile_that_changed_nothing_in_the_form_is_refused_once(
    client, district, ki_staff
):
    """Nothing differs field by field (the colleague changed something this form does not
    show): refused once as before, no choice needed, then the input is saved."""
    actor = factories.ActorFactory(district=district, name="Jobcenter")
    url = reverse("actors:update", args=[district.slug, actor.pk])
    client.force_login(ki_staff)
    mine = as_posted(client.get(url).context["form"])
    actor.save()  # a colleague saved without changing a field of this form
    response = client.post(url, mine | {"name": "Jobcenter"})
    assert response.status_code == 200
    assert response.context["form"].conflicts == []
    assert "stimmen mit der gespeicherten Fassung überein" in response.content.decode()
    again = page_data(response.context)
    assert client.post(url, again | {"name": "Jobcenter Kreis"}).status_code == 302
    actor.refresh_from_db()
    assert actor.name == "Jobcenter Kreis"


def test_garbage_in_the_conflict_fields_changes_nothing(client, district, ki_staff):
    actor = factories.ActorFactory(district=district, name="Jobcenter")
    url = reverse("actors:update", args=[district.slug, actor.pk])
    client.force_login(ki_staff)
    mine = as_posted(client.get(url).context["form"])
    mine |= {
        "conflict_fields": "__class__ name name " + "x" * 5000,
        "conflict_since": "kein Datum",
        "conflict_choice-name": "<script>",
        "conflict_choice-__class__": "theirs",
    }
    response = client.post(url, mine)
    assert response.status_code == 200  # a choice for "name" is missing: nothing saved
    assert [c.name for c in response.context["form"].conflicts] == ["name"]
    assert "<script>" not in response.content.decode()
    actor.refresh_from_db()
    assert actor.name == "Jobcenter"


def test_the_deadline_at_the_land_refuses_a_stale_save(client, district, ki_lead):
    """Issue 17: the District's requirements page edits only the deadline (a date)."""
    url, record = _land_requirements(district)
    client.force_login(ki_lead)
    mine = page_data(client.get(url).context)
    record.submission_deadline = datetime.date(2027, 1, 31)
    record.save()
    mine["submission_deadline"] = "2027-06-30"
    response = client.post(url, mine)
    assert response.status_code == 200
    assert CONFLICT_MESSAGE in response.content.decode()
    record.refresh_from_db()
    assert record.submission_deadline == datetime.date(2027, 1, 31)
