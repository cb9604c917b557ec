"""A District with everything OParl may and may not show."""

import hashlib
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actors.models import Meeting
from papers.models import AgendaItem, Consultation, DecisionPaper, PaperRelease, ReleasedAttachment
from tests import factories

from .schema_check import OParlSchema, load_schema

SYSTEM = "http://testserver/oparl/v1.1/"


@pytest.fixture(scope="session")
def oparl_schema() -> OParlSchema:
    return load_schema()


@dataclass
class Council:
    public: DecisionPaper  # released öffentlich, with two Anlagen (one without a file)
    revised: DecisionPaper  # revision 2 released öffentlich; revision 1 must not be published
    secret: DecisionPaper  # released nichtöffentlich
    draft: DecisionPaper  # never released
    closed_meeting: Meeting  # nichtöffentlich meeting on the path of ``public``
    attachment_bytes: bytes
    # Issue 20: the Kreistag deciding ``public``, with a place and an agenda: ``public``
    # (decided), a free öffentlich item and a nichtöffentlich one whose title must not leak.
    kreistag: Meeting
    free_item: AgendaItem
    closed_item: AgendaItem


CLOSED_ITEM_TITLE = "Vertrauliche Grundstücksangelegenheit Hilden"


def anlage(paper, title: str, content: bytes, name: str = "anlage.pdf"):
    """An Anlage of the working copy and, if the paper is released, its frozen copy."""
    attachment = factories.AttachmentFactory(
        paper=paper, title=title, file=SimpleUploadedFile(name, content)
    )
    release = paper.releases.first()
    if release is not None:
        ReleasedAttachment.objects.create(
            release=release,
            title=title,
            file=SimpleUploadedFile(name, content),
            order=attachment.order,
            sha256=hashlib.sha256(content).hexdigest(),
            sha512=hashlib.sha512(content).hexdigest(),
            size=len(content),
        )
    return attachment


@pytest.fixture
def council(district) -> Council:
    public = factories.released_paper(
        district, reference="50/020/2026", subject="Fortschreibung des Integrationskonzepts"
    )
    attachment_bytes = "%PDF-1.7 Anlage 1 Maßnahmenkatalog".encode()
    anlage(public, "Maßnahmenkatalog", attachment_bytes)
    factories.AttachmentFactory(paper=public, title="Verweis auf Konzeptfassung")  # no file
    PaperRelease.objects.filter(paper=public).update(pdf=b"%PDF-1.7 Vorlage 50/020/2026")
    # The Kreisausschuss met behind closed doors: the consultation is public, the meeting not.
    closed_meeting = public.consultations.get(order=2).meeting
    closed_meeting.is_public = False
    closed_meeting.save()
    cancelled = public.consultations.get(order=1).meeting
    cancelled.cancelled = True
    cancelled.save()

    revised = factories.released_paper(district, reference="50/021/2026", subject="Alte Fassung")
    revised.revision = 2
    revised.subject = "Neue Fassung"
    revised.save()
    factories.PaperReleaseFactory(
        paper=revised, revision=2, subject="Neue Fassung", pdf=b"%PDF-1.7 Revision 2"
    )

    secret = factories.released_paper(
        district, is_public=False, reference="50/022/2026", subject="Geheime Personalsache"
    )
    anlage(secret, "Geheime Anlage", b"geheim", name="geheim.pdf")
    draft = factories.DecisionPaperFactory(
        district=district, reference="50/023/2026", subject="Entwurf in Arbeit"
    )
    factories.ConsultationFactory(paper=draft, order=1)
    anlage(draft, "Entwurfsanlage", b"entwurf", name="entwurf.pdf")
    kreistag = public.consultations.get(order=3).meeting
    kreistag.location = "Kreishaus Mettmann, Düsseldorfer Straße 26, Großer Sitzungssaal"
    kreistag.save()
    Consultation.objects.filter(paper=public, meeting=kreistag).update(
        result=Consultation.Result.UNANIMOUS
    )
    free_item = AgendaItem.objects.create(
        meeting=kreistag, title="Bericht der Verwaltung", is_public=True, order=2
    )
    AgendaItem.objects.create(meeting=kreistag, paper=public, is_public=True, order=1)
    closed_item = AgendaItem.objects.create(
        meeting=kreistag, title=CLOSED_ITEM_TITLE, is_public=False, order=3
    )
    for release in PaperRelease.objects.filter(paper__district=district):
        pdf = bytes(release.pdf)
        release.size, release.sha256 = len(pdf), hashlib.sha256(pdf).hexdigest()
        release.sha512 = hashlib.sha512(pdf).hexdigest()
        release.save()
    return Council(
        public=public,
        revised=revised,
        secret=secret,
        draft=draft,
        closed_meeting=closed_meeting,
        attachment_bytes=attachment_bytes,
        kreistag=kreistag,
        free_item=free_item,
        closed_item=closed_item,
    )
