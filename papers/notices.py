"""Notices of a release (issue 20): the members of a paper's Gremien learn of it by e-mail.

When a paper is released whose Beratungsfolge reaches a Gremium, every member of the District
linked to that Gremium (``actors.CommitteeReader``) who left the notice on gets one e-mail with
a link to the paper – never the PDF itself, so the release stays the one copy and the reader's
right is checked when the link is opened. A member on several of its Gremien gets one e-mail.
A nichtöffentlich paper goes only to those who read nichtöffentlich papers (``Scope.ALL`` in
``accounts.rights``: not the liaisons) and its mail names no subject. A new revision's release
notifies again, as a changed version.

The mails are worded when the release is stored and sent after the commit: a release that is
rolled back sends nothing, and a mail server that fails does not undo the release (it is
logged).
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.rights import RIGHTS, Capability, Role, Scope
from actors.models import CommitteeReader

from .models import DecisionPaper, PaperRelease

logger = logging.getLogger(__name__)


@dataclass
class Notice:
    name: str
    email: str
    committees: list[str] = field(default_factory=list)


def reader_roles(*, is_public: bool) -> list[str]:
    """The District roles that read a released paper: all with the papers right for an
    öffentlich one, only those reading everything (Scope.ALL) for a nichtöffentlich one."""
    rights = RIGHTS[Capability.READ_PAPERS]
    return [
        role for role in Role.values if role in rights and (is_public or rights[role] == Scope.ALL)
    ]


def recipients(paper: DecisionPaper, release: PaperRelease) -> list[Notice]:
    """One entry per person to notify, with the paper's Gremien they sit on (in the order of
    the Beratungsfolge)."""
    committees = paper.consultations.values("meeting__committee")
    seats = (
        CommitteeReader.objects.filter(
            committee__district=paper.district_id,
            committee__in=committees,
            notify=True,
            user__is_active=True,
            # one filter(): the membership is the same row for all three conditions
            user__memberships__district=paper.district_id,
            user__memberships__is_active=True,
            user__memberships__role__in=reader_roles(is_public=release.is_public),
        )
        .exclude(user__email="")
        .select_related("user", "committee")
        .order_by("user_id", "committee__path_position", "committee__name")
    )
    notices: dict[int, Notice] = {}
    for seat in seats:
        user = seat.user
        notice = notices.setdefault(
            user.pk, Notice(user.get_full_name() or user.username, user.email)
        )
        if seat.committee.name not in notice.committees:
            notice.committees.append(seat.committee.name)
    return list(notices.values())


def site_url() -> str:
    """Where the installation is reached: the link in a mail the worker sends has no request
    to take it from (``SITE_URL``, README "Konfiguration")."""
    return getattr(settings, "SITE_URL", "").rstrip("/")


def subject_line(release: PaperRelease) -> str:
    kind = "Geänderte Vorlage" if release.revision > 1 else "Neue Vorlage"
    revision = f" (Revision {release.revision})" if release.revision > 1 else ""
    if not release.is_public:
        return f"{kind} {release.reference}{revision} – nichtöffentlich"
    return " ".join(f"{kind} {release.reference}{revision}: {release.subject}".split())


def release_notify(*, paper: DecisionPaper, release: PaperRelease) -> int:
    """Word the e-mails of a release and send them once it is committed; returns their
    number. Called by ``papers.services`` inside the release's transaction."""
    people = recipients(paper, release)
    if not people:
        return 0
    steps = list(paper.consultations.select_related("meeting__committee").order_by("order"))
    slug = paper.district.slug
    link = site_url() + reverse("papers:detail", args=[slug, paper.pk])
    notices_link = site_url() + reverse("actors:notice_settings", args=[slug])
    subject = subject_line(release)
    messages = [
        (
            subject,
            render_to_string(
                "papers/release_notice_email.txt",
                {
                    "district": paper.district,
                    "release": release,
                    "steps": steps,
                    "link": link,
                    "notices_link": notices_link,
                    "notice": notice,
                },
            ),
            None,
            [notice.email],
        )
        for notice in people
    ]
    transaction.on_commit(lambda: _send(messages, release.pk), robust=True)
    return len(messages)


def _send(messages: list[tuple], release_id: int) -> None:
    try:
        send_mass_mail(messages, fail_silently=False)
    except Exception:
        logger.exception("notices of release %s could not be sent", release_id)
        raise
