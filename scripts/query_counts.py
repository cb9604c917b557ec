"""Query count of every page a demo user reaches, for comparing two commits.

Crawls a District's workspace as each demo role (links under /<kreis>/ found on the pages,
breadth first, GET only) on a database with the demo data and prints one line per path:
``<role> <path> <queries>``. Run it at two commits on copies of the same database and compare:

    DATABASE_URL=sqlite:////tmp/a.sqlite3 .venv/bin/python scripts/query_counts.py > a.txt

Issue 12: "query counts of every page are not higher than before".
"""

import os
import re
import sys
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreisintegration.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

DISTRICT = "kreis-mettmann"
ROLES = ["leitung", "ki", "kreistag", "kommune.hilden"]
SKIP = re.compile(
    r"(\.pdf|\.docx|\.csv|\.xlsx|\.ics|/pdf/|/export|/loeschen/|/download|/dokumente/)"
)
LIMIT = 400


def username(role: str) -> str:
    return role if role.startswith("kommune.") else f"{role}.{DISTRICT}"


def crawl(role: str):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username(role)))
    start = f"/{DISTRICT}/"
    seen, queue = {start}, deque([start])
    while queue and len(seen) <= LIMIT:
        path = queue.popleft()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        yield path, response.status_code, len(queries)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for link in re.findall(r'href="(/[^"#?]*)', response.content.decode()):
            if link.startswith(start) and link not in seen and not SKIP.search(link):
                seen.add(link)
                queue.append(link)


if __name__ == "__main__":
    for role in ROLES:
        for path, status, count in crawl(role):
            print(role, path, status, count)
