"""The compliance checklist: each rule once holding and once failing with the failing objects."""

import datetime
from decimal import Decimal

import pytest

from actors.models import ActorType
from concepts.models import ConceptVersion, FocusArea
from districts.models import StaffPost
from tests import factories
from workspace import compliance

TODAY = datetime.date(2026, 11, 23)


def rule(district, code):
    return next(r for r in compliance.checklist(district, today=TODAY) if r.code == code)


def labels(r):
    return [f.label for f in r.failures]


@pytest.fixture
def period(district):
    return factories.WorkPeriodFactory(district=district)  # 2025/26, contains TODAY


def test_focus_areas_need_priorities_in_current_period(district, period):
    factories.WorkPriorityFactory(work_period=period, focus_area=factories.focus_area("bildung"))
    r = rule(district, "schwerpunkte")
    assert not r.passed
    assert labels(r) == ["Integration als kommunale Querschnittsaufgabe (2025/26)"]
    assert r.failures[0].url.endswith("/arbeitsperioden/") or r.failures[0].url == ""

    factories.WorkPriorityFactory(
        work_period=period, focus_area=factories.focus_area("querschnitt")
    )
    assert rule(district, "schwerpunkte").passed


def test_no_current_period_fails(district):
    assert labels(rule(district, "schwerpunkte")) == ["Für heute ist keine Arbeitsperiode angelegt"]


def test_every_priority_needs_a_measure(district, period):
    served = factories.WorkPriorityFactory(work_period=period, title="Übergang Schule–Beruf")
    lonely = factories.WorkPriorityFactory(work_period=period, title="Elternarbeit")
    factories.MeasureFactory(district=district).work_priorities.add(served)
    assert labels(rule(district, "prioritaeten")) == ["Elternarbeit"]

    factories.MeasureFactory(district=district).work_priorities.add(lonely)
    assert rule(district, "prioritaeten").passed


def test_every_measure_needs_an_indicator_with_target(district):
    good = factories.MeasureFactory(district=district, title="Griffbereit")
    factories.IndicatorFactory(measure=good)
    bare = factories.MeasureFactory(district=district, title="Rucksack KiTa")
    no_target = factories.MeasureFactory(district=district, title="Laiensprachmittlerpool")
    factories.IndicatorFactory(measure=no_target, target=None)
    r = rule(district, "kennzahlen")
    assert labels(r) == ["Laiensprachmittlerpool", "Rucksack KiTa"]
    assert f"/massnahmen/{bare.pk}/" in r.failures[1].url or r.failures[1].url == ""

    factories.IndicatorFactory(measure=bare)
    factories.IndicatorFactory(measure=no_target)
    assert rule(district, "kennzahlen").passed


def test_all_mandatory_actor_types_involved(district):
    mandatory = list(ActorType.objects.filter(is_mandatory=True))
    for actor_type in mandatory[1:]:
        factories.ActorFactory(district=district, type=actor_type)
    assert labels(rule(district, "kooperationsgebot")) == [mandatory[0].name]

    factories.ActorFactory(district=district, type=mandatory[0])
    assert rule(district, "kooperationsgebot").passed


def _post(district, profession, fte, **kwargs):
    kwargs.setdefault("employer", "land" if profession == "lehrkraft" else "kreis")
    return factories.StaffPostFactory(
        district=district, profession=profession, fte=Decimal(fte), **kwargs
    )


def test_staffing_follows_the_land_requirements(district):
    # Eckpunktepapier: 2 teacher FTE; up to 2 + 1 + 0.5 municipal FTE; deputy of another profession
    P = StaffPost.Profession
    _post(district, P.TEACHER, "1.0", is_head=True)
    _post(district, P.TEACHER, "1.0")
    _post(district, P.EDUCATION, "1.0", is_deputy=True)
    _post(district, P.EDUCATION, "1.0")
    _post(district, P.ADMINISTRATION, "1.0")
    _post(district, P.ASSISTANCE, "0.5")
    assert rule(district, "personal").passed

    _post(district, P.ASSISTANCE, "0.5")
    district.staff_posts.filter(profession=P.TEACHER, is_head=False).delete()
    assert labels(rule(district, "personal")) == [
        "Lehrkräfte (vom Land frei gestellt): 1 statt 2 VZÄ",
        "Assistenzkraft: 1 VZÄ vom Land gefördert, höchstens 0,5",
    ]


def _full_plan(district):
    """Exactly the Eckpunktepapier's Land-funded posts: 2 teachers, 2 + 1 + 0.5 municipal."""
    P = StaffPost.Profession
    _post(district, P.TEACHER, "1.0", is_head=True)
    _post(district, P.TEACHER, "1.0")
    _post(district, P.EDUCATION, "1.0", is_deputy=True, title="Fachkraft 1")
    _post(district, P.EDUCATION, "1.0", title="Fachkraft 2")
    _post(district, P.ADMINISTRATION, "1.0", title="Verwaltung")
    _post(district, P.ASSISTANCE, "0.5", title="Assistenz")


@pytest.mark.parametrize(
    "funding", [StaffPost.Funding.OWN, StaffPost.Funding.PROGRAMME], ids=["eigen", "programm"]
)
def test_an_extra_post_not_funded_by_the_land_does_not_fail(district, funding):
    # Eckpunktepapier: the caps are on "vom Land geförderten Stellen"; a Kreis may pay more.
    _full_plan(district)
    _post(district, StaffPost.Profession.EDUCATION, "1.0", title="Fachkraft 3", funding=funding)
    r = rule(district, "personal")
    assert r.passed, labels(r)
    assert "vom Land geförderte Stellen" in r.title


def test_a_fourth_land_funded_fachkraft_fails(district):
    _full_plan(district)
    _post(district, StaffPost.Profession.EDUCATION, "1.0", title="Fachkraft 3")
    assert labels(rule(district, "personal")) == [
        "Außerschulische pädagogische Fachkraft: 3 VZÄ vom Land gefördert, höchstens 2"
    ]


def test_a_self_funded_teacher_does_not_meet_the_teacher_requirement(district):
    P = StaffPost.Profession
    _post(district, P.TEACHER, "1.0", is_head=True)
    _post(district, P.TEACHER, "1.0", funding=StaffPost.Funding.OWN, employer="kreis")
    _post(district, P.EDUCATION, "1.0", is_deputy=True)
    assert labels(rule(district, "personal")) == [
        "Lehrkräfte (vom Land frei gestellt): 1 statt 2 VZÄ"
    ]


def test_head_and_deputy_of_different_professions(district):
    P = StaffPost.Profession
    _post(district, P.TEACHER, "1.0", is_head=True)
    _post(district, P.TEACHER, "1.0", is_deputy=True)
    assert labels(rule(district, "personal")) == [
        "Leitung und Stellvertretung sind beide Lehrkraft"
    ]


def test_the_requirements_are_data(district):
    factories.land_set(district, teacher_fte_required=Decimal("1.0"))
    _post(district, StaffPost.Profession.TEACHER, "1.0", is_head=True)
    _post(district, StaffPost.Profession.EDUCATION, "1.0", is_deputy=True)
    assert rule(district, "personal").passed
    # The rule names the Land's set it was checked against and the set's source.
    assert rule(district, "personal").source.startswith(
        "Eckpunktepapier 2012: Eckpunktepapier zur Umsetzung"
    )


def _version(district, **kwargs):
    return factories.ConceptVersionFactory(concept=district.concept, **kwargs)


def test_adoption_must_be_recorded(district):
    assert labels(rule(district, "beschluss")) == ["Es gibt noch keine Konzeptfassung"]
    draft = _version(district, title="Fortschreibung 2026", status=ConceptVersion.Status.DRAFT)
    assert labels(rule(district, "beschluss")) == ["Fortschreibung 2026: noch nicht beschlossen"]

    draft.status = ConceptVersion.Status.ADOPTED
    draft.decided_on = datetime.date(2026, 6, 22)
    draft.save()
    assert rule(district, "beschluss").passed


def test_a_concept_in_force_passes_while_its_fortschreibung_is_prepared(district):
    # Issue 14: Kreis Mettmann – 2015 concept adopted, Fortschreibung in progress.
    _version(
        district,
        number=1,
        title="Integrationskonzept 2015",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2015, 6, 22),
    )
    _version(district, number=2, title="Fortschreibung", status=ConceptVersion.Status.DRAFT)
    assert rule(district, "beschluss").passed


def test_a_decision_dated_in_the_future_puts_nothing_in_force(district):
    old = _version(
        district,
        number=1,
        title="Integrationskonzept 2015",
        status=ConceptVersion.Status.SUPERSEDED,
        decided_on=datetime.date(2015, 6, 22),
    )
    _version(
        district,
        number=2,
        title="Fortschreibung 2027",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=TODAY + datetime.timedelta(days=1),
    )
    state = compliance.concept_state(district, TODAY)
    # The old concept stays in force until the day of the new decision.
    assert state.in_force == old
    assert rule(district, "beschluss").passed
    assert labels(rule(district, "aktualitaet")) == [
        "Integrationskonzept 2015: beschlossen am 22.06.2015, Überprüfung fällig seit 22.06.2018"
    ]

    old.delete()
    assert compliance.concept_state(district, TODAY).in_force is None
    assert labels(rule(district, "beschluss")) == [
        f"Fortschreibung 2027: Beschluss erst am {TODAY + datetime.timedelta(days=1):%d.%m.%Y}"
    ]


def test_every_rule_names_its_source(district):
    for r in compliance.checklist(district, today=TODAY):
        assert r.source, r.code
    sources = {r.code: r.source for r in compliance.checklist(district, today=TODAY)}
    assert "Stand: 29.02.2012" in sources["personal"]
    assert "Stand: 29.02.2012" in sources["kooperationsgebot"]
    assert "Stand: 29.02.2012" in sources["schwerpunkte"]
    assert "25.11.2021, § 8" in sources["beschluss"]
    assert "„Rahmenbedingungen“" in sources["aktualitaet"]
    assert "MBl. NRW. 2012 Nr. 19" in sources["aktualitaet"]
    assert "nicht älter als 3 Jahre" in sources["aktualitaet"]


def test_a_value_of_the_land_names_its_set(district):
    factories.land_set(district, review_interval_years=5, review_interval_source="Erlass X")
    r = rule(district, "aktualitaet")
    assert r.title == "Das geltende Konzept ist höchstens 5 Jahre alt"
    assert r.source == "Eckpunktepapier 2012: Erlass X"


def test_submitted_to_the_land_before_the_deadline(district):
    assert labels(rule(district, "vorlage_land")) == ["Es gibt noch keine Konzeptfassung"]
    # Seeds 003/004: the draft may go to the ministry before the Kreistag decides.
    version = _version(district, title="Konzept 2026", deadline=datetime.date(2026, 6, 30))
    assert labels(rule(district, "vorlage_land")) == [
        "Konzept 2026: nicht vorgelegt (Frist 30.06.2026)"
    ]
    version.submitted_on = datetime.date(2026, 7, 15)
    version.save()
    assert labels(rule(district, "vorlage_land")) == [
        "Konzept 2026: am 15.07.2026 vorgelegt, Frist war 30.06.2026"
    ]
    version.submitted_on = datetime.date(2026, 6, 1)
    version.save()
    assert rule(district, "vorlage_land").passed


def test_concept_not_older_than_the_review_interval(district):
    _version(
        district,
        title="Integrationskonzept 2015",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2015, 6, 22),
    )
    # Default 3 years (LaKI "Rahmenbedingungen", Förderrichtlinie 2012).
    assert labels(rule(district, "aktualitaet")) == [
        "Integrationskonzept 2015: beschlossen am 22.06.2015, Überprüfung fällig seit 22.06.2018"
    ]
    factories.land_set(district, review_interval_years=12)
    assert rule(district, "aktualitaet").passed


def test_every_rule_is_listed_once(district):
    codes = [r.code for r in compliance.checklist(district, today=TODAY)]
    assert codes == [
        "schwerpunkte",
        "prioritaeten",
        "kennzahlen",
        "kooperationsgebot",
        "einvernehmen",
        "personal",
        "beschluss",
        "vorlage_land",
        "aktualitaet",
    ]
    assert FocusArea.objects.count() == 2


def test_submission_is_checked_on_the_version_it_concerns(district):
    in_force = _version(
        district,
        number=1,
        title="Integrationskonzept 2015",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2015, 6, 22),
        submitted_on=datetime.date(2015, 6, 30),
    )
    draft = _version(district, number=2, title="Fortschreibung", status=ConceptVersion.Status.DRAFT)
    # A draft without a deadline of its own: the version in force (submitted) is what counts.
    assert compliance.submission_version(compliance.concept_state(district, TODAY)) == in_force
    assert rule(district, "vorlage_land").passed

    # A draft with a deadline is on its way to the Land: it is checked against that deadline.
    draft.deadline = datetime.date(2026, 6, 30)
    draft.save()
    assert compliance.submission_version(compliance.concept_state(district, TODAY)) == draft
    assert labels(rule(district, "vorlage_land")) == [
        "Fortschreibung: nicht vorgelegt (Frist 30.06.2026)"
    ]
