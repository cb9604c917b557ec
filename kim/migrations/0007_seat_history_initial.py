"""Seats entered before their history existed (0004 → 0006) get a first history record, dated
when they were entered: the concept's KIM chapter reads the Lenkungsgruppe from that history."""

from django.db import migrations


def initial_history(apps, schema_editor):
    Seat = apps.get_model("kim", "Seat")
    HistoricalSeat = apps.get_model("kim", "HistoricalSeat")
    recorded = set(HistoricalSeat.objects.values_list("id", flat=True))
    HistoricalSeat.objects.bulk_create(
        HistoricalSeat(
            id=seat.pk,
            created=seat.created,
            modified=seat.modified,
            district_id=seat.district_id,
            committee_id=seat.committee_id,
            actor_id=seat.actor_id,
            rechtskreis=seat.rechtskreis,
            history_date=seat.created,
            history_type="+",
        )
        for seat in Seat.objects.exclude(pk__in=recorded)
    )


class Migration(migrations.Migration):
    dependencies = [("kim", "0006_historicalseat")]

    operations = [migrations.RunPython(initial_history, migrations.RunPython.noop)]
