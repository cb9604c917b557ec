"""``load_demo`` fills four Kreise with realistic content and can run on every ``make run``."""

import datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone

from accounts.models import Membership, User
from accounts.rights import Role
from concepts.models import ConceptVersion, FocusArea, WorkPeriod
from demo.loader import content_files, read_content
from districts.models import District
from measures.models import Measure, Measurement
from papers.models import Consultation, DecisionPaper

PROJECT_APPS = (
    "accounts",
    "districts",
    "concepts",
    "actors",
    "measures",
    "papers",
    "coordination",
    "kim",
)
# Timestamps say when a row was written, not what it holds.
VOLATILE = {"created", "modified", "last_login"}
# official key -> number of municipalities (DOMAIN.md, AGS annex)
DEMO_DISTRICTS = {"05962": 15, "05158": 10, "05362": 10, "05558": 11}

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """Count and sorted values of every model (incl. history and M2M tables) of the project."""
    result = {}
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            names = [f.attname for f in model._meta.concrete_fields if f.name not in VOLATILE]
            rows = sorted(model._base_manager.values_list(*names), key=repr)
            result[model._meta.label] = (len(rows), rows)
    return result


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo twice (module-wide, it is the expensive part) and keep both snapshots."""
    with django_db_blocker.unblock():
        # Rolled back at the end of the module; each test's own transaction nests inside.
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            first = snapshot()
            call_command("load_demo", verbosity=0)
            yield first, snapshot()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def loaded(demo):
    return demo


def _district(key: str) -> District:
    return District.objects.get(official_key=key)


def test_one_content_file_per_demo_district():
    keys = [read_content(path)["official_key"] for path in content_files()]
    assert sorted(keys) == sorted(DEMO_DISTRICTS)


def test_second_run_changes_nothing(loaded):
    first, second = loaded
    assert first.keys() == second.keys()
    changed = [label for label in first if first[label] != second[label]]
    assert not changed, f"Zweiter Lauf hat geändert: {changed}"
    assert first["measures.Measure"][0] > 0


@pytest.mark.parametrize("key,count", DEMO_DISTRICTS.items())
def test_districts_have_their_municipalities(loaded, key, count):
    assert _district(key).municipalities.count() == count


@pytest.mark.parametrize("key", DEMO_DISTRICTS)
def test_measures_cover_both_focus_areas_with_measured_indicators(loaded, key):
    district = _district(key)
    measures = Measure.objects.for_district(district)
    assert measures.count() >= 12
    assert set(measures.values_list("focus_area__code", flat=True)) == set(FocusArea.Code.values)
    assert measures.filter(indicators__isnull=False).distinct().count() >= 10
    values = Measurement.objects.for_district(district)
    assert len({d.year for d in values.values_list("date", flat=True)}) >= 3
    # Seed 004: worked out municipality by municipality.
    assert values.filter(municipality__isnull=False).exists()


@pytest.mark.parametrize("key", DEMO_DISTRICTS)
def test_current_work_period_and_versions(loaded, key):
    district = _district(key)
    today = timezone.localdate()
    assert WorkPeriod.objects.for_district(district).filter(start__lte=today, end__gte=today)
    versions = list(ConceptVersion.objects.for_district(district).order_by("number"))
    assert len(versions) >= 2
    current = versions[-1]
    assert not current.is_adopted, "die laufende Fortschreibung ist ein Entwurf"
    assert any(v.status == ConceptVersion.Status.ADOPTED for v in versions[:-1])


def test_mettmann_paper_with_its_beratungsfolge(loaded):
    """Seed 001: Vorlage 50/020/2015, Sozialausschuss → Kreisausschuss → Kreistag."""
    mettmann = _district("05158")
    assert mettmann.paper_layout == District.PaperLayout.ANLASS
    paper = DecisionPaper.objects.get(district=mettmann, reference="50/020/2015")
    assert paper.layout == District.PaperLayout.ANLASS
    path = [
        (c.meeting.committee.name, timezone.localtime(c.meeting.start).date(), c.role)
        for c in paper.consultations.select_related("meeting__committee").order_by("order")
    ]
    assert path == [
        ("Sozialausschuss", datetime.date(2015, 5, 11), Consultation.Role.PRELIMINARY),
        ("Kreisausschuss", datetime.date(2015, 6, 15), Consultation.Role.PRELIMINARY),
        ("Kreistag", datetime.date(2015, 6, 22), Consultation.Role.DECISION),
    ]
    assert paper.consultations.get(authoritative=True).meeting.committee.name == "Kreistag"


def test_coesfeld_paper_in_its_own_layout_adopts_the_first_concept(loaded):
    """Seed 004: Integrationsausschuss → Kreisausschuss → Kreistag, Begründung I.–V."""
    coesfeld = _district("05558")
    assert coesfeld.paper_layout == District.PaperLayout.PROBLEM
    paper = DecisionPaper.objects.get(district=coesfeld)
    assert paper.layout == District.PaperLayout.PROBLEM
    assert paper.related_references() == ["SV-9-0677"]
    assert paper.releases.exists()
    path = [
        (c.meeting.committee.name, c.role)
        for c in paper.consultations.select_related("meeting__committee").order_by("order")
    ]
    assert path == [
        ("Integrationsausschuss", Consultation.Role.PRELIMINARY),
        ("Kreisausschuss", Consultation.Role.PRELIMINARY),
        ("Kreistag", Consultation.Role.DECISION),
    ]
    version = paper.concept_version
    assert version.number == 1 and version.status == ConceptVersion.Status.ADOPTED
    assert version.decided_on_assumed
    decision = paper.consultations.get(authoritative=True)
    assert timezone.localtime(decision.meeting.start).date() == version.decided_on


def test_coesfeld_kim_posts_from_its_sitzungsvorlage_on_the_page_and_in_the_sachbericht(
    loaded, client
):
    """Issue 19 point 2: Kreis Coesfeld's published KIM figures (SV-10-0898, DOMAIN.md):
    3.5 + 0.5 in Baustein 1, 12 CM posts after doubling from 6, 2 posts in Baustein 3; the
    case figures and findings of the demo are marked as examples."""
    import io
    import re

    from django.urls import reverse
    from pypdf import PdfReader

    from kim.models import CaseFigures, Finding, Post, PostChange

    coesfeld = _district("05558")
    fte = {
        kind: sum(p.fte for p in Post.objects.filter(district=coesfeld, kind=kind))
        for kind in ("koordination", "assistenz", "case_management", "behoerde")
    }
    assert fte == {"koordination": 3.5, "assistenz": 0.5, "case_management": 12, "behoerde": 2}
    change = PostChange.objects.get(district=coesfeld)
    assert (change.fte_before, change.fte_after) == (6, 12) and "SV-10-0391" in change.decision
    figures = CaseFigures.objects.filter(district=coesfeld)
    assert figures.count() == 33 and all(f.is_example for f in figures)
    assert {f.state for f in Finding.objects.filter(district=coesfeld)} >= {
        "gemeldet",
        "beschlossen",
        "umgesetzt",
    }

    client.force_login(User.objects.get(username="kreistag.kreis-coesfeld"))
    page = client.get(reverse("kim:overview", args=[coesfeld.slug])).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "Baustein 1: Strategisches Management (Koordination) 4,0 4,0 4,0" in text
    assert "Baustein 2: Case Management 12,0" in text
    assert "12,0 statt 6,0 VZÄ" in text
    assert "KIM-Lenkungsgruppe" in text and "Jobcenter (SGB II): Jobcenter Kreis Coesfeld" in text

    response = client.get(reverse("reports:kim_report_pdf", args=[coesfeld.slug, 2026]))
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "de" and "/StructTreeRoot" in reader.trailer["/Root"]
    pdf = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Sachbericht Kommunales Integrationsmanagement 2026" in pdf
    assert "Baustein 2: Case Management 12,0" in pdf and "Baustein 3" in pdf
    assert "Beispieldaten der Demo" in pdf
    assert "Beschäftigungserlaubnis kommt später als das Jobangebot" in pdf
    assert "KIM-Lenkungsgruppe am 16.09.2026" in pdf
    assert "< 5" in pdf  # the demo has small counts, hidden here for the Kreistag


def test_demo_users_and_roles(loaded):
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="land").is_land
    for district in District.objects.filter(official_key__in=DEMO_DISTRICTS):
        roles = dict(
            Membership.objects.filter(
                district=district, user__username__endswith=district.slug
            ).values_list("user__username", "role")
        )
        assert roles == {
            f"leitung.{district.slug}": Role.LEAD,
            f"ki.{district.slug}": Role.STAFF,
            f"kreistag.{district.slug}": Role.COUNCIL,
        }
        liaisons = Membership.objects.filter(district=district, role=Role.LIAISON)
        assert liaisons.count() == district.municipalities.count()


def test_mettmanns_kreistag_member_sits_on_the_sozialausschuss(loaded):
    """Issue 20: the demo Kreistag member gets an e-mail when a paper for it is released."""
    from actors.models import CommitteeReader

    seats = CommitteeReader.objects.filter(user__username="kreistag.kreis-mettmann")
    assert [(s.committee.name, s.notify) for s in seats] == [("Sozialausschuss", True)]


def test_liaison_of_hilden_logs_in_with_demo(loaded, client):
    membership = Membership.objects.get(user__username="kommune.hilden")
    assert membership.role == Role.LIAISON
    assert membership.municipality.name == "Hilden"
    assert membership.district.official_key == "05158"
    request = RequestFactory().post("/konto/anmelden/")
    assert client.login(request=request, username="kommune.hilden", password="demo")
