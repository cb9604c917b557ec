"""Benchmark: the CSV import of measurements at 1,000 and 10,000 rows (issue 16).

Usage (from the project root):  .venv/bin/python scripts/benchmark_import.py [--repeat 3]
                                [--profile]

Runs against a throw-away SQLite database (or DATABASE_URL if set, which must point at a
database you can wipe) holding one District with 100 Kennzahlen (every fourth summed from the
Kommunen) and 9 Kommunen. Each round checks a file (``csv_import.parse``) and saves it
(``services.measurements_import``) in a transaction that is rolled back afterwards, so every
round starts from the same data; the sizes alternate within each round (1,000, 10,000, 1,000 …)
so that a change in the machine's load hits both. Prints the median seconds of checking and
saving and the number of queries. Figures, not a pass/fail.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADER = "Maßnahme;Kennzahl;Datum;Wert;Kommune;Quelle;Anmerkung\r\n"
MEASURES, INDICATORS, TOWNS = 25, 4, 9


def setup() -> None:
    warnings.filterwarnings("ignore", message="No directory at")
    tmp = tempfile.mkdtemp(prefix="ki-bench-import-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", f"{tmp}/media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "kreisintegration.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def catalogue():
    from decimal import Decimal

    from accounts.models import User
    from districts.models import District, Municipality
    from measures.models import Indicator, Measure

    district = District.objects.create(
        name="Kreis Bench", slug="kreis-bench", official_key="05990099"
    )
    Municipality.objects.bulk_create(
        Municipality(district=district, name=f"Stadt {i}", slug=f"stadt-{i}") for i in range(TOWNS)
    )
    measures = Measure.objects.bulk_create(
        Measure(district=district, title=f"Maßnahme {i:02d}", focus_area_id=1)
        for i in range(MEASURES)
    )
    Indicator.objects.bulk_create(
        Indicator(
            measure=measure,
            name=f"Kennzahl {j}",
            target=Decimal(1000),
            districtwide="sum" if j == 0 else "entered",
        )
        for measure in measures
        for j in range(INDICATORS)
    )
    return district, User.objects.create(username="bench")


def text(count: int) -> str:
    places = ["kreisweit"] + [f"Stadt {i}" for i in range(TOWNS)]
    per_day = MEASURES * INDICATORS * len(places)
    out = [HEADER]
    for n in range(count):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=n // per_day)
        measure, rest = divmod(n % per_day, INDICATORS * len(places))
        indicator, place = divmod(rest, len(places))
        out.append(
            f"Maßnahme {measure:02d};Kennzahl {indicator};{day:%d.%m.%Y};{n % 997},5;"
            f"{places[place]};Zählung;\r\n"
        )
    return "".join(out)


def one_round(district, user, content: str) -> tuple[float, float, int]:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from measures import csv_import, services

    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        started = time.perf_counter()
        result = csv_import.parse(content, district)
        checked = time.perf_counter()
        assert result.ok, result.errors[:3]
        services.measurements_import(district=district, rows=result.rows, user=user)
        saved = time.perf_counter()
        transaction.set_rollback(True)
    return checked - started, saved - checked, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one 10,000-row round")
    args = parser.parse_args()
    setup()
    from django.db import connection

    district, user = catalogue()
    sizes = (1_000, 10_000)
    contents = {size: text(size) for size in sizes}
    one_round(district, user, contents[1_000])  # warm-up
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(one_round, district, user, contents[10_000])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        return
    figures = {size: [] for size in sizes}
    for _ in range(args.repeat):
        for size in sizes:
            figures[size].append(one_round(district, user, contents[size]))
    print(f"{connection.vendor}, median of {args.repeat} rounds (sizes interleaved)")
    print(f"{'Zeilen':>8} {'prüfen s':>9} {'speichern s':>12} {'gesamt s':>9} {'Abfragen':>9}")
    for size in sizes:
        check = statistics.median(f[0] for f in figures[size])
        save = statistics.median(f[1] for f in figures[size])
        total = statistics.median(f[0] + f[1] for f in figures[size])
        queries = max(f[2] for f in figures[size])
        print(f"{size:8d} {check:9.2f} {save:12.2f} {total:9.2f} {queries:9d}")


if __name__ == "__main__":
    main()
