"""A released Vorlage opens the draft concept version it puts before the council (TIntG NRW § 8,
seed 001 "Anlage"): the release records it on the version, the concept pages read it there
(issue 12: concepts does not read papers)."""

import datetime

from django.urls import reverse

from concepts.models import ConceptVersion
from papers.services import paper_new_revision, paper_release
from tests import factories

RELEASED_AT = datetime.datetime(2026, 5, 5, 9, 0, tzinfo=datetime.UTC)


def version_url(version) -> str:
    return reverse("concepts:version_detail", args=[version.concept.district.slug, version.pk])


def release(paper, user, *, is_public: bool | None = None, now=RELEASED_AT):
    """Release ``paper`` (a new revision first if it is released), optionally changing
    whether it is öffentlich."""
    if paper.is_released:
        paper = paper_new_revision(district=paper.district, paper=paper, user=user)
    if is_public is not None:
        paper.is_public = is_public
        paper.save(update_fields=["is_public"])
    return paper_release(district=paper.district, paper=paper, user=user, now=now)


def test_a_release_opens_the_draft_to_the_council_and_liaisons_only_if_oeffentlich(
    client, district, ki_lead, council_member, liaison
):
    draft = factories.ConceptVersionFactory(concept=district.concept, number=2, title="Entwurf")
    paper = factories.releasable_paper(district, is_public=False, concept_version=draft)

    def status_for(user) -> int:
        client.force_login(user)
        return client.get(version_url(draft)).status_code

    # Not released yet: the draft stays with the KI.
    assert (status_for(council_member), status_for(liaison)) == (404, 404)

    release(paper, ki_lead)
    draft.refresh_from_db()
    assert draft.presented_to_council_on == datetime.date(2026, 5, 5)
    assert not draft.presented_publicly
    # Nichtöffentlich: the council reads it; a liaison (öffentlich papers only) does not.
    assert (status_for(council_member), status_for(liaison)) == (200, 404)
    client.force_login(council_member)
    assert (
        "Entwurf" in client.get(reverse("concepts:versions", args=[district.slug])).content.decode()
    )

    paper.refresh_from_db()
    release(paper, ki_lead, is_public=True, now=RELEASED_AT + datetime.timedelta(days=7))
    draft.refresh_from_db()
    assert draft.presented_to_council_on == datetime.date(2026, 5, 5)  # the first stays
    assert (status_for(council_member), status_for(liaison)) == (200, 200)

    # As before issue 12, the latest release decides: nichtöffentlich again, hidden again.
    paper.refresh_from_db()
    release(paper, ki_lead, is_public=False, now=RELEASED_AT + datetime.timedelta(days=14))
    assert (status_for(council_member), status_for(liaison)) == (200, 404)


def test_another_districts_release_or_version_is_not_touched(
    district, other_district, ki_lead, council_member
):
    draft = factories.ConceptVersionFactory(concept=district.concept, number=2)
    foreign = factories.ConceptVersionFactory(concept=other_district.concept, number=2)
    paper = factories.releasable_paper(district, concept_version=draft)
    release(paper, ki_lead)
    assert ConceptVersion.objects.get(pk=foreign.pk).presented_to_council_on is None
    assert ConceptVersion.objects.get(pk=draft.pk).presented_publicly
