"""Sachstandsberichte in the workspace (``/<district>/berichte/``): list, write, preview, export.

Reports are internal work of the KI until they go to the bodies as a Mitteilungsvorlage, so
reading needs READ_INTERNAL and writing EDIT (accounts/rights.py). The PDF is rendered in the
background by ``documents:request_report``; this module only links to it.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, TemplateView, UpdateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.exports import XLSX_CONTENT_TYPE, csv_response, download, xlsx_response, xlsx_workbook
from core.locking import StaleEditGuard
from documents.services import current_document
from kim.views import open_years
from papers.views import prefilled_paper_response

from . import kim, progress, services
from .forms import ProgressReportForm
from .models import ProgressReport
from .paper import kim_paper, paper_from_report


def district_reports(request):
    return ProgressReport.objects.for_district(request.district)


def get_report(request, pk: int) -> ProgressReport:
    return get_object_or_404(district_reports(request).select_related("district"), pk=pk)


def detail_url(report: ProgressReport) -> str:
    return reverse(
        "reports:detail", kwargs={"district_slug": report.district.slug, "pk": report.pk}
    )


class ReportListView(DistrictMixin, ListView):
    capability = Capability.READ_INTERNAL
    template_name = "reports/report_list.html"
    context_object_name = "reports"

    def get_queryset(self):
        return district_reports(self.request)


class ReportFormMixin:
    model = ProgressReport
    form_class = ProgressReportForm
    template_name = "reports/report_form.html"

    def get_queryset(self):
        return district_reports(self.request).select_related("district")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["district"] = self.request.district
        return kwargs


class ReportCreateView(DistrictMixin, ReportFormMixin, CreateView):
    capability = Capability.EDIT

    def form_valid(self, form):
        report = services.report_create(
            district=self.request.district, fields=form.cleaned_data, user=self.request.user
        )
        messages.success(self.request, f"Sachstandsbericht „{report.title}“ angelegt.")
        return redirect(detail_url(report))


class ReportUpdateView(StaleEditGuard, DistrictMixin, ReportFormMixin, UpdateView):
    capability = Capability.EDIT

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        report = services.report_update(
            district=self.request.district,
            report=form.instance,
            fields=form.cleaned_data,
            user=self.request.user,
        )
        messages.success(self.request, f"Sachstandsbericht „{report.title}“ gespeichert.")
        return redirect(detail_url(report))


class ReportDetailView(DistrictMixin, DetailView):
    """The report as it will be printed, with the actions around it."""

    capability = Capability.READ_INTERNAL
    template_name = "reports/report_detail.html"
    context_object_name = "report"

    def get_queryset(self):
        return district_reports(self.request).select_related("district")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(progress.report_context(self.object))
        context["document"] = current_document(self.object)
        return context


def _filename(report: ProgressReport, suffix: str) -> str:
    name = slugify(f"{report.title}") or "bericht"
    return f"Sachstandsbericht-{name}-{report.period_end:%Y-%m-%d}{suffix}"


def _columns_and_rows(report: ProgressReport):
    columns = [column for _key, column in progress.ROW_COLUMNS]
    rows = [
        [row[key] for key, _column in progress.ROW_COLUMNS] for row in progress.report_rows(report)
    ]
    return columns, rows


@district_view(Capability.READ_INTERNAL)
def export_csv(request, pk: int):
    """One row per indicator and per municipality value; German CSV (core.exports)."""
    report = get_report(request, pk)
    columns, rows = _columns_and_rows(report)
    return csv_response(columns, rows, filename=_filename(report, ".csv"))


@district_view(Capability.READ_INTERNAL)
def export_xlsx(request, pk: int):
    report = get_report(request, pk)
    columns, rows = _columns_and_rows(report)
    return xlsx_response(
        columns,
        rows,
        filename=_filename(report, ".xlsx"),
        sheet_title="Sachstandsbericht",
        title=progress.report_title(report),
    )


@district_view(Capability.EDIT)
@require_POST
def report_paper(request, pk: int):
    """ "Mitteilungsvorlage erstellen": a draft paper that puts the report before the bodies."""
    report = get_report(request, pk)
    paper, notes = paper_from_report(district=request.district, report=report, user=request.user)
    return prefilled_paper_response(request, paper, notes, "aus dem Sachstandsbericht")


# --- the annual KIM Sachbericht (issue 19) ----------------------------------------------------


# KIM is funded since 2020 (DOMAIN.md, KIM); kim.views uses the same bounds for its pages.
def _kim_year(request, year: int | None = None) -> int:
    """The year of the address, or of ?jahr=, or this year; only the years the case figures
    are kept for (``kim.views.open_years``, one range for grid, import and report)."""
    years = open_years()
    this_year = years[-1]
    if year is None:
        text = request.GET.get("jahr", "")
        year = int(text) if text.isascii() and text.isdecimal() and len(text) == 4 else this_year
        year = year if year in years else this_year
    elif year not in years:
        raise Http404
    # Everyone who reads the District reads the Sachbericht: it goes to the Land and, as a
    # public Mitteilungsvorlage, to the Ausschuss, so it holds nothing a liaison may not see
    # (small counts read "< 5" for everyone, reports/kim.py).
    return year


class KimReportView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "reports/kim_report.html"

    def get_context_data(self, **kwargs):
        year = _kim_year(self.request)
        return {
            **super().get_context_data(**kwargs),
            **kim.sachbericht_context(self.request.district, year),
            "years": reversed(open_years()),
        }


def kim_report_file_stem(district, year: int) -> str:
    return f"Sachbericht-KIM-{year}-{district.slug}"


@district_view(Capability.READ)
def kim_report_pdf(request, year: int):
    year = _kim_year(request, year)
    content = kim.sachbericht_pdf(request.district, year)
    return download(
        content,
        filename=kim_report_file_stem(request.district, year) + ".pdf",
        content_type="application/pdf",
    )


@district_view(Capability.READ)
def kim_report_xlsx(request, year: int):
    year = _kim_year(request, year)
    context = kim.sachbericht_context(request.district, year)
    content = xlsx_workbook(
        kim.xlsx_sheets(context),
        title=f"Sachbericht Kommunales Integrationsmanagement {year} – {request.district.name}",
    )
    return download(
        content,
        filename=kim_report_file_stem(request.district, year) + ".xlsx",
        content_type=XLSX_CONTENT_TYPE,
    )


@district_view(Capability.EDIT)
@require_POST
def kim_report_paper(request, year: int):
    """ "Mitteilungsvorlage erstellen": the Sachbericht before the Ausschuss for Kenntnisnahme."""
    year = _kim_year(request, year)
    paper, notes = kim_paper(district=request.district, year=year, user=request.user)
    return prefilled_paper_response(request, paper, notes, "aus dem Sachbericht KIM")
