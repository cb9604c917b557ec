"""Issue 18, the rest of the Beteiligung: who is invited (liaisons, Kreistag), the public
variant (sign-up with a confirmed address, rate limit, moderation), the e-mails (announcement,
reminder, decisions on publication), the change the KI links, and the DSGVO functions for
participants without an account."""

import datetime
import io
import json
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from coordination.models import DraftReview, ReviewComment, ReviewInvitation
from tests import factories
from tests.coordination import test_reviews
from tests.coordination.test_reviews import comment_as, liaison_of, open_review, text, urls

pytestmark = pytest.mark.django_db

draft, section, towns = test_reviews.draft, test_reviews.section, test_reviews.towns


@pytest.fixture(autouse=True)
def mails_at_once(monkeypatch):
    """The e-mails go out after the commit; the test's transaction never commits, so they go
    at once here."""
    monkeypatch.setattr(
        "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
    )


def public_url(district, review):
    return reverse("coordination:review_public", args=[district.slug, review.pk])


def sign_up(client, district, review, email="ida@example.org", name="Ida Beispiel", ip="192.0.2.1"):
    return client.post(
        public_url(district, review),
        {"name": name, "email": email, "organisation": "", "consent": "on"},
        REMOTE_ADDR=ip,
    )


def link_in(message) -> str:
    return re.search(r"https?://testserver(/\S+/)", message.body).group(1)


def test_opening_announces_it_to_the_invited_members(
    client, district, draft, section, towns, ki_staff, council_member
):
    liaison_of(district, towns[0])
    client.force_login(ki_staff)
    today = timezone.localdate()
    response = client.post(
        reverse("coordination:review_create", args=[district.slug, draft.pk]),
        {
            "title": "Beteiligung 2027",
            "opens_on": today.strftime("%d.%m.%Y"),
            "closes_on": (today + datetime.timedelta(days=14)).strftime("%d.%m.%Y"),
            "invite_liaisons": "on",
            "invite_council": "on",
        },
        follow=True,
    )
    assert "2 eingeladene Mitglieder" in text(response.content.decode())
    review = DraftReview.objects.get()
    assert review.invite_council and review.invite_liaisons and not review.is_public
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert council_member.email in recipients and len(recipients) == 2
    assert f"/konzept/{draft.pk}/beteiligung/{review.pk}/" in mail.outbox[0].body


def test_the_public_signs_up_confirms_and_is_moderated(
    client, district, other_district, draft, section, ki_staff
):
    review = open_review(draft, section, is_public=True, comments_visible=True)
    page = client.get(public_url(district, review))
    assert page.status_code == 200 and "Link anfordern" in page.content.decode()
    # Garbage: no name, no address, no consent – messages by the fields, nothing stored.
    refused = client.post(public_url(district, review), {"name": " ", "email": "nein"})
    html = refused.content.decode()
    assert "Bitte geben Sie Ihren Namen an." in html
    assert "gültige E-Mail-Adresse" in html and "Ohne Ihr Einverständnis" in html
    assert not ReviewInvitation.objects.exists() and not mail.outbox

    response = sign_up(client, district, review)
    assert response.status_code == 302
    invitation = ReviewInvitation.objects.get()
    assert invitation.is_public and invitation.confirmed_at is None
    assert invitation.organisation == "Privatperson"
    assert mail.outbox[0].to == ["ida@example.org"]
    link = link_in(mail.outbox[0])
    assert client.get(link).status_code == 200
    invitation.refresh_from_db()
    assert invitation.confirmed_at is not None  # the first visit confirms the address

    client.post(
        link + f"anmerkung/?abschnitt={section.pk}&absatz=1",
        {"text": "Bitte auch Sportvereine nennen.", "proposal": ""},
    )
    comment = ReviewComment.objects.get()
    assert comment.moderation == "offen" and comment.organisation == "Privatperson"
    # Before the release: the author sees it, the public page and other participants do not.
    assert "Bitte auch Sportvereine nennen." in client.get(link).content.decode()
    assert (
        "Bitte auch Sportvereine nennen."
        not in client.get(public_url(district, review)).content.decode()
    )
    hilden = liaison_of(district, factories.MunicipalityFactory(district=district, name="Hilden"))
    client.force_login(hilden)
    assert "Sportvereine" not in client.get(urls(district, review)["detail"]).content.decode()
    # The KI sees it waiting, and must give a reason to refuse.
    client.force_login(ki_staff)
    detail = text(client.get(urls(district, review)["detail"]).content.decode())
    assert "1 Anmerkung der Öffentlichkeit wartet auf Freigabe" in detail
    moderate = reverse("coordination:review_moderate", args=[district.slug, comment.pk])
    client.post(moderate, {"action": "abgelehnt", "note": ""})
    comment.refresh_from_db()
    assert comment.moderation == "offen"
    client.post(moderate, {"action": "frei"})
    comment.refresh_from_db()
    assert comment.moderation == "frei"
    client.logout()
    assert (
        "Bitte auch Sportvereine nennen."
        in client.get(public_url(district, review)).content.decode()
    )
    client.force_login(hilden)
    assert "Sportvereine" in client.get(urls(district, review)["detail"]).content.decode()
    # Another District's address, or a review that is not public: 404.
    client.logout()
    assert client.get(f"/{other_district.slug}/beteiligung/{review.pk}/").status_code == 404
    DraftReview.objects.filter(pk=review.pk).update(is_public=False)
    assert client.get(public_url(district, review)).status_code == 404


def test_a_refused_public_comment_leaves_the_abwaegung_and_its_author_learns_why(
    client, district, draft, section, ki_staff
):
    review = open_review(draft, section, is_public=True)
    sign_up(client, district, review)
    link = link_in(mail.outbox[0])
    client.post(link + f"anmerkung/?abschnitt={section.pk}&absatz=1", {"text": "Werbung!"})
    comment = ReviewComment.objects.get()
    client.force_login(ki_staff)
    moderate = reverse("coordination:review_moderate", args=[district.slug, comment.pk])
    client.post(moderate, {"action": "abgelehnt", "note": "Werbung für ein Unternehmen"})
    assert "Werbung!" not in client.get(urls(district, review)["abwaegung"]).content.decode()
    weigh = reverse("coordination:review_weigh", args=[district.slug, comment.pk])
    assert client.get(weigh).status_code == 403
    client.logout()
    page = text(client.get(link).content.decode())
    assert "nicht freigegeben" in page and "Grund: Werbung für ein Unternehmen" in page


def test_the_public_sign_up_is_rate_limited(client, district, draft, section, settings):
    """Counted per e-mail address and per sender address (django-ratelimit, in the cache);
    a refused attempt counts too."""
    settings.KI_PUBLIC_REVIEW_LIMITS = {"signups_per_address": 2, "signups_per_network": 4}
    review = open_review(draft, section, is_public=True)
    assert sign_up(client, district, review, "a@example.org").status_code == 302
    assert sign_up(client, district, review, "a@example.org").status_code == 302
    refused = sign_up(client, district, review, "A@example.org")
    assert refused.status_code == 429
    assert "Bitte versuchen Sie es in einer Stunde noch einmal." in refused.content.decode()
    # The network: a fourth attempt from the same sender is fine, a fifth is not …
    assert sign_up(client, district, review, "b@example.org").status_code == 302
    assert sign_up(client, district, review, "c@example.org").status_code == 429
    # … from another sender it is.
    assert sign_up(client, district, review, "c@example.org", ip="198.51.100.7").status_code == 302
    assert ReviewInvitation.objects.count() == 4 and len(mail.outbox) == 4


def test_public_comments_are_rate_limited_per_link(client, district, draft, section, settings):
    settings.KI_PUBLIC_REVIEW_LIMITS = {"comments_per_hour": 2}
    review = open_review(draft, section, is_public=True)
    sign_up(client, district, review)
    link = link_in(mail.outbox[0]) + f"anmerkung/?abschnitt={section.pk}&absatz=1"
    for number in (1, 2):
        assert client.post(link, {"text": f"Anmerkung {number}"}).status_code == 302
    refused = client.post(link, {"text": "Anmerkung 3"})
    assert refused.status_code == 429 and "etwas später" in refused.content.decode()
    assert ReviewComment.objects.count() == 2


def test_no_public_sign_up_outside_the_period(client, district, draft, section):
    today = timezone.localdate()
    review = open_review(
        draft,
        section,
        is_public=True,
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today - datetime.timedelta(days=1),
    )
    assert "Link anfordern" not in client.get(public_url(district, review)).content.decode()
    refused = sign_up(client, district, review)
    assert "nimmt keine Anmeldungen an" in refused.content.decode()
    assert not ReviewInvitation.objects.exists()


def test_the_reminder_goes_once_to_everyone_invited(
    district, draft, section, towns, council_member
):
    today = timezone.localdate()
    review = open_review(
        draft, section, invite_council=True, closes_on=today + datetime.timedelta(days=3)
    )
    liaison_of(district, towns[0])
    ReviewInvitation.objects.create(review=review, name="E", email="e@verein.de", organisation="V")
    ReviewInvitation.objects.create(
        review=review, name="R", email="r@verein.de", organisation="V", revoked_at=timezone.now()
    )
    ReviewInvitation.objects.create(
        review=review, name="U", email="u@example.org", organisation="P", is_public=True
    )  # never confirmed: no mail
    later = open_review(draft, section, closes_on=today + datetime.timedelta(days=4))
    call_command("remind_reviews", "--tage", "3", stdout=io.StringIO())
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([council_member.email, "e@verein.de", *liaison_emails(district)])
    assert "läuft bis zum" in mail.outbox[0].body
    review.refresh_from_db()
    later.refresh_from_db()
    assert review.reminded_at is not None and later.reminded_at is None
    call_command("remind_reviews", "--tage", "3", stdout=io.StringIO())
    assert len(mail.outbox) == len(recipients)  # once only


def liaison_emails(district):
    from accounts.models import Membership

    return [m.user.email for m in Membership.objects.filter(district=district, role=Role.LIAISON)]


def test_the_ki_reminds_by_hand_only_while_it_runs(client, district, draft, section, ki_staff):
    today = timezone.localdate()
    review = open_review(draft, section)
    ReviewInvitation.objects.create(review=review, name="E", email="e@verein.de", organisation="V")
    client.force_login(ki_staff)
    remind = reverse("coordination:review_remind", args=[district.slug, draft.pk, review.pk])
    response = client.post(remind, follow=True)
    assert "Erinnerung an 1 Teilnehmende verschickt." in text(response.content.decode())
    DraftReview.objects.filter(pk=review.pk).update(closes_on=today - datetime.timedelta(days=1))
    response = client.post(remind, follow=True)
    assert "solange die Beteiligung läuft" in response.content.decode()
    assert len(mail.outbox) == 1


def test_publishing_the_abwaegung_mails_each_author_their_decisions(
    client, district, draft, section, towns, ki_staff
):
    today = timezone.localdate()
    review = open_review(draft, section)
    haan = liaison_of(district, towns[0])
    comment_as(client, haan, district, review, section, 1, "Zahlen nennen.")
    comment_as(client, haan, district, review, section, 2, "Schulen nennen.")
    invitation = ReviewInvitation.objects.create(
        review=review, name="Erika", email="e@caritas.de", organisation="Caritas"
    )
    client.logout()
    client.post(
        reverse("coordination:review_external_comment", args=[district.slug, token(invitation)])
        + f"?abschnitt={section.pk}&absatz=1",
        {"text": "Beratung stärken."},
    )
    client.force_login(ki_staff)
    publish = reverse("coordination:review_publish", args=[district.slug, draft.pk, review.pk])
    # Not before the end, not with comments unweighed.
    response = client.post(publish, follow=True)
    assert "erst danach veröffentlichen" in response.content.decode()
    DraftReview.objects.filter(pk=review.pk).update(closes_on=today - datetime.timedelta(days=1))
    response = client.post(publish, follow=True)
    assert "3 Anmerkung(en) sind noch nicht abgewogen." in response.content.decode()
    for comment, decision, reason in zip(
        ReviewComment.objects.order_by("pk"),
        ("uebernommen", "nicht_uebernommen", "zur_kenntnis"),
        ("", "Schulen stehen in Abschnitt 4.", ""),
        strict=True,
    ):
        client.post(
            reverse("coordination:review_weigh", args=[district.slug, comment.pk]),
            {"decision": decision, "reason": reason},
        )
    mail.outbox.clear()
    response = client.post(publish, follow=True)
    assert "2 Teilnehmende haben die Entscheidungen" in text(response.content.decode())
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert set(by_address) == {haan.email, "e@caritas.de"}
    assert "Abwägung: übernommen" in by_address[haan.email]
    assert "Begründung: Schulen stehen in Abschnitt 4." in by_address[haan.email]
    assert "Beratung stärken." in by_address["e@caritas.de"]
    assert "Zahlen nennen." not in by_address["e@caritas.de"]
    # Published: final. No more weighing, no more comments, no second publication.
    comment = ReviewComment.objects.first()
    weigh = reverse("coordination:review_weigh", args=[district.slug, comment.pk])
    assert client.get(weigh).status_code == 403
    assert "bereits veröffentlicht" in client.post(publish, follow=True).content.decode()


def token(invitation):
    from coordination.invitations import invitation_token

    return invitation_token(invitation)


def test_the_ki_links_the_change_it_made(client, district, draft, section, towns, ki_staff):
    review = open_review(draft, section)
    comment_as(client, liaison_of(district, towns[0]), district, review, section, 2, "Kitas!")
    comment = ReviewComment.objects.get()
    section.body = section.body.replace("Sprachförderung", "Sprachförderung in Kitas")
    section.save()
    change = section.history.latest("history_date")
    client.force_login(ki_staff)
    weigh = reverse("coordination:review_weigh", args=[district.slug, comment.pk])
    form = client.get(weigh).content.decode()
    assert "gespeichert am" in form
    # Another section's saved state is not a choice.
    other = factories.ConceptSectionFactory(version=draft, order=2, title="Ziele", body="x")
    refused = client.post(
        weigh,
        {"decision": "uebernommen", "change": other.history.get().history_id},
    )
    assert refused.status_code == 200
    client.post(weigh, {"decision": "uebernommen", "change": change.history_id})
    comment.refresh_from_db()
    assert comment.change_id == change.history_id
    table = text(client.get(urls(district, review)["abwaegung"]).content.decode())
    assert "Änderung vom" in table and "Sprachförderung in Kitas" in table
    csv = client.get(urls(district, review)["abwaegung"], {"als": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "Abschnitt „Ausgangslage“ geändert am" in csv


def test_a_participant_without_account_gets_art_15_and_art_17(
    client, district, draft, section, ki_staff
):
    review = open_review(draft, section, is_public=True)
    sign_up(client, district, review, name="Ida Beispiel")
    invitation = ReviewInvitation.objects.get()
    link = link_in(mail.outbox[0])
    client.post(
        link + f"anmerkung/?abschnitt={section.pk}&absatz=1",
        {"text": "Ich, Ida Beispiel, wünsche mehr Kurse."},
    )
    client.force_login(ki_staff)
    args = [district.slug, draft.pk, review.pk, invitation.pk]
    export = client.get(reverse("coordination:review_invitation_export", args=args))
    data = json.loads(export.content)
    assert data["Auskunft nach"] == "Art. 15 DSGVO"
    assert data["Teilnahme"]["E-Mail"] == "ida@example.org"
    assert (
        data["Teilnahme"]["Anmerkungen"][0]["Anmerkung"] == "Ich, Ida Beispiel, wünsche mehr Kurse."
    )
    client.post(reverse("coordination:review_invitation_erase", args=args))
    invitation.refresh_from_db()
    assert "Ida" not in invitation.name and invitation.email == ""
    assert invitation.revoked_at is not None
    assert ReviewComment.objects.get().text == "Ich, [gelöscht], wünsche mehr Kurse."
    client.logout()
    assert client.get(link).status_code == 404


GARBAGE = ["", " ", "0", "-1", "9" * 30, "<script>", "NaN", "31.02.2025", "x" * 400]


def test_garbage_in_the_public_and_moderation_forms_changes_nothing(
    client, district, draft, section, ki_staff
):
    review = open_review(draft, section, is_public=True)
    for value in GARBAGE:
        response = client.post(
            public_url(district, review),
            {"name": value, "email": value, "organisation": value * 3, "consent": value},
        )
        assert response.status_code == 200
    assert not ReviewInvitation.objects.exists() and not mail.outbox
    sign_up(client, district, review)
    link = link_in(mail.outbox[0])
    client.post(link + f"anmerkung/?abschnitt={section.pk}&absatz=1", {"text": "Bitte prüfen."})
    comment = ReviewComment.objects.get()
    client.force_login(ki_staff)
    moderate = reverse("coordination:review_moderate", args=[district.slug, comment.pk])
    weigh = reverse("coordination:review_weigh", args=[district.slug, comment.pk])
    for value in GARBAGE:
        assert client.post(moderate, {"action": value, "note": value}).status_code == 302
        response = client.post(weigh, {"decision": value, "reason": value, "change": value})
        assert response.status_code == 200
    comment.refresh_from_db()
    assert (comment.moderation, comment.decision, comment.change_id) == ("offen", "", None)


def test_the_participants_pages_take_the_same_queries_for_many_comments(
    client, district, draft, section
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from coordination.paragraphs import paragraphs

    review = open_review(draft, section, is_public=True, comments_visible=True)
    invitation = ReviewInvitation.objects.create(
        review=review, name="E", email="e@verein.de", organisation="Verein"
    )

    def add(n):
        for i in range(n):
            ReviewComment.objects.create(
                review=review,
                section=section,
                section_title=section.title,
                paragraph=1 + i % 3,
                paragraph_text=paragraphs(section.body)[i % 3],
                invitation=invitation if i % 2 else None,
                organisation="Verein",
                text=f"Anmerkung {i}",
                moderation="frei" if i % 3 else "",
            )

    pages = [
        public_url(district, review),
        reverse("coordination:review_external", args=[district.slug, token(invitation)]),
    ]
    add(2)
    counts = {}
    for url in pages:
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        counts[url] = len(few)
    add(30)
    for url in pages:
        with CaptureQueriesContext(connection) as many:
            assert client.get(url).status_code == 200
        assert len(many) == counts[url], url


def test_the_contact_persons_art_15_export_holds_their_invitations(
    client, district, draft, section, ki_staff
):
    """The existing DSGVO export of a contact person (actors) includes the Beteiligungen it
    was invited to and what it wrote there."""
    from actors import services as actor_services

    contact = factories.ContactPersonFactory(
        actor=factories.ActorFactory(district=district, name="Caritas"),
        name="Erika Muster",
        email="e@caritas.de",
    )
    review = open_review(draft, section)
    invitation = ReviewInvitation.objects.create(
        review=review, contact=contact, name=contact.name, email=contact.email, organisation="C"
    )
    client.post(
        reverse("coordination:review_external_comment", args=[district.slug, token(invitation)])
        + f"?abschnitt={section.pk}&absatz=1",
        {"text": "Mehr Beratung."},
    )
    _name, content = actor_services.contact_export(
        district=district, contact=contact, user=ki_staff
    )
    data = json.loads(content)
    (entry,) = data["Einladungen zu Beteiligungen"]
    assert entry["Beteiligung"] == "Beteiligung 2026" and entry["E-Mail"] == "e@caritas.de"
    assert entry["Anmerkungen"][0]["Anmerkung"] == "Mehr Beratung."
    # A contact person never invited: no such key.
    other = factories.ContactPersonFactory(actor=contact.actor, name="Max", email="m@c.de")
    _name, content = actor_services.contact_export(district=district, contact=other, user=ki_staff)
    assert "Einladungen zu Beteiligungen" not in json.loads(content)


def test_running_reviews_show_on_the_dashboard_and_the_public_start_page(
    client, district, draft, section, towns, council_member
):
    review = open_review(draft, section, invite_council=True, is_public=True)
    home = reverse("workspace:home", args=[district.slug])
    client.force_login(council_member)
    assert "Beteiligung 2026" in client.get(home).content.decode()
    client.force_login(liaison_of(district, towns[0]))
    assert "Beteiligung 2026" in client.get(home).content.decode()
    client.logout()
    start = client.get(reverse("public:start", args=[district.slug])).content.decode()
    assert public_url(district, review) in start
    # Not invited, not public, or ended: gone.
    DraftReview.objects.filter(pk=review.pk).update(invite_council=False, is_public=False)
    client.force_login(council_member)
    assert "Beteiligung 2026" not in client.get(home).content.decode()
    client.logout()
    start = client.get(reverse("public:start", args=[district.slug])).content.decode()
    assert public_url(district, review) not in start
    DraftReview.objects.filter(pk=review.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(liaison_of(district, towns[1]))
    assert "Beteiligung 2026" not in client.get(home).content.decode()
