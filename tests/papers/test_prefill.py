"""Vorlage aus Konzeptfassung erstellen: a Beschlussvorlage prefilled from a concept version.

Layouts and wording follow Mettmann's 50/020/2015 (seed 001) and Coesfeld's paper (seed 004).
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors.models import Committee, ParticipationEvent
from concepts.models import ConceptVersion, FocusArea
from districts.models import District
from documents.services import stored_pdf
from papers.models import Consultation, DecisionPaper
from papers.prefill import paper_from_version
from papers.renderers import paper_html
from tests import factories

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = datetime.date(2026, 5, 4)
BILDUNG = "Integration durch Bildung"
QUERSCHNITT = "Integration als kommunale Querschnittsaufgabe"


def at(year: int, month: int, day: int, hour: int = 17) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=BERLIN)


def meeting(committee, start, **kwargs):
    return factories.MeetingFactory(committee=committee, start=start, **kwargs)


@pytest.fixture
def path(district):
    """Integrationsausschuss → Kreisausschuss → Kreistag, with meetings that must be skipped."""
    fach = factories.CommitteeFactory(
        district=district,
        name="Integrationsausschuss",
        kind=Committee.Kind.SPECIALIST,
        path_position=1,
    )
    kreisausschuss = factories.CommitteeFactory(
        district=district,
        name="Kreisausschuss",
        kind=Committee.Kind.DISTRICT_COMMITTEE,
        path_position=2,
    )
    kreistag = factories.CommitteeFactory(
        district=district, name="Kreistag", kind=Committee.Kind.COUNCIL, path_position=3
    )
    steering = factories.CommitteeFactory(
        district=district, name="Steuerungsgruppe Bildung", kind=Committee.Kind.STEERING
    )
    meeting(fach, at(2026, 4, 20))  # past
    meeting(fach, at(2026, 5, 4))  # today: too late to send the paper
    meeting(fach, at(2026, 5, 11), cancelled=True)
    meeting(fach, at(2026, 5, 18))
    meeting(fach, at(2026, 9, 14))
    meeting(kreisausschuss, at(2026, 5, 11))  # before the Fachausschuss has deliberated
    meeting(kreisausschuss, at(2026, 6, 15))
    meeting(kreistag, at(2026, 6, 22))
    meeting(kreistag, at(2026, 9, 28))
    meeting(steering, at(2026, 5, 6))
    return fach, kreisausschuss, kreistag


@pytest.fixture
def version(district):
    """Fassung 2, a Fortschreibung of the adopted Fassung 1, with its data."""
    concept = district.concept
    adopted = factories.ConceptVersionFactory(
        concept=concept,
        number=1,
        title="Integrationskonzept 2015",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2015, 6, 22),
    )
    draft = factories.ConceptVersionFactory(
        concept=concept,
        number=2,
        title="Fortschreibung 2026",
        status=ConceptVersion.Status.IN_CONSULTATION,
        based_on=adopted,
        deadline=datetime.date(2027, 6, 30),
    )
    sprache = factories.FieldOfActionFactory(district=district, name="Sprache", order=1)
    bildung = factories.FieldOfActionFactory(
        district=district, name="Bildung und Ausbildung", order=2
    )
    offen = factories.FieldOfActionFactory(
        district=district, name="Interkulturelle Öffnung", is_cross_cutting=True
    )
    factories.FieldOfActionFactory(district=district, name="Sport")  # not in this version
    draft.fields_of_action.set([sprache, bildung, offen])

    period = factories.WorkPeriodFactory(district=district)  # 2025/26
    education = FocusArea.objects.get(code=FocusArea.Code.EDUCATION)
    cross = FocusArea.objects.get(code=FocusArea.Code.CROSS_CUTTING)
    draft.priorities.set(
        [
            factories.WorkPriorityFactory(
                work_period=period, focus_area=education, title="Frühe Bildung"
            ),
            factories.WorkPriorityFactory(
                work_period=period, focus_area=education, title="Seiteneinstieg in die Schule"
            ),
            factories.WorkPriorityFactory(
                work_period=period, focus_area=cross, title="Interkulturelle Öffnung der Verwaltung"
            ),
        ]
    )
    measures = [
        factories.MeasureFactory(district=district, focus_area=education, field_of_action=sprache)
        for _ in range(3)
    ] + [factories.MeasureFactory(district=district, focus_area=cross) for _ in range(2)]
    draft.measures.set(measures)
    factories.MeasureFactory(district=district)  # in no version

    actors = [factories.ActorFactory(district=district) for _ in range(3)]
    workshop = factories.ParticipationEventFactory(
        district=district, date=datetime.date(2026, 2, 10), participants=640, institutions=70
    )
    workshop.actors.set(actors[:2])
    factories.ParticipationEventFactory(
        district=district, date=datetime.date(2026, 3, 3), participants=660, institutions=60
    )
    factories.ParticipationEventFactory(
        district=district,
        kind=ParticipationEvent.Kind.WORKING_GROUP,
        date=datetime.date(2026, 3, 17),
        participants=15,
        institutions=11,
    )
    factories.ParticipationEventFactory(
        district=district,
        kind=ParticipationEvent.Kind.CONFERENCE,
        date=datetime.date(2026, 4, 22),
        participants=164,
        institutions=72,
    )
    # For Fassung 1, before its adoption; and one still to come: neither is counted.
    factories.ParticipationEventFactory(
        district=district, date=datetime.date(2014, 5, 14), participants=50, institutions=40
    )
    factories.ParticipationEventFactory(
        district=district,
        kind=ParticipationEvent.Kind.CONFERENCE,
        date=datetime.date(2026, 10, 8),
        participants=200,
    )
    return draft


def section(text: str, start: str, end: str | None = None) -> str:
    """The part of ``text`` from the heading ``start`` up to ``end``."""
    rest = text[text.index(start) :]
    return rest[: rest.index(end)] if end else rest


def test_the_paper_proposes_to_adopt_the_version(district, ki_staff, path, version):
    ki_staff.first_name, ki_staff.last_name = "Arlin", "Cakal-Rasch"
    factories.DecisionPaperFactory(district=district, reference="50/001/2026")

    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert paper.district == district and paper.concept_version == version
    assert paper.paper_type == DecisionPaper.PaperType.DECISION
    assert paper.decision_kind == DecisionPaper.DecisionKind.RESOLUTION
    assert paper.is_public and paper.date == TODAY
    assert paper.reference == "50/002/2026"  # the next free number in the District's pattern
    assert paper.author_name == "Arlin Cakal-Rasch"
    assert paper.subject == (
        "Integrationskonzept des Kreises Beispiel: Fortschreibung 2026 (Fassung 2)"
    )
    assert paper.proposal == (
        "Das Integrationskonzept des Kreises Beispiel in der Fassung 2 („Fortschreibung 2026“) "
        "wird in der vorgelegten Form beschlossen."
    )
    assert paper.layout == District.PaperLayout.ANLASS
    assert [value for _label, value, _note in paper.impacts()] == ["nein", "nein", "nein"]
    assert paper.financial_note == paper.personnel_note == paper.organisational_note == ""
    assert "Fortschreibung des Integrationskonzepts des Kreises Beispiel" in paper.occasion
    assert "Fassung 1 „Integrationskonzept 2015“ fort, die am 22.06.2015 beschlossen" in (
        paper.occasion
    )
    assert "bis zum 30.06.2027 vorzulegen" in paper.occasion
    assert "Arbeitsperiode 2027/28" in paper.outlook  # the one after 2025/26
    # 3 years after the Kreistag's meeting (LaKI "Rahmenbedingungen", Förderrichtlinie 2012)
    assert "bis 22.06.2029" in paper.outlook


def test_the_sachverhalt_summarises_the_version_from_its_data(ki_staff, path, version):
    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )
    facts = paper.facts

    assert "1. Sprache\n2. Bildung und Ausbildung" in facts
    assert "Querschnittsaspekte in allen Handlungsfeldern sind „Interkulturelle Öffnung“" in facts
    assert "Sport" not in facts
    education = section(facts, f"*{BILDUNG}*", f"*{QUERSCHNITT}*")
    cross = section(facts, f"*{QUERSCHNITT}*", "**Maßnahmen**")
    assert "- Frühe Bildung (2025/26)" in education
    assert "- Seiteneinstieg in die Schule (2025/26)" in education
    assert "- Interkulturelle Öffnung der Verwaltung (2025/26)" in cross
    assert "Seiteneinstieg" not in cross
    assert (
        f"umfasst 5 Maßnahmen, davon 3 Maßnahmen im Schwerpunkt „{BILDUNG}“ und "
        f"2 Maßnahmen im Schwerpunkt „{QUERSCHNITT}“."
    ) in facts
    participation = section(facts, "**Beteiligung**")
    # Since the adoption of Fassung 1 and up to today; numbers in German format.
    assert "in 2 Workshops, 1 Arbeitsgruppe und 1 Integrationskonferenz" in participation
    assert "insgesamt 1.479 Personen aus 213 Institutionen" in participation
    assert "3 Akteure der Integrationsarbeit erfasst; 2 davon haben" in participation


def test_the_print_shows_the_summary_as_lists(ki_staff, path, version):
    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    html = paper_html(paper)

    assert "<li>Sprache</li>" in html and "<li>Bildung und Ausbildung</li>" in html
    assert "<li>Frühe Bildung (2025/26)</li>" in html
    assert "Sachverhaltsdarstellung" in html and "Ausblick" in html


def test_the_beratungsfolge_follows_the_usual_path_with_the_next_meetings(ki_staff, path, version):
    fach, kreisausschuss, kreistag = path

    paper, notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    steps = list(paper.consultations.select_related("meeting__committee").order_by("order"))
    assert [(s.order, s.meeting.committee, s.role, s.authoritative) for s in steps] == [
        (1, fach, Consultation.Role.PRELIMINARY, False),
        (2, kreisausschuss, Consultation.Role.PRELIMINARY, False),
        (3, kreistag, Consultation.Role.DECISION, True),
    ]
    # After today, not cancelled, each after the step before (seed 001: 11.05., 15.06., 22.06.).
    assert [s.meeting.start for s in steps] == [at(2026, 5, 18), at(2026, 6, 15), at(2026, 6, 22)]
    assert not any("Sitzung" in note for note in notes)


def test_the_version_is_attached(ki_staff, path, version):
    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    [attachment] = paper.attachments.all()
    assert attachment.title == (
        "Integrationskonzept des Kreises Beispiel – Fassung 2: Fortschreibung 2026"
    )
    assert attachment.concept_version == version and attachment.order == 1
    assert not attachment.file


def test_a_committee_without_a_meeting_is_left_out_with_a_note(ki_staff, path, version):
    fach, kreisausschuss, kreistag = path
    kreisausschuss.meetings.filter(start__gt=at(2026, 5, 11)).delete()

    paper, notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    steps = list(paper.consultations.order_by("order"))
    assert [(s.order, s.meeting.committee, s.authoritative) for s in steps] == [
        (1, fach, False),
        (2, kreistag, True),
    ]
    assert (
        "Für „Kreisausschuss“ ist keine passende Sitzung angelegt; bitte Sitzung anlegen und die "
        "Beratungsfolge ergänzen."
    ) in notes


def test_without_a_kreistag_meeting_no_step_decides(ki_staff, path, version):
    _fach, _kreisausschuss, kreistag = path
    kreistag.meetings.update(cancelled=True)

    paper, notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert not paper.consultations.filter(authoritative=True).exists()
    assert paper.consultations.count() == 2
    assert any("„Kreistag“ ist keine passende Sitzung" in note for note in notes)


@pytest.mark.parametrize(
    "status", [ConceptVersion.Status.ADOPTED, ConceptVersion.Status.SUPERSEDED]
)
def test_an_adopted_version_is_refused(ki_staff, path, version, status):
    ConceptVersion.objects.filter(pk=version.pk).update(
        status=status, decided_on=datetime.date(2026, 3, 23)
    )
    version.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        paper_from_version(
            district=version.concept.district, version=version, user=ki_staff, today=TODAY
        )

    assert error.value.messages == [
        "Fassung 2 ist bereits beschlossen; für sie wird keine Beschlussvorlage mehr erstellt. "
        "Legen Sie eine Fortschreibung an."
    ]
    assert not DecisionPaper.objects.exists()


def test_the_coesfeld_layout_fills_problem_solution_and_the_rest(district, ki_staff, path, version):
    district.paper_layout = District.PaperLayout.PROBLEM
    district.save()

    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert paper.layout == District.PaperLayout.PROBLEM
    # Seed 004: the Fachausschuss recommends on via the Kreisausschuss.
    assert paper.proposal.startswith(
        "Dem Kreisausschuss wird empfohlen, dem Kreistag folgenden Beschlussvorschlag zu "
        "unterbreiten:\n\nDas Integrationskonzept des Kreises Beispiel in der Fassung 2"
    )
    assert "Fortschreibung des Integrationskonzepts" in paper.problem
    assert "1. Sprache" in paper.solution and "Arbeitsperiode 2027/28" in paper.solution
    assert "Alternativen stehen deshalb nicht zur Verfügung." in paper.alternatives
    assert "keine (weiteren) Kosten" in paper.implications_finance
    assert "Beschluss des Integrationskonzepts durch den Kreistag vor" in paper.competence
    assert paper.occasion == paper.facts == paper.outlook == ""
    headings = [heading for heading, text in paper.begruendung() if text]
    assert headings[0] == "I. Problem" and headings[-1] == "V. Zuständigkeit für die Entscheidung"
    # IV. speaks through its structured part Finanzen (seed 004), not a general text.
    assert len(headings) == 4


def test_the_coesfeld_proposal_without_kreisausschuss_is_addressed_to_no_one(
    district, ki_staff, path, version
):
    district.paper_layout = District.PaperLayout.PROBLEM
    district.save()
    path[1].delete()

    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert paper.proposal.startswith("Das Integrationskonzept des Kreises Beispiel")


def test_a_bare_version_gives_a_paper_and_says_what_is_missing(district, ki_staff):
    version = factories.ConceptVersionFactory(
        concept=district.concept, number=1, title="Integrationskonzept"
    )

    paper, notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert paper.pk and not paper.consultations.exists()
    assert "das Integrationskonzept des Kreises Beispiel zur Beschlussfassung vor" in (
        paper.occasion
    )
    assert "fort" not in paper.occasion.split("vor:")[1]  # nothing to continue
    assert any("keine übliche Beratungsfolge hinterlegt" in note for note in notes)
    assert any("keine Handlungsfelder" in note for note in notes)
    assert any(f"Schwerpunkt „{BILDUNG}“ enthält" in note for note in notes)
    assert any(f"Schwerpunkt „{QUERSCHNITT}“ enthält" in note for note in notes)
    assert any("keine Maßnahmen" in note for note in notes)
    assert any("keine Beteiligungsveranstaltungen" in note for note in notes)


def test_future_events_and_earlier_papers_are_mentioned(district, ki_staff, path, version):
    first, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    _second, notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert "Noch nicht mitgezählt: 1 geplante Beteiligungsveranstaltung nach dem heutigen Tag." in (
        notes
    )
    assert any(f"schon die Vorlage {first.reference}" in note for note in notes)


@pytest.mark.parametrize(
    ("name", "kind", "concept"),
    [
        ("Märkischer Kreis", District.Kind.KREIS, "Integrationskonzept des Märkischen Kreises"),
        ("Rhein-Erft-Kreis", District.Kind.KREIS, "Integrationskonzept des Rhein-Erft-Kreises"),
        ("StädteRegion Aachen", District.Kind.KREIS, "Integrationskonzept der StädteRegion Aachen"),
        ("Düsseldorf", District.Kind.KREISFREIE_STADT, "Integrationskonzept der Stadt Düsseldorf"),
    ],
)
def test_the_subject_names_the_district_in_good_german(ki_staff, name, kind, concept):
    other = factories.DistrictFactory(name=name, kind=kind)
    version = factories.ConceptVersionFactory(concept=other.concept, number=1, title="Entwurf")

    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert paper.subject == f"{concept}: Entwurf (Fassung 1)"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Kreis Beispiel", "Integrationskonzept für den Kreis Beispiel – Fortschreibung 2026"),
        ("Märkischer Kreis", "Integrationskonzept für den Märkischen Kreis – Fortschreibung"),
        ("Rhein-Erft-Kreis", "Integrationskonzept des Rhein-Erft-Kreises 2014"),
    ],
)
def test_a_title_that_names_the_concept_is_not_repeated(ki_staff, name, title):
    other = factories.DistrictFactory(name=name)
    version = factories.ConceptVersionFactory(concept=other.concept, number=3, title=title)

    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert paper.subject == f"{title} (Fassung 3)"


def test_the_outlook_names_a_work_period_not_yet_created(ki_staff, path, version):
    _fach, _kreisausschuss, kreistag = path
    kreistag.meetings.update(cancelled=True)
    meeting(kreistag, at(2027, 3, 22))  # after the last period created (2025/26)

    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert "Arbeitsperiode 2027/28 stimmt" in paper.outlook
    assert "bei einem Beschluss am 22.03.2027 also bis 22.03.2030" in paper.outlook


def test_data_with_markdown_characters_is_printed_as_written(district, ki_staff, version):
    field = factories.FieldOfActionFactory(
        district=district, name="Migrant*innen und Akteur*innen", order=3
    )
    version.fields_of_action.add(field)

    paper, _notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=TODAY
    )

    assert "<li>Migrant*innen und Akteur*innen</li>" in paper_html(paper)


def test_the_queries_do_not_grow_with_the_measures(district, ki_staff, path, version):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            paper_from_version(
                district=version.concept.district, version=version, user=ki_staff, today=TODAY
            )
        return len(context.captured_queries)

    few = queries()
    version.measures.add(*[factories.MeasureFactory(district=district) for _ in range(10)])

    assert queries() == few


def test_mettmann_demo_fortschreibung(ki_staff):
    call_command("load_demo", verbosity=0)
    mettmann = District.objects.get(official_key="05158")
    version = (
        mettmann.concept.versions.exclude(
            status__in=[ConceptVersion.Status.ADOPTED, ConceptVersion.Status.SUPERSEDED]
        )
        .order_by("-number")
        .first()
    )
    if version is None:
        pytest.skip("Die Demodaten des Kreises Mettmann haben keine offene Konzeptfassung.")
    # A day before the demo's autumn meetings (Sozialausschuss, Kreisausschuss, Kreistag).
    today = datetime.date(2026, 11, 1)

    paper, notes = paper_from_version(
        district=version.concept.district, version=version, user=ki_staff, today=today
    )

    assert paper.layout == District.PaperLayout.ANLASS  # seed 001
    assert "des Kreises Mettmann" in paper.occasion
    fields = list(version.fields_of_action.filter(is_cross_cutting=False))
    assert fields
    for field in fields:
        assert f". {field.name}\n" in f"{paper.facts}\n"
    measures = version.measures.count()
    assert f"umfasst {measures} Maßnahmen" in paper.facts
    assert "Workshops" in section(paper.facts, "**Beteiligung**")
    steps = list(paper.consultations.select_related("meeting__committee").order_by("order"))
    starts = [s.meeting.start for s in steps]
    assert starts == sorted(starts)
    assert [s.meeting.committee.name for s in steps] == [
        "Sozialausschuss",
        "Kreisausschuss",
        "Kreistag",
    ], notes
    assert steps[-1].authoritative


def test_creating_the_paper_has_the_concept_pdf_set_for_the_release(
    client, district, ki_lead, path, version, django_capture_on_commit_callbacks
):
    """The Anlage is queued for the worker at once, so the release later finds it ready."""
    client.force_login(ki_lead)
    url = reverse("papers:from_version", args=[district.slug, version.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert stored_pdf(version).startswith(b"%PDF")


@pytest.mark.parametrize(
    "count, sentence",
    [
        (0, "Im Akteursverzeichnis ist noch kein Akteur der Integrationsarbeit erfasst"),
        (1, "Im Akteursverzeichnis ist 1 Akteur der Integrationsarbeit erfasst"),
        (2, "Im Akteursverzeichnis sind 2 Akteure der Integrationsarbeit erfasst"),
    ],
)
def test_the_actor_count_reads_as_german(district, ki_staff, count, sentence):
    """Issue 13: German grammar of counts, also in the text a Vorlage is prefilled with."""
    from papers.prefill import paper_from_version

    for i in range(count):
        factories.ActorFactory(district=district, name=f"Träger {i}")
    version = factories.ConceptVersionFactory(concept=district.concept)
    paper, _notes = paper_from_version(district=district, version=version, user=ki_staff)
    assert sentence in paper.facts
