"""URL recipes of the council papers (reporting) for the URL walker (tests/test_permissions.py)."""

from django.core.files.base import ContentFile

from tests import factories
from tests.routes import Route


def draft(district):
    return {"pk": factories.DecisionPaperFactory(district=district).pk}


def released(district):
    return {"pk": factories.released_paper(district).pk}


def released_step(district):
    paper = factories.released_paper(district, steps=1)
    return {"pk": paper.pk, "consultation_pk": paper.consultations.get().pk}


def released_revision(district):
    return {**released(district), "revision": 1}


def with_file(district):
    paper = factories.released_paper(district)
    attachment = factories.AttachmentFactory(paper=paper)
    attachment.file.save("anlage.pdf", ContentFile(b"%PDF-1.7 Anlage"))
    return {"pk": paper.pk, "attachment_pk": attachment.pk}


def released_attachment(district):
    paper = factories.released_paper(district)
    attachment = factories.ReleasedAttachmentFactory(release=paper.releases.get())
    return {"pk": paper.pk, "attachment_pk": attachment.pk}


def draft_attachment(district):
    attachment = factories.AttachmentFactory(paper__district=district)
    return {"pk": attachment.paper.pk, "attachment_pk": attachment.pk}


def draft_version(district):
    return {"version_pk": factories.ConceptVersionFactory(concept=district.concept).pk}


ROUTES = {
    "reporting:list": Route(has_objects=False),
    "reporting:create": Route(has_objects=False),
    "reporting:settings": Route(has_objects=False),
    "reporting:from_version": Route(kwargs=draft_version, method="post"),
    "reporting:detail": Route(kwargs=released),
    "reporting:update": Route(kwargs=draft),
    "reporting:release": Route(kwargs=draft, method="post"),
    "reporting:new_revision": Route(kwargs=released, method="post"),
    "reporting:pdf": Route(kwargs=released),
    "reporting:revision_pdf": Route(kwargs=released_revision),
    "reporting:draft_pdf": Route(kwargs=draft),
    "reporting:docx": Route(kwargs=draft),
    "reporting:result": Route(kwargs=released_step),
    "reporting:attachment_create": Route(kwargs=draft),
    "reporting:attachment": Route(kwargs=with_file),
    "reporting:released_attachment": Route(kwargs=released_attachment),
    "reporting:attachment_delete": Route(kwargs=draft_attachment, method="post"),
}
