"""Thin CRUD views: bind the form, call the service, say so in German, redirect."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from accounts.access import DistrictMixin
from accounts.rights import Capability
from core.locking import StaleEditGuard
from core.views import ConfirmDeleteView


class ServiceFormView(StaleEditGuard, DistrictMixin, FormView):
    """Create or update one object through a service function.

    Subclasses set ``form_class``, ``heading`` and ``success_message`` and implement
    ``get_object()`` (None when creating), ``save(data)`` and ``get_success_url()``.
    Template: the shared ``templates/form_page.html``.
    """

    capability = Capability.EDIT
    template_name = "form_page.html"
    heading = ""
    success_message = "Gespeichert."

    def dispatch(self, request, *args, **kwargs):
        self.object = None
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_object(self):
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["district"] = self.request.district
        if self.object is not None:
            kwargs["instance"] = self.object
        return kwargs

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        try:
            self.object = self.save(form.cleaned_data)
        except ValidationError as exc:
            # The model's own checks, as a backstop behind the form's.
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def save(self, data):  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, heading=self.heading, back_url=self.get_success_url())
        return context


class StandardDeleteView(DistrictMixin, ConfirmDeleteView):
    """The shared delete confirmation with this app's standard question.

    Subclasses set ``heading``, ``success_message`` and optionally ``note`` (shown below the
    question), and define ``get_object()``, ``delete(obj)`` and ``back_url()`` (or
    ``back_url_name``); ``deleted_url()`` when deleting should lead elsewhere than "Abbrechen".
    """

    capability = Capability.EDIT

    heading = ""
    success_message = "Gelöscht."
    note = ""

    def texts(self, obj) -> dict:
        return {
            "heading": self.heading,
            "question": (
                f"Soll „{obj}“ wirklich gelöscht werden? Das lässt sich nicht rückgängig machen."
            ),
            "note": self.note,
        }

    def deleted_message(self, obj) -> str:
        return self.success_message
