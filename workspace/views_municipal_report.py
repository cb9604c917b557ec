"""The Kommunalbericht of one municipality (issue 20) as page, tagged PDF and XLSX.

Who reads it (``Capability.READ``, accounts/rights.py):
- a liaison only the report of their own municipality; another municipality's answers 404,
  the same answer as for one that does not exist, so nothing about it leaks;
- the KI (Leitung, Mitarbeit) the report of every municipality of the District;
- Kreistag members, the Mitzeichnung, the Land and the operator read the District, and the
  report holds nothing they do not read elsewhere: measures, Kennzahlen and KIM posts are
  theirs to read, the case figures leave the KI with "< 5" for every reader (as the
  Sachbericht they also read). Only the municipality's answers in the priority rounds stay
  with the KI and the municipality: coordination shows the others the aggregated result,
  never one municipality's answer, and so does this report.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.exports import XLSX_CONTENT_TYPE, download, xlsx_workbook

from . import municipal_report as report
from .municipal_report_xlsx import xlsx_sheets


def report_municipality(request, municipality_slug: str):
    """The municipality of the address, of the District; for a liaison only their own."""
    municipality = get_object_or_404(request.district.municipalities, slug=municipality_slug)
    access = request.access
    if access.is_liaison and getattr(access.municipality, "pk", None) != municipality.pk:
        raise Http404
    return municipality


def report_context(request, municipality, period) -> dict:
    # Those who answer for a municipality (the KI for any, the liaison for their own) see
    # its answers in the rounds; see the module docstring.
    return report.report_context(
        request.district,
        municipality,
        period,
        show_answers=request.access.can(Capability.ANSWER_ROUND),
    )


def _period_or_404(von: int, bis: int) -> report.Period:
    period = report.period_from_path(von, bis)
    if period is None:
        raise Http404
    return period


class MunicipalReportView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "workspace/municipal_report.html"

    def get_context_data(self, **kwargs):
        municipality = report_municipality(self.request, self.kwargs["municipality_slug"])
        period, period_note = report.period_from_query(
            self.request.GET.get("von", ""), self.request.GET.get("bis", "")
        )
        return {
            **super().get_context_data(**kwargs),
            **report_context(self.request, municipality, period),
            "period_note": period_note,
            "years": list(reversed(report.allowed_years())),
        }


@district_view(Capability.READ)
def municipal_report_pdf(request, municipality_slug: str, von: int, bis: int):
    municipality = report_municipality(request, municipality_slug)
    period = _period_or_404(von, bis)
    return download(
        report.report_pdf(report_context(request, municipality, period)),
        filename=report.file_stem(municipality, period) + ".pdf",
        content_type="application/pdf",
    )


@district_view(Capability.READ)
def municipal_report_xlsx(request, municipality_slug: str, von: int, bis: int):
    municipality = report_municipality(request, municipality_slug)
    period = _period_or_404(von, bis)
    context = report_context(request, municipality, period)
    content = xlsx_workbook(
        xlsx_sheets(context),
        title=f"{report.title(municipality, period)} – {request.district.name}",
    )
    return download(
        content,
        filename=report.file_stem(municipality, period) + ".xlsx",
        content_type=XLSX_CONTENT_TYPE,
    )
