"""Which papers a visitor may see, by the roles-and-rights table (accounts.rights)."""

from accounts.rights import Capability, Scope

from .models import DecisionPaper


def visible_papers(request):
    """The District's papers this visitor may see, with ``released_revision`` annotated."""
    papers = DecisionPaper.objects.filter(district=request.district).with_release()
    access = request.access
    if access.can(Capability.READ_INTERNAL):
        return papers
    if access.scope(Capability.READ_PAPERS) == Scope.PUBLIC_ONLY:
        return papers.filter(released_revision__isnull=False, released_public=True)
    return papers.filter(released_revision__isnull=False)
