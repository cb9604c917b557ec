"""Routes of the KIM app for the URL walker (tests/test_permissions.py)."""

from tests.routes import Route


def _post(district) -> dict:
    from kim.models import Post
    from tests.factories import MunicipalityFactory

    post = Post.objects.create(
        district=district,
        kind="case_management",
        fte=2,
        state="besetzt",
        employer="kommune",
        municipality=MunicipalityFactory(district=district),
    )
    return {"pk": post.pk}


def _change(district) -> dict:
    from kim.models import PostChange

    change = PostChange.objects.create(
        district=district, kind="case_management", fte_before=6, fte_after=12, decision="Kreistag"
    )
    return {"pk": change.pk}


def _group(district, name: str, kind: str):
    from actors.models import Committee

    return Committee.objects.get_or_create(district=district, name=name, defaults={"kind": kind})[0]


def _seat(district) -> dict:
    from kim.models import Seat
    from tests.factories import ActorFactory

    group = _group(district, "KIM-Lenkungsgruppe", "lenkungsgruppe")
    seat = Seat.objects.create(
        district=district, committee=group, actor=ActorFactory(district=district), rechtskreis="ki"
    )
    return {"pk": seat.pk}


def _finding(district) -> dict:
    """A decided, kreisweit finding: the Kreistag and the liaisons read those too."""
    import datetime

    from django.utils import timezone

    from kim.models import Finding
    from tests.factories import MeetingFactory

    steering = _group(district, "KIM-Lenkungsgruppe", "lenkungsgruppe")
    group = _group(district, "Projektgruppe Wohnen", "projektgruppe")
    meeting = MeetingFactory(committee=steering, start=timezone.now() - datetime.timedelta(days=10))
    finding = Finding.objects.create(
        district=district,
        title="Wohnsitzauflage und Jobangebot",
        description="Lücke zwischen Ausländerbehörde und Jobcenter.",
        rechtskreise=["auslaenderbehoerde", "jobcenter"],
        reported_by="Case Management",
        reported_on=timezone.localdate() - datetime.timedelta(days=30),
        state="beschlossen",
        project_group=group,
        proposal="Gemeinsame Fallkonferenz.",
        meeting=meeting,
        decision="Einführung beschlossen.",
    )
    return {"pk": finding.pk}


def _topic(district) -> dict:
    from kim.models import CaseTopic

    return {"pk": CaseTopic.for_district(district)[0].pk}


ROUTES = {
    "kim:overview": Route(has_objects=False),
    "kim:post_create": Route(has_objects=False),
    "kim:post_update": Route(kwargs=_post),
    "kim:post_delete": Route(kwargs=_post),
    "kim:change_create": Route(has_objects=False),
    "kim:change_update": Route(kwargs=_change),
    "kim:change_delete": Route(kwargs=_change),
    "kim:seat_create": Route(has_objects=False),
    "kim:seat_delete": Route(kwargs=_seat),
    "kim:findings": Route(has_objects=False),
    "kim:finding_create": Route(has_objects=False),
    "kim:finding_detail": Route(kwargs=_finding),
    "kim:finding_update": Route(kwargs=_finding),
    "kim:finding_delete": Route(kwargs=_finding),
    "kim:case_figures": Route(has_objects=False),
    "kim:case_figures_grid": Route(
        kwargs=lambda district: {"year": 2026, "quarter": 4}, has_objects=False
    ),
    "kim:case_import": Route(has_objects=False),
    "kim:case_import_template": Route(has_objects=False),
    "kim:case_topics": Route(has_objects=False),
    "kim:topic_update": Route(kwargs=_topic),
    "kim:topic_delete": Route(kwargs=_topic),
    "kim:topic_move": Route(kwargs=_topic, method="post"),
}
