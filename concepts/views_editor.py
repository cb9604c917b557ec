"""The concept editor: versions, sections, lifecycle, Fortschreibung, diff, checklist."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, ListView, TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.locking import StaleEditGuard
from core.text import counted

from . import services, versioning
from .agreements import agreement_summary
from .deadlines import district_deadline
from .diff import diff_versions
from .forms_editor import (
    ContinueForm,
    DiffForm,
    ImageForm,
    SectionForm,
    StatusForm,
    SubmitForm,
    VersionContentsForm,
    VersionCreateForm,
    VersionForm,
)
from .models import ConceptSection, ConceptVersion, FocusArea, WorkPriority
from .queries import version_in_force, visible_versions
from .rendering import render_markdown


def _version(request, pk) -> ConceptVersion:
    return get_object_or_404(visible_versions(request), pk=pk)


def _section(request, pk):
    return get_object_or_404(
        ConceptSection.objects.for_district(request.district).select_related("version"), pk=pk
    )


def _to_version(version):
    return redirect(
        "concepts:version_detail", district_slug=version.concept.district.slug, pk=version.pk
    )


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


class VersionListView(DistrictMixin, ListView):
    capability = Capability.READ
    template_name = "concepts/editor/versions.html"
    context_object_name = "versions"

    def get_queryset(self):
        return (
            visible_versions(self.request)
            .annotate(
                n_sections=Count("sections", distinct=True),
                n_measures=Count("measures", distinct=True),
            )
            .select_related("based_on")
            .order_by("-number")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["diff_form"] = DiffForm(versions=visible_versions(self.request))
        # Which one is in force today (issue 14: one meaning of "in force").
        context["in_force"] = version_in_force(self.request.district.concept)
        if self.request.access.can_edit:
            context["create_form"] = VersionCreateForm(
                versions=self.request.district.concept.versions.order_by("-number"),
                initial={"title": self.request.district.concept.title},
            )
        return context


class VersionCreateView(DistrictMixin, FormView):
    """„Neue Fassung“: the first Konzeptfassung of a new District, or a later one (issue 13)."""

    capability = Capability.EDIT
    template_name = "concepts/editor/version_create.html"
    form_class = VersionCreateForm

    def get_form_kwargs(self):
        versions = self.request.district.concept.versions.order_by("-number")
        return {**super().get_form_kwargs(), "versions": versions}

    def get_initial(self):
        return {"title": self.request.district.concept.title}

    def form_valid(self, form):
        data = form.cleaned_data
        if data["start"] == VersionCreateForm.COPY:
            version = services.version_continue(
                district=self.request.district,
                version=data["based_on"],
                title=data["title"],
                user=self.request.user,
            )
        else:
            version = services.version_create(
                district=self.request.district,
                title=data["title"],
                structured=data["start"] == VersionCreateForm.STRUCTURED,
                user=self.request.user,
            )
        messages.success(self.request, f"Fassung „{version.title}“ als Entwurf angelegt.")
        return _to_version(version)


class VersionDetailView(DistrictMixin, DetailView):
    capability = Capability.READ
    template_name = "concepts/editor/version_detail.html"
    context_object_name = "version"

    def get_object(self):
        return _version(self.request, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.object
        district = self.request.district
        context["sections"] = [
            (section, render_markdown(section.body, district))
            for section in version.sections.order_by("order")
        ]
        contents, context["measures_page"] = versioning.page_contents(
            version, self.request.GET.get("massnahmen")
        )
        context["contents"] = contents
        context["empty_notes"] = versioning.empty_notes(district, contents)
        context["editable"] = self.request.access.can_edit and not version.is_adopted
        context["deadline"] = district_deadline(district, version, timezone.localdate())
        # Issue 18: the municipalities' Einvernehmen with this Fassung (none for a kreisfreie
        # Stadt, which has no kreisangehörige municipalities).
        summary = agreement_summary(version)
        context["agreements"] = summary if summary.municipalities else None
        # Issue 14: whether this is the concept in force today, said in words.
        context["is_in_force"] = version_in_force(district.concept) == version
        context["continue_form"] = ContinueForm(
            initial={"title": f"Fortschreibung {version.title}"}
        )
        context["status_form"] = StatusForm(initial={"status": version.status})
        context["submit_form"] = SubmitForm(initial={"submitted_on": version.submitted_on})
        context["status_moves"] = services.STATUS_MOVES.get(version.status, set())
        return context


def contents_choices(district, version: ConceptVersion) -> dict:
    """The checkboxes of "Inhalt der Fassung": every Handlungsfeld; the Arbeitsschwerpunkte by
    work period (newest first) and Schwerpunkt; the current measures (and archived ones the
    version still holds) by Schwerpunkt — each with whether the version holds it."""
    chosen_fields = set(version.fields_of_action.values_list("pk", flat=True))
    chosen_priorities = set(version.priorities.values_list("pk", flat=True))
    chosen_measures = set(version.measures.values_list("pk", flat=True))
    focus_areas = list(FocusArea.objects.order_by("order"))
    priorities = list(
        WorkPriority.objects.for_district(district)
        .select_related("work_period")
        .order_by("-work_period__start", "order", "title")
    )
    periods = []
    for priority in priorities:
        if not periods or periods[-1][0] != priority.work_period:
            periods.append((priority.work_period, []))
        periods[-1][1].append(priority)
    measures = list(
        district.measures.filter(Q(is_archived=False) | Q(pk__in=chosen_measures)).order_by("title")
    )
    return {
        "field_choices": [
            (field, field.pk in chosen_fields) for field in district.fields_of_action.all()
        ],
        "priority_choices": [
            (
                period,
                [
                    (
                        focus,
                        [
                            (p, p.pk in chosen_priorities)
                            for p in items
                            if p.focus_area_id == focus.pk
                        ],
                    )
                    for focus in focus_areas
                ],
            )
            for period, items in periods
        ],
        "measure_choices": [
            (focus, [(m, m.pk in chosen_measures) for m in measures if m.focus_area_id == focus.pk])
            for focus in focus_areas
        ],
    }


def _contents_page(request, version, form=None):
    context = {
        "district": request.district,
        "access": request.access,
        "version": version,
        "form": form,
        **contents_choices(request.district, version),
    }
    return render(request, "concepts/editor/version_contents.html", context)


@district_view(Capability.EDIT)
def version_choose_contents(request, pk):
    """Choose which Handlungsfelder, Arbeitsschwerpunkte and measures the Fassung holds.

    A page of its own (issue 16): its checkboxes list every measure of the District, which the
    version page, read far more often, need not carry.
    """
    version = _version(request, pk)
    if request.method != "POST":
        if version.is_adopted:
            # As adopted by the Kreistag: the choice is frozen (concepts.services).
            messages.info(
                request, "Der Inhalt einer beschlossenen Fassung bleibt, wie beschlossen."
            )
            return _to_version(version)
        return _contents_page(request, version)
    form = VersionContentsForm(request.POST, district=request.district, version=version)
    if not form.is_valid():
        if version.is_adopted:
            _form_errors(request, form)
            return _to_version(version)
        # Nothing saved; the page again with the message at the list it concerns.
        return _contents_page(request, version, form=form)
    try:
        services.version_set_contents(
            district=request.district,
            version=version,
            fields_of_action=form.cleaned_data["fields_of_action"],
            priorities=form.cleaned_data["priorities"],
            measures=form.cleaned_data["measures"],
            user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        data = form.cleaned_data
        messages.success(
            request,
            "Inhalt der Fassung gespeichert: "
            f"{counted(len(data['fields_of_action']), 'Handlungsfeld', 'Handlungsfelder')}, "
            f"{counted(len(data['priorities']), 'Arbeitsschwerpunkt', 'Arbeitsschwerpunkte')}, "
            f"{counted(len(data['measures']), 'Maßnahme', 'Maßnahmen')}.",
        )
    return _to_version(version)


class VersionUpdateView(StaleEditGuard, DistrictMixin, FormView):
    capability = Capability.EDIT
    template_name = "concepts/editor/version_form.html"
    form_class = VersionForm

    def get_form_kwargs(self):
        self.version = _version(self.request, self.kwargs["pk"])
        return {**super().get_form_kwargs(), "instance": self.version}

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        try:
            services.version_update(
                district=self.request.district,
                version=self.version,
                title=form.cleaned_data["title"],
                deadline=form.cleaned_data["deadline"],
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Fassung gespeichert.")
        return _to_version(self.version)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "version": self.version}


@require_POST
@district_view(Capability.EDIT)
def version_continue(request, pk):
    version = _version(request, pk)
    form = ContinueForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _to_version(version)
    new = services.version_continue(
        district=request.district,
        version=version,
        title=form.cleaned_data["title"],
        user=request.user,
    )
    messages.success(request, f"Fortschreibung „{new.title}“ als Entwurf angelegt.")
    return _to_version(new)


@require_POST
@district_view(Capability.EDIT)
def version_status(request, pk):
    version = _version(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.version_set_status(
                district=request.district,
                version=version,
                status=form.cleaned_data["status"],
                user=request.user,
            )
            messages.success(request, f"Status: {version.get_status_display()}.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        _form_errors(request, form)
    return _to_version(version)


@require_POST
@district_view(Capability.EDIT)
def version_submit(request, pk):
    version = _version(request, pk)
    form = SubmitForm(request.POST)
    if form.is_valid():
        services.version_record_submission(
            district=request.district,
            version=version,
            submitted_on=form.cleaned_data["submitted_on"],
            user=request.user,
        )
        messages.success(request, f"Vorlage beim Land am {version.submitted_on:%d.%m.%Y} erfasst.")
    else:
        _form_errors(request, form)
    return _to_version(version)


class SectionCreateView(DistrictMixin, FormView):
    capability = Capability.EDIT
    template_name = "concepts/editor/section_form.html"
    form_class = SectionForm

    def get_form_kwargs(self):
        self.version = _version(self.request, self.kwargs["pk"])
        return super().get_form_kwargs()

    def form_valid(self, form):
        try:
            services.section_create(
                district=self.request.district,
                version=self.version,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Abschnitt angelegt.")
        return _to_version(self.version)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "version": self.version,
            "upload_form": ImageForm(),
        }


class SectionUpdateView(StaleEditGuard, DistrictMixin, FormView):
    """Edit one section; a concurrent save is refused and the stored text is shown."""

    capability = Capability.EDIT
    template_name = "concepts/editor/section_form.html"
    form_class = SectionForm

    def get_form_kwargs(self):
        self.section = _section(self.request, self.kwargs["pk"])
        return {**super().get_form_kwargs(), "instance": self.section}

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        try:
            services.section_update(
                district=self.request.district,
                section=self.section,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Abschnitt gespeichert.")
        return _to_version(self.section.version)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = self.section.version
        context["section"] = self.section
        context["upload_form"] = ImageForm()
        return context


@require_POST
@district_view(Capability.EDIT)
def section_delete(request, pk):
    section = _section(request, pk)
    try:
        services.section_delete(district=request.district, section=section, user=request.user)
        messages.success(request, f"Abschnitt „{section.title}“ gelöscht.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _to_version(section.version)


@require_POST
@district_view(Capability.EDIT)
def section_move(request, pk):
    section = _section(request, pk)
    direction = -1 if request.POST.get("direction") == "hoch" else 1
    try:
        services.section_move(
            district=request.district, section=section, direction=direction, user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(
        reverse(
            "concepts:version_detail",
            kwargs={"district_slug": request.district.slug, "pk": section.version_id},
        )
        + f"#abschnitt-{section.pk}"
    )


@require_POST
@district_view(Capability.EDIT)
def image_upload(request):
    """Store an image among the District's uploads and hand back the Markdown to paste."""
    form = ImageForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        url = services.image_upload(
            district=request.district, image=form.cleaned_data["image"], user=request.user
        )
        messages.success(request, f"Bild hochgeladen. Fügen Sie es so ein: ![Beschreibung]({url})")
    target = request.POST.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = reverse("concepts:versions", args=[request.district.slug])
    return HttpResponseRedirect(target)


class DiffView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "concepts/editor/diff.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = visible_versions(self.request)
        form = DiffForm(self.request.GET or None, versions=versions)
        context["form"] = form
        if form.is_valid():
            old, new = form.cleaned_data["old"], form.cleaned_data["new"]
            if old.number > new.number:
                old, new = new, old
            context["old"], context["new"] = old, new
            context["diff"] = diff_versions(old, new)
        return context
