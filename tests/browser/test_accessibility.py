"""axe-core (WCAG 2.1 A/AA) finds nothing on the KI's main pages, filled with realistic data,
nor on forms that show validation errors."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from concepts import services
from concepts.models import ConceptVersion, MunicipalAgreement
from coordination.invitations import invitation_url
from coordination.models import DraftReview, ReviewComment, ReviewInvitation
from districts.models import StaffPost
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


@pytest.fixture
def workspace(district, municipality, ki_staff):
    """A District as a KI keeps it: an adopted concept and its Fortschreibung, a measure with
    an indicator and a trend of measurements, an actor with an offer and a contact person."""
    field = factories.FieldOfActionFactory(district=district, name="Sprache und Bildung")
    group = factories.TargetGroupFactory(district=district, name="Neu zugewanderte Familien")
    actor = factories.ActorFactory(district=district, name="Caritasverband Beispiel")
    factories.OfferFactory(actor=actor, title="Sprachcafé")
    factories.ContactPersonFactory(actor=actor, name="Erika Muster")
    measure = factories.MeasureFactory(
        district=district,
        title="Rucksack KiTa",
        field_of_action=field,
        goal="Eltern stärken die Mehrsprachigkeit ihrer Kinder.",
        lead_actor=actor,
        start=datetime.date(2024, 8, 1),
    )
    measure.target_groups.add(group)
    indicator = factories.IndicatorFactory(measure=measure, name="Teilnehmende Familien")
    for day, value in [
        (datetime.date(2024, 12, 31), "110"),
        (datetime.date(2025, 6, 30), "125,5"),
        (datetime.date(2025, 12, 31), "140"),
    ]:
        factories.MeasurementFactory(
            indicator=indicator, date=day, value=Decimal(value.replace(",", "."))
        )
    factories.MeasurementFactory(
        indicator=indicator,
        date=datetime.date(2025, 12, 31),
        value=Decimal("40"),
        municipality=municipality,
    )
    factories.MeasureFactory(district=district, title="Kommunales Übergangsmanagement")

    first = factories.ConceptVersionFactory(
        concept=district.concept, number=1, title="Integrationskonzept 2025"
    )
    factories.ConceptSectionFactory(
        version=first, order=1, title="Ausgangslage", body="Im Kreis leben **viele** Familien."
    )
    factories.ConceptSectionFactory(
        version=first, order=2, title="Ziele", body="- Sprache\n- Arbeit"
    )
    measure.concept_versions.add(first)
    services.version_adopt(
        district=district, version=first, decided_on=datetime.date(2025, 3, 20), user=ki_staff
    )
    second = services.version_continue(
        district=district, version=first, title="Fortschreibung 2027", user=ki_staff
    )
    section = second.sections.get(title="Ausgangslage")
    section.body = "Im Kreis leben **viele** Familien, zunehmend aus der Ukraine."
    section.save()
    measure.title = "Rucksack KiTa und Schule"
    measure.save()
    # Issue 14: employer and funding apart; a self-funded post beside the Land-funded ones.
    factories.StaffPostFactory(district=district, title="Lehrkraft", is_head=True)
    factories.StaffPostFactory(
        district=district,
        title="Fachkraft (Eigenmittel)",
        profession=StaffPost.Profession.EDUCATION,
        employer=StaffPost.Employer.KREIS,
        funding=StaffPost.Funding.OWN,
        is_deputy=True,
    )
    # Issue 18: one municipality agreed with the Fortschreibung (with notes), the other not yet.
    MunicipalAgreement.objects.create(
        version=second,
        municipality=municipality,
        decision=MunicipalAgreement.Decision.AGREED_WITH_NOTES,
        body="Rat der Stadt",
        decided_on=datetime.date(2026, 11, 12),
        notes="Sprachkurse auch abends anbieten.",
    )
    factories.MunicipalityFactory(district=district, name="Zweitstadt")
    # Issue 18: a Beteiligung on the Fortschreibung with one comment, weighed.
    second.status = ConceptVersion.Status.IN_CONSULTATION
    second.save()
    review = DraftReview.objects.create(
        version=second,
        title="Beteiligung der Kommunen",
        opens_on=datetime.date.today() - datetime.timedelta(days=1),
        closes_on=datetime.date.today() + datetime.timedelta(days=30),
        is_public=True,
        invite_council=True,
    )
    # A comment of the public waiting for its release: the KI's moderation form shows.
    ReviewComment.objects.create(
        review=review,
        section=section,
        section_title=section.title,
        paragraph=1,
        paragraph_text="Im Kreis leben **viele** Familien.",
        organisation="Privatperson",
        text="Bitte auch Sportvereine nennen.",
        moderation="offen",
    )
    ReviewComment.objects.create(
        review=review,
        section=section,
        section_title=section.title,
        paragraph=1,
        paragraph_text="Im Kreis leben **viele** Familien.",
        organisation=municipality.name,
        text="Bitte die Zahlen nennen.",
        decision=ReviewComment.Decision.PARTLY,
        reason="Zahlen folgen im Sachstandsbericht.",
    )
    return {
        "measure": measure,
        "actor": actor,
        "first": first,
        "second": second,
        "municipality": municipality,
        "review": review,
        "section": section,
        "invitation": ReviewInvitation.objects.create(
            review=review, name="Erika Muster", email="e@example.org", organisation="Caritas"
        ),
    }


def test_reading_pages_have_no_violations(page, live_server, district, ki_staff, workspace):
    base = f"{live_server.url}/{district.slug}"
    measure, actor = workspace["measure"], workspace["actor"]
    first, second = workspace["first"], workspace["second"]
    pages = {
        "dashboard": "/",
        "measures": "/massnahmen/",
        "measure": f"/massnahmen/{measure.pk}/",
        "actors": "/akteure/",
        "actor": f"/akteure/{actor.pk}/",
        "versions": "/konzept/",
        "version": f"/konzept/{first.pk}/",
        "version-draft": f"/konzept/{second.pk}/",
        "version-contents": f"/konzept/{second.pk}/inhalt/",
        "agreements": f"/konzept/{second.pk}/einvernehmen/",
        "agreement-form": f"/konzept/{second.pk}/einvernehmen/{workspace['municipality'].pk}/",
        "reviews": f"/konzept/{second.pk}/beteiligung/",
        "review": f"/konzept/{second.pk}/beteiligung/{workspace['review'].pk}/",
        "review-comment": (
            f"/konzept/{second.pk}/beteiligung/{workspace['review'].pk}/anmerkung/"
            f"?abschnitt={workspace['section'].pk}&absatz=1"
        ),
        "abwaegung": f"/konzept/{second.pk}/beteiligung/{workspace['review'].pk}/abwaegung/",
        "review-invitations": (
            f"/konzept/{second.pk}/beteiligung/{workspace['review'].pk}/einladungen/"
        ),
        "review-external": invitation_url(workspace["invitation"]).split(district.slug, 1)[1],
        "review-public": f"/beteiligung/{workspace['review'].pk}/",
        "weigh": (
            f"/konzept/beteiligung/anmerkungen/{workspace['review'].comments.get(moderation='').pk}/abwaegen/"
        ),
        "diff": f"/konzept/vergleich/?old={first.pk}&new={second.pk}",
        "compliance": "/konzept/foerderfaehigkeit/",
        "staffing": "/personal/",
    }
    log_in(page, live_server, ki_staff)
    found = {}
    for name, path in pages.items():
        page.goto(base + path)
        assert page.get_by_role("heading", level=1).count() == 1, name
        if name == "measure":
            page.get_by_text("Alle Messwerte von").click()  # the table inside <details>, too
            assert page.locator("svg.trend-chart").count() == 1
        if name == "diff":
            assert page.locator("del").count() and page.locator("ins").count()
        shot(page, f"axe-{name}")
        if violations := axe_violations(page):
            found[name] = violations
    assert found == {}


def test_forms_with_errors_have_no_violations(page, live_server, district, ki_staff):
    base = f"{live_server.url}/{district.slug}"
    log_in(page, live_server, ki_staff)
    found = {}

    page.goto(base + "/massnahmen/neu/")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert page.get_by_text("Dieses Feld ist zwingend erforderlich.").count() >= 1
    shot(page, "axe-measure-form-errors")
    if violations := axe_violations(page):
        found["measure form"] = violations

    page.goto(base + "/arbeitsperioden/neu/")
    page.get_by_label("erstes Jahr").fill("2027")
    page.get_by_label("Dauer in Jahren").fill("1")
    page.get_by_role("button", name="Speichern").click()
    assert "/arbeitsperioden/neu/" in page.url  # refused: a period lasts two years
    expect(page.get_by_text("umfasst genau 2 aufeinanderfolgende")).to_be_visible()
    shot(page, "axe-period-form-errors")
    if violations := axe_violations(page):
        found["work period form"] = violations

    assert found == {}


def test_day_one_pages_have_no_violations(
    page, live_server, district, ki_lead, operator, workspace, municipality
):
    """Issue 13's pages: municipalities and their import, the value grid, a measurement's edit
    page, the measures settings, a new Fassung, the first-steps card – and the operator's."""
    base = f"{live_server.url}/{district.slug}"
    measure = workspace["measure"]
    indicator = factories.IndicatorFactory(measure=measure, name="Teilnehmende")
    measurement = factories.MeasurementFactory(indicator=indicator)
    pages = {
        "municipalities": "/kommunen/",
        "municipality-form": f"/kommunen/{municipality.pk}/bearbeiten/",
        "municipality-import": "/kommunen/import/",
        "grid": f"/massnahmen/{measure.pk}/kennzahlen/{indicator.pk}/werte/",
        "measurement-form": f"/massnahmen/{measure.pk}/messwerte/{measurement.pk}/bearbeiten/",
        "measures-settings": "/massnahmen/einstellungen/",
        "version-create": "/konzept/neu/",
        "dashboard-first-steps": "/",
    }
    found = {}
    log_in(page, live_server, ki_lead)
    for name, path in pages.items():
        page.goto(base + path)
        assert page.get_by_role("heading", level=1).count() == 1, name
        if violations := axe_violations(page):
            found[name] = violations
    assert page.get_by_text("Erste Schritte").count() >= 1

    page.context.clear_cookies()
    log_in(page, live_server, operator)
    for name, path in {
        "operator": "/betrieb/",
        "operator-district": f"/betrieb/kreise/{district.slug}/",
    }.items():
        page.goto(live_server.url + path)
        assert page.get_by_role("heading", level=1).count() == 1, name
        if violations := axe_violations(page):
            found[name] = violations
    assert found == {}
