from django.contrib.auth.forms import AuthenticationForm
from django.views.generic import TemplateView

from accounts.rights import LAND, Role
from districts.models import District


class HomeView(TemplateView):
    """Public start page: what the product is and a login form; once logged in, your Districts."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if not user.is_authenticated:
            context["login_form"] = AuthenticationForm(self.request)
            return context
        items = [
            {"district": m.district, "role_label": m.get_role_display()}
            for m in user.memberships.filter(is_active=True).select_related("district")
        ]
        if user.is_land or user.is_superuser:
            member_of = {item["district"].pk for item in items}
            items += [
                {"district": d, "role_label": "Land (lesend)"}
                for d in District.objects.exclude(pk__in=member_of)
            ]
        context["districts"] = items
        context["roles"] = Role
        context["land"] = LAND
        return context
