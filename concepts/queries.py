"""Reads about concept versions that pages of several apps share (the concept editor, the
whole-concept document in documents)."""

from django.db.models import Q

from accounts.rights import Capability, Scope

from .models import ConceptVersion

ADOPTED = (ConceptVersion.Status.ADOPTED, ConceptVersion.Status.SUPERSEDED)


def visible_versions(request):
    """Drafts only for roles that read internal documents; the others see adopted versions —
    and a draft that a released paper they may read puts before them: the Kreistag must be
    able to read the concept it is asked to adopt (TIntG NRW § 8, seed 001 "Anlage").

    The release of the paper records that on the version (papers.services
    .paper_present_concept_version); who reads öffentlich papers only sees it when a paper
    presenting it is öffentlich.
    """
    versions = request.district.concept.versions.all()
    access = request.access
    if not access.can_read_internal:
        if access.scope(Capability.READ_PAPERS) == Scope.PUBLIC_ONLY:
            put_before_them = Q(presented_publicly=True)
        else:
            put_before_them = Q(presented_to_council_on__isnull=False)
        versions = versions.filter(Q(status__in=ADOPTED) | put_before_them)
    return versions
