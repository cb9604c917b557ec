"""Issue 5, item 3: a liaison answers a priority round, changes the answer and sees the
confirmation; KI staff see the matrix, the KI-Leitung adopts the proposal."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.rights import Role
from concepts.models import FocusArea, WorkPriority
from coordination.models import PriorityRound
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot
from tests.coordination.helpers import make_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def test_liaison_answers_and_the_ki_adopts(page, live_server, district, liaison, ki_staff, ki_lead):
    today = timezone.localdate()
    round = make_round(
        district,
        title="Abstimmungspapier 2027/28",
        status=PriorityRound.Status.OPEN,
        opens_on=today - datetime.timedelta(days=3),
        closes_on=today + datetime.timedelta(days=20),
        max_choices=2,
    )
    bildung = FocusArea.objects.get(code="bildung")
    quer = FocusArea.objects.get(code="querschnitt")
    for order, (area, title) in enumerate(
        [(bildung, "Sprachbildung"), (bildung, "Seiteneinstieg"), (quer, "Case Management")],
        start=1,
    ):
        factories.RoundOptionFactory(round=round, focus_area=area, title=title, order=order)
    neighbour = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    factories.MembershipFactory(district=district, role=Role.LIAISON, municipality=neighbour)

    # The liaison answers for Beispielstadt …
    log_in(page, live_server, liaison, f"/{district.slug}/abstimmungen/")
    page.get_by_role("link", name="Jetzt antworten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Antwort der Kommune Beispielstadt")
    assert axe_violations(page) == []
    page.get_by_label("Rang für „Sprachbildung“").select_option("1")
    page.get_by_label("Rang für „Case Management“").select_option("1")
    page.get_by_role("button", name="Antwort speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("Jeder Rang darf nur einmal vergeben werden.")
    page.get_by_label("Rang für „Case Management“").select_option("2")
    page.get_by_label("Anmerkung zu „Sprachbildung“").fill("Kitas brauchen Sprachfachkräfte.")
    page.get_by_label("Beschließendes Gremium der Kommune (optional)").fill("Sozialausschuss")
    page.get_by_role("button", name="Antwort speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eingangsbestätigung")
    expect(page.get_by_text("Gespeichert am")).to_be_visible()

    # … changes it and gets a new confirmation.
    page.get_by_role("link", name="Antwort ändern").click()
    expect(page.get_by_label("Rang für „Sprachbildung“")).to_have_value("1")
    page.get_by_label("Rang für „Seiteneinstieg“").select_option("2")
    page.get_by_label("Rang für „Case Management“").select_option("")
    page.get_by_role("button", name="Antwort speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eingangsbestätigung")
    table = page.get_by_role("table", name="Gewählte Optionen")
    expect(table).to_contain_text("Seiteneinstieg")
    expect(table).not_to_contain_text("Case Management")
    shot(page, "runde-bestaetigung")
    page.get_by_role("button", name="Abmelden").click()

    # The round closes; KI staff see the matrix.
    PriorityRound.objects.filter(pk=round.pk).update(closes_on=today - datetime.timedelta(days=1))
    log_in(page, live_server, ki_staff, f"/{district.slug}/abstimmungen/{round.pk}/ergebnis/")
    matrix = page.get_by_role("table", name="Antworten je Kommune")
    expect(matrix.get_by_role("row", name="Beispielstadt")).to_contain_text("2 (Rang 1)")
    expect(matrix.get_by_role("row", name="Nachbarstadt")).to_contain_text("keine Antwort")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Abmelden").click()

    # The KI-Leitung adopts the proposal.
    log_in(page, live_server, ki_lead, f"/{district.slug}/abstimmungen/{round.pk}/ergebnis/")
    expect(page.get_by_label("Sprachbildung")).to_be_checked()
    expect(page.get_by_label("Seiteneinstieg")).to_be_checked()
    expect(page.get_by_label("Case Management")).not_to_be_checked()
    shot(page, "runde-ergebnis")
    page.get_by_role(
        "button", name="Ausgewählte Optionen als Arbeitsschwerpunkte übernehmen"
    ).click()
    expect(page.get_by_role("status").first).to_contain_text("2 Arbeitsschwerpunkte")
    assert sorted(
        WorkPriority.objects.filter(adoption__round=round).values_list("title", flat=True)
    ) == [
        "Seiteneinstieg",
        "Sprachbildung",
    ]
