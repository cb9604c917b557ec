"""The District's glossary: terms and abbreviations (Coesfeld wants one, seed 004)."""

from itertools import groupby

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from accounts.access import DistrictMixin
from accounts.rights import Capability

from .. import services
from ..forms import GlossaryEntryForm
from .base import ServiceFormView, StandardDeleteView

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def alphabetical(term: str) -> tuple[str, str]:
    """German dictionary order (DIN 5007-1): Ä is filed under A, ß as ss; case is ignored."""
    folded = term.casefold().translate(_FOLD)
    return folded, term


def initial(term: str) -> str:
    letter = alphabetical(term)[0][:1].upper()
    return letter if letter.isalpha() else "#"


def glossary_context(district) -> dict:
    """``letters`` (letter, entries) in German dictionary order and ``entry_count``, for the
    workspace and the public glossary (``templates/_glossary_letters.html``)."""
    entries = sorted(district.glossary_entries.all(), key=lambda e: alphabetical(e.term))
    return {
        "letters": [
            (letter, list(group))
            for letter, group in groupby(entries, key=lambda e: initial(e.term))
        ],
        "entry_count": len(entries),
    }


class GlossaryView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "actors/glossary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(glossary_context(self.request.district))
        return context


class GlossaryFormView(ServiceFormView):
    form_class = GlossaryEntryForm
    success_message = "Glossareintrag gespeichert."

    def get_success_url(self):
        return reverse("actors:glossary", args=[self.request.district.slug])


class GlossaryCreateView(GlossaryFormView):
    heading = "Glossareintrag anlegen"

    def save(self, data):
        return services.glossary_entry_create(
            district=self.request.district, data=data, user=self.request.user
        )


class GlossaryUpdateView(GlossaryFormView):
    heading = "Glossareintrag bearbeiten"

    def get_object(self):
        return get_object_or_404(self.request.district.glossary_entries, pk=self.kwargs["pk"])

    def save(self, data):
        return services.glossary_entry_update(
            district=self.request.district, entry=self.object, data=data, user=self.request.user
        )


class GlossaryDeleteView(StandardDeleteView):
    back_url_name = "actors:glossary"
    heading = "Glossareintrag löschen"
    success_message = "Glossareintrag gelöscht."

    def get_object(self):
        return get_object_or_404(self.request.district.glossary_entries, pk=self.kwargs["pk"])

    def delete(self, obj):
        services.glossary_entry_delete(
            district=self.request.district, entry=obj, user=self.request.user
        )
