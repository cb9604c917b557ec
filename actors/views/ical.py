"""The workspace iCal feed of a District's meetings (issue 7), by session or by a personal
subscription link (actors/subscription.py).

The KI (Capability.READ_INTERNAL) gets the nichtöffentlich meetings too, everyone else with
Capability.READ only the öffentlich ones. The papers on the agenda are the released ones the
visitor may read (papers.queries.visible_papers: a liaison only öffentlich ones).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.access import access_for, district_view
from accounts.rights import Capability
from papers.models import DecisionPaper
from papers.queries import visible_papers

from .. import services
from ..ical import calendar_meetings, calendar_response, render_calendar
from ..subscription import membership_for_token


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


@district_view(Capability.READ)
@require_POST
def subscription_renew(request):
    membership = request.access.membership
    if membership is None:
        messages.error(request, "Abo-Links gibt es für Mitglieder des Kreises.")
    else:
        services.subscription_renew(
            district=request.district, membership=membership, user=request.user
        )
        messages.success(
            request, "Neuer Abo-Link erzeugt. Der bisherige Link funktioniert nicht mehr."
        )
    return redirect("actors:committees", district_slug=request.district.slug)


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

    name = f"Sitzungen – {district.name}" + (" (intern)" if internal else "")
    content = render_calendar(
        district=district, name=name, meetings=meetings, url_for=committee_url
    )
    return calendar_response(content, district=district)
