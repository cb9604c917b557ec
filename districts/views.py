from django.utils import timezone
from django.views.generic import TemplateView

from accounts.rights import Capability

from .access import DistrictMixin


class DistrictHomeView(DistrictMixin, TemplateView):
    """The District's start page; the full dashboard follows with the KI workspace."""

    capability = Capability.READ
    template_name = "districts/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        district = self.request.district
        today = timezone.localdate()
        context["current_period"] = (
            district.work_periods.filter(start__lte=today, end__gte=today)
            .prefetch_related("priorities__focus_area")
            .first()
        )
        versions = district.concept.versions.all() if hasattr(district, "concept") else []
        if not self.request.access.can(Capability.READ_INTERNAL):
            versions = [v for v in versions if v.is_adopted]
        context["versions"] = versions
        context["municipality_count"] = district.municipalities.count()
        context["measure_count"] = district.measures.filter(is_archived=False).count()
        return context
