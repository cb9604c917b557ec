"""A Fassung says everything it holds (issue 13): its Handlungsfelder, Arbeitsschwerpunkte and
measures are chosen on its page; the PDF, the public page and the prefilled Vorlage show them;
"keine … festgelegt" only for a District that truly has none."""

import datetime
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from concepts import services
from concepts.models import ConceptVersion, FocusArea, WorkPeriod
from documents.models import GeneratedDocument
from papers.prefill import paper_from_version
from tests import factories

Status = ConceptVersion.Status


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def holdings(district):
    """Coesfeld-like: 3 Handlungsfelder, 4 Arbeitsschwerpunkte in the running period (and one
    in an old period), 2 current measures and an archived one."""
    today = timezone.localdate()
    start, end = WorkPeriod.span(WorkPeriod.Kind.CALENDAR, today.year)
    current = factories.WorkPeriodFactory(district=district, start=start, end=end)
    old_start, old_end = WorkPeriod.span(WorkPeriod.Kind.CALENDAR, today.year - 4)
    old = factories.WorkPeriodFactory(district=district, start=old_start, end=old_end)
    education = FocusArea.objects.get(code=FocusArea.Code.EDUCATION)
    cross = FocusArea.objects.get(code=FocusArea.Code.CROSS_CUTTING)
    return {
        "fields": [
            factories.FieldOfActionFactory(district=district, name=name)
            for name in ("Sprachförderung", "Übergang Schule–Beruf", "Gesundheit")
        ],
        "priorities": [
            factories.WorkPriorityFactory(work_period=current, focus_area=focus, title=title)
            for focus, title in (
                (education, "Frühe Bildung stärken"),
                (education, "Seiteneinsteiger begleiten"),
                (cross, "Interkulturelle Öffnung der Verwaltung"),
                (cross, "Ehrenamt vernetzen"),
            )
        ],
        "old_priority": factories.WorkPriorityFactory(
            work_period=old, focus_area=education, title="Alter Schwerpunkt"
        ),
        "measures": [
            factories.MeasureFactory(district=district, title=title)
            for title in ("Rucksack Kita", "Sprachcafé")
        ],
        "archived": factories.MeasureFactory(
            district=district, title="Altes Projekt", is_archived=True
        ),
    }


@pytest.fixture
def draft(district):
    return factories.ConceptVersionFactory(
        concept=district.concept, number=1, title="Integrationskonzept 2026"
    )


def detail(district, version):
    return reverse("concepts:version_detail", args=[district.slug, version.pk])


def contents_page(district, version):
    return reverse("concepts:version_contents", args=[district.slug, version.pk])


def choose(client, district, version, **chosen):
    data = {key: [obj.pk for obj in objs] for key, objs in chosen.items()}
    return client.post(
        reverse("concepts:version_contents", args=[district.slug, version.pk]), data, follow=True
    )


# --- choosing on a page of its own, linked from the Fassung's page (issue 16) ----------------


def test_the_page_offers_the_districts_choices_grouped_by_period_and_schwerpunkt(
    client, district, ki_staff, holdings, draft
):
    client.force_login(ki_staff)
    version_page = client.get(detail(district, draft)).content.decode()
    assert f'href="{contents_page(district, draft)}">Inhalt der Fassung auswählen' in version_page
    # The version page itself carries no checkbox per measure of the District.
    assert 'name="measures"' not in version_page
    html = client.get(contents_page(district, draft)).content.decode()
    page = text(html)
    for obj in holdings["fields"]:
        assert f'name="fields_of_action" value="{obj.pk}"' in html
    for priority in [*holdings["priorities"], holdings["old_priority"]]:
        assert f'name="priorities" value="{priority.pk}"' in html
    for measure in holdings["measures"]:
        assert f'name="measures" value="{measure.pk}"' in html
    # The archived measure is offered only while the version holds it.
    assert f'name="measures" value="{holdings["archived"].pk}"' not in html
    # Newest period first, and within it the Schwerpunkte in their order.
    current = holdings["priorities"][0].work_period.label
    assert page.index(f"Arbeitsperiode {current}") < page.index("Alter Schwerpunkt")
    assert page.index("Frühe Bildung stärken") < page.index("Ehrenamt vernetzen")


def test_the_choice_is_saved_and_shown(client, district, ki_staff, holdings, draft):
    client.force_login(ki_staff)
    fields, priorities = holdings["fields"][:2], holdings["priorities"][1:3]
    response = choose(
        client,
        district,
        draft,
        fields_of_action=fields,
        priorities=priorities,
        measures=holdings["measures"][:1],
    )
    page = text(response.content.decode())
    assert (
        "Inhalt der Fassung gespeichert: 2 Handlungsfelder, 2 Arbeitsschwerpunkte, 1 Maßnahme."
        in page
    )
    assert set(draft.fields_of_action.all()) == set(fields)
    assert set(draft.priorities.all()) == set(priorities)
    assert list(draft.measures.all()) == holdings["measures"][:1]
    assert "Sprachförderung" in page and "Seiteneinsteiger begleiten" in page
    # Unchoosing everything is a choice, too.
    choose(client, district, draft)
    assert not draft.fields_of_action.exists() and not draft.measures.exists()


def test_an_adopted_fassung_is_frozen(client, district, ki_lead, holdings):
    adopted = factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        status=Status.ADOPTED,
        decided_on=datetime.date(2024, 3, 1),
    )
    adopted.fields_of_action.add(holdings["fields"][0])
    client.force_login(ki_lead)
    assert (
        "Inhalt der Fassung auswählen" not in client.get(detail(district, adopted)).content.decode()
    )
    response = choose(client, district, adopted, fields_of_action=holdings["fields"])
    assert "ist beschlossen und kann nicht mehr geändert werden" in response.content.decode()
    assert list(adopted.fields_of_action.all()) == [holdings["fields"][0]]
    # The choice page of an adopted Fassung leads back to it, saying why.
    response = client.get(contents_page(district, adopted), follow=True)
    assert response.redirect_chain[-1][0] == detail(district, adopted)
    assert "bleibt, wie beschlossen" in text(response.content.decode())


def test_the_version_page_shows_its_measures_a_page_at_a_time(client, district, ki_staff, draft):
    """Issue 16: 60 measures, 25 per page; the second page has the next 25, the last the rest;
    the count names all 60."""
    from concepts.versioning import MEASURES_PER_PAGE

    measures = [
        factories.MeasureFactory(district=district, title=f"Maßnahme {i:02d}") for i in range(60)
    ]
    draft.measures.set(measures)
    client.force_login(ki_staff)
    pages = [
        text(client.get(detail(district, draft), {"massnahmen": n}).content.decode())
        for n in (1, 2, 3)
    ]
    assert MEASURES_PER_PAGE == 25
    assert all("Maßnahmen (60)" in page for page in pages)
    assert "Maßnahme 00" in pages[0] and "Maßnahme 24" in pages[0]
    assert "Maßnahme 25" not in pages[0]
    assert "Maßnahme 25" in pages[1] and "Maßnahme 49" in pages[1]
    assert "Maßnahmen 51 bis 60 von 60" in pages[2] and "Maßnahme 59" in pages[2]
    # Garbage as page number gives the first page, not an error.
    response = client.get(detail(district, draft), {"massnahmen": "x'; DROP"})
    assert response.status_code == 200 and "Maßnahme 00" in text(response.content.decode())


def test_another_districts_objects_are_refused(
    client, district, other_district, ki_staff, holdings, draft
):
    foreign_field = factories.FieldOfActionFactory(district=other_district, name="Fremd")
    foreign_measure = factories.MeasureFactory(district=other_district)
    client.force_login(ki_staff)
    choose(client, district, draft, fields_of_action=[foreign_field])
    response = choose(client, district, draft, measures=[foreign_measure, holdings["measures"][0]])
    assert not draft.fields_of_action.exists() and not draft.measures.exists()
    # The page again, the message at the list it concerns (not a redirect).
    assert response.status_code == 200 and not response.redirect_chain
    html = response.content.decode()
    assert 'id="fehler-measures"' in html and "gültige Auswahl" in html
    assert 'id="fehler-fields_of_action"' not in html
    with pytest.raises(PermissionDenied):
        services.version_set_contents(
            district=district,
            version=draft,
            fields_of_action=[foreign_field],
            priorities=[],
            measures=[],
            user=ki_staff,
        )


def test_the_service_refuses_an_adopted_version(district, ki_staff, holdings):
    adopted = factories.ConceptVersionFactory(
        concept=district.concept, number=1, status=Status.ADOPTED, decided_on=datetime.date.today()
    )
    with pytest.raises(ValidationError):
        services.version_set_contents(
            district=district,
            version=adopted,
            fields_of_action=holdings["fields"],
            priorities=[],
            measures=[],
            user=ki_staff,
        )


# --- defaults for a new Fassung -------------------------------------------------------------


def test_defaults_are_the_districts_current_ones(district, ki_staff, holdings, draft):
    defaults = services.version_defaults(district=district)
    assert set(defaults["fields_of_action"]) == set(holdings["fields"])
    # The running period's priorities, not the old period's.
    assert set(defaults["priorities"]) == set(holdings["priorities"])
    assert set(defaults["measures"]) == set(holdings["measures"])  # not the archived one
    services.version_set_contents(district=district, version=draft, user=ki_staff, **defaults)
    assert draft.priorities.count() == 4 and draft.measures.count() == 2


def test_a_fortschreibung_keeps_its_base_versions_choice(district, ki_staff, holdings, draft):
    services.version_set_contents(
        district=district,
        version=draft,
        fields_of_action=holdings["fields"][:1],
        priorities=holdings["priorities"][:1],
        measures=holdings["measures"][:1],
        user=ki_staff,
    )
    new = services.version_continue(
        district=district, version=draft, title="Fortschreibung", user=ki_staff
    )
    assert list(new.fields_of_action.all()) == holdings["fields"][:1]
    assert list(new.priorities.all()) == holdings["priorities"][:1]
    assert list(new.measures.all()) == holdings["measures"][:1]


# --- "keine …" only when the District has none ----------------------------------------------


def test_an_empty_fassung_of_a_district_with_content_says_none_was_chosen(
    client, district, ki_staff, holdings, draft
):
    client.force_login(ki_staff)
    page = text(client.get(detail(district, draft)).content.decode())
    assert "keine Handlungsfelder zugeordnet" not in page
    assert "keine Arbeitsschwerpunkte festgelegt" not in page
    assert (
        "Für diese Fassung sind keine Handlungsfelder ausgewählt; der Kreis hat 3 Handlungsfelder."
        in page
    )
    assert (
        "Für diese Fassung sind keine Arbeitsschwerpunkte ausgewählt; "
        "der Kreis hat 5 Arbeitsschwerpunkte." in page
    )
    assert "Für diese Fassung sind keine Maßnahmen ausgewählt; der Kreis hat 2 Maßnahmen." in page


def test_a_district_without_any_says_so(client, district, ki_staff, draft):
    client.force_login(ki_staff)
    page = text(client.get(detail(district, draft)).content.decode())
    assert "Der Kreis hat noch keine Handlungsfelder festgelegt." in page
    assert "Der Kreis hat noch keine Arbeitsschwerpunkte festgelegt." in page
    assert "Der Kreis hat noch keine Maßnahmen erfasst." in page


def test_one_handlungsfeld_is_counted_in_the_singular(client, district, ki_staff, draft):
    factories.FieldOfActionFactory(district=district, name="Sport")
    client.force_login(ki_staff)
    page = text(client.get(detail(district, draft)).content.decode())
    assert "der Kreis hat 1 Handlungsfeld." in page


# --- the concept PDF, the public page and the prefilled Vorlage -----------------------------


def test_the_concept_pdf_prints_the_chosen_handlungsfelder_and_priorities(
    client, district, ki_staff, holdings, draft
):
    services.version_set_contents(
        district=district,
        version=draft,
        user=ki_staff,
        **services.version_defaults(district=district),
    )
    client.force_login(ki_staff)
    client.post(reverse("documents:request_concept", args=[district.slug, draft.pk]), follow=True)
    document = GeneratedDocument.objects.get(concept_version=draft)
    assert document.status == GeneratedDocument.Status.DONE
    pdf = pdf_text(
        client.get(reverse("documents:download", args=[district.slug, document.pk])).content
    )
    for name in ("Sprachförderung", "Gesundheit", "Frühe Bildung stärken", "Ehrenamt vernetzen"):
        assert name in pdf, name
    assert "Rucksack Kita" in pdf
    assert "keine Handlungsfelder" not in pdf and "keine Arbeitsschwerpunkte" not in pdf


def test_an_empty_fassungs_pdf_does_not_claim_the_district_has_none(
    client, district, ki_staff, holdings, draft
):
    client.force_login(ki_staff)
    client.post(reverse("documents:request_concept", args=[district.slug, draft.pk]), follow=True)
    document = GeneratedDocument.objects.get(concept_version=draft)
    pdf = pdf_text(
        client.get(reverse("documents:download", args=[district.slug, document.pk])).content
    )
    assert "keine Handlungsfelder zugeordnet" not in pdf
    assert "keine Arbeitsschwerpunkte festgelegt" not in pdf
    assert "der Kreis hat 3 Handlungsfelder" in pdf


def test_the_public_page_shows_what_the_adopted_fassung_holds(client, district, ki_staff, holdings):
    version = factories.ConceptVersionFactory(concept=district.concept, number=1)
    services.version_set_contents(
        district=district,
        version=version,
        fields_of_action=holdings["fields"][:2],
        priorities=holdings["priorities"][:1],
        measures=[],
        user=ki_staff,
    )
    services.version_adopt(
        district=district, version=version, decided_on=datetime.date(2026, 3, 1), user=ki_staff
    )
    page = text(client.get(reverse("public:concept", args=[district.slug])).content.decode())
    assert "Sprachförderung" in page and "Übergang Schule–Beruf" in page
    assert "Frühe Bildung stärken" in page
    assert "Gesundheit" not in page
    assert "Für diese Fassung sind keine Maßnahmen ausgewählt; der Kreis hat 2 Maßnahmen." in page


def test_the_prefilled_vorlage_names_them(district, ki_staff, holdings, draft):
    services.version_set_contents(
        district=district,
        version=draft,
        user=ki_staff,
        **services.version_defaults(district=district),
    )
    paper, _notes = paper_from_version(district=district, version=draft, user=ki_staff)
    body = paper.facts or paper.solution
    for name in ("Sprachförderung", "Gesundheit", "Frühe Bildung stärken", "Ehrenamt vernetzen"):
        assert name in body.replace("\\", ""), name
    assert "keine Handlungsfelder" not in body and "keine Arbeitsschwerpunkte" not in body


def test_the_prefilled_vorlage_of_an_empty_fassung_says_none_was_chosen(
    district, ki_staff, holdings, draft
):
    paper, notes = paper_from_version(district=district, version=draft, user=ki_staff)
    body = paper.facts or paper.solution
    assert "noch keine Handlungsfelder" not in body
    assert "noch keine Arbeitsschwerpunkte festgelegt" not in body
    assert "der Kreis hat 3 Handlungsfelder" in body
    assert "für die Fassung keine Arbeitsschwerpunkte ausgewählt" in body
