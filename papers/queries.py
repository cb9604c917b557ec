"""Which papers a visitor may see, by the roles-and-rights table (accounts.rights)."""

from django.db.models import Exists, OuterRef, Q

from accounts.rights import Capability, Scope

from .models import DecisionPaper, SignOffRound, SignOffStep


def visible_papers(request):
    """The District's papers this visitor may see, with ``released_revision`` annotated."""
    papers = DecisionPaper.objects.filter(district=request.district).with_release()
    access = request.access
    if access.can(Capability.READ_INTERNAL):
        return papers
    if access.scope(Capability.READ_PAPERS) == Scope.PUBLIC_ONLY:
        return papers.filter(released_revision__isnull=False, released_public=True)
    if holds_signoff_step(request):
        # Issue 14: who signs papers off reads the drafts put to Mitzeichnung, never others.
        asked = SignOffRound.objects.filter(paper=OuterRef("pk"))
        return papers.filter(Q(released_revision__isnull=False) | Exists(asked))
    return papers.filter(released_revision__isnull=False)


def holds_signoff_step(request) -> bool:
    """Whether the visitor holds a Mitzeichnung step of the District (and may sign off)."""
    if not request.access.can(Capability.SIGN_OFF):
        return False
    return SignOffStep.objects.for_district(request.district).filter(user=request.user).exists()


def show_as_released(papers) -> None:
    """For a reader outside the KI: let each paper of a list show its latest release (number,
    date, type, öffentlich), not a revision in progress. Needs ``with_release()``; the papers
    are only displayed, never saved."""
    for paper in papers:
        if paper.released_revision is None:
            continue
        paper.reference = paper.released_reference
        paper.date = paper.released_date or paper.date
        paper.paper_type = paper.released_type or paper.paper_type
        paper.is_public = paper.released_public
