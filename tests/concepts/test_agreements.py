"""Issue 18, point 2: the Einvernehmen of the kreisangehörige municipalities with a Fassung.

Seed 002: the Kreistag adopts the concept "in Abstimmung mit den betroffenen kreisangehörigen
Gemeinden". Three municipalities agree, one does not, one has not answered: the checklist names
the missing and the refusing one, the Fassung's page and the dashboard count them, the
prefilled Vorlage states them.
"""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from concepts.models import ConceptVersion, MunicipalAgreement
from papers.prefill import paper_from_version
from tests import factories
from workspace.compliance import checklist

pytestmark = pytest.mark.django_db

AGREED = MunicipalAgreement.Decision.AGREED
WITH_NOTES = MunicipalAgreement.Decision.AGREED_WITH_NOTES
REFUSED = MunicipalAgreement.Decision.REFUSED


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def towns(district):
    return {
        name: factories.MunicipalityFactory(district=district, name=name)
        for name in ("Erkrath", "Haan", "Hilden", "Mettmann", "Velbert")
    }


@pytest.fixture
def draft(district):
    return factories.ConceptVersionFactory(
        concept=district.concept,
        number=2,
        title="Integrationskonzept 2027",
        status=ConceptVersion.Status.IN_CONSULTATION,
    )


def agree(version, municipality, decision=AGREED, **kwargs):
    defaults = {"body": "Rat der Stadt", "decided_on": datetime.date(2026, 11, 12), "notes": ""}
    if decision != AGREED:
        defaults["notes"] = "Sprachkurse auch in Gruiten anbieten."
    return MunicipalAgreement.objects.create(
        version=version, municipality=municipality, decision=decision, **{**defaults, **kwargs}
    )


def hilden_liaison(district, towns):
    return factories.MembershipFactory(
        district=district, role=Role.LIAISON, municipality=towns["Hilden"]
    ).user


def list_url(district, version):
    return reverse("concepts:agreements", args=[district.slug, version.pk])


def edit_url(district, version, municipality):
    return reverse("concepts:agreement_edit", args=[district.slug, version.pk, municipality.pk])


def form(decision=AGREED, **kwargs):
    return {
        "decision": decision,
        "body": "Rat der Stadt",
        "decided_on": "12.11.2026",
        "notes": "",
        **kwargs,
    }


def test_three_agree_one_refuses_one_missing_the_checklist_names_them(district, towns, draft):
    agree(draft, towns["Erkrath"])
    agree(draft, towns["Haan"], WITH_NOTES)
    agree(draft, towns["Hilden"])
    agree(draft, towns["Mettmann"], REFUSED, body="Haupt- und Finanzausschuss")
    rule = {r.code: r for r in checklist(district, today=datetime.date(2026, 12, 6))}[
        "einvernehmen"
    ]
    assert not rule.passed
    assert [f.label for f in rule.failures] == [
        "Velbert: kein Einvernehmen erfasst (Integrationskonzept 2027)",
        "Mettmann: nicht zugestimmt (Integrationskonzept 2027)",
    ]
    assert all(f.url == list_url(district, draft) for f in rule.failures)

    agree(draft, towns["Velbert"])
    MunicipalAgreement.objects.filter(municipality=towns["Mettmann"]).update(decision=AGREED)
    rule = {r.code: r for r in checklist(district)}["einvernehmen"]
    assert rule.passed


def test_a_kreisfreie_stadt_has_nobody_to_agree(district, draft):
    rule = {r.code: r for r in checklist(district)}["einvernehmen"]
    assert rule.passed


def test_the_pages_show_who_agreed(client, district, towns, draft, ki_staff):
    agree(draft, towns["Erkrath"])
    agree(draft, towns["Haan"], WITH_NOTES)
    agree(draft, towns["Hilden"])
    agree(draft, towns["Mettmann"], REFUSED)
    client.force_login(ki_staff)
    listing = text(client.get(list_url(district, draft)).content.decode())
    assert "3 von 5 Kommunen zugestimmt, 1 nicht, 1 ausstehend." in listing
    assert "Velbert ausstehend" in listing
    assert "Haan zugestimmt mit Hinweisen Rat der Stadt 12.11.2026" in listing
    version_page = text(
        client.get(
            reverse("concepts:version_detail", args=[district.slug, draft.pk])
        ).content.decode()
    )
    assert "Einvernehmen der Kommunen 3 von 5 Kommunen zugestimmt, 1 nicht, 1 ausstehend." in (
        version_page
    )
    dashboard = text(client.get(reverse("workspace:home", args=[district.slug])).content.decode())
    assert "Einvernehmen der Kommunen: 3 von 5 Kommunen zugestimmt, 1 nicht, 1 ausstehend" in (
        dashboard
    )


def test_the_prefilled_vorlage_states_the_agreement(district, towns, draft, ki_staff):
    agree(draft, towns["Erkrath"])
    agree(draft, towns["Haan"], WITH_NOTES, decided_on=datetime.date(2026, 2, 28))
    agree(draft, towns["Hilden"])
    agree(draft, towns["Mettmann"], REFUSED, body="Haupt- und Finanzausschuss")
    paper, notes = paper_from_version(
        district=district, version=draft, user=ki_staff, today=datetime.date(2026, 12, 6)
    )
    facts = paper.facts
    assert "**Einvernehmen der kreisangehörigen Kommunen**" in facts
    assert (
        "Ihr Einvernehmen erklärt haben 3 von 5 kreisangehörigen Kommunen: Erkrath (Rat der "
        "Stadt, 12.11.2026); Haan (Rat der Stadt, 28.02.2026 mit Hinweisen); Hilden (Rat der "
        "Stadt, 12.11.2026)."
    ) in facts
    assert "Nicht zugestimmt haben: Mettmann (Haupt- und Finanzausschuss, 12.11.2026)." in facts
    assert "Noch ausstehend ist das Einvernehmen von: Velbert." in facts
    assert any("Noch nicht alle kreisangehörigen Kommunen" in note for note in notes)


def test_when_all_agreed_the_vorlage_says_so(district, towns, draft, ki_staff):
    for town in towns.values():
        agree(draft, town)
    paper, notes = paper_from_version(district=district, version=draft, user=ki_staff)
    assert "Alle kreisangehörigen Kommunen haben ihr Einvernehmen erklärt: Erkrath" in paper.facts
    assert not any("Einvernehmen" in note for note in notes)


def test_the_liaison_records_for_their_own_municipality_only(client, district, towns, draft):
    client.force_login(hilden_liaison(district, towns))
    # A Fassung "in Abstimmung" is open to the municipalities' liaisons.
    assert client.get(list_url(district, draft)).status_code == 200
    response = client.post(edit_url(district, draft, towns["Hilden"]), form(), follow=True)
    assert "Einvernehmen von Hilden gespeichert: zugestimmt." in text(response.content.decode())
    agreement = MunicipalAgreement.objects.get(municipality=towns["Hilden"])
    assert not agreement.on_paper and agreement.decided_on == datetime.date(2026, 11, 12)
    # Another municipality's entry does not exist for them.
    assert client.get(edit_url(district, draft, towns["Haan"])).status_code == 404
    assert client.post(edit_url(district, draft, towns["Haan"]), form()).status_code == 404
    assert not MunicipalAgreement.objects.filter(municipality=towns["Haan"]).exists()


def test_a_draft_not_yet_in_abstimmung_stays_hidden_from_liaisons(client, district, towns):
    draft = factories.ConceptVersionFactory(concept=district.concept, number=3)
    client.force_login(hilden_liaison(district, towns))
    assert client.get(list_url(district, draft)).status_code == 404


def test_the_ki_records_a_paper_answer_and_may_delete_it(client, district, towns, draft, ki_staff):
    client.force_login(ki_staff)
    client.post(edit_url(district, draft, towns["Haan"]), form(REFUSED, notes="Keine Mittel."))
    agreement = MunicipalAgreement.objects.get(municipality=towns["Haan"])
    assert agreement.on_paper and agreement.entered_by == ki_staff
    delete = reverse("concepts:agreement_delete", args=[district.slug, draft.pk, towns["Haan"].pk])
    assert "wieder als ausstehend" in text(client.get(delete).content.decode())
    client.post(delete)
    assert not MunicipalAgreement.objects.exists()


def test_after_the_adoption_only_the_ki_records(client, district, towns, draft, ki_staff):
    draft.status = ConceptVersion.Status.ADOPTED
    draft.decided_on = datetime.date(2026, 12, 1)
    draft.save()
    client.force_login(hilden_liaison(district, towns))
    assert client.post(edit_url(district, draft, towns["Hilden"]), form()).status_code == 403
    client.force_login(ki_staff)
    assert client.post(edit_url(district, draft, towns["Hilden"]), form()).status_code == 302
    assert MunicipalAgreement.objects.get().on_paper


@pytest.mark.parametrize(
    "data, field, message",
    [
        (form(WITH_NOTES), "notes", "Bitte geben Sie die Hinweise oder Gründe der Kommune an"),
        (form(REFUSED), "notes", "Bitte geben Sie die Hinweise oder Gründe der Kommune an"),
        (form(decided_on="31.12.2099"), "decided_on", "Das Datum liegt in der Zukunft"),
        (form(decided_on="30.02.2026"), "decided_on", "Bitte ein gültiges Datum eingeben"),
        (form(decision="vielleicht"), "decision", "Bitte eine gültige Auswahl treffen"),
        (form(body="   "), "body", "Dieses Feld ist zwingend erforderlich"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(
    client, district, towns, draft, ki_staff, data, field, message
):
    client.force_login(ki_staff)
    response = client.post(edit_url(district, draft, towns["Erkrath"]), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not MunicipalAgreement.objects.exists()


def test_today_counts_tomorrow_does_not(client, district, towns, draft, ki_staff):
    client.force_login(ki_staff)
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    refused = client.post(
        edit_url(district, draft, towns["Erkrath"]), form(decided_on=f"{tomorrow:%d.%m.%Y}")
    )
    assert refused.status_code == 200 and not MunicipalAgreement.objects.exists()
    client.post(edit_url(district, draft, towns["Erkrath"]), form(decided_on=f"{today:%d.%m.%Y}"))
    assert MunicipalAgreement.objects.get().decided_on == today


def test_the_decision_document_must_be_a_pdf(client, district, towns, draft, ki_staff):
    client.force_login(ki_staff)
    fake = SimpleUploadedFile("beschluss.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(edit_url(district, draft, towns["Erkrath"]), form(document=fake))
    assert "Der Inhalt der Datei ist kein PDF" in response.content.decode()
    assert not MunicipalAgreement.objects.exists()
    pdf = SimpleUploadedFile("beschluss.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client.post(edit_url(district, draft, towns["Erkrath"]), form(document=pdf))
    url = reverse(
        "concepts:agreement_document", args=[district.slug, draft.pk, towns["Erkrath"].pk]
    )
    served = client.get(url)
    assert served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content).startswith(b"%PDF-1.4")


def test_the_list_takes_the_same_queries_for_many_municipalities(
    client, district, towns, draft, ki_staff, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(ki_staff)
    for town in list(towns.values())[:2]:
        agree(draft, town)
    client.get(list_url(district, draft))
    with CaptureQueriesContext(connection) as few:
        client.get(list_url(district, draft))
    for i in range(20):
        agree(draft, factories.MunicipalityFactory(district=district, name=f"Gemeinde {i:02d}"))
    with CaptureQueriesContext(connection) as many:
        assert client.get(list_url(district, draft)).status_code == 200
    assert len(many) == len(few)


def test_a_municipality_with_an_agreement_is_kept_its_district_goes_whole(district, towns, draft):
    from districts.models import District

    agree(draft, towns["Haan"])
    assert "1 Einvernehmen einer Kommune" in towns["Haan"].deletion_refusal()
    District.objects.filter(pk=district.pk).delete()
    assert not MunicipalAgreement.objects.exists()


def test_an_adopted_version_without_records_says_not_recorded_not_pending(
    client, district, towns, draft, ki_staff
):
    draft.status = ConceptVersion.Status.ADOPTED
    draft.decided_on = datetime.date(2015, 6, 22)
    draft.save()
    agree(draft, towns["Haan"], decided_on=datetime.date(2015, 5, 1))
    client.force_login(ki_staff)
    listing = text(client.get(list_url(district, draft)).content.decode())
    assert "1 von 5 Kommunen zugestimmt, 4 nicht erfasst." in listing
    assert "ausstehend" not in listing
