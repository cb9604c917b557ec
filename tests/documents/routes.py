"""URL recipes of the long documents for the URL walker (tests/test_permissions.py)."""

from documents.models import GeneratedDocument
from reports.models import ProgressReport
from tests import factories
from tests.routes import Route


def adopted_version(district):
    return factories.ConceptVersionFactory(
        concept=district.concept, status="beschlossen", decided_on="2025-03-01"
    )


def report(district):
    return ProgressReport.objects.create(
        district=district, title="Bericht", period_start="2025-01-01", period_end="2025-12-31"
    )


def concept_document(district):
    """A finished document of an adopted version: every reader may see it."""
    version = adopted_version(district)
    document = GeneratedDocument.objects.create(
        district=district,
        kind=GeneratedDocument.Kind.CONCEPT,
        concept_version=version,
        fingerprint="x",
        status=GeneratedDocument.Status.DONE,
        progress=100,
        pdf=b"%PDF-1.7 stand-in",
        size=17,
        pages=1,
    )
    return {"pk": document.pk}


ROUTES = {
    "documents:request_concept": Route(
        kwargs=lambda d: {"version_pk": adopted_version(d).pk}, method="post"
    ),
    "documents:request_report": Route(kwargs=lambda d: {"report_pk": report(d).pk}, method="post"),
    "documents:detail": Route(kwargs=concept_document),
    "documents:status": Route(kwargs=concept_document),
    "documents:download": Route(kwargs=concept_document),
}
