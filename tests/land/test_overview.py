"""``/land/``: all KIs in one table (issue 17) – the same rule results as each District's
checklist, constant queries, filters, sort, and an export with the same rows."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from actors.models import ActorType
from concepts.models import ConceptVersion, FocusArea, MunicipalAgreement
from districts.models import District, StaffPost
from land.overview import RULES, overview_rows, regierungsbezirk
from land.views_overview import sort_rows
from reports.models import ProgressReport
from tests import factories
from workspace.compliance import checklist

TODAY = datetime.date(2026, 11, 23)
URL = "/land/"
P = StaffPost.Profession
S = ConceptVersion.Status


def version(district, **kwargs):
    return factories.ConceptVersionFactory(concept=district.concept, **kwargs)


def populate(district, variant: int) -> None:
    """A District in one of several states, so that every rule passes somewhere and fails
    somewhere else."""
    if not hasattr(district, "concept"):
        from concepts.models import Concept

        Concept.objects.create(district=district, title=f"Integrationskonzept {district.name}")
        district.refresh_from_db()
    if variant == 0:  # adopted long ago, submitted; a full staffing plan; everything in place
        adopted = version(
            district,
            status=S.ADOPTED,
            decided_on=datetime.date(2015, 3, 1),
            submitted_on=datetime.date(2015, 2, 1),
        )
        period = factories.WorkPeriodFactory(district=district)
        for area in FocusArea.objects.all():
            priority = factories.WorkPriorityFactory(work_period=period, focus_area=area)
            measure = factories.MeasureFactory(district=district, title=f"M {area.pk}")
            measure.work_priorities.add(priority)
            measure.concept_versions.add(adopted)
            factories.IndicatorFactory(measure=measure)
        for actor_type in ActorType.objects.filter(is_mandatory=True):
            factories.ActorFactory(district=district, type=actor_type)
        factories.StaffPostFactory(district=district, fte=Decimal("1"), is_head=True)
        factories.StaffPostFactory(district=district, fte=Decimal("1"))
        factories.StaffPostFactory(
            district=district, profession=P.EDUCATION, is_deputy=True, funding="eigen"
        )
        ProgressReport.objects.create(
            district=district,
            title="Sachstandsbericht 2025",
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
        )
    elif variant == 1:  # a draft with its own deadline, not submitted; measures without target
        version(district, status=S.DRAFT, deadline=datetime.date(2026, 12, 31))
        factories.MeasureFactory(district=district, title="Ohne Kennzahl")
        factories.StaffPostFactory(district=district, fte=Decimal("1"), is_head=True)
        factories.StaffPostFactory(
            district=district, profession=P.ADMINISTRATION, fte=Decimal("1"), is_deputy=True
        )
        factories.StaffPostFactory(district=district, profession=P.ADMINISTRATION)
        period = factories.WorkPeriodFactory(district=district)
        factories.WorkPriorityFactory(work_period=period, title="Ohne Maßnahme")
    elif variant == 2:  # adopted recently, a Fortschreibung whose measures lack indicators
        adopted = version(
            district,
            status=S.ADOPTED,
            decided_on=datetime.date(2024, 6, 1),
            submitted_on=datetime.date(2024, 7, 1),
        )
        draft = version(district, status=S.IN_CONSULTATION)
        # Issue 18: one municipality agreed with the Fortschreibung, one refused, one is missing.
        for name, decision in (("Zustimmstadt", "zugestimmt"), ("Neinstadt", "nicht_zugestimmt")):
            MunicipalAgreement.objects.create(
                version=draft,
                municipality=factories.MunicipalityFactory(district=district, name=name),
                decision=decision,
                body="Rat",
                decided_on=datetime.date(2026, 3, 1),
                notes="" if decision == "zugestimmt" else "Keine Mittel",
            )
        factories.MunicipalityFactory(district=district, name="Schweigestadt")
        linked = factories.MeasureFactory(district=district, title="In der Fortschreibung")
        linked.concept_versions.add(draft)
        factories.MeasureFactory(district=district, title="Nicht in der Fortschreibung")
        other = factories.MeasureFactory(district=district, title="Mit Zielwert")
        other.concept_versions.add(adopted, draft)
        factories.IndicatorFactory(measure=other)
        factories.StaffPostFactory(district=district, is_deputy=True)
        factories.StaffPostFactory(district=district, is_head=True)
    elif variant == 3:  # a decision recorded for a day still ahead
        version(district, status=S.ADOPTED, decided_on=datetime.date(2027, 2, 1))
    # variant 4: nothing at all


@pytest.fixture
def five(db):
    districts = list(District.objects.order_by("official_key")[:5])
    for variant, district in enumerate(districts):
        populate(district, variant)
    return districts


def checklist_results(district):
    return [(r.code, r.passed, [f.label for f in r.failures]) for r in checklist(district, TODAY)]


def bulk_results(row):
    return [(r.code, r.passed, r.failures) for r in row.rules]


def test_rule_results_equal_the_checklist_of_each_district(five):
    rows = {row.district.pk: row for row in overview_rows(today=TODAY)}
    assert len(rows) == District.objects.count() == 54
    for district in District.objects.all():
        assert bulk_results(rows[district.pk]) == checklist_results(district), district.name
    # every rule both passes and fails somewhere among the five, so the comparison means something
    for code, _label in RULES:
        outcomes = {rows[d.pk].rule(code).passed for d in five}
        assert outcomes == {True, False}, code


def test_row_shows_concept_deadline_staffing_period_and_report(five):
    rows = {row.district.pk: row for row in overview_rows(today=TODAY)}
    first, second = rows[five[0].pk], rows[five[1].pk]
    assert first.in_force.decided_on == datetime.date(2015, 3, 1)
    assert first.age_years == 11
    assert first.funded_fte == Decimal("2")  # the Kreis's own post does not count
    assert first.fundable_fte == Decimal("5.5")  # Eckpunktepapier: 2 + 3,5
    assert first.report.title == "Sachstandsbericht 2025"
    assert first.period.label == "2025/26"
    assert [area for area, _titles in first.priorities] == [
        a.name for a in FocusArea.objects.order_by("order")
    ]
    assert first.last_activity is not None
    assert second.draft is not None and second.in_force is None
    assert second.deadline.date == datetime.date(2026, 12, 31)
    assert second.deadline.days_left == 38
    assert rows[five[4].pk].last_activity is None


def test_queries_do_not_grow_with_the_districts(five, django_assert_max_num_queries):
    for district in District.objects.exclude(pk__in=[d.pk for d in five]):
        populate(district, district.pk % 4)
    with CaptureQueriesContext(connection) as all_54:
        assert len(overview_rows(today=TODAY)) == 54
    District.objects.exclude(pk__in=[d.pk for d in five[:3]]).delete()
    with django_assert_max_num_queries(len(all_54)) as three:
        assert len(overview_rows(today=TODAY)) == 3
    # 15 before issue 19; the KIM column takes two more (posts, case figures: land/overview._kim).
    assert len(three) == len(all_54) <= 17


def test_page_as_land_lists_every_district_with_links(client, land_user, five):
    client.force_login(User.objects.get(is_land=True, username="land"))  # the demo's Land
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html and "<caption" in html
    assert 'aria-sort="ascending"' in html  # sorted by name
    assert html.count('<th scope="row">') == 54 and '<th scope="col"' in html
    for district in District.objects.all():
        assert reverse("workspace:home", args=[district.slug]) in html
        assert reverse("workspace:compliance", args=[district.slug]) in html
        assert reverse("workspace:staffing", args=[district.slug]) in html
    assert "54 von 54" in html
    # and the Land reaches each of those pages
    for district in five:
        for name in ("workspace:home", "workspace:compliance", "workspace:staffing"):
            assert client.get(reverse(name, args=[district.slug])).status_code == 200, name


def test_page_queries_are_constant(client, land_user, five, django_assert_max_num_queries):
    client.force_login(land_user)
    with django_assert_max_num_queries(25):
        assert client.get(URL).status_code == 200


def test_start_page_and_nav_link_the_overview_for_land_and_operator(
    client, land_user, operator, ki_lead
):
    for user in (land_user, operator):
        client.force_login(user)
        assert URL in client.get("/").content.decode()
    client.force_login(ki_lead)
    assert URL not in client.get("/").content.decode()


def test_filters(client, land_user, five):
    client.force_login(land_user)
    html = client.get(URL, {"bezirk": "9"}).content.decode()  # Arnsberg
    arnsberg = [d for d in District.objects.all() if regierungsbezirk(d) == "Arnsberg"]
    assert f"{len(arnsberg)} von 54" in html
    assert "Hochsauerlandkreis" in html and "Kreis Mettmann" not in html

    rows = overview_rows({"art": District.Kind.KREISFREIE_STADT}, today=TODAY)
    assert rows and all(r.district.kind == District.Kind.KREISFREIE_STADT for r in rows)
    assert len(rows) == District.objects.filter(kind=District.Kind.KREISFREIE_STADT).count()

    failing = overview_rows({"regel": "kennzahlen"}, today=TODAY)
    assert {r.district.pk for r in failing} == {five[1].pk, five[2].pk}
    html = client.get(URL, {"regel": "kennzahlen"}).content.decode()
    assert "2 von 54" in html
    assert '<label class="form-label" for="id_regel">' in html
    # garbage is ignored, never an error
    assert client.get(URL, {"bezirk": "x", "regel": "<b>", "sortierung": "'"}).status_code == 200


def test_sort_by_a_column_and_back(client, land_user, five):
    client.force_login(land_user)
    html = client.get(URL, {"sortierung": "-frist"}).content.decode()
    assert 'aria-sort="descending"' in html
    html = client.get(URL, {"sortierung": "alter"}).content.decode()
    assert 'aria-sort="ascending"' in html
    rows = overview_rows(today=TODAY)
    most_failing, _key, _desc = sort_rows(rows, "-regeln")
    assert len(most_failing[0].failing) == max(len(row.failing) for row in rows)
    by_age, _key, _desc = sort_rows(rows, "-alter")
    assert by_age[0].district == five[0]  # the oldest concept first
    assert by_age[-1].age_years is None  # empty values last


def test_xlsx_and_csv_export_the_same_rows(client, land_user, five):
    client.force_login(land_user)
    page_rows = overview_rows({"bezirk": "1"}, today=TODAY)
    response = client.get(URL, {"bezirk": "1", "als": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Kreis / kreisfreie Stadt"
    assert [row[0] for row in values[1:]] == [r.district.name for r in page_rows]
    assert len(values) - 1 == len(page_rows) > 0

    response = client.get(URL, {"als": "csv"})
    text = response.content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(lines) == 55
    names = [line[0] for line in lines[1:]]
    assert names == [r.district.name for r in overview_rows(today=TODAY)]
    row = next(line for line in lines if line[0] == five[0].name)
    header = lines[0]
    assert row[header.index("beschlossen am")] == "01.03.2015"
    assert row[header.index("Förderfähigkeit: Konzept aktuell")] == "nicht erfüllt"
    assert row[header.index("vom Land geförderte Stellen (VZÄ)")] == "2,00"


def test_on_the_demo_every_row_equals_its_checklist(client, db):
    """The demo's four Kreise with real content, and the 50 others empty (issue 17, point 1)."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    today = timezone.localdate()
    rows = overview_rows(today=today)
    assert len(rows) == 54
    filled = [row for row in rows if row.in_force or row.draft]
    assert len(filled) >= 4
    for row in rows:
        expected = [
            (r.code, r.passed, [f.label for f in r.failures])
            for r in checklist(row.district, today)
        ]
        assert bulk_results(row) == expected, row.district.name
    client.force_login(User.objects.get(is_land=True, username="land"))  # the demo's Land
    response = client.get(URL)
    assert response.status_code == 200, response.get("Location")
    html = response.content.decode()
    assert "54 von 54" in html
    for row in filled:
        assert row.in_force is None or row.in_force.title in html
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(URL, {"als": "xlsx"}).content)).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        row.district.name for row in rows
    ]


def test_the_kim_column_shows_posts_and_active_cases_per_thousand_hiding_small_counts(five):
    """Issue 19: "The Land's cockpit shows each District's KIM posts filled vs funded and case
    figures per 1,000 inhabitants"; the Land is outside the KI, so 1–4 cases read "< 5"."""
    from decimal import Decimal

    from kim.models import CaseFigures, Post

    big, small = five[0], five[1]
    big.population = 200_000
    big.save()
    small.population = 50_000
    small.save()
    for district, (active_q1, active_q2) in ((big, (80, 90)), (small, (9, 3))):
        town = factories.MunicipalityFactory(district=district)
        for quarter, active in ((1, active_q1), (2, active_q2)):
            CaseFigures.objects.create(
                district=district,
                municipality=town,
                year=TODAY.year,
                quarter=quarter,
                opened=5,
                active=active,
                closed=5,
            )
    Post.objects.create(
        district=big, kind="case_management", fte=6, state="besetzt", employer="kommune"
    )
    Post.objects.create(
        district=big, kind="case_management", fte=2, state="unbesetzt", employer="kommune"
    )
    Post.objects.create(
        district=big, kind="behoerde", fte=1, state="besetzt", employer="kreis", funded=False
    )
    rows = {row.district.pk: row for row in overview_rows(today=TODAY)}
    kim = rows[big.pk].kim
    assert (kim.fte, kim.filled, kim.funded) == (9, 7, 8)
    assert kim.quarter == (TODAY.year, 2) and kim.active_shown == "90"
    assert kim.per_thousand == Decimal("0.45")  # 90 of 200,000
    hidden = rows[small.pk].kim
    assert hidden.active_shown == "< 5" and hidden.per_thousand is None
    assert rows[five[2].pk].kim is None
