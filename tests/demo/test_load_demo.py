"""``load_demo`` fills three Kreise with realistic content and can run on every ``make run``."""

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
)
# Timestamps say when a row was written, not what it holds.
VOLATILE = {"created", "modified", "last_login"}
# official key -> number of municipalities (DOMAIN.md, AGS annex)
DEMO_DISTRICTS = {"05962": 15, "05158": 10, "05362": 10}

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


def test_liaison_of_hilden_logs_in_with_demo(loaded, client):
    membership = Membership.objects.get(user__username="kommune.hilden")
    assert membership.role == Role.LIAISON
    assert membership.municipality.name == "Hilden"
    assert membership.district.official_key == "05158"
    request = RequestFactory().post("/konto/anmelden/")
    assert client.login(request=request, username="kommune.hilden", password="demo")
