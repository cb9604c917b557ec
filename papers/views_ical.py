"""The workspace iCal feed of a District's meetings (issue 7), by session or by a personal
subscription link (actors/subscription.py).

The KI (Capability.READ_INTERNAL) gets the nichtöffentlich meetings too, everyone else with
Capability.READ only the öffentlich ones. The papers on the agenda are the released ones the
visitor may read (papers.queries.visible_papers: a liaison only öffentlich ones).

Its URLs are ``papers:meetings_ical`` and ``papers:meetings_subscription``; their paths stay
under the committee pages (``gremien/…``) that link to them.
"""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.access import access_for, district_view
from accounts.rights import Capability
from actors.ical import calendar_response, render_calendar
from actors.subscription import membership_for_token
from core.due import berlin_today, due_items

from .ical import agenda_lines, calendar_meetings, todo_lines
from .models import DecisionPaper
from .queries import visible_papers


@district_view(Capability.READ)
@require_safe
def meetings_ical(request):
    return _feed(request)


@require_safe
def subscription_ical(request, district_slug: str, token: str):
    """The feed for a calendar program: the signed link stands in for the member's login.
    A forged, revoked or foreign link, or a member without the right, gets 404."""
    membership = membership_for_token(token)
    if membership is None or membership.district.slug != district_slug:
        raise Http404
    request.district = membership.district
    request.access = access_for(membership.user, membership.district)
    if not request.access.can(Capability.READ):
        raise Http404
    return _feed(request)


def _feed(request):
    district, access = request.district, request.access
    internal = access.can(Capability.READ_INTERNAL)
    if access.can(Capability.READ_PAPERS):
        # Drafts stay out even for the KI: the agenda lists what the bodies received.
        papers = visible_papers(request).filter(released_revision__isnull=False)
    else:
        papers = DecisionPaper.objects.none()
    meetings = calendar_meetings(district, include_internal=internal, papers=papers)

    def committee_url(meeting) -> str:
        path = reverse(
            "actors:committee_detail",
            kwargs={"district_slug": district.slug, "pk": meeting.committee_id},
        )
        return request.build_absolute_uri(path)

    # Issue 17: what comes due (deadline at the Land, concept age, work period, rounds,
    # indicators) as VTODOs — the KI's internal matters, so only for who reads internal ones.
    todos = []
    if internal:
        today, stamp = berlin_today(), timezone.now()
        todos = [
            todo_lines(
                item,
                district=district,
                today=today,
                stamp=stamp,
                url=request.build_absolute_uri(item.path) if item.path else "",
            )
            for item in due_items(district, today)
        ]
    name = f"Sitzungen – {district.name}" + (" (intern)" if internal else "")
    content = render_calendar(
        district=district,
        name=name,
        meetings=meetings,
        url_for=committee_url,
        agenda_for=agenda_lines,
        components=todos,
    )
    return calendar_response(content, district=district)
