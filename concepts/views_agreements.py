"""The Einvernehmen of the kreisangehörige municipalities with a Fassung (issue 18).

Seed 002 (Eckpunktepapier; Art. 1 § 7 Abs. 1 TIntG 2012, today TIntG § 8): the Kreistag adopts
the concept "in Abstimmung mit den betroffenen kreisangehörigen Gemeinden". Each municipality's
liaison records its own municipality's Einvernehmen; the KI records any municipality's from its
letter ("auf Papier", like the answers to a round). Once the Kreistag has adopted the Fassung,
only the KI records (what was decided before, entered afterwards).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView, View

from accounts.access import DistrictMixin
from accounts.rights import Capability, Scope
from core.locking import StaleEditGuard
from core.views import ConfirmDeleteView

from .agreements import agreement_rows, summary_of
from .forms_agreements import AgreementForm
from .models import MunicipalAgreement
from .queries import visible_versions

# A municipality's answer to its Kreis: the same right as answering a priority round.
RECORD = Capability.ANSWER_ROUND


def _version(request, pk):
    return get_object_or_404(visible_versions(request).select_related("concept__district"), pk=pk)


def may_record(access, version, municipality) -> bool:
    """The KI for every municipality; a liaison for their own, while the Fassung is not adopted."""
    scope = access.scope(RECORD)
    if scope == Scope.ANY_MUNICIPALITY:
        return True
    own = access.municipality
    return (
        scope == Scope.OWN_MUNICIPALITY
        and own is not None
        and own.pk == municipality.pk
        and not version.is_adopted
    )


def _list_url(version) -> str:
    return reverse("concepts:agreements", args=[version.concept.district.slug, version.pk])


class AgreementListView(DistrictMixin, TemplateView):
    """Every municipality with its Einvernehmen, Gremium, date and notes."""

    capability = Capability.READ
    template_name = "concepts/agreements/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = _version(self.request, self.kwargs["pk"])
        rows = agreement_rows(version)
        for row in rows:
            row.editable = may_record(self.request.access, version, row.municipality)
        context.update(
            version=version,
            rows=rows,
            summary=summary_of(rows, version.is_adopted),
            can_delete=self.request.access.scope(RECORD) == Scope.ANY_MUNICIPALITY,
        )
        return context


class AgreementMixin(DistrictMixin):
    capability = RECORD

    def setup_agreement(self):
        request = self.request
        self.version = _version(request, self.kwargs["pk"])
        self.municipality = get_object_or_404(
            request.district.municipalities, pk=self.kwargs["municipality_pk"]
        )
        access = request.access
        if access.scope(RECORD) == Scope.OWN_MUNICIPALITY:
            own = access.municipality
            if own is None or own.pk != self.municipality.pk:
                raise Http404  # another municipality's entry, as for the rounds' answers
        if not may_record(access, self.version, self.municipality):
            raise PermissionDenied(
                "Die Fassung ist beschlossen; ihr Einvernehmen erfasst nur noch das KI."
            )
        self.agreement = self.version.agreements.filter(
            municipality=self.municipality
        ).first() or MunicipalAgreement(version=self.version, municipality=self.municipality)


class AgreementEditView(StaleEditGuard, AgreementMixin, FormView):
    template_name = "concepts/agreements/form.html"
    form_class = AgreementForm

    def get_form_kwargs(self):
        self.setup_agreement()
        return {**super().get_form_kwargs(), "instance": self.agreement}

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        agreement = form.save(commit=False)
        agreement.entered_by = self.request.user
        agreement.on_paper = self.request.access.scope(RECORD) == Scope.ANY_MUNICIPALITY
        agreement.save()
        messages.success(
            self.request,
            f"Einvernehmen von {self.municipality.name} gespeichert: "
            f"{agreement.get_decision_display()}.",
        )
        return redirect(_list_url(self.version))

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "version": self.version,
            "municipality": self.municipality,
            "agreement": self.agreement,
            "on_paper": self.request.access.scope(RECORD) == Scope.ANY_MUNICIPALITY,
        }


class AgreementDeleteView(DistrictMixin, ConfirmDeleteView):
    """The KI removes an entry made in error; the municipality is then "ausstehend" again."""

    capability = Capability.EDIT

    def get_object(self):
        version = _version(self.request, self.kwargs["pk"])
        return get_object_or_404(
            version.agreements.select_related("municipality", "version__concept__district"),
            municipality_id=self.kwargs["municipality_pk"],
        )

    def back_url(self) -> str:
        return _list_url(self.object.version)

    def texts(self, obj):
        return {
            "heading": f"Einvernehmen von {obj.municipality.name} löschen",
            "question": (
                f"Soll das erfasste Einvernehmen von {obj.municipality.name} "
                f"({obj.get_decision_display()}, {obj.body}, {obj.decided_on:%d.%m.%Y}) "
                "gelöscht werden? Die Kommune gilt danach wieder als ausstehend."
            ),
        }

    def delete(self, obj):
        obj.delete()

    def deleted_message(self, obj):
        return f"Einvernehmen von {obj.municipality.name} gelöscht."


class AgreementDocumentView(DistrictMixin, View):
    """The municipality's decision as uploaded (PDF), for whoever may read the list."""

    capability = Capability.READ

    def get(self, request, *args, **kwargs):
        version = _version(request, kwargs["pk"])
        agreement = get_object_or_404(
            version.agreements.select_related("municipality"),
            municipality_id=kwargs["municipality_pk"],
        )
        if not agreement.document:
            raise Http404
        return FileResponse(
            agreement.document.open("rb"),
            content_type="application/pdf",
            as_attachment=False,
            filename=f"Einvernehmen {agreement.municipality.name}.pdf",
        )
