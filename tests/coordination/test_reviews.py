"""Issue 18, first part of the Beteiligung: the KI opens it on a Fassung "in Abstimmung",
liaisons comment on paragraphs, an edited paragraph keeps the comment's earlier text, the KI
weighs each comment in the Abwägungstabelle (page, CSV, XLSX)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from concepts.models import ConceptVersion
from coordination.models import DraftReview, ReviewComment
from coordination.paragraphs import anchor, paragraphs
from tests import factories

pytestmark = pytest.mark.django_db

BODY = "Im Kreis leben **viele** Familien.\n\nDie Kitas brauchen Sprachförderung.\n\n- Sprache\n- Arbeit"


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def draft(district):
    return factories.ConceptVersionFactory(
        concept=district.concept,
        number=2,
        title="Integrationskonzept 2027",
        status=ConceptVersion.Status.IN_CONSULTATION,
    )


@pytest.fixture
def section(draft):
    return factories.ConceptSectionFactory(version=draft, order=1, title="Ausgangslage", body=BODY)


@pytest.fixture
def towns(district):
    return [factories.MunicipalityFactory(district=district, name=n) for n in ("Haan", "Hilden")]


def liaison_of(district, municipality):
    return factories.MembershipFactory(
        district=district, role=Role.LIAISON, municipality=municipality
    ).user


def open_review(draft, section, **kwargs):
    today = timezone.localdate()
    review = DraftReview.objects.create(
        version=draft,
        title="Beteiligung 2026",
        opens_on=kwargs.pop("opens_on", today - datetime.timedelta(days=3)),
        closes_on=kwargs.pop("closes_on", today + datetime.timedelta(days=10)),
        **kwargs,
    )
    review.sections.add(section)
    return review


def urls(district, review):
    args = [district.slug, review.version_id, review.pk]
    return {
        "detail": reverse("coordination:review_detail", args=args),
        "comment": reverse("coordination:review_comment", args=args),
        "abwaegung": reverse("coordination:review_abwaegung", args=args),
    }


def comment_as(client, user, district, review, section, number, words):
    client.force_login(user)
    return client.post(
        urls(district, review)["comment"] + f"?abschnitt={section.pk}&absatz={number}",
        {"text": words, "proposal": ""},
    )


def test_paragraphs_split_at_blank_lines_and_anchor_follows_moves():
    parts = paragraphs(BODY)
    assert parts == [
        "Im Kreis leben **viele** Familien.",
        "Die Kitas brauchen Sprachförderung.",
        "- Sprache\n- Arbeit",
    ]
    comment = ReviewComment(paragraph=2, paragraph_text=parts[1])
    assert anchor(comment, parts).number == 2
    assert anchor(comment, ["Neu davor.", *parts]).number == 3  # moved, same text
    assert anchor(comment, [parts[0], "Die Kitas brauchen mehr.", parts[2]]).changed


def test_the_ki_opens_a_review_on_a_draft_in_abstimmung(client, district, draft, section, ki_staff):
    client.force_login(ki_staff)
    url = reverse("coordination:review_create", args=[district.slug, draft.pk])
    response = client.post(
        url,
        {
            "title": "Beteiligung der Kommunen",
            "opens_on": "01.12.2026",
            "closes_on": "31.01.2027",
            "sections": [section.pk],
        },
    )
    review = DraftReview.objects.get()
    assert response.url == urls(district, review)["detail"]
    assert list(review.sections.all()) == [section] and not review.comments_visible
    # The end before the beginning is refused next to the field, nothing saved.
    response = client.post(
        url, {"title": "Falsch", "opens_on": "01.12.2026", "closes_on": "30.11.2026"}
    )
    assert "Das Ende liegt vor dem Beginn" in response.content.decode()
    assert DraftReview.objects.count() == 1
    # A draft not yet "in Abstimmung" gets no Beteiligung.
    draft.status = ConceptVersion.Status.DRAFT
    draft.save()
    assert client.get(url).status_code == 403


def test_liaisons_comment_the_ki_edits_weighs_and_exports(
    client, district, draft, section, towns, ki_staff
):
    review = open_review(draft, section)
    haan, hilden = (liaison_of(district, t) for t in towns)
    assert (
        comment_as(client, haan, district, review, section, 2, "Auch für Grundschulen.").status_code
        == 302
    )
    comment_as(client, hilden, district, review, section, 1, "Zahlen nennen.")
    first, second = ReviewComment.objects.order_by("pk")
    assert (first.organisation, first.paragraph, first.paragraph_text) == (
        "Haan",
        2,
        "Die Kitas brauchen Sprachförderung.",
    )

    # Each liaison sees only their own comment (the review's setting).
    client.force_login(haan)
    page = text(client.get(urls(district, review)["detail"]).content.decode())
    assert "Auch für Grundschulen." in page and "Zahlen nennen." not in page

    # The KI edits paragraph 2: Haan's comment now shows the earlier text.
    section.body = BODY.replace(
        "Die Kitas brauchen Sprachförderung.", "Kitas und Grundschulen brauchen Sprachförderung."
    )
    section.save()
    client.force_login(ki_staff)
    page = text(client.get(urls(district, review)["detail"]).content.decode())
    assert "bezieht sich auf eine frühere Fassung des Absatzes (Ausgangslage, Absatz 2)" in page
    assert "Die Kitas brauchen Sprachförderung." in page
    assert "Zahlen nennen." in page  # paragraph 1 unchanged: still in place

    # Weighing: a reason is required for "nicht übernommen".
    weigh = reverse("coordination:review_weigh", args=[district.slug, second.pk])
    refused = client.post(weigh, {"decision": "nicht_uebernommen", "reason": ""})
    assert "Bitte begründen Sie" in refused.content.decode()
    client.post(weigh, {"decision": "nicht_uebernommen", "reason": "Zahlen stehen in Anlage 2."})
    client.post(
        reverse("coordination:review_weigh", args=[district.slug, first.pk]),
        {"decision": "uebernommen", "reason": ""},
    )
    table = text(client.get(urls(district, review)["abwaegung"]).content.decode())
    assert (
        "Ausgangslage, Absatz 1 Hilden Zahlen nennen. nicht übernommen Zahlen stehen in Anlage 2."
        in table
    )
    assert "Ausgangslage, Absatz 2 Haan Auch für Grundschulen. übernommen" in table
    csv = client.get(urls(district, review)["abwaegung"], {"als": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "Hilden;Zahlen nennen.;;nicht übernommen;Zahlen stehen in Anlage 2." in csv
    xlsx = client.get(urls(district, review)["abwaegung"], {"als": "xlsx"})
    assert xlsx.content.startswith(b"PK")
    # The decision reaches the liaison only when the KI publishes the Abwägung (after the end).
    client.force_login(haan)
    assert "übernommen" not in text(client.get(urls(district, review)["detail"]).content.decode())
    DraftReview.objects.filter(pk=review.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(ki_staff)
    client.post(reverse("coordination:review_publish", args=[district.slug, draft.pk, review.pk]))
    client.force_login(haan)
    assert "übernommen" in text(client.get(urls(district, review)["detail"]).content.decode())


def test_others_comments_show_when_the_review_says_so(client, district, draft, section, towns):
    review = open_review(draft, section, comments_visible=True)
    haan, hilden = (liaison_of(district, t) for t in towns)
    comment_as(client, hilden, district, review, section, 1, "Zahlen nennen.")
    client.force_login(haan)
    assert "Zahlen nennen." in text(client.get(urls(district, review)["detail"]).content.decode())


@pytest.mark.parametrize("days", [(-10, -1), (1, 10)])
def test_no_comment_outside_the_period(client, district, draft, section, towns, days):
    today = timezone.localdate()
    review = open_review(
        draft,
        section,
        opens_on=today + datetime.timedelta(days=days[0]),
        closes_on=today + datetime.timedelta(days=days[1]),
    )
    response = comment_as(
        client, liaison_of(district, towns[0]), district, review, section, 1, "Zu spät"
    )
    assert response.status_code == 403
    assert not ReviewComment.objects.exists()


def test_the_last_day_still_counts(client, district, draft, section, towns):
    today = timezone.localdate()
    review = open_review(draft, section, opens_on=today, closes_on=today)
    response = comment_as(
        client, liaison_of(district, towns[0]), district, review, section, 1, "Heute noch"
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "query",
    [
        "?abschnitt=x&absatz=1",
        "?abschnitt={s}&absatz=9",
        "?abschnitt=99999999&absatz=1",
        "?abschnitt={s}&absatz=0",
        "",
    ],
)
def test_a_paragraph_that_does_not_exist_is_404(client, district, draft, section, towns, query):
    review = open_review(draft, section)
    client.force_login(liaison_of(district, towns[0]))
    url = urls(district, review)["comment"] + query.format(s=section.pk)
    assert client.get(url).status_code == 404


def test_an_empty_comment_is_refused_next_to_the_field(client, district, draft, section, towns):
    review = open_review(draft, section)
    response = comment_as(
        client, liaison_of(district, towns[0]), district, review, section, 1, "   "
    )
    assert response.status_code == 200
    assert "Bitte schreiben Sie Ihre Anmerkung." in response.content.decode()
    assert not ReviewComment.objects.exists()


def test_the_ki_comments_as_the_ki_the_council_only_when_invited(
    client, district, draft, section, ki_staff, council_member, towns
):
    review = open_review(draft, section)
    comment_as(client, ki_staff, district, review, section, 1, "Aus der Facharbeitsgruppe.")
    assert ReviewComment.objects.get().organisation == "Kommunales Integrationszentrum"
    # Not invited: the Kreistag does not read the draft at all.
    client.force_login(council_member)
    assert client.get(urls(district, review)["detail"]).status_code == 404
    reviews = reverse("coordination:reviews", args=[district.slug, draft.pk])
    assert client.get(reviews).status_code == 404
    # Invited: it reads the draft and comments as a member of the Kreistag.
    DraftReview.objects.filter(pk=review.pk).update(invite_council=True)
    assert "Anmerkung zu" in text(client.get(urls(district, review)["detail"]).content.decode())
    comment_as(client, council_member, district, review, section, 2, "Bitte Kitas nennen.")
    assert ReviewComment.objects.get(author=council_member).organisation == "Mitglied des Kreistags"
    # A Beteiligung that leaves the liaisons out: 403 for them, and not in their list.
    DraftReview.objects.filter(pk=review.pk).update(invite_liaisons=False)
    client.force_login(liaison_of(district, towns[0]))
    assert client.get(urls(district, review)["detail"]).status_code == 403
    assert "Beteiligung 2026" not in client.get(reviews).content.decode()


def test_pages_take_the_same_queries_for_many_comments(
    client, district, draft, section, towns, ki_staff
):
    review = open_review(draft, section, comments_visible=True)
    hilden = liaison_of(district, towns[1])

    def add(n):
        for i in range(n):
            ReviewComment.objects.create(
                review=review,
                section=section,
                section_title=section.title,
                paragraph=1 + i % 3,
                paragraph_text=paragraphs(BODY)[i % 3],
                author=hilden,
                organisation="Hilden",
                text=f"Anmerkung {i}",
            )

    add(2)
    client.force_login(ki_staff)
    counts = {}
    for name in ("detail", "abwaegung"):
        client.get(urls(district, review)[name])
        with CaptureQueriesContext(connection) as few:
            client.get(urls(district, review)[name])
        counts[name] = len(few)
    add(30)
    for name in ("detail", "abwaegung"):
        with CaptureQueriesContext(connection) as many:
            assert client.get(urls(district, review)[name]).status_code == 200
        assert len(many) == counts[name], name


def test_the_abwaegungstabelle_pdf_is_attached_to_the_vorlage_in_one_step(
    client, district, draft, section, towns, ki_lead
):
    """Issue 18, point 1 (without the browser): both decisions in the tagged PDF that becomes
    an Anlage of the Vorlage made from the Fassung."""
    import io

    from pypdf import PdfReader

    review = open_review(draft, section)
    comment_as(
        client, liaison_of(district, towns[0]), district, review, section, 1, "Zahlen nennen."
    )
    comment_as(
        client, liaison_of(district, towns[1]), district, review, section, 2, "Auch Schulen."
    )
    first, second = ReviewComment.objects.order_by("pk")
    for comment, decision, reason in (
        (first, "teilweise", "Zahlen folgen im Bericht."),
        (second, "uebernommen", ""),
    ):
        comment.decision, comment.reason = decision, reason
        comment.save()
    paper = factories.DecisionPaperFactory(district=district, concept_version=draft)
    client.force_login(ki_lead)
    response = client.get(urls(district, review)["abwaegung"], {"als": "pdf"})
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    pdf_text = " ".join(page.extract_text() for page in reader.pages)
    assert "teilweise übernommen" in pdf_text and "übernommen" in pdf_text
    assert "Haan" in pdf_text and "Hilden" in pdf_text

    attach = reverse("coordination:review_attach", args=[district.slug, draft.pk, review.pk])
    response = client.post(attach, {"paper": paper.pk}, follow=True)
    assert f"Die Abwägungstabelle ist nun Anlage der Vorlage {paper.reference}." in text(
        response.content.decode()
    )
    attachment = paper.attachments.get()
    assert attachment.title == "Abwägungstabelle „Beteiligung 2026“"
    stored = PdfReader(attachment.file.open("rb"))
    assert "Zahlen folgen im Bericht." in " ".join(p.extract_text() for p in stored.pages)
    # Garbage or another Fassung's paper attaches nothing.
    other = factories.DecisionPaperFactory(district=district)
    for value in ("x", str(other.pk), "9" * 30):
        client.post(attach, {"paper": value})
    assert paper.attachments.count() == 1 and not other.attachments.exists()


def test_an_external_participant_comments_through_the_emailed_link(
    client, district, other_district, draft, section, ki_staff
):
    """Issue 18, point 3: no account, a personal link by e-mail; revoked or forged is 404;
    the participant sees what the setting allows."""
    from django.core import mail

    from coordination.models import ReviewInvitation

    actor = factories.ActorFactory(district=district, name="Caritasverband")
    contact = factories.ContactPersonFactory(actor=actor, name="Erika Muster", email="e@caritas.de")
    review = open_review(draft, section)
    client.force_login(ki_staff)
    invite = reverse("coordination:review_invitations", args=[district.slug, draft.pk, review.pk])
    client.post(invite, {"contact": contact.pk})
    client.post(
        invite, {"name": "Max Beispiel", "email": "max@verein.de", "organisation": "Verein"}
    )
    erika, max_ = ReviewInvitation.objects.order_by("pk")
    assert (erika.name, erika.email, erika.organisation) == (
        "Erika Muster",
        "e@caritas.de",
        "Caritasverband",
    )
    assert [m.to for m in mail.outbox] == [["e@caritas.de"], ["max@verein.de"]]
    link = re.search(r"https?://\S+/beteiligung/einladung/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    other_link = re.search(
        r"/\S+/beteiligung/einladung/\S+/", mail.outbox[1].body.split("testserver", 1)[1]
    ).group(0)

    client.logout()
    page = client.get(path)
    assert page.status_code == 200 and "Guten Tag Erika Muster" in page.content.decode()
    response = client.post(
        path + f"anmerkung/?abschnitt={section.pk}&absatz=1",
        {"text": "Mehr Beratung.", "proposal": ""},
    )
    assert response.status_code == 302
    comment = ReviewComment.objects.get()
    assert (comment.organisation, comment.invitation, comment.author) == (
        "Caritasverband",
        erika,
        None,
    )
    assert "Mehr Beratung." in client.get(path).content.decode()
    # The other participant does not see it (the review's setting) …
    assert "Mehr Beratung." not in client.get(other_link).content.decode()
    # … the KI's table names the organisation, not the person.
    client.force_login(ki_staff)
    table = client.get(urls(district, review)["abwaegung"]).content.decode()
    assert "Caritasverband" in table and "Erika Muster" not in table
    client.post(
        reverse("coordination:review_revoke", args=[district.slug, draft.pk, review.pk, erika.pk])
    )
    client.logout()
    assert client.get(path).status_code == 404
    assert (
        client.post(path + f"anmerkung/?abschnitt={section.pk}&absatz=1", {"text": "x"}).status_code
        == 404
    )
    forged = other_link[:-3] + ("A" if other_link[-3] != "A" else "B") + other_link[-2:]
    assert client.get(forged).status_code == 404
    assert client.get(other_link.replace(district.slug, other_district.slug, 1)).status_code == 404
    assert client.get(f"/{district.slug}/beteiligung/einladung/kein-token/").status_code == 404
    assert ReviewComment.objects.count() == 1


def test_an_invitation_without_contact_needs_name_address_and_organisation(
    client, district, draft, section, ki_staff
):
    from coordination.models import ReviewInvitation

    review = open_review(draft, section)
    client.force_login(ki_staff)
    invite = reverse("coordination:review_invitations", args=[district.slug, draft.pk, review.pk])
    response = client.post(invite, {"name": "", "email": "kein-mail", "organisation": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte den Namen eintragen" in html and "Bitte die Organisation eintragen" in html
    assert "gültige E-Mail-Adresse" in html
    assert not ReviewInvitation.objects.exists()


def test_erasing_the_contact_person_strikes_the_invitation(district, draft, section, ki_staff):
    """DSGVO Art. 17 through the existing erasure: name and address leave the invitation too."""
    from actors import services as actor_services
    from coordination.models import ReviewInvitation

    contact = factories.ContactPersonFactory(
        actor=factories.ActorFactory(district=district), name="Erika Muster", email="e@caritas.de"
    )
    review = open_review(draft, section)
    invitation = ReviewInvitation.objects.create(
        review=review,
        contact=contact,
        name=contact.name,
        email=contact.email,
        organisation="Caritas",
    )
    actor_services.contact_erase(district=district, contact=contact, user=ki_staff)
    invitation.refresh_from_db()
    assert "Erika Muster" not in invitation.name and "e@caritas.de" not in invitation.email
    assert invitation.organisation == "Caritas"
    # The link ends with the erasure (no address left to have invited).
    from coordination.invitations import invitation_for_token, invitation_token

    assert invitation_for_token(district, invitation_token(invitation)) is None
