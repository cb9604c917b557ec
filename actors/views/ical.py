"""The workspace iCal feed of a District's meetings (issue 7).

The KI (Capability.READ_INTERNAL) gets the nichtöffentlich meetings too, everyone else with
Capability.READ only the öffentlich ones. The papers on the agenda are the released ones the
visitor may read (reporting.queries.visible_papers: a liaison only öffentlich ones).
"""

from django.urls import reverse
from django.views.decorators.http import require_safe

from accounts.rights import Capability
from districts.access import district_view
from reporting.models import DecisionPaper
from reporting.queries import visible_papers

from ..ical import calendar_meetings, calendar_response, render_calendar


@district_view(Capability.READ)
@require_safe
def meetings_ical(request):
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
