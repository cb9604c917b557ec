"""The Mitteilungsvorlage made from a Sachstandsbericht (seed 000: results go to the Kreistag)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Committee
from districts.models import District
from papers.models import Consultation, DecisionPaper
from reports.paper import paper_from_report
from tests import factories

TODAY = datetime.date(2026, 2, 2)


@pytest.fixture
def path(district):
    """Integrationsausschuss → Kreisausschuss → Kreistag, each with a meeting after TODAY."""
    steps = []
    for position, (name, kind) in enumerate(
        [
            ("Integrationsausschuss", Committee.Kind.SPECIALIST),
            ("Kreisausschuss", Committee.Kind.DISTRICT_COMMITTEE),
            ("Kreistag", Committee.Kind.COUNCIL),
        ],
        start=1,
    ):
        committee = factories.CommitteeFactory(
            district=district, name=name, kind=kind, path_position=position
        )
        steps.append(
            factories.MeetingFactory(
                committee=committee,
                start=datetime.datetime(2026, 3, 1 + 7 * position, 15, tzinfo=datetime.UTC),
            )
        )
    return steps


@pytest.mark.django_db
def test_paper_summarises_the_report_for_kenntnisnahme(data, path, ki_staff):
    paper, notes = paper_from_report(
        district=data.report.district, report=data.report, user=ki_staff, today=TODAY
    )
    assert notes == []
    assert paper.paper_type == DecisionPaper.PaperType.NOTICE
    assert paper.decision_kind == DecisionPaper.DecisionKind.ACKNOWLEDGEMENT
    assert paper.reference == f"50/001/{TODAY.year}"
    assert paper.subject == "Sachstandsbericht Sachstand 2025 (01.01.2025–31.12.2025)"
    assert paper.proposal == "Der Bericht wird zur Kenntnis genommen."
    assert "Berichtszeitraum vom 01.01.2025 bis 31.12.2025" in paper.occasion
    facts = paper.facts
    assert "Im Berichtszeitraum liefen 3 Maßnahmen" in facts
    assert "1 Maßnahme im Schwerpunkt „Integration durch Bildung“" in facts
    assert "- laufend: 1" in facts and "- abgeschlossen: 1" in facts
    assert "1 Kennzahl liegt im Plan" in facts and "1 liegt zurück" in facts
    # Highlights and what lags behind, with German numbers.
    assert "Laiensprachmittlerpool“ ist in ein Regelangebot überführt" in facts
    assert "Beratungen (Maßnahme „Rucksack KiTa“): 1.234,5 Gespräche am 30.06.2025" in facts
    assert paper.outlook == data.report.remarks
    steps = list(paper.consultations.select_related("meeting__committee").order_by("order"))
    assert [s.meeting.committee.name for s in steps] == [
        "Integrationsausschuss",
        "Kreisausschuss",
        "Kreistag",
    ]
    assert {s.role for s in steps} == {Consultation.Role.NOTICE}
    assert [a.title for a in paper.attachments.all()] == [paper.subject]
    assert paper.released_at is None  # a draft to check


@pytest.mark.django_db
def test_coesfeld_layout_fills_problem_and_solution(data, path, ki_staff):
    district = data.report.district
    district.paper_layout = District.PaperLayout.PROBLEM
    district.save()
    paper, _notes = paper_from_report(
        district=data.report.district, report=data.report, user=ki_staff, today=TODAY
    )
    assert paper.layout == District.PaperLayout.PROBLEM
    assert "Sachstandsbericht „Sachstand 2025“" in paper.problem
    assert "Im Berichtszeitraum liefen 3 Maßnahmen" in paper.solution
    assert data.report.remarks in paper.solution
    assert paper.facts == ""


@pytest.mark.django_db
def test_missing_path_is_said(data, ki_staff):
    paper, notes = paper_from_report(
        district=data.report.district, report=data.report, user=ki_staff, today=TODAY
    )
    assert not paper.consultations.exists()
    assert any("keine übliche Beratungsfolge" in note for note in notes)


@pytest.mark.django_db
def test_button_creates_the_paper_and_opens_it_for_editing(client, data, ki_staff):
    district = data.report.district
    committee = factories.CommitteeFactory(district=district, path_position=1)
    factories.MeetingFactory(
        committee=committee, start=timezone.now() + datetime.timedelta(days=30)
    )
    client.force_login(ki_staff)
    response = client.post(reverse("reports:paper", args=[district.slug, data.report.pk]))
    paper = DecisionPaper.objects.get(district=district)
    assert response["Location"] == reverse("papers:update", args=[district.slug, paper.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Mitteilungsvorlage" in page and "Sachstandsbericht Sachstand 2025" in page
    assert paper.consultations.get().role == Consultation.Role.NOTICE
