"""A municipality's answer: own municipality only (404 otherwise), rules, closing date."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.rights import Role
from coordination.models import PriorityRound, Submission
from tests import factories
from tests.coordination.helpers import make_round

pytestmark = pytest.mark.django_db


def open_round(district, **kwargs):
    today = timezone.localdate()
    kwargs.setdefault("opens_on", today - datetime.timedelta(days=7))
    kwargs.setdefault("closes_on", today + datetime.timedelta(days=14))
    round = make_round(district, status=PriorityRound.Status.OPEN, **kwargs)
    options = [
        factories.RoundOptionFactory(round=round, title=f"Ziel {i}", order=i) for i in (1, 2, 3, 4)
    ]
    return round, options


def answer_url(round, query=""):
    return reverse("coordination:answer", args=[round.district.slug, round.pk]) + query


def ranks(options, *values):
    return {f"wert_{o.pk}": str(v) for o, v in zip(options, values, strict=False) if v}


def test_liaison_answers_changes_and_gets_a_confirmation(client, district, liaison, municipality):
    round, options = open_round(district, max_choices=3)
    client.force_login(liaison)
    assert (
        "Jetzt antworten"
        in client.get(reverse("coordination:list", args=[district.slug])).content.decode()
    )

    response = client.post(
        answer_url(round),
        {
            **ranks(options, 2, 1),
            f"anmerkung_{options[0].pk}": "wichtig",
            "committee_name": "Sozialausschuss",
            "committee_date": "2026-11-10",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Eingangsbestätigung" in html and "Gespeichert am" in html and "Sozialausschuss" in html
    submission = Submission.objects.get(round=round, municipality=municipality)
    assert not submission.on_paper
    assert {c.option_id: c.rank for c in submission.choices.all()} == {
        options[0].pk: 2,
        options[1].pk: 1,
    }

    client.post(answer_url(round), ranks(options, None, None, 1))
    submission.refresh_from_db()
    assert {c.option_id: c.rank for c in submission.choices.all()} == {options[2].pk: 1}
    assert Submission.objects.filter(round=round).count() == 1


def test_each_rank_only_once_and_at_most_n(client, district, liaison):
    round, options = open_round(district, max_choices=2)
    client.force_login(liaison)
    html = client.post(answer_url(round), ranks(options, 1, 1)).content.decode()
    assert "Jeder Rang darf nur einmal vergeben werden." in html
    assert not Submission.objects.exists()
    html = client.post(answer_url(round), ranks(options, 1, 2, 3)).content.decode()
    assert "3 ist keine gültige Auswahl" in html  # rank 3 is not offered when N = 2
    assert not Submission.objects.exists()


def test_points_at_most_the_total(client, district, liaison):
    round, options = open_round(
        district, voting_rule=PriorityRound.VotingRule.POINTS, points_total=10
    )
    client.force_login(liaison)
    assert "höchstens 10 Punkte" in client.get(answer_url(round)).content.decode()
    html = client.post(answer_url(round), ranks(options, 6, 5)).content.decode()
    assert "Es dürfen höchstens 10 Punkte verteilt werden (vergeben: 11)." in html
    client.post(answer_url(round), ranks(options, 6, 4))
    assert sorted(c.points for c in Submission.objects.get().choices.all()) == [4, 6]


def test_no_answer_after_the_closing_date(client, district, liaison):
    today = timezone.localdate()
    round, options = open_round(
        district,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today - datetime.timedelta(days=1),
    )
    client.force_login(liaison)
    response = client.post(answer_url(round), ranks(options, 1), follow=True)
    assert "Antworten lassen sich nicht mehr abgeben oder ändern" in response.content.decode()
    assert not Submission.objects.exists()
    html = client.get(answer_url(round)).content.decode()
    assert "die Antwort ist nur noch lesbar" in html and "<select" not in html


def test_liaison_cannot_read_or_write_another_municipalitys_answer(
    client, district, liaison, municipality
):
    round, options = open_round(district)
    other = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    factories.SubmissionFactory(round=round, municipality=other, comment="geheim")
    client.force_login(liaison)
    query = f"?kommune={other.pk}"
    assert client.get(answer_url(round, query)).status_code == 404
    confirmation = reverse("coordination:confirmation", args=[district.slug, round.pk])
    assert client.get(confirmation + query).status_code == 404
    assert client.post(answer_url(round, query), ranks(options, 1)).status_code == 404
    assert Submission.objects.get(municipality=other).comment == "geheim"
    assert not Submission.objects.filter(municipality=municipality).exists()
    # The KI's pages with everybody's answers are closed to liaisons.
    assert (
        client.get(reverse("coordination:detail", args=[district.slug, round.pk])).status_code
        == 403
    )
    assert (
        client.get(reverse("coordination:export", args=[district.slug, round.pk])).status_code
        == 403
    )


def test_ki_records_a_paper_answer(client, district, ki_staff, municipality):
    round, options = open_round(district)
    client.force_login(ki_staff)
    response = client.post(answer_url(round, f"?kommune={municipality.pk}"), ranks(options, 1))
    assert response.status_code == 302
    submission = Submission.objects.get(municipality=municipality)
    assert submission.on_paper and submission.submitted_by == ki_staff
    detail = client.get(reverse("coordination:detail", args=[district.slug, round.pk]))
    assert "auf Papier, vom KI erfasst" in detail.content.decode()


def test_ki_cannot_record_for_a_municipality_of_another_district(
    client, district, other_district, ki_staff
):
    round, options = open_round(district)
    foreign = factories.MunicipalityFactory(district=other_district)
    client.force_login(ki_staff)
    assert client.get(answer_url(round, f"?kommune={foreign.pk}")).status_code == 404


def test_liaison_sees_only_the_aggregated_result_after_closing(
    client, district, liaison, municipality
):
    today = timezone.localdate()
    round, options = open_round(district)
    other = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    sub = factories.SubmissionFactory(round=round, municipality=other, comment="interna")
    sub.choices.create(option=options[0], rank=1)
    client.force_login(liaison)
    result_url = reverse("coordination:result", args=[district.slug, round.pk])
    response = client.get(result_url, follow=True)
    assert "nach dem Antwortschluss veröffentlicht" in response.content.decode()

    PriorityRound.objects.filter(pk=round.pk).update(
        opens_on=today - datetime.timedelta(days=20), closes_on=today - datetime.timedelta(days=1)
    )
    html = client.get(result_url).content.decode()
    assert "Rangfolge je Schwerpunkt" in html and "Ziel 1" in html
    assert "Nachbarstadt" not in html and "Antworten je Kommune" not in html


def test_liaison_of_another_role_cannot_answer(client, district):
    round, _options = open_round(district)
    council = factories.MembershipFactory(district=district, role=Role.COUNCIL).user
    client.force_login(council)
    assert client.get(answer_url(round)).status_code == 403


def test_two_people_answering_for_one_municipality_do_not_overwrite_each_other(
    client, district, liaison, ki_staff, municipality
):
    """The liaison opens the empty answer page; meanwhile the KI records the municipality's
    paper answer. The liaison's save is refused with the stored answer shown, and goes
    through once the page carries that answer's stamp (core.locking)."""
    round, options = open_round(district, max_choices=3)
    client.force_login(liaison)
    page = client.get(answer_url(round)).content.decode()
    assert 'name="seen_modified" value="keine-antwort"' in page

    client.force_login(ki_staff)
    client.post(
        answer_url(round, f"?kommune={municipality.pk}"),
        {**ranks(options, 1), "comment": "Papierantwort", "seen_modified": "keine-antwort"},
    )
    stored = Submission.objects.get(round=round, municipality=municipality)
    assert stored.on_paper

    client.force_login(liaison)
    response = client.post(
        answer_url(round), {**ranks(options, None, 1), "seen_modified": "keine-antwort"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Eintrag gespeichert" in html
    assert "Inzwischen gespeicherte Fassung" in html and "Papierantwort" in html
    stored.refresh_from_db()
    assert stored.comment == "Papierantwort"
    assert {c.option_id: c.rank for c in stored.choices.all()} == {options[0].pk: 1}

    # The refused page now carries the stored answer's stamp: saving again goes through.
    seen = response.context["form"].data["seen_modified"]
    assert seen != "keine-antwort"
    client.post(answer_url(round), {**ranks(options, None, 1), "seen_modified": seen})
    stored.refresh_from_db()
    assert {c.option_id: c.rank for c in stored.choices.all()} == {options[1].pk: 1}
