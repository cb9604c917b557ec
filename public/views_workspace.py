"""The KI's list of accessibility feedback, under ``/<district_slug>/rueckmeldungen/``."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability

from . import services


class FeedbackListView(DistrictMixin, ListView):
    capability = Capability.READ_INTERNAL
    template_name = "public/feedback_list.html"
    context_object_name = "feedback_messages"
    paginate_by = 25

    def get_queryset(self):
        return self.request.district.feedback_messages.order_by("handled", "-created")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_count"] = self.request.district.feedback_messages.filter(
            handled=False
        ).count()
        return context


@district_view(Capability.EDIT)
@require_POST
def feedback_mark_handled(request, pk):
    feedback = get_object_or_404(request.district.feedback_messages, pk=pk)
    handled = request.POST.get("erledigt", "1") == "1"
    services.feedback_set_handled(
        district=request.district, feedback=feedback, handled=handled, user=request.user
    )
    if handled:
        messages.success(request, "Rückmeldung als erledigt markiert.")
    else:
        messages.success(request, "Rückmeldung wieder als offen markiert.")
    return redirect("public:feedback", district_slug=request.district.slug)
