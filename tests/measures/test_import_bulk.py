"""Issue 16: the measurement import in bulk – 10,000 rows in a bounded number of queries, all or
nothing, large files in the task worker with a progress page."""

import datetime
import time
from decimal import Decimal

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from measures import csv_import, imports, services
from measures.models import Indicator, Measure, Measurement, MeasurementImport
from measures.tasks import run_measurement_import
from tests import factories

pytestmark = pytest.mark.django_db

HEADER = "Maßnahme;Kennzahl;Datum;Wert;Kommune;Quelle;Anmerkung\r\n"
MEASURES, INDICATORS, TOWNS = 25, 4, 9  # 100 Kennzahlen; 9 Kommunen + kreisweit = 10 places


@pytest.fixture
def catalogue(district):
    """100 Kennzahlen (every fourth a sum of the Kommunen) and 9 Kommunen."""
    towns = [
        factories.MunicipalityFactory(district=district, name=f"Stadt {i}") for i in range(TOWNS)
    ]
    measures = Measure.objects.bulk_create(
        Measure(district=district, title=f"Maßnahme {i:02d}", focus_area_id=1)
        for i in range(MEASURES)
    )
    Indicator.objects.bulk_create(
        Indicator(
            measure=measure,
            name=f"Kennzahl {j}",
            target=Decimal(1000),
            districtwide=Indicator.Districtwide.SUM if j == 0 else Indicator.Districtwide.ENTERED,
        )
        for measure in measures
        for j in range(INDICATORS)
    )
    return towns


def lines(count: int, offset: int = 0) -> list[str]:
    """``count`` distinct rows: every Kennzahl at every place, then the next Stichtag."""
    places = ["kreisweit"] + [f"Stadt {i}" for i in range(TOWNS)]
    out = []
    per_day = MEASURES * INDICATORS * len(places)
    for n in range(offset, offset + count):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=n // per_day)
        rest = n % per_day
        measure, rest = divmod(rest, INDICATORS * len(places))
        indicator, place = divmod(rest, len(places))
        out.append(
            f"Maßnahme {measure:02d};Kennzahl {indicator};{day:%d.%m.%Y};{n % 997},5;"
            f"{places[place]};Zählung;\r\n"
        )
    return out


def import_text(district, user, text: str) -> services.ImportCounts:
    result = csv_import.parse(text, district)
    assert result.ok, result.errors[:3]
    return services.measurements_import(district=district, rows=result.rows, user=user)


def test_10000_rows_in_a_bounded_number_of_queries(district, ki_staff, catalogue):
    with CaptureQueriesContext(connection) as small:
        counts = import_text(district, ki_staff, HEADER + "".join(lines(1000)))
    assert counts.created == 1000

    text_10000 = HEADER + "".join(lines(10_000, offset=1000))
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as large:
        counts = import_text(district, ki_staff, text_10000)
    seconds = time.perf_counter() - started
    print(
        f"\n10,000 rows checked and imported in {seconds:.2f} s with {len(large)} queries "
        f"({connection.vendor}); 1,000 rows: {len(small)} queries"
    )
    assert counts.created == 10_000
    assert Measurement.objects.count() == 11_000
    # Not per row, not even per batch: the same statements for 1,000 and 10,000 rows.
    assert len(large) < 60
    assert len(large) == len(small)
    # One history record per new value, by the importing user.
    history = Measurement.history.filter(history_user=ki_staff)
    assert history.filter(history_type="+").count() == 11_000

    # Replacing values: one "~" record per changed value, none for an unchanged one.
    rows = lines(1000)
    changed = [line.replace(",5;", ",25;") for line in rows[:300]]
    with CaptureQueriesContext(connection) as replacing:
        counts = import_text(district, ki_staff, HEADER + "".join(changed + rows[300:]))
    # (A kreisweit row of a summed Kennzahl differs from the sum stored for it: "replaced".)
    assert counts.total == 1000 and counts.created == 0
    assert 300 <= counts.updated < 400
    assert history.filter(history_type="~").count() >= counts.updated
    assert len(replacing) < 60
    value = Measurement.objects.get(
        indicator__measure__title="Maßnahme 00",
        indicator__name="Kennzahl 1",
        municipality__name="Stadt 0",
        date=datetime.date(2020, 1, 1),
    )
    assert value.value == Decimal("11.25")
    assert value.history.first().history_type == "~"


def test_derived_and_latest_values_follow_the_import(district, ki_staff, catalogue):
    text = HEADER + (
        "Maßnahme 00;Kennzahl 0;31.12.2024;10;Stadt 0;;\r\n"
        "Maßnahme 00;Kennzahl 0;31.12.2024;5;Stadt 1;;\r\n"
        "Maßnahme 00;Kennzahl 1;31.12.2024;7;kreisweit;;\r\n"
        "Maßnahme 00;Kennzahl 1;31.12.2023;3;kreisweit;;\r\n"
    )
    import_text(district, ki_staff, text)
    summed = Indicator.objects.get(measure__title="Maßnahme 00", name="Kennzahl 0")
    derived = summed.measurements.get(municipality=None)
    assert derived.value == Decimal(15)
    assert derived.note == "berechnet aus 2 Kommunen (Summe der Kommunen)"
    assert (summed.latest_value, summed.latest_date) == (Decimal(15), datetime.date(2024, 12, 31))
    entered = Indicator.objects.get(measure__title="Maßnahme 00", name="Kennzahl 1")
    assert entered.latest_value == Decimal(7)

    # Same values again: nothing written, no history of nothing.
    before = Measurement.history.count()
    counts = import_text(district, ki_staff, text)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 4)
    assert Measurement.history.count() == before


def upload(client, district, text: str):
    file = SimpleUploadedFile("messwerte.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("measures:import", args=[district.slug]), {"file": file})


def confirm(client, district, response):
    payload = response.context["confirm_form"]["payload"].value()
    return client.post(reverse("measures:import", args=[district.slug]), {"payload": payload})


def test_a_bad_row_anywhere_saves_nothing(client, district, ki_staff, catalogue):
    rows = lines(10_000)
    rows[9_997] = "Maßnahme 00;Kennzahl 0;31.02.2024;1;;;\r\n"  # line 9,999 (header is line 1)
    client.force_login(ki_staff)
    response = upload(client, district, HEADER + "".join(rows))
    assert response.context["errors"] == [
        "Zeile 9999: „31.02.2024“ ist kein gültiges Datum (TT.MM.JJJJ)."
    ]
    html = response.content.decode()
    assert "Zeile 9999: „31.02.2024“ ist kein gültiges Datum" in html
    assert "Jetzt importieren" not in html
    assert not Measurement.objects.exists()
    assert not MeasurementImport.objects.exists()


def test_preview_shows_totals_every_error_and_the_first_100_rows(
    client, district, ki_staff, catalogue
):
    client.force_login(ki_staff)
    bad = [f"Maßnahme 99;Kennzahl 0;01.01.2024;{i};;;\r\n" for i in range(150)]
    errors = upload(client, district, HEADER + "".join(bad)).context["errors"]
    assert len(errors) == 150
    assert errors[-1] == "Zeile 151: Maßnahme „Maßnahme 99“ gibt es im Maßnahmenkatalog nicht."

    rows = lines(500)
    import_text(district, ki_staff, HEADER + "".join(rows[:20]))
    rows[:10] = [line.replace(",5;", ",75;") for line in rows[:10]]
    response = upload(client, district, HEADER + "".join(rows))
    html = response.content.decode()
    assert "Vorschau: 500 Messwerte" in html
    assert "480 neu" in html
    assert "10 ersetzen einen vorhandenen Wert" in html
    assert "10 unverändert" in html
    assert "die ersten 100 von 500 Zeilen" in html
    assert html.count("<td>Maßnahme ") == 100
    assert len(html) < 200_000  # not 3.7 MB for a large file


@pytest.fixture
def small_sync_limit(settings):
    settings.MEASUREMENT_IMPORT_SYNC_ROWS = 50


def test_large_import_runs_in_the_worker_with_a_progress_page(
    client, district, ki_staff, catalogue, small_sync_limit
):
    client.force_login(ki_staff)
    response = upload(client, district, HEADER + "".join(lines(60)))
    assert "läuft im Hintergrund" in response.content.decode()
    response = confirm(client, district, response)
    record = MeasurementImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "measures:import_progress", args=[district.slug, record.pk]
    )
    # The tests' immediate task backend has run it already.
    record.refresh_from_db()
    assert record.status == MeasurementImport.Status.DONE
    assert (record.created_count, record.content) == (60, "")
    assert Measurement.objects.filter(municipality__isnull=False).count() == 54
    html = client.get(response["Location"]).content.decode()
    assert "60 Messwerte importiert." in html
    # The same preview cannot be imported twice.
    response = client.post(
        reverse("measures:import", args=[district.slug]),
        {"payload": client_payload(record, district)},
    )
    assert "schon importiert" in response.content.decode()


def client_payload(record, district) -> str:
    return signing.dumps(record.pk, salt=f"measures.import.{district.pk}")


def queued(district, user, text: str) -> MeasurementImport:
    return MeasurementImport.objects.create(
        district=district,
        created_by=user,
        file_name="messwerte.csv",
        content=text,
        row_count=text.count("\n") - 1,
        status=MeasurementImport.Status.QUEUED,
    )


def test_the_task_imports_all_or_nothing(district, ki_staff, catalogue):
    good = queued(district, ki_staff, HEADER + "".join(lines(3_000)))
    assert run_measurement_import.call(good.pk) == 3_000
    good.refresh_from_db()
    assert good.status == MeasurementImport.Status.DONE
    assert good.progress == 100 and good.import_seconds is not None
    before = Measurement.objects.count()

    # The catalogue changed after the preview: the worker finds it and saves nothing.
    rows = lines(3_000, offset=3_000)
    Indicator.objects.filter(measure__title="Maßnahme 24", name="Kennzahl 3").delete()
    bad = queued(district, ki_staff, HEADER + "".join(rows))
    assert run_measurement_import.call(bad.pk) == 0
    bad.refresh_from_db()
    assert bad.status == MeasurementImport.Status.FAILED
    assert bad.errors[0].startswith("Zeile ")
    assert "Kennzahl „Kennzahl 3“ gibt es bei Maßnahme „Maßnahme 24“ nicht." in bad.errors[0]
    assert Measurement.objects.count() == before - 30  # only the cascade of the deleted one


def test_a_lost_worker_shows_failed_not_running(client, district, ki_staff, settings):
    record = queued(district, ki_staff, HEADER)
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS + 1)
    MeasurementImport.objects.filter(pk=record.pk).update(
        status=MeasurementImport.Status.RUNNING, heartbeat_at=long_ago
    )
    client.force_login(ki_staff)
    html = client.get(reverse("measures:import_progress", args=[district.slug, record.pk]))
    assert imports.LOST_MESSAGE in html.content.decode()
    record.refresh_from_db()
    assert record.status == MeasurementImport.Status.FAILED


@pytest.mark.parametrize("user", ["council_member", "liaison", "land_user"])
def test_only_roles_that_may_import(client, district, ki_staff, user, request):
    record = queued(district, ki_staff, HEADER)
    client.force_login(request.getfixturevalue(user))
    for url in (
        reverse("measures:import", args=[district.slug]),
        reverse("measures:import_progress", args=[district.slug, record.pk]),
    ):
        assert client.get(url).status_code in (403, 404)


def test_another_districts_import_is_not_found(
    client, district, other_district, other_member, ki_staff
):
    record = queued(district, ki_staff, HEADER)
    client.force_login(other_member)
    url = reverse("measures:import_progress", args=[other_district.slug, record.pk])
    assert client.get(url).status_code == 404
