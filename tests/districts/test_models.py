"""Districts, municipalities, the Land's requirements and the staffing plan."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from concepts.models import Concept
from core.text import german_slugify
from districts.models import RESERVED_SLUGS, District, LandRequirements, Municipality
from tests import factories

pytestmark = pytest.mark.django_db


def mettmann() -> District:
    return District.objects.get(slug="kreis-mettmann")


# --- District -------------------------------------------------------------------------------


def test_all_54_ki_bodies_of_nrw_exist_after_migrations():
    # DOMAIN.md: all 54 Kreise and kreisfreie Städte run a KI — 31 Kreise incl. StädteRegion
    # Aachen, 22 kreisfreie Städte, plus the Stadt Aachen inside the StädteRegion.
    assert District.objects.count() == 54
    assert District.objects.filter(kind=District.Kind.KREIS).count() == 31
    assert District.objects.filter(kind=District.Kind.KREISFREIE_STADT).count() == 22
    assert District.objects.filter(kind=District.Kind.REGIONSSTADT).count() == 1


@pytest.mark.parametrize(
    ("slug", "key"),
    [
        ("maerkischer-kreis", "05962"),
        ("kreis-mettmann", "05158"),
        ("rhein-erft-kreis", "05362"),
        ("kreis-coesfeld", "05558"),
    ],
)
def test_districts_of_the_seeds_have_german_slugs_and_their_ags_prefix(slug, key):
    # Seeds 000 (Märkischer Kreis), 001 (Mettmann), 003 (Rhein-Erft-Kreis), 004 (Coesfeld).
    district = District.objects.get(slug=slug)
    assert district.official_key == key
    assert district.ags_prefix == key


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_reserved_slug_is_refused_by_full_clean_in_german(slug):
    # A District at /admin/ or /oeffentlich/ would shadow the site's own addresses.
    district = District(name="Kreis Neu", official_key="05999", slug=slug)
    with pytest.raises(ValidationError) as exc:
        district.full_clean()
    assert "nicht erlaubt" in " ".join(exc.value.message_dict["slug"])


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_reserved_slug_is_refused_by_the_database(slug):
    with pytest.raises(IntegrityError), transaction.atomic():
        District.objects.create(name="Kreis Neu", official_key="05999", slug=slug)


def test_official_key_is_unique():
    # The Kreisschlüssel identifies the body; two Districts cannot share it.
    duplicate = District(name="Zweiter Märkischer Kreis", official_key="05962", slug="mk-2")
    with pytest.raises(ValidationError) as exc:
        duplicate.full_clean()
    assert "official_key" in exc.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_official_key_must_look_like_an_nrw_key():
    district = District(name="Kreis Irgendwo", official_key="09162", slug="irgendwo")
    with pytest.raises(ValidationError) as exc:
        district.full_clean()
    assert "beginnt in NRW mit 05" in " ".join(exc.value.message_dict["official_key"])


# --- LandRequirements ----------------------------------------------------------------------


def test_new_district_gets_the_seeds_default_requirements_and_a_concept():
    # Eckpunktepapier (seed 002): 2 teacher posts, up to 3.5 municipal posts
    # (2 pädagogische Fachkräfte, 1 Verwaltung, 0.5 Assistenz); seed 000: two-year periods.
    district = factories.DistrictFactory(name="Kreis Neuland")
    requirements = LandRequirements.objects.get(district=district)
    assert requirements.teacher_fte_required == Decimal("2.00")
    assert requirements.max_fte_education == Decimal("2.00")
    assert requirements.max_fte_administration == Decimal("1.00")
    assert requirements.max_fte_assistance == Decimal("0.50")
    assert requirements.max_municipal_fte == Decimal("3.50")
    assert requirements.work_period_years == 2
    assert Concept.objects.get(district=district).title == "Integrationskonzept Kreis Neuland"


def test_every_migrated_district_has_requirements_and_a_concept():
    # TIntG NRW § 8: every KI body needs an Integrationskonzept.
    assert LandRequirements.objects.count() == 54
    assert Concept.objects.count() == 54


# --- Municipality --------------------------------------------------------------------------


@pytest.mark.parametrize("ags", ["0515801", "05158abc", "051580160"])
def test_ags_has_exactly_eight_digits(ags):
    # The Amtlicher Gemeindeschlüssel is 8 digits (DOMAIN.md).
    municipality = Municipality(district=mettmann(), name="Hilden", slug="hilden", ags=ags)
    with pytest.raises(ValidationError) as exc:
        municipality.full_clean()
    assert "genau 8 Ziffern" in " ".join(exc.value.message_dict["ags"])


def test_ags_must_start_with_the_districts_prefix():
    # DOMAIN.md: the 8-digit AGS of a municipality starts with its Kreis's prefix (Mettmann 05158).
    municipality = Municipality(district=mettmann(), name="Hilden", slug="hilden", ags="05962024")
    with pytest.raises(ValidationError) as exc:
        municipality.full_clean()
    assert "05158" in " ".join(exc.value.message_dict["ags"])


def test_real_ags_of_hilden_is_accepted():
    # DOMAIN.md: Hilden is 05158016.
    Municipality(district=mettmann(), name="Hilden", slug="hilden", ags="05158016").full_clean()


def test_ags_is_unique():
    factories.MunicipalityFactory(district=mettmann(), name="Hilden", ags="05158016")
    duplicate = Municipality(district=mettmann(), name="Haan", slug="haan", ags="05158016")
    with pytest.raises(ValidationError) as exc:
        duplicate.full_clean()
    assert "bereits einer anderen Kommune" in str(exc.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_many_municipalities_may_have_an_unknown_empty_ags():
    # DOMAIN.md: never invent the last three digits — leave the AGS empty where it is unknown.
    factories.MunicipalityFactory(district=mettmann(), name="Erkrath", ags="")
    second = Municipality(district=mettmann(), name="Haan", slug="haan", ags="")
    second.full_clean()
    second.save()
    assert Municipality.objects.filter(district=mettmann(), ags="").count() == 2


def test_municipality_slug_spells_umlauts_the_german_way():
    # Märkischer Kreis (seed 000): Lüdenscheid.
    district = District.objects.get(slug="maerkischer-kreis")
    assert factories.MunicipalityFactory(district=district, name="Lüdenscheid").slug == (
        "luedenscheid"
    )


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Märkischer Kreis", "maerkischer-kreis"),
        ("Schalksmühle", "schalksmuehle"),
        ("Übach-Palenberg", "uebach-palenberg"),
        ("Hürth", "huerth"),
        ("Weißenfels", "weissenfels"),
        ("Höxter", "hoexter"),
    ],
)
def test_german_slugify(name, slug):
    assert german_slugify(name) == slug


# --- StaffPost -----------------------------------------------------------------------------


def test_a_post_has_at_most_one_full_time_equivalent():
    # Eckpunktepapier (seed 002) counts posts in Vollzeitäquivalenten; one post is at most 1.0.
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.StaffPostFactory(fte=Decimal("1.50"))


def test_a_district_has_only_one_head():
    # Eckpunktepapier (seed 002): the head holds one of the posts — one head per KI.
    district = factories.DistrictFactory()
    factories.StaffPostFactory(district=district, is_head=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.StaffPostFactory(district=district, is_head=True)


def test_heads_of_two_districts_do_not_collide():
    factories.StaffPostFactory(is_head=True)
    factories.StaffPostFactory(is_head=True)
