"""The KI's tools for the case figures beside the grid (issue 19): the CSV import and the
District's list of topics.

The import runs in two steps like the measurement import (``measures.views.imports``): upload
→ preview → "Jetzt importieren". A District's case figures are a few hundred lines at most, so
the checked file travels signed in the preview page (``django.core.signing``, bound to the
District and the user, as the municipality import's does) rather than in a stored record; step
2 checks it again against the municipalities and topics as they are then and saves every row
or none.
"""

from django.contrib import messages
from django.core import signing
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import FormView, View

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.exports import Column, csv_response
from core.locking import StaleEditGuard
from measures.csv_import import decode
from measures.forms import INVALID_PREVIEW, ImportConfirmForm, PreviewRefused

from . import imports, services
from .forms import CaseFiguresUploadForm, CaseTopicForm
from .models import CaseTopic, TopicCount
from .views import FIRST_YEAR, KimDeleteView, KimEditMixin, open_years

PAYLOAD_MAX_AGE = 60 * 60  # seconds between preview and confirmation, as for measurements
PREVIEW_ROWS = 100  # rows the preview lists; the totals count all


def _salt(district) -> str:
    return f"kim.case_import.{district.pk}"


def _figures_url(district, year=None) -> str:
    url = reverse("kim:case_figures", args=[district.slug])
    return f"{url}?jahr={year}" if year else url


def success_message(counts) -> str:
    text = f"Fallzahlen von {counts.total} Quartalsmeldung{'en' if counts.total != 1 else ''}"
    details = []
    if counts.updated:
        details.append(f"davon {counts.updated} ersetzt")
    if counts.unchanged:
        details.append(f"{counts.unchanged} unverändert")
    return f"{text} importiert" + (", " + ", ".join(details) if details else "") + "."


class CaseImportView(DistrictMixin, View):
    capability = Capability.EDIT
    template_name = "kim/case_import.html"

    def render(self, **context):
        district = self.request.district
        context.setdefault("form", CaseFiguresUploadForm())
        context.update(
            district=district,
            access=self.request.access,
            columns=imports.columns(CaseTopic.for_district(district)),
            first_year=FIRST_YEAR,
            figures_url=_figures_url(district),
        )
        return render(self.request, self.template_name, context)

    def get(self, request, *args, **kwargs):
        return self.render()

    def post(self, request, *args, **kwargs):
        if "payload" in request.POST:
            return self.confirm()
        form = CaseFiguresUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        text = decode(upload.read())
        result = imports.parse(text, request.district, years=open_years())
        if not result.ok:
            return self.render(form=form, errors=result.errors)
        payload = signing.dumps(
            {"user": request.user.pk, "text": text},
            salt=_salt(request.district),
            compress=True,
        )
        return self.render(
            result=result,
            preview_rows=result.rows[:PREVIEW_ROWS],
            confirm_form=ImportConfirmForm(initial={"payload": payload}),
            file_name=upload.name,
        )

    def confirm(self):
        request = self.request
        form = ImportConfirmForm(request.POST)
        try:
            data = form.signed_value(salt=_salt(request.district), max_age=PAYLOAD_MAX_AGE)
        except PreviewRefused as refused:
            return self.render(errors=[refused.message])
        if not isinstance(data, dict) or data.get("user") != request.user.pk or "text" not in data:
            return self.render(errors=[INVALID_PREVIEW])
        text = str(data["text"])
        # Checked again: a municipality or topic may have changed since the preview.
        result = imports.parse(text, request.district, years=open_years())
        if not result.ok:
            return self.render(errors=result.errors)
        counts = services.case_figures_save(
            district=request.district, rows=[row.figures for row in result.rows]
        )
        messages.success(request, success_message(counts))
        return redirect(_figures_url(request.district, result.last_year))


def last_quarter() -> tuple[int, int]:
    """The quarter before today's: the one a KI reports next."""
    today = timezone.localdate()
    quarter = (today.month - 1) // 3  # today's quarter minus one, 0 = the last of last year
    return (today.year, quarter) if quarter else (today.year - 1, 4)


@district_view(Capability.EDIT)
@require_GET
def import_template(request):
    """The CSV template: the District's columns and a line per municipality for the last
    quarter, the numbers to fill in (UTF-8 with BOM and semicolons, core.exports)."""
    district = request.district
    topics = CaseTopic.for_district(district)
    year, quarter = last_quarter()
    columns = [Column(name) for name in imports.columns(topics)]
    rows = imports.template_rows(
        district.municipalities.order_by("name"), topics, year=year, quarter=quarter
    )
    return csv_response(columns, rows, filename="fallzahlen-vorlage.csv")


# --- topics -------------------------------------------------------------------------------------


class CaseTopicsView(DistrictMixin, FormView):
    """The District's topics in their order (issue 19: "a District-adjustable list"): add one,
    rename, move up or down, remove one that no quarter counts."""

    capability = Capability.EDIT
    template_name = "kim/case_topics.html"
    form_class = CaseTopicForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "district": self.request.district}

    def get_context_data(self, **kwargs):
        district = self.request.district
        topics = CaseTopic.for_district(district)
        uses = dict(
            TopicCount.objects.for_district(district)
            .values_list("topic")
            .annotate(reports=Count("pk"))
            .order_by()
        )
        for topic in topics:
            topic.reports = uses.get(topic.pk, 0)
        return {
            **super().get_context_data(**kwargs),
            "topics": topics,
            "figures_url": _figures_url(district),
        }

    def form_valid(self, form):
        topic = services.case_topic_create(
            district=self.request.district, name=form.cleaned_data["name"]
        )
        messages.success(self.request, f"Thema „{topic.name}“ hinzugefügt.")
        return redirect("kim:case_topics", district_slug=self.request.district.slug)


class CaseTopicFormView(StaleEditGuard, KimEditMixin, FormView):
    """Rename a topic; its counts stay with it."""

    model, form_class, noun = CaseTopic, CaseTopicForm, "Thema"

    def get_success_url(self) -> str:
        return reverse("kim:case_topics", args=[self.request.district.slug])

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": f"Thema „{self.object.name}“ umbenennen",
            "intro": (
                "Die Fälle, die zu diesem Thema schon gezählt sind, bleiben bei ihm, auch unter "
                "dem neuen Namen. Eine CSV-Datei braucht danach den neuen Namen als Spalte."
            ),
        }


class CaseTopicDeleteView(KimDeleteView):
    model = CaseTopic
    back_url_name = "kim:case_topics"

    def texts(self, topic) -> dict:
        return {
            "heading": f"Thema „{topic.name}“ entfernen",
            "question": f"Soll das Thema „{topic.name}“ aus der Liste entfernt werden?",
            "blocked": services.case_topic_delete_refusal(topic) or "",
        }

    def delete(self, topic) -> None:
        services.case_topic_delete(district=self.request.district, topic=topic)

    def deleted_message(self, topic) -> str:
        return f"Thema „{topic.name}“ entfernt."


@district_view(Capability.EDIT)
@require_POST
def case_topic_move(request, pk: int):
    topic = get_object_or_404(CaseTopic.objects.for_district(request.district), pk=pk)
    up = request.POST.get("richtung") != "runter"
    services.case_topic_move(district=request.district, topic=topic, up=up)
    return redirect("kim:case_topics", district_slug=request.district.slug)
