"""What the OParl interface may show of a District, as QuerySets.

The rule of issue 6 holds here too: a paper is visible only while its latest release is
öffentlich, and what is shown of it is that release (reference, subject, PDF), never the working
copy of a revision in progress. Meetings only when they are öffentlich.
"""

from django.db.models import (
    DateTimeField,
    Exists,
    F,
    Max,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Greatest

from actors.models import Committee, Meeting
from districts.models import District
from papers.models import (
    AgendaItem,
    Consultation,
    DecisionPaper,
    PaperRelease,
    ReleasedAttachment,
)

from .models import Publication


def _newest(queryset: QuerySet, field: str) -> Subquery:
    """The newest ``field`` among the paper's rows of ``queryset``, NULL if it has none."""
    newest = (
        queryset.filter(paper=OuterRef("pk"))
        .order_by()
        .values("paper")
        .annotate(newest=Max(field))
        .values("newest")
    )
    return Subquery(newest[:1], output_field=DateTimeField())


def _left(queryset: QuerySet) -> Subquery:
    """When the paper last dropped an embedded object, NULL if never."""
    left = (
        queryset.filter(paper_id=OuterRef("pk"), left_at__isnull=False)
        .exclude(kind=Publication.Kind.PAPER)
        .order_by()
        .values("paper_id")
        .annotate(newest=Max("left_at"))
        .values("newest")
    )
    return Subquery(left[:1], output_field=DateTimeField())


def _latest(queryset: QuerySet, field: str) -> Subquery:
    """The newest ``field`` of the rows of a correlated ``queryset``, NULL if it has none."""
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1], output_field=DateTimeField())


# Embedded in a Meeting, with the meeting's id as their ``Publication.object_id``.
IN_MEETING = [Publication.Kind.AGENDA_ITEM, Publication.Kind.LOCATION]


def meeting_modified():
    """OParl ``modified`` of a Meeting: its ``name`` is the Gremium's name and the day, so a
    renamed Gremium changes every meeting of it; it embeds its agenda (issue 20), so a changed
    item, a Beratung placed there, a new release of a paper on it or an AgendaItem or Location
    that left (its tombstone) change the meeting too. Coalesce as in ``paper_modified``."""
    parts = [
        _latest(AgendaItem.objects.filter(meeting=OuterRef("pk")), "modified"),
        _latest(Consultation.objects.filter(meeting=OuterRef("pk")), "modified"),
        _latest(
            PaperRelease.objects.filter(paper__consultations__meeting=OuterRef("pk")),
            "released_at",
        ),
        _latest(
            Publication.objects.filter(
                object_id=OuterRef("pk"), kind__in=IN_MEETING, left_at__isnull=False
            ),
            "left_at",
        ),
    ]
    return Greatest(
        F("modified"),
        F("committee__modified"),
        *[Coalesce(part, F("modified")) for part in parts],
        output_field=DateTimeField(),
    )


def consultation_modified():
    """OParl ``modified`` of a Consultation: it links its meeting only while that is
    öffentlich, so a change of the meeting is a change of the Consultation."""
    return Greatest(F("modified"), F("meeting__modified"), output_field=DateTimeField())


def paper_modified():
    """OParl ``modified`` of a Paper: the paper shows its release (with the Anlagen frozen in
    it) and its Beratungsfolge, so a change to any of them is a change of the Paper
    (``modified_since`` must find it). Coalesce because SQLite's MAX() of several values is
    NULL if one of them is."""
    parts = [
        _newest(PaperRelease.objects.all(), "released_at"),
        _newest(Consultation.objects.all(), "modified"),
        # A consultation names its meeting only while the meeting is öffentlich.
        _newest(Consultation.objects.all(), "meeting__modified"),
        # An embedded Consultation or File that left the public set (its tombstone).
        _left(Publication.objects.all()),
    ]
    return Greatest(
        F("modified"),
        *[Coalesce(part, F("modified")) for part in parts],
        output_field=DateTimeField(),
    )


def public_papers(district: District) -> QuerySet:
    """Released papers whose latest release is öffentlich, with OParl's ``modified``."""
    return (
        DecisionPaper.objects.for_district(district)
        .public_released()
        .annotate(oparl_modified=paper_modified())
    )


def public_paper_ids(district: District) -> QuerySet:
    return public_papers(district).values("pk")


def papers_for_output(district: District) -> QuerySet:
    """``public_papers`` with everything a Paper object embeds, in a fixed number of queries."""
    return public_papers(district).prefetch_related(
        Prefetch(
            "releases",
            queryset=PaperRelease.objects.defer("pdf")
            .order_by("-revision")
            .prefetch_related("attachments"),
            to_attr="oparl_releases",
        ),
        Prefetch(
            "consultations",
            queryset=Consultation.objects.select_related("meeting__committee")
            .annotate(oparl_modified=consultation_modified())
            .order_by("order"),
            to_attr="oparl_consultations",
        ),
    )


def public_consultations(district: District) -> QuerySet:
    return (
        Consultation.objects.for_district(district)
        .select_related("meeting__committee")
        .filter(paper__in=public_paper_ids(district))
        .annotate(oparl_modified=consultation_modified())
    )


def public_release_files(district: District) -> QuerySet:
    """The latest release of each öffentlich paper; an older revision is not published."""
    newer = PaperRelease.objects.filter(paper=OuterRef("paper"), revision__gt=OuterRef("revision"))
    return (
        PaperRelease.objects.for_district(district)
        .filter(paper__in=public_paper_ids(district))
        .exclude(Exists(newer))
        .defer("pdf")
    )


def public_attachment_files(district: District) -> QuerySet:
    """The Anlagen frozen in the latest release of each öffentlich paper."""
    return (
        ReleasedAttachment.objects.for_district(district)
        .filter(release__in=public_release_files(district).values("pk"))
        .select_related("release")
    )


def committees(district: District) -> QuerySet:
    return Committee.objects.for_district(district)


def public_meetings(district: District) -> QuerySet:
    return (
        Meeting.objects.for_district(district)
        .filter(is_public=True)
        .select_related("committee")
        .annotate(oparl_modified=meeting_modified())
    )


def meetings_for_output(district: District) -> QuerySet:
    """``public_meetings`` with the rows of their agendas (oparl/agenda.py), in a fixed number
    of queries: the KI's records, the Beratungen placed there, their papers and releases."""
    releases = PaperRelease.objects.defer("pdf").order_by("-revision")
    papers = DecisionPaper.objects.prefetch_related(
        Prefetch("releases", queryset=releases, to_attr="oparl_releases")
    )
    steps = Consultation.objects.order_by("order").prefetch_related(
        Prefetch("paper", queryset=papers)
    )
    return public_meetings(district).prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.order_by("order", "pk"),
            to_attr="oparl_items",
        ),
        Prefetch("consultations", queryset=steps, to_attr="oparl_steps"),
    )


def tombstones(district: District, kind: str) -> QuerySet:
    """Objects of ``kind`` that OParl published and no longer shows (``deleted: true``)."""
    return Publication.objects.for_district(district).filter(kind=kind, left_at__isnull=False)
