"""Benchmark: response time and query count of the main workspace pages.

Usage (from the project root):  .venv/bin/python scripts/benchmark.py [--measures 500]

Runs against a throw-away SQLite database (or DATABASE_URL if set, which must point at a
database you can wipe), loads the demo data, grows Kreis Mettmann by ``--measures`` measures
with 20 measurements each, and prints, per page, the median of 7 requests and the number of
SQL queries. Figures, not a pass/fail: compare them before and after a change.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def demo_database(prefix: str) -> None:
    """Set Django up on a throw-away database (and media folder) and load the demo data."""
    warnings.filterwarnings("ignore", message="No directory at")
    tmp = tempfile.mkdtemp(prefix=prefix)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", f"{tmp}/media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "kreisintegration.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", verbosity=0)
    print(f"load_demo: {time.perf_counter() - started:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    demo_database("ki-bench-")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from districts.models import District
    from tests.data import grow

    district = District.objects.get(slug="kreis-mettmann")
    started = time.perf_counter()
    grow(district, measures=args.measures, measurements=20, tag="bench")
    print(
        f"grown Kreis Mettmann by {args.measures} measures × 20 measurements "
        f"in {time.perf_counter() - started:.1f} s "
        f"({district.measures.count()} measures in all)"
    )

    client = Client()
    client.force_login(User.objects.get(username="ki.kreis-mettmann"))
    measure = district.measures.filter(indicators__isnull=False).first()
    actor = district.actors.first()
    version = district.concept.versions.order_by("-number").first()
    pages = {
        "Übersicht": "/kreis-mettmann/",
        "Maßnahmen (Liste)": "/kreis-mettmann/massnahmen/",
        "Maßnahmen (Suche „sprache“)": "/kreis-mettmann/massnahmen/?q=sprache",
        "Maßnahme": f"/kreis-mettmann/massnahmen/{measure.pk}/",
        "Akteure": "/kreis-mettmann/akteure/",
        "Akteur": f"/kreis-mettmann/akteure/{actor.pk}/",
        "Gremien": "/kreis-mettmann/gremien/",
        "Arbeitsperioden": "/kreis-mettmann/arbeitsperioden/",
        "Konzeptfassung": f"/kreis-mettmann/konzept/{version.pk}/",
        "Förderfähigkeit": "/kreis-mettmann/konzept/foerderfaehigkeit/",
    }
    print(f"\n{'Seite':32} {'Median ms':>10} {'Max ms':>8} {'Abfragen':>9}")
    for name, url in pages.items():
        client.get(url)  # warm-up
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"{name:32} {statistics.median(times):10.1f} {max(times):8.1f} "
            f"{len(queries.captured_queries):9d}"
        )


if __name__ == "__main__":
    main()
