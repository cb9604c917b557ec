"""Renewing a member's personal calendar subscription link (actors/subscription.py).

The feeds themselves list the papers on each meeting's agenda and therefore live in papers
(``papers/views_ical.py``: ``papers:meetings_ical``, ``papers:meetings_subscription``).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from accounts.access import district_view
from accounts.rights import Capability

from .. import services


@district_view(Capability.READ)
@require_POST
def subscription_renew(request):
    membership = request.access.membership
    if membership is None:
        messages.error(request, "Abo-Links gibt es für Mitglieder des Kreises.")
    else:
        services.subscription_renew(
            district=request.district, membership=membership, user=request.user
        )
        messages.success(
            request, "Neuer Abo-Link erzeugt. Der bisherige Link funktioniert nicht mehr."
        )
    return redirect("actors:committees", district_slug=request.district.slug)
