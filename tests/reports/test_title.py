"""The report's title says "Sachstandsbericht" once (issue 15: the PDF's header said
"Sachstandsbericht Sachstandsbericht …" for the demo's report)."""

import pytest
from django.urls import reverse

from reports.progress import report_html, report_title
from tests.reports.routes import make_report

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "full"),
    [
        ("Sachstand 2025", "Sachstandsbericht Sachstand 2025"),
        (
            "Sachstandsbericht Integrationskonzept 2024/25",
            "Sachstandsbericht Integrationskonzept 2024/25",
        ),
        ("sachstandsbericht 2025", "sachstandsbericht 2025"),
    ],
)
def test_kind_is_named_once(district, client, ki_staff, title, full):
    report = make_report(district, title=title)
    assert report.full_title == full
    assert report_title(report) == f"{full} (01.01.2025–31.12.2025)"
    html = report_html(report)
    assert f'data-running="{full}"' in html
    assert f"<title>{full} (" in html
    assert html.lower().count("sachstandsbericht sachstandsbericht") == 0
    client.force_login(ki_staff)
    page = client.get(reverse("reports:detail", args=[district.slug, report.pk])).content.decode()
    assert f"<title>{full} –" in page
