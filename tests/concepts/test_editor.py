"""The concept editor: sections, Fortschreibung, frozen adoption, diff, history, conflicts."""

import datetime

import pytest
from django.urls import reverse

from concepts import services
from concepts.models import ConceptSection, ConceptVersion
from core.locking import CONFLICT_MESSAGE, SEEN_FIELD, stamp
from tests import factories

Status = ConceptVersion.Status


@pytest.fixture
def version(district):
    version = factories.ConceptVersionFactory(
        concept=district.concept, title="Integrationskonzept 2015", number=1
    )
    factories.ConceptSectionFactory(
        version=version, order=1, title="1. Anlass", body="Der Kreistag hat 2012 beschlossen."
    )
    return version


@pytest.fixture
def measure(district, version):
    measure = factories.MeasureFactory(
        district=district, title="Griffbereit", goal="Eltern stärken"
    )
    factories.IndicatorFactory(measure=measure, name="Familien", target=200)
    measure.concept_versions.add(version)
    return measure


def url(name, district, **kwargs):
    return reverse(f"concepts:{name}", kwargs={"district_slug": district.slug, **kwargs})


def test_interleaved_saves_of_a_section_keep_both_inputs(client, district, version, ki_staff):
    section = version.sections.get()
    client.force_login(ki_staff)
    edit = url("section_update", district, pk=section.pk)
    # Both open the form with the section as it is stored now …
    seen = client.get(edit).context["form"][SEEN_FIELD].value()
    assert seen == stamp(section)
    first = client.post(edit, {"title": "1. Anlass", "body": "Text von Anna", SEEN_FIELD: seen})
    assert first.status_code == 302
    # … the second save, still based on that state, is refused.
    second = client.post(edit, {"title": "1. Anlass", "body": "Text von Ben", SEEN_FIELD: seen})
    assert second.status_code == 200
    page = second.content.decode()
    assert CONFLICT_MESSAGE in page
    assert "Text von Ben" in page  # the second person's input is shown back
    assert "Inzwischen gespeicherte Fassung" in page and "Text von Anna" in page
    section.refresh_from_db()
    assert section.body == "Text von Anna"
    # Saving again from the conflict page (now based on the stored state) works.
    again = second.context["form"][SEEN_FIELD].value()
    assert again == stamp(section)
    third = client.post(edit, {"title": "1. Anlass", "body": "Text von Ben", SEEN_FIELD: again})
    assert third.status_code == 302
    section.refresh_from_db()
    assert section.body == "Text von Ben"


def test_fortschreibung_copies_everything_and_shares_the_measures(
    client, district, version, measure, ki_staff
):
    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    priority = factories.WorkPriorityFactory(work_period__district=district)
    version.fields_of_action.add(field)
    version.priorities.add(priority)
    client.force_login(ki_staff)
    response = client.post(
        url("version_continue", district, pk=version.pk), {"title": "Fortschreibung 2026"}
    )
    new = district.concept.versions.get(title="Fortschreibung 2026")
    assert response["Location"] == url("version_detail", district, pk=new.pk)
    assert new.status == Status.DRAFT and new.number == 2 and new.based_on == version
    assert [s.title for s in new.sections.all()] == ["1. Anlass"]
    assert list(new.fields_of_action.all()) == [field]
    assert list(new.priorities.all()) == [priority]
    assert list(new.measures.all()) == [measure]  # the same object: measurements carry on


def test_adopted_version_shows_the_measure_as_adopted(client, district, version, measure, ki_lead):
    client.force_login(ki_lead)
    kreistag = factories.CommitteeFactory(district=district, kind="kreistag", name="Kreistag")
    client.post(
        reverse("papers:historic_decision", args=[district.slug, version.pk]),
        {"committee": kreistag.pk, "decided_on": "2015-06-22", "note": "Niederschrift TOP 7"},
    )
    version.refresh_from_db()
    assert version.status == Status.ADOPTED and version.decided_on == datetime.date(2015, 6, 22)
    new = services.version_continue(
        district=district, version=version, title="Fortschreibung", user=ki_lead
    )
    measure.title = "Griffbereit plus"
    measure.goal = "Eltern und Kitas stärken"
    measure.save()

    adopted_page = client.get(url("version_detail", district, pk=version.pk)).content.decode()
    assert "Griffbereit</h3>" in adopted_page and "Eltern stärken" in adopted_page
    assert "Griffbereit plus" not in adopted_page
    draft_page = client.get(url("version_detail", district, pk=new.pk)).content.decode()
    assert "Griffbereit plus" in draft_page


def test_adopted_version_is_frozen(client, district, version, ki_staff):
    services.version_adopt(
        district=district, version=version, decided_on=datetime.date(2015, 6, 22), user=None
    )
    section = version.sections.get()
    client.force_login(ki_staff)
    response = client.post(
        url("section_update", district, pk=section.pk),
        {"title": "x", "body": "geändert"},
    )
    assert "kann nicht mehr geändert werden" in response.content.decode()
    section.refresh_from_db()
    assert section.body == "Der Kreistag hat 2012 beschlossen."


def test_adoption_supersedes_the_previous_one_and_submission_may_come_first(district, version):
    services.version_adopt(
        district=district, version=version, decided_on=datetime.date(2015, 6, 22), user=None
    )
    new = services.version_continue(
        district=district, version=version, title="Fortschreibung", user=None
    )
    # Seed 003/004: the draft goes to the ministry before the Kreistag decides.
    services.version_record_submission(
        district=district, version=new, submitted_on=datetime.date(2026, 5, 1), user=None
    )
    services.version_adopt(
        district=district, version=new, decided_on=datetime.date(2026, 6, 25), user=None
    )
    version.refresh_from_db()
    new.refresh_from_db()
    assert version.status == Status.SUPERSEDED
    assert new.status == Status.ADOPTED and new.submitted_on < new.decided_on


def test_status_moves_follow_the_lifecycle(client, district, version, ki_staff):
    client.force_login(ki_staff)
    client.post(url("version_status", district, pk=version.pk), {"status": "in_abstimmung"})
    version.refresh_from_db()
    assert version.status == Status.IN_CONSULTATION
    client.post(url("version_status", district, pk=version.pk), {"status": "in_beratung"})
    version.refresh_from_db()
    assert version.status == Status.IN_DELIBERATION


def test_only_ki_lead_records_the_decision(client, district, version, ki_staff):
    client.force_login(ki_staff)
    kreistag = factories.CommitteeFactory(district=district, kind="kreistag", name="Kreistag")
    response = client.post(
        reverse("papers:historic_decision", args=[district.slug, version.pk]),
        {"committee": kreistag.pk, "decided_on": "2026-06-22", "note": "Niederschrift"},
    )
    assert response.status_code == 403
    version.refresh_from_db()
    assert version.status == Status.DRAFT


def test_diff_shows_sections_and_measures_side_by_side(
    client, district, version, measure, ki_staff
):
    removed = factories.MeasureFactory(district=district, title="Rucksack Schule")
    removed.concept_versions.add(version)
    new = services.version_continue(
        district=district, version=version, title="Fortschreibung 2026", user=None
    )
    removed.concept_versions.remove(new)
    added = factories.MeasureFactory(district=district, title="KIM Case Management")
    added.concept_versions.add(new)
    section = new.sections.get()
    section.body = "Der Kreistag hat 2015 beschlossen."
    section.save()
    services.version_adopt(
        district=district, version=version, decided_on=datetime.date(2015, 6, 22), user=None
    )
    measure.goal = "Eltern und Kitas stärken"
    measure.save()

    client.force_login(ki_staff)
    page = client.get(url("diff", district), {"old": version.pk, "new": new.pk}).content.decode()
    assert "<del>2012</del>" in page and "<ins>2015</ins>" in page
    assert "KIM Case Management" in page.split("Neu hinzugekommen")[1].split("Entfallen")[0]
    assert "Rucksack Schule" in page.split("Entfallen")[1].split("Geändert")[0]
    changed = page.split("Geändert (1)")[1]
    assert "Griffbereit" in changed and "Eltern und Kitas stärken" in changed


def test_history_shows_a_change_and_restores_it(client, district, version, ki_staff):
    section = version.sections.get()
    client.force_login(ki_staff)
    edit = url("section_update", district, pk=section.pk)
    client.post(edit, {"title": "1. Anlass", "body": "Neuer Text"})
    history_url = reverse(
        "workspace:history",
        kwargs={"district_slug": district.slug, "kind": "abschnitt", "pk": section.pk},
    )
    page = client.get(history_url).content.decode()
    assert "Der Kreistag hat 2012 beschlossen." in page and "Neuer Text" in page
    assert ki_staff.username in page
    first = section.history.order_by("history_date").first()
    response = client.post(
        reverse(
            "workspace:history_restore",
            kwargs={
                "district_slug": district.slug,
                "kind": "abschnitt",
                "pk": section.pk,
                "history_id": first.history_id,
            },
        )
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body == "Der Kreistag hat 2012 beschlossen."
    assert section.history.count() == 3  # created, edited, restored
    assert "Wiederhergestellt" in client.get(history_url).content.decode()


def test_section_text_is_sanitised(client, district, version, ki_staff):
    section = version.sections.get()
    section.body = (
        "**wichtig** <script>alert(1)</script> ![x](https://example.org/x.png) "
        f"![logo](/media/bilder/{district.slug}/logo.png)"
    )
    section.save()
    client.force_login(ki_staff)
    page = client.get(url("version_detail", district, pk=version.pk)).content.decode()
    assert "<strong>wichtig</strong>" in page
    assert "<script>alert" not in page and "example.org/x.png" not in page
    assert f'src="/media/bilder/{district.slug}/logo.png"' in page


def test_council_members_read_adopted_versions_only(client, district, version, council_member):
    adopted = factories.ConceptVersionFactory(
        concept=district.concept, number=7, status=Status.ADOPTED, decided_on="2015-06-22"
    )
    client.force_login(council_member)
    listing = client.get(url("versions", district)).content.decode()
    assert adopted.title in listing and version.title not in listing
    assert client.get(url("version_detail", district, pk=version.pk)).status_code == 404
    assert client.get(url("version_detail", district, pk=adopted.pk)).status_code == 200


def test_compliance_page_names_the_failing_objects(client, district, measure, ki_staff):
    client.force_login(ki_staff)
    page = client.get(
        reverse("workspace:compliance", kwargs={"district_slug": district.slug})
    ).content.decode()
    assert "Förderfähigkeit" in page
    assert "Beide Schwerpunkte haben Arbeitsschwerpunkte" in page
    assert "Für heute ist keine Arbeitsperiode angelegt" in page
    assert "Keine Leitung im Stellenplan" in page


def test_sections_can_be_added_and_moved(client, district, version, ki_staff):
    client.force_login(ki_staff)
    client.post(
        url("section_create", district, pk=version.pk),
        {"title": "2. Ziele", "body": "Ziele"},
    )
    second = version.sections.get(title="2. Ziele")
    client.post(url("section_move", district, pk=second.pk), {"direction": "hoch"})
    assert list(version.sections.order_by("order").values_list("title", flat=True)) == [
        "2. Ziele",
        "1. Anlass",
    ]
    assert ConceptSection.objects.filter(version=version).count() == 2
