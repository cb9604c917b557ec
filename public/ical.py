"""The public iCal feed of a District's öffentlich meetings, no login (issue 7).

Only öffentlich meetings; on their agenda only released papers whose latest release is
öffentlich — the same papers that ``/oeffentlich/<district>/vorlagen/`` shows.
"""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from actors.ical import calendar_response, render_calendar
from districts.models import District
from papers.ical import agenda_lines, calendar_meetings
from papers.models import DecisionPaper


@require_safe
def meetings_ical(request, district_slug: str):
    district = get_object_or_404(District, slug=district_slug)
    papers = DecisionPaper.objects.filter(district=district).public_released()
    meetings = calendar_meetings(district, include_internal=False, papers=papers)
    content = render_calendar(
        district=district,
        name=f"Sitzungen – {district.name}",
        meetings=meetings,
        agenda_for=agenda_lines,
    )
    return calendar_response(content, district=district)
