"""The staffing plan against the Land's requirements (Eckpunktepapier, seed 002)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from districts.models import StaffPost
from tests import factories

pytestmark = pytest.mark.django_db

P = StaffPost.Profession


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def staffing(client, user, district) -> str:
    client.force_login(user)
    response = client.get(reverse("workspace:staffing", args=[district.slug]))
    assert response.status_code == 200
    return text(response.content.decode())


def post_data(**overrides) -> dict:
    data = {
        "title": "Pädagogische Fachkraft Sprachbildung",
        "holder": "Leyla Kaya",
        "profession": P.EDUCATION,
        "fte": "0,5",
        "employer": StaffPost.Employer.KREIS,
        "funding": StaffPost.Funding.LAND,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not False}


# --- totals and rules -----------------------------------------------------------------------


def test_totals_per_profession_are_compared_with_the_land_requirements(client, district, ki_staff):
    # Seed 002 defaults: 2 teacher posts; at most 2 / 1 / 0.5 municipal posts.
    factories.StaffPostFactory(district=district, title="Lehrkraft A", holder="Anna Becker")
    factories.StaffPostFactory(district=district, title="Lehrkraft B", fte=Decimal("0.5"))
    for title in ("Fachkraft A", "Fachkraft B"):
        factories.StaffPostFactory(
            district=district, title=title, profession=P.EDUCATION, employer="kreis"
        )
    factories.StaffPostFactory(
        district=district, title="Assistenz", profession=P.ASSISTANCE, fte=Decimal("0.75")
    )
    html = staffing(client, ki_staff, district)
    assert "Lehrkraft A Anna Becker Lehrkraft 1,0 Land" in html
    assert "Lehrkraft B unbesetzt Lehrkraft 0,5" in html
    assert "Assistenz unbesetzt Assistenzkraft 0,75" in html
    assert "Lehrkraft 1,5 mindestens 2,0 VZÄ nicht erfüllt" in html
    assert "Außerschulische pädagogische Fachkraft 2,0 höchstens 2,0 VZÄ erfüllt" in html
    assert "Verwaltungsfachkraft 0,0 höchstens 1,0 VZÄ erfüllt" in html
    assert "Assistenzkraft 0,75 höchstens 0,5 VZÄ nicht erfüllt" in html
    assert "kommunale Stellen insgesamt 2,75 höchstens 3,5 VZÄ erfüllt" in html


def test_head_and_deputy_of_the_same_profession_get_a_note(client, district, ki_staff):
    factories.StaffPostFactory(district=district, title="Leitung", is_head=True)
    factories.StaffPostFactory(district=district, title="Vertretung", is_deputy=True)
    html = staffing(client, ki_staff, district)
    assert "gehören beide der Profession „Lehrkraft“ an" in html
    assert "muss die Stellvertretung einer anderen Profession angehören" in html


def test_head_and_deputy_of_different_professions_are_fine(client, district, ki_staff):
    factories.StaffPostFactory(district=district, title="Leitung", is_head=True)
    factories.StaffPostFactory(
        district=district, title="Vertretung", profession=P.EDUCATION, is_deputy=True
    )
    html = staffing(client, ki_staff, district)
    assert "gehören beide" not in html
    assert "Leitung und Stellvertretung gehören verschiedenen Professionen an" in html


def test_other_districts_posts_are_not_listed(client, district, ki_staff):
    factories.StaffPostFactory(title="Fremde Stelle")
    assert "Fremde Stelle" not in staffing(client, ki_staff, district)


def test_council_and_liaison_cannot_see_the_staffing_plan(
    client, district, council_member, liaison
):
    for user in (council_member, liaison):
        client.force_login(user)
        assert client.get(reverse("workspace:staffing", args=[district.slug])).status_code == 403


def test_only_editors_see_edit_buttons(client, district, ki_lead):
    factories.StaffPostFactory(district=district)
    html = staffing(client, ki_lead, district)
    assert "Neue Stelle" in html and "Anforderungen und Frist beim Land" in html


# --- the post form --------------------------------------------------------------------------


def test_create_a_post_with_german_fte(client, district, ki_staff):
    client.force_login(ki_staff)
    response = client.post(reverse("workspace:staff_create", args=[district.slug]), post_data())
    assert response.status_code == 302
    post = district.staff_posts.get()
    assert post.fte == Decimal("0.5")
    assert post.holder == "Leyla Kaya"
    html = text(client.get(response["Location"]).content.decode())
    assert "Stelle gespeichert." in html
    assert "Pädagogische Fachkraft Sprachbildung Leyla Kaya" in html


@pytest.mark.parametrize(
    ("fte", "message"),
    [
        ("1,5", "Eine Stelle umfasst mehr als 0 und höchstens 1,0 VZÄ"),
        ("0", "Eine Stelle umfasst mehr als 0 und höchstens 1,0 VZÄ"),
        ("-0,5", "Eine Stelle umfasst mehr als 0 und höchstens 1,0 VZÄ"),
        ("0,01", "mindestens 0,05 VZÄ"),
        ("viel", "Zahl"),
    ],
)
def test_fte_outside_0_to_1_is_a_german_field_error(client, district, ki_staff, fte, message):
    client.force_login(ki_staff)
    response = client.post(
        reverse("workspace:staff_create", args=[district.slug]), post_data(fte=fte)
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["fte"])
    assert message in response.content.decode()
    assert not district.staff_posts.exists()


def test_head_and_deputy_at_once_is_refused(client, district, ki_staff):
    client.force_login(ki_staff)
    response = client.post(
        reverse("workspace:staff_create", args=[district.slug]),
        post_data(is_head="on", is_deputy="on"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["is_deputy"] == [
        "Leitung und Stellvertretung sind zwei verschiedene Stellen."
    ]
    assert not district.staff_posts.exists()


def test_a_second_head_or_deputy_is_refused(client, district, ki_staff):
    factories.StaffPostFactory(district=district, title="Leitung", is_head=True)
    factories.StaffPostFactory(district=district, title="Vertretung", is_deputy=True)
    client.force_login(ki_staff)
    url = reverse("workspace:staff_create", args=[district.slug])
    response = client.post(url, post_data(is_head="on"))
    assert "Es gibt bereits eine Leitungsstelle" in response.content.decode()
    response = client.post(url, post_data(is_deputy="on"))
    assert "Es gibt bereits eine Stellvertretung" in response.content.decode()
    assert district.staff_posts.count() == 2


def test_the_head_may_be_edited_without_tripping_over_itself(client, district, ki_staff):
    head = factories.StaffPostFactory(district=district, title="Leitung", is_head=True)
    client.force_login(ki_staff)
    response = client.post(
        reverse("workspace:staff_update", args=[district.slug, head.pk]),
        post_data(title="Leitung des KI", profession=P.TEACHER, fte="1,0", is_head="on"),
    )
    assert response.status_code == 302
    head.refresh_from_db()
    assert head.title == "Leitung des KI" and head.is_head


def test_a_head_of_another_district_does_not_count(client, district, ki_staff):
    factories.StaffPostFactory(is_head=True)
    client.force_login(ki_staff)
    response = client.post(
        reverse("workspace:staff_create", args=[district.slug]), post_data(is_head="on")
    )
    assert response.status_code == 302
    assert district.staff_posts.get().is_head


def test_delete_a_post(client, district, ki_staff):
    post = factories.StaffPostFactory(district=district, title="Befristete Stelle")
    client.force_login(ki_staff)
    url = reverse("workspace:staff_delete", args=[district.slug, post.pk])
    assert "Befristete Stelle" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not district.staff_posts.exists()


# --- the Land's requirements ----------------------------------------------------------------


def test_the_land_changes_its_set_and_the_comparison_follows(client, district, ki_lead):
    # Issue 17: the numbers are the Land's; the KI-Leitung enters only the deadline.
    factories.StaffPostFactory(district=district, fte=Decimal("1.0"))
    factories.StaffPostFactory(district=district, fte=Decimal("1.0"))
    factories.land_set(district, name="Förderrichtlinie 2025", teacher_fte_required=Decimal("2.5"))
    client.force_login(ki_lead)
    response = client.post(
        reverse("workspace:land_requirements_update", args=[district.slug]),
        {"submission_deadline": "2027-06-30"},
    )
    assert response.status_code == 302
    district.land_requirements.refresh_from_db()
    assert district.land_requirements.submission_deadline == datetime.date(2027, 6, 30)
    html = staffing(client, ki_lead, district)
    assert "Förderrichtlinie 2025" in html
    assert "Lehrkraft 2,0 mindestens 2,5 VZÄ nicht erfüllt" in html
    assert "30.06.2027" in html


def test_the_ki_lead_cannot_change_the_lands_numbers(client, district, ki_lead):
    client.force_login(ki_lead)
    url = reverse("workspace:land_requirements_update", args=[district.slug])
    form = client.get(url).context["form"]
    assert list(form.fields) == ["submission_deadline", "seen_modified"]
    response = client.post(url, {"work_period_years": "1", "teacher_fte_required": "0"})
    assert response.status_code == 302
    requirement_set = factories.land_set(district)
    assert (requirement_set.work_period_years, requirement_set.teacher_fte_required) == (
        2,
        Decimal("2.00"),
    )


def test_council_cannot_edit_the_land_requirements(client, district, council_member):
    client.force_login(council_member)
    url = reverse("workspace:land_requirements_update", args=[district.slug])
    assert client.post(url, {"work_period_years": "1"}).status_code == 403


# --- employer and funding (issue 14) ----------------------------------------------------------


def test_employer_and_funding_are_shown_apart_and_only_land_funded_posts_count(
    client, district, ki_staff
):
    for title in ("Fachkraft A", "Fachkraft B"):
        factories.StaffPostFactory(
            district=district, title=title, profession=P.EDUCATION, employer="kreis"
        )
    factories.StaffPostFactory(
        district=district,
        title="Fachkraft KOMM-AN",
        profession=P.EDUCATION,
        employer=StaffPost.Employer.OTHER,
        employer_name="Caritasverband",
        funding=StaffPost.Funding.PROGRAMME,
    )
    factories.StaffPostFactory(
        district=district,
        title="Fachkraft Eigenmittel",
        profession=P.EDUCATION,
        employer="kreis",
        funding=StaffPost.Funding.OWN,
        fte=Decimal("0.5"),
    )
    html = staffing(client, ki_staff, district)
    assert "Lehrkraft 0 Land" not in html
    assert (
        "Fachkraft A unbesetzt Außerschulische pädagogische Fachkraft 1,0 Kreis vom Land gefördert"
        in html
    )
    assert (
        "Fachkraft KOMM-AN unbesetzt Außerschulische pädagogische Fachkraft 1,0 Caritasverband anderes Förderprogramm"
        in html
    )
    assert (
        "Fachkraft Eigenmittel unbesetzt Außerschulische pädagogische Fachkraft 0,5 Kreis Eigenmittel"
        in html
    )
    # 2,0 Land-funded of 3,5 in all: the cap of 2,0 holds.
    assert "insgesamt 3,5" in html
    assert "Außerschulische pädagogische Fachkraft 2,0 höchstens 2,0 VZÄ erfüllt" in html
    assert "Nicht vom Land gefördert: 1,5 VZÄ – sie zählen hier nicht mit." in html


def test_the_post_form_records_employer_and_funding(client, district, ki_staff):
    client.force_login(ki_staff)
    data = post_data(
        employer=StaffPost.Employer.OTHER,
        employer_name="Diakonie",
        funding=StaffPost.Funding.OWN,
    )
    response = client.post(reverse("workspace:staff_create", args=[district.slug]), data)
    assert response.status_code == 302
    post = district.staff_posts.get()
    assert (post.employer, post.employer_name, post.funding) == ("andere", "Diakonie", "eigen")


def test_a_post_without_funding_is_refused_with_a_german_message(client, district, ki_staff):
    client.force_login(ki_staff)
    data = post_data(funding="irgendwas")
    response = client.post(reverse("workspace:staff_create", args=[district.slug]), data)
    assert response.status_code == 200
    assert "funding" in response.context["form"].errors
    message = response.context["form"].errors["funding"][0]
    assert "gültige" in message, message
    assert message in response.content.decode()
    assert not district.staff_posts.exists()


def test_each_requirement_names_the_source_of_its_default(client, district, ki_staff):
    html = staffing(client, ki_staff, district)
    assert (
        "Konzept höchstens so alt 3 Jahre Quelle: Eckpunktepapier 2012: Landesweite "
        "Koordinierungsstelle (LaKI)" in html
    )
    assert "MBl. NRW. 2012 Nr. 19" in html and "nicht älter als 3 Jahre" in html
    assert "geforderte Stellen Lehrkräfte 2,0 VZÄ Quelle: Eckpunktepapier 2012: Eckpunkte" in html
    assert "(Stand: 29.02.2012)" in html
    assert "Frist für die Vorlage beim Land keine eingetragen Die Frist, die die" in html

    factories.land_set(district, review_interval_years=5, review_interval_source="Erlass X")
    html = staffing(client, ki_staff, district)
    assert "Konzept höchstens so alt 5 Jahre Quelle: Eckpunktepapier 2012: Erlass X" in html


def test_the_requirements_page_names_each_values_source(client, district, ki_lead):
    client.force_login(ki_lead)
    response = client.get(reverse("workspace:land_requirements_update", args=[district.slug]))
    html = text(response.content.decode())
    assert "Eckpunktepapier 2012 für Kreise, ab 29.02.2012." in html
    assert "Konzept höchstens so alt 3 Jahre Quelle: Eckpunktepapier 2012: Landesweite" in html
    assert "Assistenzkraft 0,5 VZÄ Quelle: Eckpunktepapier 2012: Eckpunktepapier" in html
    assert "(Stand: 29.02.2012)" in html
    assert (
        "Dauer einer Arbeitsperiode 2 Jahre Quelle: Eckpunktepapier 2012: Integrationskonzept"
        in html
    )
