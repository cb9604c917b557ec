"""Writing, previewing and editing a Sachstandsbericht in the workspace."""

import datetime

import pytest
from django.urls import reverse

from core.locking import CONFLICT_MESSAGE, SEEN_FIELD, stamp
from documents.models import GeneratedDocument
from reports.models import ProgressReport
from tests.reports.routes import make_report

D = datetime.date


def url(name, district, **kwargs):
    return reverse(f"reports:{name}", kwargs={"district_slug": district.slug, **kwargs})


def form_data(**changes):
    return {
        "title": "Sachstand 2025",
        # What a browser's date picker sends.
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "introduction": "Einleitung",
        "remarks": "",
    } | changes


@pytest.mark.django_db
def test_staff_create_a_report_and_see_its_preview(client, district, ki_staff):
    client.force_login(ki_staff)
    response = client.post(url("create", district), form_data())
    report = ProgressReport.objects.get(district=district)
    assert response.status_code == 302
    assert response["Location"] == url("detail", district, pk=report.pk)
    assert (report.period_start, report.period_end) == (D(2025, 1, 1), D(2025, 12, 31))
    page = client.get(response["Location"]).content.decode()
    assert "Sachstand 2025" in page and "Berichtszeitraum 01.01.2025–31.12.2025" in page
    assert "Als PDF erzeugen" in page
    assert reverse("documents:request_report", args=[district.slug, report.pk]) in page
    for label in ("CSV", "Excel (XLSX)", "Mitteilungsvorlage erstellen", "Bearbeiten"):
        assert label in page
    # The preview and the list are reachable from the District's navigation.
    assert client.get(url("list", district)).content.decode().count("Sachstand 2025") >= 1
    assert f'href="{url("list", district)}"' in page


@pytest.mark.django_db
def test_period_ending_before_it_starts_is_refused_next_to_the_field(client, district, ki_staff):
    client.force_login(ki_staff)
    response = client.post(url("create", district), form_data(period_end="2024-12-31"))
    assert response.status_code == 200
    assert response.context["form"].errors["period_end"] == [
        "Das Ende des Berichtszeitraums darf nicht vor seinem Beginn liegen."
    ]
    html = response.content.decode()
    # The message belongs to the field: announced by the input, shown below it.
    assert 'aria-describedby="id_period_end_error"' in html
    error = html.index('id="id_period_end_error"')
    assert (
        html.index("Das Ende des Berichtszeitraums darf nicht")
        > error
        > html.index('id="id_period_end"')
    )
    assert "Sachstand 2025" in html  # the input is kept
    assert not ProgressReport.objects.exists()


@pytest.mark.django_db
def test_second_saver_gets_a_conflict_and_both_inputs_stay(client, district, ki_staff, ki_lead):
    report = make_report(district)
    seen = stamp(report)
    client.force_login(ki_lead)
    first = client.post(
        url("update", district, pk=report.pk),
        form_data(title="Fassung der Leitung", **{SEEN_FIELD: seen}),
    )
    assert first.status_code == 302
    client.force_login(ki_staff)
    second = client.post(
        url("update", district, pk=report.pk),
        form_data(title="Fassung der Mitarbeit", **{SEEN_FIELD: seen}),
    )
    assert second.status_code == 200
    html = second.content.decode()
    assert CONFLICT_MESSAGE in html
    assert 'value="Fassung der Mitarbeit"' in html  # own input kept in the form
    assert "Inzwischen gespeicherte Fassung" in html
    assert "Fassung der Leitung" in html  # the saved state above it
    report.refresh_from_db()
    assert report.title == "Fassung der Leitung"
    # Saving again on top of the state now shown succeeds.
    again = client.post(
        url("update", district, pk=report.pk),
        form_data(title="Fassung der Mitarbeit", **{SEEN_FIELD: stamp(report)}),
    )
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.title == "Fassung der Mitarbeit"


@pytest.mark.django_db
def test_council_members_do_not_see_the_reports(client, district, council_member):
    client.force_login(council_member)
    report = make_report(district)
    assert client.get(url("detail", district, pk=report.pk)).status_code == 403
    home = client.get(reverse("workspace:home", args=[district.slug])).content.decode()
    assert "Sachstandsberichte" not in home


@pytest.mark.django_db
def test_pdf_button_renders_the_report_in_the_background(client, data, ki_staff):
    client.force_login(ki_staff)
    district = data.report.district
    response = client.post(
        reverse("documents:request_report", args=[district.slug, data.report.pk])
    )
    document = GeneratedDocument.objects.get(progress_report=data.report)
    assert response.status_code == 302
    assert document.status == GeneratedDocument.Status.DONE, document.error
    assert document.pages >= 5
    # The preview now points to the finished PDF.
    page = client.get(url("detail", district, pk=data.report.pk)).content.decode()
    assert reverse("documents:detail", args=[district.slug, document.pk]) in page


@pytest.mark.django_db
def test_a_forged_stamp_is_a_conflict_not_a_crash(client, district, ki_staff):
    report = make_report(district)
    client.force_login(ki_staff)
    response = client.post(
        url("update", district, pk=report.pk),
        form_data(title="Gefälscht", **{SEEN_FIELD: str(2**70)}),
    )
    assert response.status_code == 200
    assert CONFLICT_MESSAGE in response.content.decode()
    report.refresh_from_db()
    assert report.title != "Gefälscht"
