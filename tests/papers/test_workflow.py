"""Writing, releasing, revising and deciding a paper through the pages (issue 6)."""

import datetime

from django.urls import reverse

from concepts.models import ConceptVersion
from core.locking import CONFLICT_MESSAGE, SEEN_FIELD, stamp
from districts.models import District
from papers.models import Consultation, DecisionPaper, PaperStatus
from papers.services import suggest_reference
from tests import factories

# The release asks "Ich habe die Vorlage geprüft und gebe sie frei" (issue 14).
CONFIRM = {"confirm": "on"}


def form_data(paper=None, meetings=(), **overrides):
    data = {
        "paper_type": "beschlussvorlage",
        "decision_kind": "beschluss",
        "reference": "50/001/2026",
        "date": "2026-11-20",
        "is_public": "True",
        "department": "Sozialamt",
        "author_name": "Muster, Erika",
        "file_number": "KI-1",
        "subject": "Fortschreibung des Integrationskonzepts",
        "financial_impact": "nein",
        "personnel_impact": "ja",
        "personnel_note": "eine halbe Stelle",
        "organisational_impact": "offen",
        "proposal": "Das Integrationskonzept wird beschlossen.",
        "layout": "anlass",
        "occasion": "Die Fortschreibung liegt vor.",
        SEEN_FIELD: stamp(paper) if paper else "",
        "steps-TOTAL_FORMS": str(len(meetings) + 1),
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
    }
    for index, meeting in enumerate(meetings):
        last = index == len(meetings) - 1
        data[f"steps-{index}-meeting"] = str(meeting.pk)
        data[f"steps-{index}-role"] = "entscheidung" if last else "vorberatung"
        if last:
            data[f"steps-{index}-authoritative"] = "on"
    # The empty extra row as a browser sends it: its select shows the first role.
    data[f"steps-{len(meetings)}-role"] = "vorberatung"
    data.update(overrides)
    return data


def test_new_paper_suggests_the_next_number_in_the_districts_pattern(client, district, ki_staff):
    district.office_number = "50"
    district.save()
    factories.DecisionPaperFactory(district=district, reference="50/019/2026")
    factories.DecisionPaperFactory(district=district, reference="50/020/2026")
    factories.DecisionPaperFactory(district=district, reference="50/031/2025")
    assert suggest_reference(district, datetime.date(2026, 3, 1)) == "50/021/2026"
    assert suggest_reference(district, datetime.date(2027, 1, 5)) == "50/001/2027"
    client.force_login(ki_staff)
    page = client.get(reverse("papers:create", args=[district.slug])).content.decode()
    assert 'value="50/0' in page


def test_create_edit_and_the_beratungsfolge(client, district, ki_staff, path):
    client.force_login(ki_staff)
    response = client.post(reverse("papers:create", args=[district.slug]), form_data(meetings=path))
    assert response.status_code == 302, response.content.decode()[:3000]
    paper = DecisionPaper.objects.get(district=district)
    steps = list(paper.consultations.order_by("order"))
    assert [s.meeting.committee.name for s in steps] == [
        "Sozialausschuss",
        "Kreisausschuss",
        "Kreistag",
    ]
    assert [s.authoritative for s in steps] == [False, False, True]
    assert paper.personnel_impact == "ja" and paper.organisational_impact == "offen"

    page = client.get(reverse("papers:detail", args=[district.slug, paper.pk])).content
    assert "Kreisausschuss" in page.decode() and "eine halbe Stelle" in page.decode()


def test_bad_input_is_refused_next_to_the_field_and_nothing_saved(client, district, ki_staff, path):
    factories.DecisionPaperFactory(district=district, reference="50/001/2026")
    client.force_login(ki_staff)
    url = reverse("papers:create", args=[district.slug])
    response = client.post(url, form_data(meetings=path, subject="", date="31.02.2026"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Diese Vorlagen-Nr. ist in diesem Kreis schon vergeben." in page
    assert "Dieses Feld ist zwingend erforderlich." in page
    assert DecisionPaper.objects.filter(district=district).count() == 1

    backwards = form_data(meetings=list(reversed(path)), reference="50/002/2026")
    page = client.post(url, backwards).content.decode()
    assert "müssen zeitlich aufeinander folgen" in page
    assert DecisionPaper.objects.filter(district=district).count() == 1


def test_meeting_of_another_district_cannot_be_chosen(
    client, district, other_district, ki_staff, path
):
    foreign = factories.MeetingFactory(committee__district=other_district)
    client.force_login(ki_staff)
    response = client.post(
        reverse("papers:create", args=[district.slug]), form_data(meetings=[foreign])
    )
    assert response.status_code == 200
    assert not DecisionPaper.objects.filter(district=district).exists()


def test_two_people_saving_the_same_paper(client, district, ki_staff, path):
    paper = factories.DecisionPaperFactory(district=district, reference="50/001/2026")
    client.force_login(ki_staff)
    url = reverse("papers:update", args=[district.slug, paper.pk])
    first = form_data(paper, meetings=path, subject="Betreff von Anna")
    second = form_data(paper, meetings=path, subject="Betreff von Ben")
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    page = response.content.decode()
    assert response.status_code == 200
    assert CONFLICT_MESSAGE in page and "Inzwischen gespeicherte Fassung" in page
    assert "Betreff von Anna" in page and "Betreff von Ben" in page
    paper.refresh_from_db()
    assert paper.subject == "Betreff von Anna"


def test_release_freezes_the_paper_and_a_new_revision_keeps_the_released_pdf(
    client, district, ki_lead, path
):
    client.force_login(ki_lead)
    client.post(reverse("papers:create", args=[district.slug]), form_data(meetings=path))
    paper = DecisionPaper.objects.get(district=district)
    detail = reverse("papers:detail", args=[district.slug, paper.pk])

    response = client.post(reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM)
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.is_released and paper.released_by == ki_lead
    release = paper.releases.get()
    assert "freigegeben" in client.get(detail).content.decode()

    # Frozen: the edit page sends the editor back, a forged POST changes nothing.
    update = reverse("papers:update", args=[district.slug, paper.pk])
    assert client.get(update).status_code == 302
    client.post(update, form_data(paper, meetings=path, subject="Heimlich geändert"))
    paper.refresh_from_db()
    assert paper.subject == "Fortschreibung des Integrationskonzepts"

    released_pdf = client.get(reverse("papers:pdf", args=[district.slug, paper.pk])).content
    assert released_pdf == bytes(release.pdf)

    # A new revision: editable again, the released PDF stays what the council got.
    client.post(reverse("papers:new_revision", args=[district.slug, paper.pk]))
    paper.refresh_from_db()
    assert paper.revision == 2 and not paper.is_released
    response = client.post(update, form_data(paper, meetings=path, subject="Neuer Betreff"))
    assert response.status_code == 302
    assert client.get(reverse("papers:pdf", args=[district.slug, paper.pk])).content == released_pdf
    # The council still sees the released subject while revision 2 is in the works.
    listing = DecisionPaper.objects.released().get(pk=paper.pk)
    assert listing.released_subject == "Fortschreibung des Integrationskonzepts"

    response = client.post(
        reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM, follow=True
    )
    assert paper.releases.count() == 2, response.content.decode()[-4000:]
    newest = client.get(reverse("papers:pdf", args=[district.slug, paper.pk])).content
    assert newest != released_pdf
    first = client.get(reverse("papers:revision_pdf", args=[district.slug, paper.pk, 1]))
    assert first.content == released_pdf


def test_an_incomplete_paper_cannot_be_released(client, district, ki_lead):
    paper = factories.DecisionPaperFactory(district=district, proposal="")
    client.force_login(ki_lead)
    response = client.post(
        reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM, follow=True
    )
    page = response.content.decode()
    assert "Eine Beschlussvorlage braucht einen Beschlussvorschlag." in page
    assert "Die Beratungsfolge ist leer" in page
    paper.refresh_from_db()
    assert not paper.is_released and not paper.releases.exists()


def test_staff_may_prepare_but_only_the_lead_releases(client, district, ki_staff, path):
    paper = factories.released_paper(district)
    paper.releases.all().delete()
    paper.released_at = None
    paper.save()
    client.force_login(ki_staff)
    page = client.get(reverse("papers:detail", args=[district.slug, paper.pk])).content
    assert "Die Freigabe erteilt die KI-Leitung" in page.decode()
    assert (
        client.post(reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM).status_code
        == 403
    )


def test_recording_the_kreistag_decision_adopts_the_concept_version(client, district, ki_lead):
    version = factories.ConceptVersionFactory(concept=district.concept)
    paper = factories.released_paper(district, concept_version=version)
    steps = list(paper.consultations.order_by("order"))
    client.force_login(ki_lead)

    def record(step, **data):
        url = reverse("papers:result", args=[district.slug, paper.pk, step.pk])
        return client.post(url, {"meeting": step.meeting.pk, **data}, follow=True)

    record(steps[0], result="empfohlen", votes_yes="11", votes_no="2", votes_abstain="1")
    record(steps[1], result="empfohlen", votes_yes="15", votes_no="0")
    version.refresh_from_db()
    assert version.status == ConceptVersion.Status.DRAFT

    page = record(steps[2], result="einstimmig", votes_yes="54", votes_no="0").content.decode()
    version.refresh_from_db()
    assert version.status == ConceptVersion.Status.ADOPTED
    assert version.decided_on == steps[2].meeting.start.date()
    assert f"Fassung {version.number} des Integrationskonzepts ist jetzt beschlossen" in page
    assert "Ja 54, Nein 0, Enthaltungen 0" in page
    assert DecisionPaper.objects.with_status(PaperStatus.DECIDED).filter(pk=paper.pk).exists()
    # The frozen content did not move.
    assert paper.releases.count() == 1


def test_result_needs_a_release_and_sensible_votes(client, district, ki_lead):
    draft = factories.DecisionPaperFactory(district=district)
    step = factories.ConsultationFactory(paper=draft, authoritative=True)
    client.force_login(ki_lead)
    url = reverse("papers:result", args=[district.slug, draft.pk, step.pk])
    page = client.post(url, {"result": "einstimmig", "meeting": step.meeting.pk}).content.decode()
    assert "erst erfasst werden, wenn die Vorlage freigegeben ist" in page
    step.refresh_from_db()
    assert step.result == ""

    paper = factories.released_paper(district)
    step = paper.consultations.last()
    url = reverse("papers:result", args=[district.slug, paper.pk, step.pk])
    meeting = step.meeting.pk
    page = client.post(
        url, {"result": "einstimmig", "votes_no": "3", "meeting": meeting}
    ).content.decode()
    assert "Einstimmig beschlossen heißt: keine Nein-Stimmen." in page
    page = client.post(
        url, {"result": "einstimmig", "votes_yes": "-1", "meeting": meeting}
    ).content.decode()
    assert "größer oder gleich 0" in page
    page = client.post(url, {"result": "", "meeting": meeting}).content.decode()
    assert "Dieses Feld ist zwingend erforderlich." in page
    step.refresh_from_db()
    assert step.result == ""


def test_no_new_revision_once_a_body_has_deliberated(client, district, ki_lead):
    paper = factories.released_paper(district)
    Consultation.objects.filter(pk=paper.consultations.first().pk).update(result="empfohlen")
    client.force_login(ki_lead)
    response = client.post(
        reverse("papers:new_revision", args=[district.slug, paper.pk]), follow=True
    )
    assert "Beratungsergebnisse erfasst" in response.content.decode()
    paper.refresh_from_db()
    assert paper.revision == 1 and paper.is_released


def test_portal_filters_by_committee_date_and_status(client, district, council_member):
    decided = factories.released_paper(district, subject="Schon beschlossen")
    Consultation.objects.filter(paper=decided, authoritative=True).update(result="mehrheitlich")
    pending = factories.released_paper(district, subject="Noch in Beratung")
    only_pending = pending.consultations.first().meeting.committee
    client.force_login(council_member)
    url = reverse("papers:list", args=[district.slug])

    def subjects(**query):
        page = client.get(url, query).content.decode()
        return {s for s in ("Schon beschlossen", "Noch in Beratung") if s in page}

    assert subjects() == {"Schon beschlossen", "Noch in Beratung"}
    assert subjects(status="beschlossen") == {"Schon beschlossen"}
    assert subjects(status="in_beratung") == {"Noch in Beratung"}
    assert subjects(committee=only_pending.pk) == {"Noch in Beratung"}
    assert subjects(meeting_from="2027-01-01") == set()
    assert subjects(meeting_to="2026-12-31") == {"Schon beschlossen", "Noch in Beratung"}
    # Garbage in a filter is a form error, not a 500.
    assert client.get(url, {"committee": "9" * 30, "meeting_from": "gestern"}).status_code == 200


def test_settings_validate_pattern_and_logo(client, district, ki_lead):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(ki_lead)
    url = reverse("papers:settings", args=[district.slug])
    data = {
        "paper_layout": "problem",
        "paper_number_pattern": "{amt}-{jahr}",
        "office_number": "32",
    }
    page = client.post(url, data).content.decode()
    assert "Das Muster braucht die laufende Nummer {nr}" in page
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    page = client.post(
        url, {**data, "paper_number_pattern": "{amt}/{nr:03d}/{jahr}", "logo": fake}
    ).content.decode()
    assert "Bitte ein gültiges Bild hochladen" in page
    district.refresh_from_db()
    assert district.paper_layout == District.PaperLayout.ANLASS and not district.logo

    response = client.post(url, {**data, "paper_number_pattern": "{amt}/{jahr}/{nr}"})
    assert response.status_code == 302
    district.refresh_from_db()
    assert district.paper_layout == "problem"
    assert suggest_reference(district, datetime.date(2026, 1, 1)) == "32/2026/1"


def test_a_forged_number_of_steps_is_refused_without_building_them(client, district, ki_staff):
    client.force_login(ki_staff)
    data = form_data(**{"steps-TOTAL_FORMS": "1000000"})
    response = client.post(reverse("papers:create", args=[district.slug]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert len(response.context["steps"].forms) <= 12
    assert "höchstens 12" in page
    assert not DecisionPaper.objects.filter(district=district).exists()


def test_a_paper_text_with_another_districts_image_is_refused_next_to_the_field(
    client, district, other_district, ki_staff
):
    # Issue 15: "anything else is refused at save time with a German message".
    client.force_login(ki_staff)
    src = f"/media/bilder/{district.slug}/%2e%2e/{other_district.slug}/karte.png"
    response = client.post(
        reverse("papers:create", args=[district.slug]),
        form_data(occasion=f"Siehe ![Karte]({src})"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Bilder dürfen nur aus den Uploads dieses Kreises stammen" in errors["occasion"][0]
    assert not DecisionPaper.objects.filter(district=district).exists()
