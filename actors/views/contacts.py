"""Contact persons of an actor: personal data under the DSGVO (export Art. 15, erasure Art. 17)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.decorators.http import require_POST

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.exports import download

from .. import services
from ..forms import ContactPersonForm
from ..models import ContactPerson
from .base import ServiceFormView, StandardDeleteView

ERASED_MESSAGE = (
    "Ansprechperson gelöscht. Name, E-Mail-Adresse und Telefonnummer wurden auch aus dem "
    "Änderungsverlauf entfernt."
)


def district_contacts(district):
    return ContactPerson.objects.for_district(district).select_related("actor__district")


class ContactFormView(ServiceFormView):
    form_class = ContactPersonForm

    def get_success_url(self):
        return self.actor.get_absolute_url()


class ContactCreateView(ContactFormView):
    success_message = "Ansprechperson gespeichert."

    def get_object(self):
        self.actor = get_object_or_404(self.request.district.actors, pk=self.kwargs["actor_pk"])
        self.heading = f"Ansprechperson für „{self.actor.name}“ anlegen"
        return None

    def save(self, data):
        return services.contact_create(
            district=self.request.district, actor=self.actor, data=data, user=self.request.user
        )


class ContactUpdateView(ContactFormView):
    success_message = "Ansprechperson gespeichert."

    def get_object(self):
        contact = get_object_or_404(district_contacts(self.request.district), pk=self.kwargs["pk"])
        self.actor = contact.actor
        self.heading = f"Ansprechperson bei „{self.actor.name}“ bearbeiten"
        return contact

    def save(self, data):
        return services.contact_update(
            district=self.request.district, contact=self.object, data=data, user=self.request.user
        )


class ContactDeleteView(StandardDeleteView):
    """Asks before erasing; deleting a contact person always erases them completely."""

    template_name = "actors/contact_confirm_erase.html"
    heading = "Ansprechperson löschen"
    success_message = ERASED_MESSAGE

    def get_object(self):
        return get_object_or_404(district_contacts(self.request.district), pk=self.kwargs["pk"])

    def delete(self, obj):
        services.contact_erase(district=self.request.district, contact=obj, user=self.request.user)

    def back_url(self):
        return self.object.actor.get_absolute_url()


class ContactExportView(DistrictMixin, View):
    """All data held on one contact person as a JSON file (Art. 15 DSGVO)."""

    capability = Capability.EDIT

    def get(self, request, *args, **kwargs):
        contact = get_object_or_404(district_contacts(request.district), pk=kwargs["pk"])
        filename, content = services.contact_export(
            district=request.district, contact=contact, user=request.user
        )
        return download(content, filename=filename, content_type="application/json; charset=utf-8")


@district_view(Capability.EDIT)
@require_POST
def contact_erase(request, pk):
    """Erase a contact person in one action (Art. 17 DSGVO), see ``services.contact_erase``."""
    contact = get_object_or_404(district_contacts(request.district), pk=pk)
    actor_url = contact.actor.get_absolute_url()
    services.contact_erase(district=request.district, contact=contact, user=request.user)
    messages.success(request, ERASED_MESSAGE)
    return redirect(actor_url)
