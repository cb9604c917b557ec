"""URL recipes of the council papers (papers) for the URL walker (tests/test_permissions.py)."""

from django.core.files.base import ContentFile

from accounts.models import Membership
from accounts.rights import Role
from papers.signoff import signoff_request
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


def _signers(district):
    """Mitzeichnung steps held by the District's KI-Leitung (step 1), KI-Mitarbeit (step 2)
    and Mitzeichnung (step 3), so that the walker's lead is at the turn and the others wait."""
    holders = [
        membership.user
        for role in (Role.LEAD, Role.STAFF, Role.SIGNATORY)
        for membership in Membership.objects.filter(district=district, role=role, is_active=True)
    ]
    if not holders:
        return [factories.SignOffStepFactory(district=district)]
    return [
        factories.SignOffStepFactory(
            district=district, user=user, function=f"Schritt {order}", order=order
        )
        for order, user in enumerate(holders, start=1)
    ]


def with_step(district):
    _signers(district)
    return {"pk": factories.releasable_paper(district).pk}


def asked(district):
    steps = _signers(district)
    paper = factories.releasable_paper(district)
    signoff_request(district=district, paper=paper, user=steps[0].user)
    return {"pk": paper.pk}


def step(district):
    # After the steps of ``_signers``, so that the walker's KI-Leitung stays at the turn.
    return {"step_pk": factories.SignOffStepFactory(district=district, order=100).pk}


def placed(district):
    """A meeting with a released paper on its agenda."""
    paper = factories.released_paper(district, steps=1)
    return {"pk": paper.consultations.get().meeting_id}


def folder(district):
    from papers.models import MeetingFolder

    meeting = factories.MeetingFactory(committee__district=district)
    return {"folder_pk": MeetingFolder.objects.create(meeting=meeting, is_public=True).pk}


def free_item(district):
    from papers.models import AgendaItem

    meeting = factories.MeetingFactory(committee__district=district)
    item = AgendaItem.objects.create(meeting=meeting, title="Bericht der Verwaltung", order=1)
    return {"pk": item.pk}


ROUTES = {
    # The meetings feed lists the papers on each agenda (moved from actors in issue 12).
    "papers:meetings_ical": Route(has_objects=False),
    "papers:list": Route(has_objects=False),
    "papers:create": Route(has_objects=False),
    "papers:settings": Route(has_objects=False),
    "papers:from_version": Route(kwargs=draft_version, method="post"),
    "papers:historic_decision": Route(kwargs=draft_version),
    "papers:detail": Route(kwargs=released),
    "papers:update": Route(kwargs=draft),
    "papers:release": Route(kwargs=draft),
    "papers:new_revision": Route(kwargs=released, method="post"),
    "papers:pdf": Route(kwargs=released),
    "papers:revision_pdf": Route(kwargs=released_revision),
    "papers:draft_pdf": Route(kwargs=draft),
    "papers:docx": Route(kwargs=draft),
    "papers:result": Route(kwargs=released_step),
    "papers:attachment_create": Route(kwargs=draft),
    "papers:attachment_concept": Route(kwargs=draft, method="post"),
    "papers:attachment": Route(kwargs=with_file),
    "papers:released_attachment": Route(kwargs=released_attachment),
    "papers:attachment_delete": Route(kwargs=draft_attachment, method="post"),
    # Mitzeichnung (issue 14)
    "papers:signoff_steps": Route(has_objects=False),
    "papers:signoff_step_delete": Route(kwargs=step, method="post"),
    "papers:signoff_step_move": Route(kwargs=step, method="post"),
    "papers:signoff_request": Route(kwargs=with_step, method="post"),
    "papers:signoff_sign": Route(kwargs=asked, method="post"),
    "papers:signoff_return": Route(kwargs=asked),
    # Meeting, agenda and Sitzungsmappe (issue 20)
    "papers:meeting": Route(kwargs=placed),
    "papers:meeting_folder": Route(kwargs=placed),
    "papers:meeting_folder_request": Route(kwargs=folder, method="post"),
    "papers:agenda": Route(kwargs=placed),
    "papers:agenda_move": Route(kwargs=placed, method="post"),
    "papers:agenda_item_update": Route(kwargs=free_item),
    "papers:agenda_item_delete": Route(kwargs=free_item),
}
