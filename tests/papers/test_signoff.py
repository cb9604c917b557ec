"""Mitzeichnung before release (issue 14): the District's steps in order, sign-off or return
with a comment, invalid after a change, release only after all – or, without steps, after the
KI-Leitung's confirmation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.rights import Role
from documents.renderers import renderer_for
from papers.models import DecisionPaper, Impact, SignOff, SignOffRound, SignOffStep
from papers.renderers import PAPER_PDF, paper_html
from papers.services import paper_release, paper_update
from papers.signoff import signoff_request, signoff_sign, signoff_state
from tests import factories

from .test_pdf import text_of

pytestmark = pytest.mark.django_db

CONFIRM = {"confirm": "on"}


def member(district, first, last, role=Role.STAFF):
    return factories.MembershipFactory(
        district=district, role=role, user__first_name=first, user__last_name=last
    ).user


@pytest.fixture
def signers(district):
    """Fachbereichsleitung, then Kämmerei (only with financial impact), then Dezernat."""
    head = member(district, "Fiona", "Bereich")
    treasury = member(district, "Karl", "Kämmerer")
    deputy = member(district, "Dora", "Dezernentin")
    factories.SignOffStepFactory(
        district=district, order=1, function="Fachbereichsleitung", user=head
    )
    factories.SignOffStepFactory(
        district=district,
        order=2,
        function="Kämmerei",
        user=treasury,
        condition=SignOffStep.Condition.FINANCIAL,
    )
    factories.SignOffStepFactory(district=district, order=3, function="Dezernat", user=deputy)
    return head, treasury, deputy


@pytest.fixture
def paper(district):
    return factories.releasable_paper(district, steps=1)


def url(name, district, paper):
    return reverse(f"papers:{name}", args=[district.slug, paper.pk])


def page(client, district, paper) -> str:
    return client.get(url("detail", district, paper)).content.decode()


def test_a_paper_with_two_steps_is_released_only_after_both(
    client, district, ki_lead, signers, paper
):
    head, _treasury, deputy = signers
    client.force_login(ki_lead)
    response = client.post(url("release", district, paper), CONFIRM, follow=True)
    assert "Die Vorlage muss vor der Freigabe mitgezeichnet werden" in response.content.decode()
    assert "Fachbereichsleitung, Dezernat" in response.content.decode()  # no Kämmerei: nein

    client.post(url("signoff_request", district, paper))
    assert "Zur Mitzeichnung geben</button>" not in page(client, district, paper)

    client.force_login(head)
    response = client.post(url("signoff_sign", district, paper), follow=True)
    assert "als Fachbereichsleitung mitgezeichnet" in response.content.decode()

    client.force_login(ki_lead)
    response = client.post(url("release", district, paper), CONFIRM, follow=True)
    assert "Es fehlt noch die Mitzeichnung: Dezernat (Dora Dezernentin)." in (
        response.content.decode()
    )
    paper.refresh_from_db()
    assert not paper.is_released
    with pytest.raises(ValidationError):
        paper_release(district=district, paper=paper, user=ki_lead)

    client.force_login(deputy)
    client.post(url("signoff_sign", district, paper))
    client.force_login(ki_lead)
    detail = page(client, district, paper)
    assert "Alle Schritte haben mitgezeichnet" in detail
    response = client.post(url("release", district, paper), CONFIRM, follow=True)
    assert "(Revision 1) freigegeben" in response.content.decode()
    paper.refresh_from_db()
    assert paper.is_released


def test_step_two_cannot_sign_before_step_one(client, district, ki_lead, signers, paper):
    head, _treasury, deputy = signers
    signoff_request(district=district, paper=paper, user=ki_lead)
    client.force_login(deputy)
    response = client.post(url("signoff_sign", district, paper), follow=True)
    assert "Zuerst zeichnet Fachbereichsleitung (Fiona Bereich) mit" in response.content.decode()
    assert not SignOff.objects.exists()
    # The return page, too, waits for her turn.
    assert client.get(url("signoff_return", district, paper)).status_code == 302
    assert "Mitzeichnen</button>" not in page(client, district, paper)

    client.force_login(head)
    assert "Sie sind als Fachbereichsleitung an der Reihe." in page(client, district, paper)


def test_the_treasury_signs_only_papers_with_financial_impact(district, ki_lead, signers, paper):
    head, treasury, deputy = signers
    assert [s.step.function for s in signoff_state(paper).steps] == [
        "Fachbereichsleitung",
        "Dezernat",
    ]
    DecisionPaper.objects.filter(pk=paper.pk).update(financial_impact=Impact.YES)
    paper.refresh_from_db()
    state = signoff_state(paper)
    assert [s.step.function for s in state.steps] == ["Fachbereichsleitung", "Kämmerei", "Dezernat"]

    signoff_request(district=district, paper=paper, user=ki_lead)
    signoff_sign(district=district, paper=paper, user=head)
    with pytest.raises(ValidationError, match="Zuerst zeichnet Kämmerei"):
        signoff_sign(district=district, paper=paper, user=deputy)
    signoff_sign(district=district, paper=paper, user=treasury)
    signoff_sign(district=district, paper=paper, user=deputy)
    release = paper_release(district=district, paper=paper, user=ki_lead).release
    assert release is not None


def test_a_returned_paper_goes_back_to_the_ki_with_the_comment(
    client, district, ki_lead, signers, paper
):
    head, _treasury, _deputy = signers
    signoff_request(district=district, paper=paper, user=ki_lead)
    client.force_login(head)
    return_url = url("signoff_return", district, paper)
    assert "Begründung der Rückgabe" in client.get(return_url).content.decode()

    # The comment is required: the error is next to the field, nothing changes.
    response = client.post(return_url, {"comment": "   "})
    assert response.status_code == 200
    assert "Bitte begründen Sie, warum Sie die Vorlage zurückgeben." in response.content.decode()
    assert SignOffRound.objects.get().status == SignOffRound.Status.OPEN

    client.post(return_url, {"comment": "Die Kosten für 2027 fehlen in IV."})
    signoff_round = SignOffRound.objects.get()
    assert signoff_round.status == SignOffRound.Status.RETURNED
    assert signoff_round.returned_by == head

    client.force_login(ki_lead)
    detail = page(client, district, paper)
    assert "Zurückgegeben von Fachbereichsleitung (Fiona Bereich) am" in detail
    assert "Die Kosten für 2027 fehlen in IV." in detail
    assert "Erneut zur Mitzeichnung geben</button>" in detail
    response = client.post(url("release", district, paper), CONFIRM, follow=True)
    assert "zurückgegeben" in response.content.decode()
    paper.refresh_from_db()
    assert not paper.is_released

    # Nobody signs a returned paper; the KI must ask again, and the round starts anew.
    with pytest.raises(ValidationError, match="nicht zur Mitzeichnung"):
        signoff_sign(district=district, paper=paper, user=head)
    client.post(url("signoff_request", district, paper))
    assert SignOffRound.objects.filter(status=SignOffRound.Status.OPEN).count() == 1
    client.force_login(head)
    assert "Sie sind als Fachbereichsleitung an der Reihe." in page(client, district, paper)


def test_a_change_after_a_sign_off_invalidates_it(client, district, ki_lead, signers, paper):
    head, _treasury, deputy = signers
    signoff_request(district=district, paper=paper, user=ki_lead)
    signoff_sign(district=district, paper=paper, user=head)

    paper_update(
        district=district,
        paper=paper,
        fields={"proposal": "Ein anderer Beschlussvorschlag."},
        steps=None,
        user=ki_lead,
    )
    assert SignOffRound.objects.get().status == SignOffRound.Status.CHANGED
    with pytest.raises(ValidationError, match="geändert"):
        signoff_sign(district=district, paper=paper, user=deputy)
    client.force_login(ki_lead)
    assert "die Mitzeichnungen gelten nicht mehr" in page(client, district, paper)
    with pytest.raises(ValidationError, match="geändert"):
        paper_release(district=district, paper=paper, user=ki_lead)

    # Asked again, everyone signs the new content, and it goes out.
    signoff_request(district=district, paper=paper, user=ki_lead)
    signoff_sign(district=district, paper=paper, user=head)
    signoff_sign(district=district, paper=paper, user=deputy)
    assert paper_release(district=district, paper=paper, user=ki_lead).release is not None


def test_a_change_no_save_noticed_is_caught_before_signing(district, ki_lead, signers, paper):
    head, _treasury, _deputy = signers
    signoff_request(district=district, paper=paper, user=ki_lead)
    committee = paper.consultations.get().meeting.committee
    committee.name = "Umbenannter Ausschuss"
    committee.save()
    assert signoff_state(paper).is_changed
    with pytest.raises(ValidationError, match="geändert"):
        signoff_sign(district=district, paper=paper, user=head)


def test_without_steps_the_release_needs_the_confirmation(client, district, ki_lead, paper):
    client.force_login(ki_lead)
    detail = page(client, district, paper)
    assert "Mitzeichnung" not in detail.split('id="actions-heading"')[1].split("</section>")[0]
    form = client.get(url("release", district, paper)).content.decode()
    assert "Ich habe die Vorlage geprüft und gebe sie frei" in form

    response = client.post(url("release", district, paper))
    assert response.status_code == 200
    assert "Bitte bestätigen Sie, dass Sie die Vorlage geprüft haben" in response.content.decode()
    paper.refresh_from_db()
    assert not paper.is_released

    client.post(url("release", district, paper), CONFIRM)
    paper.refresh_from_db()
    assert paper.is_released and paper.released_by == ki_lead


def test_only_the_holder_of_the_step_signs_or_returns(
    client, district, ki_lead, ki_staff, council_member, outsider, signers, paper
):
    signoff_request(district=district, paper=paper, user=ki_lead)
    for user in (ki_lead, ki_staff):  # KI members holding no step of it
        client.force_login(user)
        assert client.post(url("signoff_sign", district, paper)).status_code == 403
        assert client.get(url("signoff_return", district, paper)).status_code == 403
        assert (
            client.post(url("signoff_return", district, paper), {"comment": "x"}).status_code == 403
        )
        with pytest.raises(PermissionDenied):
            signoff_sign(district=district, paper=paper, user=user)
    client.force_login(council_member)
    assert client.post(url("signoff_sign", district, paper)).status_code == 403
    client.force_login(outsider)
    assert client.post(url("signoff_sign", district, paper)).status_code == 404
    assert not SignOff.objects.exists()
    assert SignOffRound.objects.get().status == SignOffRound.Status.OPEN


def test_the_lead_keeps_the_steps(client, district, ki_lead, ki_staff, council_member):
    steps_url = reverse("papers:signoff_steps", args=[district.slug])
    client.force_login(ki_staff)
    assert client.get(steps_url).status_code == 403
    client.force_login(ki_lead)
    head = member(district, "Fiona", "Bereich")
    deputy = member(district, "Dora", "Dezernentin")

    # Only KI members can hold a step: a Kreistag member is refused next to the field.
    response = client.post(
        steps_url, {"function": "Dezernat", "signer": council_member.pk, "condition": "immer"}
    )
    assert "kein aktives Mitglied der KI dieses Kreises" in response.content.decode()
    response = client.post(steps_url, {"function": " ", "signer": head.pk, "condition": "x"})
    assert "Bitte die Funktion angeben" in response.content.decode()
    assert not SignOffStep.objects.exists()

    client.post(steps_url, {"function": "Dezernat", "signer": deputy.pk, "condition": "immer"})
    client.post(
        steps_url, {"function": "Fachbereichsleitung", "signer": head.pk, "condition": "immer"}
    )
    second = SignOffStep.objects.get(function="Fachbereichsleitung")
    client.post(
        reverse("papers:signoff_step_move", args=[district.slug, second.pk]), {"richtung": "hoch"}
    )
    listing = client.get(steps_url).content.decode()
    assert listing.index("Fachbereichsleitung") < listing.index("<td>Dezernat</td>")
    assert list(SignOffStep.objects.values_list("function", "order")) == [
        ("Fachbereichsleitung", 1),
        ("Dezernat", 2),
    ]
    client.post(reverse("papers:signoff_step_delete", args=[district.slug, second.pk]))
    assert list(SignOffStep.objects.values_list("function", "order")) == [("Dezernat", 1)]


def test_the_papers_list_shows_what_waits_for_me(client, district, ki_lead, signers, paper):
    head, _treasury, deputy = signers
    other = factories.releasable_paper(district, steps=1, subject="Noch nicht angefragt")
    signoff_request(district=district, paper=paper, user=ki_lead)
    listing = reverse("papers:list", args=[district.slug])
    client.force_login(deputy)
    assert "Zur Mitzeichnung bei Ihnen" not in client.get(listing).content.decode()
    client.force_login(head)
    html = client.get(listing).content.decode()
    section = html.split("Zur Mitzeichnung bei Ihnen")[1].split("</section>")[0]
    assert paper.subject in section and "als Fachbereichsleitung" in section
    assert other.subject not in section
    home = reverse("workspace:home", args=[district.slug])
    assert "Zur Mitzeichnung bei Ihnen" in client.get(home).content.decode()
    signoff_sign(district=district, paper=paper, user=head)
    assert "Zur Mitzeichnung bei Ihnen" not in client.get(home).content.decode()
    client.force_login(deputy)
    assert "als Dezernat" in client.get(listing).content.decode()
    assert "als Dezernat" in client.get(home).content.decode()


def test_the_pdf_shows_the_sign_offs(district, ki_lead, signers, paper):
    head, _treasury, deputy = signers
    signoff_request(district=district, paper=paper, user=ki_lead)
    signoff_sign(district=district, paper=paper, user=head)
    context = renderer_for(PAPER_PDF).context(paper)
    assert [(s["function"], s["name"]) for s in context["signatures"]] == [
        ("Fachbereichsleitung", "Fiona Bereich")
    ]
    assert "Mitgezeichnet" in paper_html(paper) and "Fiona Bereich" in paper_html(paper)
    # A sign-off does not change what the signers signed.
    assert signoff_state(paper).complete is False and not signoff_state(paper).is_changed
    signoff_sign(district=district, paper=paper, user=deputy)
    release = paper_release(district=district, paper=paper, user=ki_lead).release
    text = text_of(bytes(release.pdf))
    assert "Mitgezeichnet" in text
    assert "Fiona Bereich" in text and "Dora Dezernentin" in text and "Dezernat" in text


def _queries(client, url_) -> int:
    client.get(url_)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url_).status_code == 200
    return len(context.captured_queries)


def test_query_counts_do_not_grow_with_steps_and_rounds(client, district, ki_lead, signers, paper):
    head, _treasury, deputy = signers
    signoff_request(district=district, paper=paper, user=ki_lead)
    client.force_login(head)
    detail, listing = url("detail", district, paper), reverse("papers:list", args=[district.slug])
    steps_url = reverse("papers:signoff_steps", args=[district.slug])
    small = [_queries(client, detail), _queries(client, listing)]
    client.force_login(ki_lead)
    small_steps = _queries(client, steps_url)
    for number in range(6):
        factories.SignOffStepFactory(district=district, order=10 + number, user=head)
        extra = factories.releasable_paper(district, steps=1)
        signoff_request(district=district, paper=extra, user=ki_lead)
    signoff_sign(district=district, paper=paper, user=head)
    signoff_sign(district=district, paper=paper, user=deputy)
    client.force_login(head)
    assert [_queries(client, detail), _queries(client, listing)] == small
    client.force_login(ki_lead)
    assert _queries(client, steps_url) == small_steps


def test_the_steps_page_names_a_holder_who_left_the_ki(client, district, ki_lead, signers):
    head, _treasury, _deputy = signers
    head.memberships.update(is_active=False)
    client.force_login(ki_lead)
    html = client.get(reverse("papers:signoff_steps", args=[district.slug])).content.decode()
    row = html.split("<td>Fachbereichsleitung</td>")[1].split("</tr>")[0]
    assert "nicht mehr Mitglied der KI" in row
    assert "nicht mehr Mitglied der KI" not in html.split("<td>Dezernat</td>")[1].split("</tr>")[0]


def test_staff_are_not_told_a_paper_waiting_for_sign_off_is_ready(
    client, district, ki_staff, signers, paper
):
    client.force_login(ki_staff)
    detail = page(client, district, paper)
    assert "fehlt die Mitzeichnung" in detail
    assert "Freigabereif." not in detail


def test_a_dezernent_with_the_role_mitzeichnung_signs_but_changes_nothing(
    client, district, ki_lead, paper
):
    # The Dezernat is not part of the KI: the role Mitzeichnung reads the paper put before
    # it, in its working copy, and signs – no edit rights, no other drafts.
    dezernent = member(district, "Dora", "Dezernentin", role=Role.SIGNATORY)
    factories.SignOffStepFactory(district=district, order=1, function="Dezernat", user=dezernent)
    other_draft = factories.DecisionPaperFactory(district=district, subject="Noch intern")
    client.force_login(dezernent)
    assert client.get(url("detail", district, paper)).status_code == 404  # not yet asked
    client.force_login(ki_lead)
    client.post(url("signoff_request", district, paper))

    client.force_login(dezernent)
    html = page(client, district, paper)
    assert paper.subject in html
    assert "Text der Vorlage" in html  # the working copy, as it will go out
    assert "Vorlage bearbeiten" not in html
    assert client.get(url("update", district, paper)).status_code == 403
    assert client.get(url("detail", district, other_draft)).status_code == 404
    listing = client.get(reverse("papers:list", args=[district.slug])).content.decode()
    assert "Noch intern" not in listing
    response = client.post(url("signoff_sign", district, paper), follow=True)
    assert "als Dezernat mitgezeichnet" in response.content.decode()
    assert SignOff.objects.filter(round__paper=paper, user=dezernent).exists()
    client.force_login(ki_lead)
    assert client.post(url("release", district, paper), CONFIRM).status_code == 302
    paper.refresh_from_db()
    assert paper.is_released
