"""URL recipes of the Sachstandsberichte (reports) for the URL walker (tests/test_permissions.py)."""

import datetime

from reports.models import ProgressReport
from tests.routes import Route


def make_report(district, **fields) -> ProgressReport:
    """A Sachstandsbericht for 2025 (there is no factory for it in tests/factories.py)."""
    values = {
        "title": "Sachstand 2025",
        "period_start": datetime.date(2025, 1, 1),
        "period_end": datetime.date(2025, 12, 31),
    }
    return ProgressReport.objects.create(district=district, **(values | fields))


def report(district):
    return {"pk": make_report(district).pk}


def this_year(district) -> dict:
    from django.utils import timezone

    return {"year": timezone.localdate().year}


ROUTES = {
    "reports:list": Route(has_objects=False),
    "reports:create": Route(has_objects=False),
    "reports:detail": Route(kwargs=report),
    "reports:update": Route(kwargs=report),
    "reports:export_csv": Route(kwargs=report),
    "reports:export_xlsx": Route(kwargs=report),
    "reports:paper": Route(kwargs=report, method="post"),
    "reports:kim_report": Route(has_objects=False),
    "reports:kim_report_pdf": Route(kwargs=this_year, has_objects=False),
    "reports:kim_report_xlsx": Route(kwargs=this_year, has_objects=False),
    "reports:kim_report_paper": Route(kwargs=this_year, method="post", has_objects=False),
}
