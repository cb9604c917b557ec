"""The Land's rights in the Districts (issue 17): it controls every KI's Förderfähigkeit and
staffing plan, and never reads nichtöffentliche papers, contact persons' personal data or a
round's answers before the round's deadline. accounts/rights.py is the table; README
"Rollen und Rechte" says the same."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import PriorityRound
from districts.models import District
from tests import factories


@pytest.fixture
def districts(district):
    """The test District and a few of the 54 from the migration; the Land is member of none."""
    return [district, *District.objects.exclude(pk=district.pk).order_by("official_key")[:4]]


@pytest.mark.parametrize("visitor", ["land_user", "operator"])
def test_land_reads_checklist_and_staffing_of_every_district(client, districts, visitor, request):
    user = request.getfixturevalue(visitor)
    assert not user.memberships.exists()
    client.force_login(user)
    for district in districts:
        for name in ("workspace:compliance", "workspace:staffing"):
            response = client.get(reverse(name, args=[district.slug]))
            assert response.status_code == 200, (name, district.slug)
        # …and edits nothing there
        for name in ("workspace:staff_create", "workspace:land_requirements_update"):
            assert client.get(reverse(name, args=[district.slug])).status_code == 403, name


def test_the_staffing_plan_shows_the_land_posts_but_no_names(client, district, land_user, ki_lead):
    factories.StaffPostFactory(district=district, title="Leitung KI", holder="Petra Beispiel")
    url = reverse("workspace:staffing", args=[district.slug])
    client.force_login(land_user)
    html = client.get(url).content.decode()
    assert "Leitung KI" in html and "1,0" in html and "vom Land gefördert" in html
    assert "Petra Beispiel" not in html and "Stelleninhaber/in" not in html
    client.force_login(ki_lead)
    assert "Petra Beispiel" in client.get(url).content.decode()


def test_the_checklist_links_the_land_to_no_draft(client, district, land_user):
    draft = factories.ConceptVersionFactory(concept=district.concept, title="Fortschreibung 2026")
    client.force_login(land_user)
    html = client.get(reverse("workspace:compliance", args=[district.slug])).content.decode()
    assert "Fortschreibung 2026" in html  # the Land sees that a draft is on its way …
    draft_url = reverse("concepts:version_detail", args=[district.slug, draft.pk])
    assert f'href="{draft_url}"' not in html  # … but not the draft itself (the KI fixes)


@pytest.fixture
def papers(district):
    public = factories.released_paper(district, subject="Öffentliche Vorlage")
    closed = factories.released_paper(district, is_public=False, subject="Geheime Vorlage")
    attachment = factories.ReleasedAttachmentFactory(release=closed.releases.first())
    return {"public": public, "closed": closed, "attachment": attachment}


@pytest.mark.parametrize("visitor", ["land_user", "operator"])
def test_land_never_reads_a_nichtoeffentliche_paper(client, district, papers, visitor, request):
    client.force_login(request.getfixturevalue(visitor))
    slug, closed = district.slug, papers["closed"]
    listing = client.get(reverse("papers:list", args=[slug])).content.decode()
    assert "Öffentliche Vorlage" in listing and "Geheime Vorlage" not in listing
    assert client.get(reverse("papers:detail", args=[slug, papers["public"].pk])).status_code == 200
    for url in (
        reverse("papers:detail", args=[slug, closed.pk]),
        reverse("papers:pdf", args=[slug, closed.pk]),
        reverse("papers:revision_pdf", args=[slug, closed.pk, 1]),
        reverse("papers:released_attachment", args=[slug, closed.pk, papers["attachment"].pk]),
        reverse("papers:draft_pdf", args=[slug, closed.pk]),
        reverse("papers:docx", args=[slug, closed.pk]),
    ):
        assert client.get(url).status_code in (403, 404), url
    # the calendar feed and the dashboard name it nowhere
    feed = client.get(reverse("papers:meetings_ical", args=[slug])).content.decode()
    assert "Geheime Vorlage" not in feed
    assert (
        "Geheime Vorlage" not in client.get(reverse("workspace:home", args=[slug])).content.decode()
    )


def test_the_council_still_reads_the_nichtoeffentliche_paper(
    client, district, papers, council_member
):
    client.force_login(council_member)
    url = reverse("papers:detail", args=[district.slug, papers["closed"].pk])
    assert client.get(url).status_code == 200
    # the same calendar feed names it to the council: the Land's feed above leaves it out
    feed = client.get(reverse("papers:meetings_ical", args=[district.slug])).content.decode()
    assert "Geheime Vorlage" in feed


def test_land_never_sees_contact_persons(client, district, land_user):
    contact = factories.ContactPersonFactory(
        actor=factories.ActorFactory(district=district), name="Erika Vertraulich"
    )
    client.force_login(land_user)
    page = client.get(contact.actor.get_absolute_url()).content.decode()
    assert "Erika Vertraulich" not in page and "erika@example.org" not in page
    slug = district.slug
    for name in ("actors:contact_update", "actors:contact_delete", "actors:contact_export"):
        assert client.get(reverse(name, args=[slug, contact.pk])).status_code in (403, 404), name
    assert client.get(reverse("actors:list", args=[slug])).status_code == 200
    assert (
        "Erika Vertraulich" not in client.get(reverse("actors:list", args=[slug])).content.decode()
    )


def round_with_answer(district, closes_on):
    period = district.work_periods.first() or factories.WorkPeriodFactory(district=district)
    round = factories.PriorityRoundFactory(
        district=district,
        work_period=period,
        status=PriorityRound.Status.CLOSED,
        opens_on=closes_on - datetime.timedelta(days=30),
        closes_on=closes_on,
    )
    factories.SubmissionFactory(
        round=round, municipality=factories.MunicipalityFactory(district=district)
    )
    return round


@pytest.mark.parametrize("visitor", ["land_user", "operator"])
def test_land_reads_a_rounds_answers_only_after_its_deadline(client, district, visitor, request):
    today = timezone.localdate()
    # The KI closed the round early: the deadline has not come, the Land gets nothing.
    early = round_with_answer(district, closes_on=today + datetime.timedelta(days=3))
    past = round_with_answer(district, closes_on=today - datetime.timedelta(days=1))
    client.force_login(request.getfixturevalue(visitor))
    slug = district.slug
    assert client.get(reverse("coordination:result", args=[slug, early.pk])).status_code == 404
    assert client.get(reverse("coordination:result", args=[slug, past.pk])).status_code == 200
    for round in (early, past):
        for name in ("coordination:answer", "coordination:export", "coordination:detail"):
            url = reverse(name, args=[slug, round.pk])
            assert client.get(url).status_code == 403, name


def test_a_liaison_still_sees_a_round_closed_early(client, district, liaison):
    early = round_with_answer(district, closes_on=timezone.localdate() + datetime.timedelta(3))
    client.force_login(liaison)
    url = reverse("coordination:result", args=[district.slug, early.pk])
    assert client.get(url).status_code == 200
