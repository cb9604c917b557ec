"""Thin CRUD views: bind the form, call the service, say so in German, redirect."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from accounts.rights import Capability
from districts.access import DistrictMixin


class ServiceFormView(DistrictMixin, FormView):
    """Create or update one object through a service function.

    Subclasses set ``form_class``, ``heading`` and ``success_message`` and implement
    ``get_object()`` (None when creating), ``save(data)`` and ``get_success_url()``.
    """

    capability = Capability.EDIT
    template_name = "actors/form.html"
    heading = ""
    success_message = "Gespeichert."
    submit_label = "Speichern"

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

    def get_cancel_url(self) -> str:
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            heading=self.heading,
            submit_label=self.submit_label,
            cancel_url=self.get_cancel_url(),
        )
        return context


class ServiceDeleteView(DistrictMixin, TemplateView):
    """Ask before deleting (GET), delete through a service (POST).

    A service that refuses raises ``ValidationError``; its German message is shown and
    nothing is deleted.
    """

    capability = Capability.EDIT
    template_name = "actors/confirm_delete.html"
    heading = ""
    success_message = "Gelöscht."
    explanation = ""

    def get_object(self):  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def delete(self, obj) -> None:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def get_success_url(self) -> str:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def get_cancel_url(self) -> str:
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            heading=self.heading,
            explanation=self.explanation,
            cancel_url=self.get_cancel_url(),
        )
        return context

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        success_url = self.get_success_url()
        cancel_url = self.get_cancel_url()
        try:
            self.delete(self.object)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(cancel_url)
        messages.success(request, self.success_message)
        return redirect(success_url)
