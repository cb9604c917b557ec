"""Issue 20 "What it must show" 2: releasing a paper e-mails the members of its committees once.

The KI links members of the District to a Gremium (``actors.CommitteeReader``); a release of a
paper whose Beratungsfolge reaches the Gremium sends each of them one e-mail with a link, never
the PDF; a member switches it off on "Benachrichtigungen"; a nichtöffentlich paper goes only to
those who read nichtöffentlich papers (not the liaisons) and its mail names no subject.
"""

from django.core import mail
from django.urls import reverse

from accounts.rights import Role
from actors.forms import NOT_A_MEMBER
from actors.models import CommitteeReader
from papers.services import paper_new_revision, paper_release
from tests import factories
from tests.test_pages import count_queries

from .test_workflow import CONFIRM

SITE = "https://ki.kreis-beispiel.example"


def committees_of(paper):
    return [step.meeting.committee for step in paper.consultations.order_by("order")]


def seat(committee, user, notify=True):
    return CommitteeReader.objects.create(committee=committee, user=user, notify=notify)


def member(district, role=Role.COUNCIL, **user):
    kwargs = {f"user__{key}": value for key, value in user.items()}
    municipality = (
        factories.MunicipalityFactory(district=district) if role == Role.LIAISON else None
    )
    return factories.MembershipFactory(
        district=district, role=role, municipality=municipality, **kwargs
    ).user


def release(paper, user, capture):
    """Release as the worker or the page would, and run what waits for the commit."""
    with capture(execute=True):
        return paper_release(district=paper.district, paper=paper, user=user).release


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_release_mails_each_entitled_member_once_with_a_link(
    district, other_district, ki_lead, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE + "/"
    paper = factories.releasable_paper(district, subject="Fortschreibung Integrationskonzept")
    first, second, third = committees_of(paper)
    first.name, third.name = "Sozialausschuss", "Kreistag"
    first.save(), third.save()
    both = member(district, first_name="Erika", last_name="Muster")  # two of its committees
    seat(first, both), seat(third, both)
    off = member(district)
    seat(second, off, notify=False)
    liaison = member(district, Role.LIAISON)
    seat(second, liaison)
    no_address = member(district, email="")
    seat(first, no_address)
    ended = member(district)
    ended.memberships.update(is_active=False)
    seat(first, ended)
    stranger = member(other_district)  # linked by mistake (e.g. the admin), not a member here
    seat(first, stranger)
    unrelated = member(district)
    seat(factories.CommitteeFactory(district=district), unrelated)

    release(paper, ki_lead, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([both.email, liaison.email])
    (message,) = mails_to(both.email)
    link = SITE + reverse("papers:detail", args=[district.slug, paper.pk])
    assert link in message.body
    assert message.attachments == [] and not getattr(message, "alternatives", [])
    assert message.subject == f"Neue Vorlage {paper.reference}: Fortschreibung Integrationskonzept"
    assert "Guten Tag Erika Muster" in message.body
    assert "Betreff: Fortschreibung Integrationskonzept" in message.body
    assert "Sozialausschuss, Sitzung am 24.05.2026" in message.body  # d.m.Y, Europe/Berlin
    assert "Kreistag, Sitzung am 21.06.2026" in message.body
    assert "als Mitglied von: Sozialausschuss, Kreistag." in message.body
    assert SITE + reverse("actors:notice_settings", args=[district.slug]) in message.body


def test_a_nichtoeffentlich_paper_goes_to_council_not_to_liaisons_and_names_no_subject(
    district, ki_lead, django_capture_on_commit_callbacks
):
    paper = factories.releasable_paper(district, is_public=False, subject="Personalie Geheim")
    committee = committees_of(paper)[0]
    council, liaison, staff = member(district), member(district, Role.LIAISON), member(district)
    for user in (council, liaison, staff):
        seat(committee, user)

    release(paper, ki_lead, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([council.email, staff.email])
    for message in mail.outbox:
        assert "Geheim" not in message.subject and "Geheim" not in message.body
        assert paper.reference in message.subject and "nichtöffentlich" in message.subject
        assert "nichtöffentlich" in message.body


def test_a_new_revision_notifies_again_as_a_changed_version(
    district, ki_lead, django_capture_on_commit_callbacks
):
    paper = factories.releasable_paper(district)
    reader = member(district)
    seat(committees_of(paper)[1], reader)
    release(paper, ki_lead, django_capture_on_commit_callbacks)
    paper = paper_new_revision(district=district, paper=paper, user=ki_lead)
    release(paper, ki_lead, django_capture_on_commit_callbacks)

    first, second = mails_to(reader.email)
    assert first.subject.startswith("Neue Vorlage")
    assert second.subject.startswith(f"Geänderte Vorlage {paper.reference} (Revision 2)")
    assert "geänderte Fassung (Revision 2)" in second.body


def test_nothing_is_sent_while_nobody_is_linked_or_before_the_commit(
    district, ki_lead, django_capture_on_commit_callbacks
):
    paper = factories.releasable_paper(district)
    release(paper, ki_lead, django_capture_on_commit_callbacks)
    assert mail.outbox == []

    other = factories.releasable_paper(district)
    seat(committees_of(other)[0], member(district))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        paper_release(district=district, paper=other, user=ki_lead)
    assert mail.outbox == []  # sent only once the release commits
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_releasing_on_the_page_and_in_the_worker_mails_once(
    client, district, ki_lead, paper_with_anlagen, django_capture_on_commit_callbacks
):
    """The paper has a concept version as Anlage: the release is queued and the (immediate)
    worker completes it; the members still get exactly one mail each."""
    paper, _version = paper_with_anlagen
    reader = member(district)
    for committee in committees_of(paper):
        seat(committee, reader)
    client.force_login(ki_lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM)
    paper.refresh_from_db()
    assert paper.is_released
    assert len(mails_to(reader.email)) == 1 and len(mail.outbox) == 1


# The pages: the KI links members, each member switches their own notices.


def readers_url(committee):
    return reverse("actors:committee_readers", args=[committee.district.slug, committee.pk])


def notices_url(district):
    return reverse("actors:notice_settings", args=[district.slug])


def test_the_ki_links_a_member_and_removes_the_link(client, district, ki_staff, council_member):
    committee = factories.CommitteeFactory(district=district, name="Sozialausschuss")
    client.force_login(ki_staff)
    detail = client.get(committee.get_absolute_url()).content.decode()
    assert readers_url(committee) in detail
    response = client.post(readers_url(committee), {"reader": council_member.pk}, follow=True)
    assert "ist „Sozialausschuss“ zugeordnet" in response.content.decode()
    linked = CommitteeReader.objects.get(committee=committee)
    assert linked.user == council_member and linked.notify
    # Already linked: no longer offered.
    page = client.get(readers_url(committee)).content.decode()
    assert f'<option value="{council_member.pk}"' not in page
    assert "Kreistag/Ausschuss" in page

    remove = reverse("actors:committee_reader_remove", args=[district.slug, linked.pk])
    client.post(remove)
    assert not CommitteeReader.objects.filter(committee=committee).exists()


def test_a_user_of_another_district_cannot_be_linked(
    client, district, ki_staff, other_member, outsider
):
    committee = factories.CommitteeFactory(district=district)
    client.force_login(ki_staff)
    for user in (other_member, outsider):
        response = client.post(readers_url(committee), {"reader": user.pk})
        assert response.status_code == 200
        html = response.content.decode()
        assert NOT_A_MEMBER in html
        assert 'id="error_1_id_reader"' in html  # next to the field
        assert f'<option value="{user.pk}"' not in html
    assert not CommitteeReader.objects.exists()


def test_the_switch_changes_only_the_own_rows(client, district, other_district, council_member):
    social, council = (factories.CommitteeFactory(district=district, name=n) for n in "SK")
    mine = [seat(social, council_member), seat(council, council_member)]
    neighbour = seat(social, member(district))
    # The same person on a committee of another District they also belong to.
    factories.MembershipFactory(user=council_member, district=other_district, role=Role.COUNCIL)
    elsewhere = seat(factories.CommitteeFactory(district=other_district), council_member)
    client.force_login(council_member)

    page = client.get(notices_url(district)).content.decode()
    assert page.count('type="checkbox"') == 2 and "checked" in page

    # Someone else's row in the posted data is refused; nothing changes.
    response = client.post(notices_url(district), {"notify": [mine[0].pk, neighbour.pk]})
    assert "Diese Auswahl gehört nicht zu Ihren Gremien." in response.content.decode()
    assert all(row.notify for row in CommitteeReader.objects.all())

    response = client.post(notices_url(district), {"notify": [mine[0].pk]}, follow=True)
    assert "Ihre Benachrichtigungen sind gespeichert." in response.content.decode()
    states = {row.pk: row.notify for row in CommitteeReader.objects.all()}
    assert states == {mine[0].pk: True, mine[1].pk: False, neighbour.pk: True, elsewhere.pk: True}

    client.post(notices_url(district), {})  # all off
    assert not CommitteeReader.objects.get(pk=mine[0].pk).notify
    assert CommitteeReader.objects.get(pk=neighbour.pk).notify


def test_a_member_without_committees_is_told_so(client, district, liaison):
    client.force_login(liaison)
    html = client.get(notices_url(district)).content.decode()
    assert "keinem Gremium zugeordnet" in html
    assert "nur E-Mails zu öffentlichen Vorlagen" in html


def test_query_counts_of_the_new_pages_do_not_grow(client, district, ki_lead):
    committee = factories.CommitteeFactory(district=district)
    seat(committee, ki_lead)
    urls = [readers_url(committee), notices_url(district), committee.get_absolute_url()]
    client.force_login(ki_lead)
    small = [count_queries(client, url) for url in urls]
    for _ in range(15):
        seat(committee, member(district))
        seat(factories.CommitteeFactory(district=district), ki_lead)
        member(district)  # offered in the choice
    assert [count_queries(client, url) for url in urls] == small


def test_the_ki_sees_that_a_liaison_hears_only_of_oeffentliche_papers(
    client, district, ki_staff, council_member, liaison
):
    committee = factories.CommitteeFactory(district=district)
    CommitteeReader.objects.create(committee=committee, user=council_member)
    CommitteeReader.objects.create(committee=committee, user=liaison)
    client.force_login(ki_staff)
    page = client.get(readers_url(committee)).content.decode()
    assert page.count("nur zu öffentlichen Vorlagen") == 1
