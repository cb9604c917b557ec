"""View building blocks shared by the apps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView


class ConfirmDeleteView(TemplateView):
    """Ask before deleting (GET), delete through a service (POST), go back to the list.

    Subclasses set ``back_url_name`` (the list, reversed with the District's slug) or override
    ``back_url()``, and define ``get_object()``, ``texts(obj)`` (``heading`` and ``question``;
    optionally ``note`` and, when deleting is impossible, ``blocked``), ``delete(obj)`` and
    ``deleted_message(obj)``. After deleting, the view goes to ``deleted_url()``, which is the
    back URL unless a subclass says otherwise (e.g. the list when the back URL is the object's
    own page). The object is ``self.object`` (and ``object`` in the template) while these run.
    A service that refuses raises ``ValidationError``: its German message is shown, nothing is
    deleted and the view goes back to ``back_url()``. Template: ``templates/confirm_delete.html``. Combine it with the tenancy mixin
    (``class X(DistrictMixin, ConfirmDeleteView)`` with ``capability = Capability.EDIT``); the
    kit itself knows no District.
    """

    template_name = "confirm_delete.html"
    back_url_name = ""

    def back_url(self) -> str:
        return reverse(self.back_url_name, args=[self.request.district.slug])

    def deleted_url(self) -> str:
        return self.back_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.object = self.get_object()
        context.update(self.texts(self.object), object=self.object, back_url=self.back_url())
        return context

    def post(self, request, *args, **kwargs):
        self.object = obj = self.get_object()
        # Worded and addressed before the object is gone.
        message = self.deleted_message(obj)
        back_url, deleted_url = self.back_url(), self.deleted_url()
        try:
            self.delete(obj)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back_url)
        messages.success(request, message)
        return redirect(deleted_url)
