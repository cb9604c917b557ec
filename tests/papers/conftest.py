"""Fixtures of the council paper tests."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from papers.models import DecisionPaper
from tests import factories

from .test_workflow import form_data


@pytest.fixture
def path(district):
    """Sozialausschuss → Kreisausschuss → Kreistag with a meeting each (seed 001)."""
    meetings = []
    for position, name in enumerate(["Sozialausschuss", "Kreisausschuss", "Kreistag"], start=1):
        committee = factories.CommitteeFactory(district=district, name=name, path_position=position)
        meetings.append(
            factories.MeetingFactory(
                committee=committee,
                start=datetime.datetime(2026, 12, 1, 16, tzinfo=datetime.UTC)
                + datetime.timedelta(weeks=3 * position),
            )
        )
    return meetings


@pytest.fixture
def paper_with_anlagen(client, district, ki_lead, path):
    """A paper for adopting a concept version, with an uploaded Anlage and the version."""
    version = factories.ConceptVersionFactory(
        concept=district.concept, number=3, title="Fortschreibung 2026"
    )
    factories.ConceptSectionFactory(version=version, title="Anlass", body="Warum wir schreiben.")
    client.force_login(ki_lead)
    client.post(reverse("papers:create", args=[district.slug]), form_data(meetings=path))
    paper = DecisionPaper.objects.get(district=district)
    upload = factories.AttachmentFactory(paper=paper, title="Beteiligungsbericht", order=1)
    upload.file.save("beteiligung.pdf", ContentFile(b"%PDF-1.7 Beteiligung"))
    factories.AttachmentFactory(
        paper=paper, title="Integrationskonzept – Fassung 3", concept_version=version, order=2
    )
    return paper, version


@pytest.fixture
def worker_backend(settings):
    """The database backend of production: a task waits until the worker runs it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
