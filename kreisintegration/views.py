"""View building blocks shared by the apps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from accounts.rights import Capability
from districts.access import DistrictMixin


class ConfirmDeleteView(DistrictMixin, TemplateView):
    """Ask before deleting (GET), delete through a service (POST), go back to the list.

    Subclasses set ``back_url_name`` (the list, reversed with the District's slug) and define
    ``get_object()``, ``texts(obj)`` (``heading`` and ``question``; optionally ``note`` and,
    when deleting is impossible, ``blocked``), ``delete(obj)`` and ``deleted_message(obj)``.
    A service that refuses raises ``ValidationError``: its German message is shown and
    nothing is deleted. Template: ``templates/confirm_delete.html``.
    """

    capability = Capability.EDIT
    template_name = "confirm_delete.html"
    back_url_name = ""

    def back_url(self) -> str:
        return reverse(self.back_url_name, args=[self.request.district.slug])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.texts(self.get_object()), back_url=self.back_url())
        return context

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        message = self.deleted_message(obj)  # before the object is gone
        try:
            self.delete(obj)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return redirect(self.back_url())
