"""Settings of ``scripts/benchmark.py`` (issue 16): the production profile unchanged, plus a
hello-world view in the same urlconf, so page and baseline run in one gunicorn with one set of
flags, and static files collected into the benchmark's temporary folder."""

import os

from kreisintegration.settings.production import *  # noqa: F403

ROOT_URLCONF = "scripts.bench_urls"
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
