"""The feedback form of the Erklärung zur Barrierefreiheit: stored, mailed, listed for the KI."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.rights import Role
from public.forms import MESSAGE_MAX_LENGTH
from public.models import FeedbackMessage
from tests import factories

pytestmark = pytest.mark.django_db


def url(district):
    return reverse("public:accessibility", args=[district.slug])


def test_statement_has_the_parts_bitv_nrw_asks_for(client, district):
    html = client.get(url(district)).content.decode()
    assert "<h1>Erklärung zur Barrierefreiheit</h1>" in html
    assert "teilweise mit der BITV NRW vereinbar" in html
    assert "Welche Inhalte sind nicht barrierefrei?" in html
    assert "Diese Erklärung wurde am" in html
    assert "Überwachungsstelle für barrierefreie Informationstechnik NRW" in html
    assert "Schlichtungsverfahren" in html
    assert 'class="ki-hp"' in html


def test_feedback_is_stored_and_mailed_to_the_active_ki_lead(client, district, ki_lead, ki_staff):
    inactive = factories.MembershipFactory(district=district, role=Role.LEAD, is_active=False)
    response = client.post(
        url(district),
        {
            "name": "",
            "email": "leser@example.org",
            "page": "/akteure/",
            "message": "Kontrast zu schwach.",
        },
    )
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    assert "Vielen Dank" in thanks

    feedback = FeedbackMessage.objects.get()
    assert feedback.district == district
    assert feedback.message == "Kontrast zu schwach."
    assert feedback.page == "/akteure/"
    assert not feedback.handled

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [ki_lead.email]
    assert inactive.user.email not in sent.to and ki_staff.email not in sent.to
    assert "Rückmeldung zur Barrierefreiheit" in sent.subject
    assert "Kontrast zu schwach." in sent.body
    assert sent.reply_to == ["leser@example.org"]


def test_message_is_required_and_limited(client, district):
    response = client.post(url(district), {"message": ""})
    assert response.status_code == 200
    assert "Bitte schreiben Sie uns eine Nachricht." in response.content.decode()
    response = client.post(url(district), {"message": "x" * (MESSAGE_MAX_LENGTH + 1)})
    assert response.status_code == 200
    response = client.post(url(district), {"message": "Hallo", "email": "keine-adresse"})
    assert "gültige E-Mail-Adresse" in response.content.decode()
    assert not FeedbackMessage.objects.exists()
    assert mail.outbox == []


def test_honeypot_stores_nothing_but_looks_like_success(client, district, ki_lead):
    response = client.post(url(district), {"message": "Kaufen Sie!", "website": "spam.example"})
    assert response.status_code == 302
    assert not FeedbackMessage.objects.exists()
    assert mail.outbox == []


def test_ki_staff_see_the_messages_and_mark_them_handled(client, district, ki_staff):
    client.post(url(district), {"message": "Vorlesefunktion fehlt."})
    client.force_login(ki_staff)
    list_url = reverse("public:feedback", args=[district.slug])
    html = client.get(list_url).content.decode()
    assert "Vorlesefunktion fehlt." in html
    assert "1 offen" in html
    feedback = FeedbackMessage.objects.get()
    action = reverse("public:feedback_mark_handled", args=[district.slug, feedback.pk])
    response = client.post(action, {"erledigt": "1"}, follow=True)
    assert "als erledigt markiert" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.handled
    client.post(action, {"erledigt": "0"})
    feedback.refresh_from_db()
    assert not feedback.handled


def test_council_cannot_read_feedback_and_other_district_sees_none(
    client, district, other_district, council_member, other_member
):
    factories.FeedbackMessageFactory(district=district, message="Nur für Kreis Beispiel")
    client.force_login(council_member)
    assert client.get(reverse("public:feedback", args=[district.slug])).status_code == 403
    client.force_login(other_member)
    html = client.get(reverse("public:feedback", args=[other_district.slug])).content.decode()
    assert "Nur für Kreis Beispiel" not in html


def _post(client, district, number, address="192.0.2.10"):
    return client.post(
        url(district),
        {"message": f"Nachricht {number}: die Tabelle ist schwer lesbar.", "email": ""},
        REMOTE_ADDR=address,
    )


def test_a_flood_of_feedback_is_stopped_after_five_posts_per_sender(client, district, ki_lead):
    # Issue 15: 30 posts in 3 s were 30 stored messages and 30 mails.
    answers = [_post(client, district, number).status_code for number in range(30)]
    assert answers == [302] * 5 + [429] * 25
    assert FeedbackMessage.objects.filter(district=district).count() == 5
    assert len(mail.outbox) == 5
    page = _post(client, district, 31).content.decode()
    assert "Bitte versuchen Sie es in einigen Minuten noch einmal" in page
    assert "Nachricht 31: die Tabelle ist schwer lesbar." in page  # the input is kept
    # Another sender is not blocked by the first one.
    assert _post(client, district, 32, address="192.0.2.11").status_code == 302


def test_many_senders_together_are_stopped_per_district(client, district):
    answers = [
        _post(client, district, number, address=f"198.51.100.{number % 250}").status_code
        for number in range(65)
    ]
    assert answers.count(302) == 60
    assert FeedbackMessage.objects.filter(district=district).count() == 60
