"""Actors and their offers: list with the Kooperationsgebot check, actor page, CRUD."""

from collections import defaultdict

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView

from accounts.access import DistrictMixin
from accounts.rights import Capability

from .. import services
from ..filters import ActorFilter
from ..forms import ActorForm, OfferForm
from ..models import Offer
from ..queries import mandatory_type_coverage
from .base import ServiceFormView, StandardDeleteView


class ActorListView(DistrictMixin, ListView):
    """All actors of the District, filterable, with the Kooperationsgebot card."""

    capability = Capability.READ
    template_name = "actors/actor_list.html"
    context_object_name = "actors"
    paginate_by = 25

    def get_queryset(self):
        district = self.request.district
        offer_count = (
            Offer.objects.filter(actor=OuterRef("pk"))
            .order_by()
            .values("actor")
            .annotate(n=Count("pk"))
            .values("n")
        )
        actors = (
            district.actors.select_related("type", "municipality")
            .prefetch_related("fields_of_action")
            .annotate(offer_count=Coalesce(Subquery(offer_count, output_field=IntegerField()), 0))
            .order_by("name", "pk")
        )
        self.filterset = ActorFilter(self.request.GET or None, queryset=actors, district=district)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        present, missing = mandatory_type_coverage(self.request.district)
        context.update(
            filter=self.filterset,
            mandatory_present=present,
            mandatory_missing=missing,
            is_filtered=any(self.request.GET.get(f) for f in self.filterset.filters),
        )
        return context


class ActorDetailView(DistrictMixin, DetailView):
    """One actor: its data, offers, contact persons (KI staff only), measures, committees.

    Related rows are read with one query each, whether there are none or many, so the page
    costs the same number of queries for a small and a large actor.
    """

    capability = Capability.READ
    template_name = "actors/actor_detail.html"
    context_object_name = "actor"

    def get_object(self, queryset=None):
        return get_object_or_404(
            self.request.district.actors.select_related("type", "municipality"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actor = self.object
        access = self.request.access
        offers = list(actor.offers.all())
        groups, municipalities = defaultdict(list), defaultdict(list)
        for link in (
            Offer.target_groups.through.objects.filter(offer__actor=actor)
            .select_related("targetgroup")
            .order_by("targetgroup__name")
        ):
            groups[link.offer_id].append(link.targetgroup)
        for link in (
            Offer.municipalities.through.objects.filter(offer__actor=actor)
            .select_related("municipality")
            .order_by("municipality__name")
        ):
            municipalities[link.offer_id].append(link.municipality)
        for offer in offers:
            offer.target_group_list = groups[offer.pk]
            offer.municipality_list = municipalities[offer.pk]

        # The District's measures through its reverse relation (actors does not import measures);
        # what a liaison may see is the one rule on MeasureQuerySet.visible_to.
        measures = self.request.district.measures.visible_to(access).order_by("title")
        context.update(
            fields_of_action=list(actor.fields_of_action.all()),
            target_groups=list(actor.target_groups.all()),
            offers=offers,
            # Personal data (DSGVO): only for roles that may read internal data.
            contacts=list(actor.contacts.all()) if access.can_read_internal else None,
            led_measures=list(measures.filter(lead_actor=actor)),
            partner_measures=list(measures.filter(partner_actors=actor)),
            committees=list(actor.committees.order_by("name")),
        )
        return context


class ActorFormView(ServiceFormView):
    form_class = ActorForm

    def get_success_url(self):
        return self.object.get_absolute_url() if self.object else self._list_url()

    def _list_url(self):
        return reverse("actors:list", args=[self.request.district.slug])


class ActorCreateView(ActorFormView):
    heading = "Akteur anlegen"
    success_message = "Akteur gespeichert."

    def save(self, data):
        return services.actor_create(
            district=self.request.district, data=data, user=self.request.user
        )


class ActorUpdateView(ActorFormView):
    heading = "Akteur bearbeiten"
    success_message = "Änderungen am Akteur gespeichert."

    def get_object(self):
        return get_object_or_404(self.request.district.actors, pk=self.kwargs["pk"])

    def save(self, data):
        return services.actor_update(
            district=self.request.district, actor=self.object, data=data, user=self.request.user
        )


class ActorDeleteView(StandardDeleteView):
    heading = "Akteur löschen"
    success_message = "Akteur gelöscht."
    note = (
        "Mit dem Akteur werden seine Angebote und Ansprechpersonen gelöscht. Solange Maßnahmen "
        "ihn als federführend oder als Partner nennen, kann er nicht gelöscht werden."
    )

    def get_object(self):
        return get_object_or_404(self.request.district.actors, pk=self.kwargs["pk"])

    def delete(self, obj):
        services.actor_delete(district=self.request.district, actor=obj, user=self.request.user)

    def back_url(self):
        return self.object.get_absolute_url()

    def deleted_url(self):
        return reverse("actors:list", args=[self.request.district.slug])


class OfferFormView(ServiceFormView):
    form_class = OfferForm

    def get_success_url(self):
        return self.actor.get_absolute_url()


class OfferCreateView(OfferFormView):
    success_message = "Angebot gespeichert."

    def get_object(self):
        self.actor = get_object_or_404(self.request.district.actors, pk=self.kwargs["actor_pk"])
        self.heading = f"Angebot für „{self.actor.name}“ anlegen"
        return None

    def save(self, data):
        return services.offer_create(
            district=self.request.district, actor=self.actor, data=data, user=self.request.user
        )


def district_offers(district):
    return Offer.objects.for_district(district).select_related("actor__district")


class OfferUpdateView(OfferFormView):
    success_message = "Angebot gespeichert."

    def get_object(self):
        offer = get_object_or_404(district_offers(self.request.district), pk=self.kwargs["pk"])
        self.actor = offer.actor
        self.heading = f"Angebot „{offer.title}“ bearbeiten"
        return offer

    def save(self, data):
        return services.offer_update(
            district=self.request.district, offer=self.object, data=data, user=self.request.user
        )


class OfferDeleteView(StandardDeleteView):
    heading = "Angebot löschen"
    success_message = "Angebot gelöscht."

    def get_object(self):
        return get_object_or_404(district_offers(self.request.district), pk=self.kwargs["pk"])

    def delete(self, obj):
        services.offer_delete(district=self.request.district, offer=obj, user=self.request.user)

    def back_url(self):
        return self.object.actor.get_absolute_url()
