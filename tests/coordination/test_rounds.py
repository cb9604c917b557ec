"""The KI's side of a round: set up, open with e-mails, remind, result matrix, adopt, export."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.rights import Role
from concepts.models import FocusArea, WorkPriority
from coordination import services
from coordination.models import PriorityRound, RoundOption
from tests import factories
from tests.coordination.helpers import make_round, period

pytestmark = pytest.mark.django_db


def url(name, round, query=""):
    return reverse(f"coordination:{name}", args=[round.district.slug, round.pk]) + query


def test_ki_creates_a_round_with_options(client, district, ki_staff):
    work_period = period(district)
    client.force_login(ki_staff)
    response = client.post(
        reverse("coordination:create", args=[district.slug]),
        {
            "work_period": work_period.pk,
            "title": "Abstimmungspapier 2027/28",
            "instructions": "Bitte bis zu drei Ziele wählen.",
            "opens_on": "2026-12-01",
            "closes_on": "2026-11-01",
            "voting_rule": "rangfolge",
            "max_choices": "3",
            "points_total": "10",
        },
    )
    assert "Der Antwortschluss darf nicht vor der Öffnung liegen." in response.content.decode()
    assert not PriorityRound.objects.exists()

    response = client.post(
        reverse("coordination:create", args=[district.slug]),
        {
            "work_period": work_period.pk,
            "title": "Abstimmungspapier 2027/28",
            "opens_on": "2026-12-01",
            "closes_on": "2027-01-31",
            "voting_rule": "rangfolge",
            "max_choices": "3",
            "points_total": "10",
        },
    )
    round = PriorityRound.objects.get()
    assert response["Location"] == url("detail", round)
    assert round.status == PriorityRound.Status.DRAFT

    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    education = FocusArea.objects.get(code="bildung")
    client.post(
        url("option_create", round),
        {"focus_area": education.pk, "field_of_action": field.pk, "title": "Sprachbildung"},
    )
    option = round.options.get()
    assert (option.field_of_action, option.order) == (field, 1)
    html = client.get(url("detail", round)).content.decode()
    assert "Sprachbildung" in html and "Sprache" in html


def test_prefill_takes_last_periods_priorities_and_the_fields(client, district, ki_staff):
    previous = period(district, 2025)
    factories.WorkPriorityFactory(work_period=previous, title="Case Management")
    factories.FieldOfActionFactory(district=district, name="Wohnen", is_cross_cutting=True)
    round = make_round(district)
    client.force_login(ki_staff)
    response = client.post(url("prefill", round), follow=True)
    assert "2 Optionen aus Handlungsfeldern" in response.content.decode()
    assert sorted(round.options.values_list("title", "focus_area__code")) == [
        ("Case Management", "bildung"),
        ("Wohnen", "querschnitt"),
    ]
    client.post(url("prefill", round))
    assert round.options.count() == 2  # nothing doubled


def test_opening_mails_the_liaisons_in_german(
    client, district, ki_staff, liaison, django_capture_on_commit_callbacks
):
    round = make_round(district, closes_on=timezone.localdate() + datetime.timedelta(days=10))
    client.force_login(ki_staff)
    response = client.post(url("open", round), follow=True)
    assert "Bitte zuerst mindestens eine Option anlegen." in response.content.decode()
    factories.RoundOptionFactory(round=round)
    with django_capture_on_commit_callbacks(execute=True):
        with_mail = client.post(url("open", round), follow=True).content.decode()
    assert "1 Ansprechperson der Kommunen wurde per E-Mail informiert" in with_mail
    round.refresh_from_db()
    assert round.status == PriorityRound.Status.OPEN
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [liaison.email]
    assert "Abstimmung der Arbeitsschwerpunkte" in message.subject
    assert url("answer", round) in message.body and "Antworten bis" in message.body


def test_options_are_locked_once_the_round_is_open(district, ki_staff):
    round = make_round(district, status=PriorityRound.Status.OPEN)
    option = factories.RoundOptionFactory(round=round)
    with pytest.raises(services.ValidationError):
        services.option_delete(district=district, option=option, user=ki_staff)
    assert RoundOption.objects.filter(pk=option.pk).exists()


def test_reminder_goes_to_municipalities_without_answer(
    client, district, ki_staff, liaison, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    round = make_round(
        district,
        status=PriorityRound.Status.OPEN,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=5),
    )
    late = factories.MunicipalityFactory(district=district, name="Spätstadt")
    late_liaison = factories.MembershipFactory(
        district=district, role=Role.LIAISON, municipality=late
    ).user
    factories.SubmissionFactory(round=round, municipality=liaison.memberships.get().municipality)
    client.force_login(ki_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("remind", round), follow=True)
    assert "Erinnerung an 1 Ansprechperson verschickt." in response.content.decode()
    assert [m.to for m in mail.outbox] == [[late_liaison.email]]
    assert mail.outbox[0].subject.startswith("Erinnerung:")


def closed_round(district, municipalities=3):
    """A closed points round: Bildung A 9, B 4, C 4 (C with more first places); Querschnitt D 3."""
    today = timezone.localdate()
    round = make_round(
        district,
        status=PriorityRound.Status.OPEN,
        voting_rule=PriorityRound.VotingRule.POINTS,
        points_total=10,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today - datetime.timedelta(days=1),
    )
    bildung = FocusArea.objects.get(code="bildung")
    quer = FocusArea.objects.get(code="querschnitt")
    a, b, c = (
        factories.RoundOptionFactory(round=round, focus_area=bildung, title=t, order=i)
        for i, t in enumerate(["Ziel A", "Ziel B", "Ziel C"], start=1)
    )
    d = factories.RoundOptionFactory(round=round, focus_area=quer, title="Ziel D", order=4)
    points = [{a: 5, b: 3, d: 2}, {a: 4, c: 4, b: 1, d: 1}, {c: 0}]
    for i, given in enumerate(points[:municipalities]):
        m = factories.MunicipalityFactory(district=district, name=f"Stadt {i}")
        submission = factories.SubmissionFactory(round=round, municipality=m)
        for option, value in given.items():
            submission.choices.create(option=option, points=value)
    return round, (a, b, c, d)


def test_result_matrix_ranking_and_proposal(client, district, ki_staff):
    round, (a, b, c, d) = closed_round(district)
    client.force_login(ki_staff)
    html = client.get(url("result", round, "?top=2")).content.decode()
    assert "Die Punkte aller Kommunen werden addiert." in html
    assert "Bei Gleichstand entscheidet zuerst die Zahl der ersten Plätze" in html
    assert "Antworten je Kommune" in html and "Stadt 0" in html and "Punktzahl gesamt" in html
    # Bildung: A 9 first; B and C have 4 each, C has a first place (shared top in Stadt 1).
    bildung = html.split("Integration durch Bildung</caption>")[1].split("</table>")[0]
    assert bildung.index("Ziel A") < bildung.index("Ziel C") < bildung.index("Ziel B")
    assert bildung.count("vorgeschlagen") == 2
    assert 'class="text-end heat-4"' in html
    # sortable by total: A (9) first, then C, B (4), D (3)
    sorted_html = client.get(url("result", round, "?sortierung=summe")).content.decode()
    head = sorted_html.split("Antworten je Kommune")[1].split("</thead>")[0]
    assert head.index("Ziel A") < head.index("Ziel C") < head.index("Ziel B") < head.index("Ziel D")
    # Staff may not adopt: the form is for the KI-Leitung only.
    assert "als Arbeitsschwerpunkte übernehmen" not in html


def test_adoption_creates_exactly_the_chosen_priorities(client, district, ki_lead, ki_staff):
    round, (a, b, c, d) = closed_round(district)
    existing = factories.WorkPriorityFactory(work_period=round.work_period, title="Ziel D")
    client.force_login(ki_staff)
    assert client.post(url("adopt", round), {"options": [a.pk]}).status_code == 403
    client.force_login(ki_lead)
    html = client.get(url("result", round)).content.decode()
    assert "Ausgewählte Optionen als Arbeitsschwerpunkte übernehmen" in html
    response = client.post(url("adopt", round), {"options": [a.pk, c.pk, d.pk]}, follow=True)
    assert "3 Arbeitsschwerpunkte für 2027/28 übernommen." in response.content.decode()

    priorities = WorkPriority.objects.filter(work_period=round.work_period)
    assert sorted(priorities.values_list("title", "adoption__round", "focus_area__code")) == [
        ("Ziel A", round.pk, "bildung"),
        ("Ziel C", round.pk, "bildung"),
        ("Ziel D", round.pk, "querschnitt"),
    ]
    existing.refresh_from_db()
    assert existing.adoption.round == round  # linked, not doubled
    round.refresh_from_db()
    assert round.status == PriorityRound.Status.ADOPTED
    assert round.adopted_by == ki_lead and round.adopted_at is not None
    assert {(a.adopted_by, a.adopted_at) for a in round.adoptions.all()} == {
        (ki_lead, round.adopted_at)
    }
    again = client.post(url("adopt", round), {"options": [b.pk]}, follow=True)
    assert "bereits übernommen" in again.content.decode()
    assert priorities.count() == 3


def test_no_adoption_while_the_round_is_open(district, ki_lead):
    today = timezone.localdate()
    round = make_round(
        district,
        status=PriorityRound.Status.OPEN,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=3),
    )
    option = factories.RoundOptionFactory(round=round)
    with pytest.raises(services.ValidationError, match="nach dem Antwortschluss"):
        services.round_adopt(district=district, round=round, option_ids=[option.pk], user=ki_lead)
    assert not WorkPriority.objects.exists()


def test_export_csv_and_xlsx(client, district, ki_staff):
    from openpyxl import load_workbook

    round, _options = closed_round(district)
    client.force_login(ki_staff)
    response = client.get(url("export", round))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    lines = text.splitlines()
    assert lines[0].startswith("Kommune;Schwerpunkt;Handlungsfeld;Option;Rang;Punkte")
    assert "Stadt 0;Integration durch Bildung;;Ziel A;;5;" in text
    xlsx = client.get(url("export", round, "?als=xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Kommune" and len(rows) == len(lines)


def test_query_counts_do_not_grow_with_answers(client, district, ki_staff, liaison):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    round, options = closed_round(district)
    client.force_login(ki_staff)
    pages = [url(name, round) for name in ("detail", "result", "export")]

    def counts():
        result = []
        for page in pages:
            client.get(page)
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(page).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    small = counts()
    for i in range(15):
        m = factories.MunicipalityFactory(district=district, name=f"Mehrstadt {i}")
        submission = factories.SubmissionFactory(round=round, municipality=m)
        for option in options:
            submission.choices.create(option=option, points=2)
    assert counts() == small
