"""Issue 17: the Land owns the requirement sets; a District's checklist uses the set valid on the
day checked, in its variant (Kreis / kreisfreie Stadt); the KIs read them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.rights import Role
from concepts.models import ConceptVersion
from districts.models import District, RequirementSet
from tests import factories
from workspace import compliance

pytestmark = pytest.mark.django_db

D = datetime.date


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def the_2012_set(variant=RequirementSet.Variant.KREIS) -> RequirementSet:
    return RequirementSet.objects.get(variant=variant, valid_from=D(2012, 2, 29))


def form_data(requirement_set: RequirementSet, **changes) -> dict:
    data = {
        "name": requirement_set.name,
        "variant": requirement_set.variant,
        "source": requirement_set.source,
        "valid_from": requirement_set.valid_from.isoformat(),
        "valid_until": requirement_set.valid_until.isoformat()
        if requirement_set.valid_until
        else "",
        "teacher_fte_required": "2",
        "max_fte_education": "2",
        "max_fte_administration": "1",
        "max_fte_assistance": "0,5",
        "staffing_source": requirement_set.staffing_source,
        "review_interval_years": "3",
        "review_interval_source": requirement_set.review_interval_source,
        "work_period_years": "2",
        "work_period_source": requirement_set.work_period_source,
    }
    return data | changes


def age_rule(district, day):
    return next(r for r in compliance.checklist(district, today=day) if r.code == "aktualitaet")


def adopt(district, decided_on):
    factories.ConceptVersionFactory(
        concept=district.concept,
        title="Integrationskonzept",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=decided_on,
    )


@pytest.fixture
def districts(db):
    kreis_a = factories.DistrictFactory(kind=District.Kind.KREIS)
    kreis_b = factories.DistrictFactory(kind=District.Kind.KREIS)
    stadt = factories.DistrictFactory(kind=District.Kind.KREISFREIE_STADT)
    aachen = factories.DistrictFactory(kind=District.Kind.REGIONSSTADT)
    for district in (kreis_a, kreis_b, stadt, aachen):
        adopt(district, D(2022, 6, 1))
    return kreis_a, kreis_b, stadt, aachen


def test_the_2012_set_is_shipped_for_both_variants_with_sources():
    for variant in RequirementSet.Variant.values:
        shipped = the_2012_set(variant)
        assert shipped.name == "Eckpunktepapier 2012"
        assert shipped.valid_until is None
        assert (shipped.teacher_fte_required, shipped.max_municipal_fte) == (
            Decimal("2.00"),
            Decimal("3.50"),
        )
        assert (shipped.review_interval_years, shipped.work_period_years) == (3, 2)
        assert "Stand: 29.02.2012" in shipped.staffing_source
        assert "MBl. NRW. 2012 Nr. 19" in shipped.review_interval_source
        assert "31.10.2012" in shipped.work_period_source


def test_a_set_changed_by_the_land_changes_the_checklist_of_every_district_it_applies_to(
    client, land_user, districts
):
    kreis_a, kreis_b, stadt, aachen = districts
    day = D(2025, 3, 1)
    assert all(age_rule(d, day).passed for d in districts)  # adopted 01.06.2022, 3 years
    client.force_login(land_user)
    kreise = the_2012_set()
    url = reverse("land:requirements_update", args=[kreise.pk])
    response = client.post(url, form_data(kreise, review_interval_years="1"))
    assert response.status_code == 302, response.context["form"].errors
    # Both Kreise fail now; the kreisfreie Stadt and Aachen (its variant) are unchanged.
    assert [age_rule(d, day).passed for d in districts] == [False, False, True, True]
    assert age_rule(kreis_a, day).title == "Das geltende Konzept ist höchstens 1 Jahr alt"

    cities = the_2012_set(RequirementSet.Variant.KREISFREIE_STADT)
    url = reverse("land:requirements_update", args=[cities.pk])
    client.post(url, form_data(cities, review_interval_years="2"))
    assert [age_rule(d, day).passed for d in districts] == [False, False, False, False]
    # The history records who changed it.
    assert cities.history.first().history_user == land_user


def test_the_checklist_uses_the_set_valid_on_the_day_checked(districts):
    kreis, *_ = districts
    old = the_2012_set()
    old.valid_until = D(2024, 2, 29)  # a leap day as the last day
    old.save()
    factories.RequirementSetFactory(
        name="Förderrichtlinie 2024",
        valid_from=D(2024, 3, 1),
        valid_until=D(2026, 12, 31),
        review_interval_years=1,
    )
    factories.RequirementSetFactory(
        name="Förderrichtlinie 2027", valid_from=D(2027, 1, 1), valid_until=None
    )
    adopted_2023 = factories.DistrictFactory(kind=District.Kind.KREIS)
    adopt(adopted_2023, D(2023, 1, 1))
    # Last day of the old set (29 February), first day of the next.
    assert age_rule(adopted_2023, D(2024, 2, 29)).title.endswith("höchstens 3 Jahre alt")
    assert age_rule(adopted_2023, D(2024, 3, 1)).title.endswith("höchstens 1 Jahr alt")
    assert not age_rule(adopted_2023, D(2024, 3, 1)).passed
    # Year end: 31 December under the 2024 set, 1 January under the 2027 one.
    assert (
        age_rule(adopted_2023, D(2026, 12, 31)).source == "Förderrichtlinie 2024: Testquelle Alter"
    )
    assert age_rule(adopted_2023, D(2027, 1, 1)).source == "Förderrichtlinie 2027: Testquelle Alter"
    # Before the first set: the rule says so instead of inventing a number.
    rule = age_rule(kreis, D(2012, 2, 28))
    assert [f.label for f in rule.failures] == [
        "Für den 28.02.2012 gilt keine Anforderung des Landes für Kreise"
    ]
    assert age_rule(kreis, D(2012, 2, 29)).title.endswith("höchstens 3 Jahre alt")


def test_the_land_is_told_in_german_at_the_field(client, land_user):
    client.force_login(land_user)
    kreise = the_2012_set()
    url = reverse("land:requirements_create")
    response = client.post(
        url, form_data(kreise, name="FRL 2030", valid_from="2030-01-01", valid_until="2029-12-31")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["valid_until"] == [
        "„gilt bis“ darf nicht vor „gilt ab“ liegen."
    ]
    response = client.post(url, form_data(kreise, name="FRL 2030", valid_from="2030-01-01"))
    assert response.status_code == 200
    error = response.context["form"].errors["valid_from"][0]
    assert error.startswith("Der Zeitraum überschneidet sich mit „Eckpunktepapier 2012“ für Kreise")
    assert error in response.content.decode()
    assert RequirementSet.objects.count() == 2

    # The Land ends the 2012 set first; then the new one is accepted.
    client.post(
        reverse("land:requirements_update", args=[kreise.pk]),
        form_data(kreise, valid_until="2029-12-31"),
    )
    response = client.post(url, form_data(kreise, name="FRL 2030", valid_from="2030-01-01"))
    assert response.status_code == 302
    assert RequirementSet.objects.get(name="FRL 2030").variant == "kreis"
    listing = text(client.get(reverse("land:requirements")).content.decode())
    assert "Eckpunktepapier 2012 Kreise 29.02.2012 bis 31.12.2029" in listing
    assert "FRL 2030 Kreise ab 01.01.2030" in listing


@pytest.mark.parametrize("role", [Role.LEAD, Role.STAFF])
def test_a_ki_cannot_edit_the_lands_sets(client, district, role):
    member = factories.MembershipFactory(district=district, role=role).user
    client.force_login(member)
    kreise = the_2012_set()
    for url in (
        reverse("land:requirements"),
        reverse("land:requirements_create"),
        reverse("land:requirements_update", args=[kreise.pk]),
    ):
        assert client.get(url).status_code == 403
    response = client.post(
        reverse("land:requirements_update", args=[kreise.pk]),
        form_data(kreise, review_interval_years="9"),
    )
    assert response.status_code == 403
    kreise.refresh_from_db()
    assert kreise.review_interval_years == 3


def test_every_shipped_default_shows_its_source(client, district, ki_lead, land_user):
    client.force_login(ki_lead)
    page = text(
        client.get(
            reverse("workspace:land_requirements_update", args=[district.slug])
        ).content.decode()
    )
    shipped = the_2012_set()
    for label in (
        "geforderte Stellen Lehrkräfte 2,0 VZÄ",
        "höchstens Stellen pädagogische Fachkräfte 2,0 VZÄ",
        "höchstens Stellen Verwaltungsfachkraft 1,0 VZÄ",
        "höchstens Stellen Assistenzkraft 0,5 VZÄ",
    ):
        assert f"{label} Quelle: Eckpunktepapier 2012: {shipped.staffing_source}" in page
    assert f"3 Jahre Quelle: Eckpunktepapier 2012: {shipped.review_interval_source}" in page
    assert f"2 Jahre Quelle: Eckpunktepapier 2012: {shipped.work_period_source}" in page
    assert "„auf 2 Vollzeitstellen jeweils mindestens 2 vom Land frei gestellte" in page
    client.force_login(land_user)
    listing = text(client.get(reverse("land:requirements")).content.decode())
    assert listing.count("Stand: 29.02.2012") >= 2  # both variants name their source


def test_former_values_of_a_district_are_shown_not_applied(client, district, ki_lead):
    requirements = district.land_requirements
    requirements.former_values = {"review_interval_years": "5", "guideline": "FRL 2018"}
    requirements.save()
    client.force_login(ki_lead)
    page = text(
        client.get(
            reverse("workspace:land_requirements_update", args=[district.slug])
        ).content.decode()
    )
    assert "Früher vom Kreis selbst eingetragene Werte" in page
    assert "Konzept höchstens so viele Jahre alt 5" in page and "Förderrichtlinie FRL 2018" in page
    adopt(district, D(2020, 1, 1))
    assert not age_rule(district, D(2024, 6, 1)).passed  # the Land's 3 years, not the 5
    # The Land sees which District had its own numbers.
    land = factories.UserFactory(is_land=True)
    client.force_login(land)
    listing = text(client.get(reverse("land:requirements")).content.decode())
    assert (
        "Kreis Beispiel: Konzept höchstens so viele Jahre alt: 5; Förderrichtlinie: FRL 2018"
        in listing
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_keeps_a_districts_own_numbers_as_former_values():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        executor.loader.build_graph()
        return executor.loader.project_state(targets).apps

    apps = migrate([("districts", "0007_inforce_sources_and_staff_funding")])
    District = apps.get_model("districts", "District")
    Requirements = apps.get_model("districts", "LandRequirements")
    default = District.objects.create(name="Kreis A", slug="kreis-a", official_key="05990011")
    own = District.objects.create(name="Kreis B", slug="kreis-b", official_key="05990012")
    Requirements.objects.create(district=default)
    Requirements.objects.create(
        district=own,
        review_interval_years=5,
        teacher_fte_required=Decimal("2.5"),
        guideline="Förderrichtlinie 2018",
        submission_deadline=D(2027, 6, 30),
    )

    apps = migrate([("districts", "0010_land_requirements_numbers_removed")])
    Requirements = apps.get_model("districts", "LandRequirements")
    rows = {
        r.district.slug: r for r in Requirements.objects.filter(district__slug__startswith="kreis-")
    }
    assert rows["kreis-a"].former_values == {}
    assert rows["kreis-b"].former_values == {
        "review_interval_years": "5",
        "teacher_fte_required": "2.50",
        "guideline": "Förderrichtlinie 2018",
    }
    assert rows["kreis-b"].submission_deadline == D(2027, 6, 30)
    sets = apps.get_model("districts", "RequirementSet").objects.values_list("variant", flat=True)
    assert sorted(sets) == ["kreis", "kreisfreie_stadt"]

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
