"""The KIM pages of a District (issue 19): posts per Baustein with their sums, funding and own
share, per municipality, and the decisions that changed the number of posts.

Rights (issue 19): the KI (EDIT) edits; the Kreistag and the Land read everything; a liaison
reads the posts that work in their municipality (READ in the scope OWN_MUNICIPALITY).
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from accounts.access import DistrictMixin
from accounts.rights import Capability, Scope
from core.locking import StaleEditGuard
from core.text import fte_label
from core.views import ConfirmDeleteView

from .forms import PostChangeForm, PostForm
from .models import Post, PostChange, PostKind
from .summary import by_baustein, by_municipality, rates_on


def visible_posts(request):
    posts = Post.objects.for_district(request.district).select_related("municipality")
    if request.access.scope(Capability.READ) == Scope.OWN_MUNICIPALITY:
        posts = posts.filter(municipality=request.access.municipality)
    return posts


class KimView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "kim/overview.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        posts = list(visible_posts(self.request))
        for post in posts:
            post.fte_display = fte_label(post.fte)
        changes = list(PostChange.objects.for_district(self.request.district))
        for change in changes:
            change.fte_before_display = fte_label(change.fte_before)
            change.fte_after_display = fte_label(change.fte_after)
        rates = rates_on(today)
        rows, total = by_baustein(posts, rates)
        return {
            **super().get_context_data(**kwargs),
            "posts": posts,
            "baustein_rows": rows,
            "total": total,
            "municipality_rows": by_municipality(posts),
            "changes": changes,
            "rates": [(kind.label, rates.get(kind.value)) for kind in PostKind],
            "today": today,
            "own_municipality_only": self.request.access.is_liaison,
        }


class KimEditMixin(DistrictMixin):
    capability = Capability.EDIT
    template_name = "form_page.html"
    model = None
    form_class = None
    noun = ""

    def get_success_url(self) -> str:
        return reverse("kim:overview", args=[self.request.district.slug])

    @property
    def object(self):
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_object"):
            self._object = get_object_or_404(
                self.model.objects.for_district(self.request.district), pk=self.kwargs["pk"]
            )
        return self._object

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "district": self.request.district,
            "instance": self.object,
        }

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        with transaction.atomic():
            form.save()
        messages.success(self.request, f"{self.noun} gespeichert.")
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        heading = f"{self.noun} bearbeiten" if self.object else f"{self.noun} anlegen"
        return {
            **super().get_context_data(**kwargs),
            "heading": heading,
            "back_url": self.get_success_url(),
        }


class PostFormView(StaleEditGuard, KimEditMixin, FormView):
    model, form_class, noun = Post, PostForm, "KIM-Stelle"


class PostChangeFormView(StaleEditGuard, KimEditMixin, FormView):
    model, form_class, noun = PostChange, PostChangeForm, "Stellenbeschluss"


class KimDeleteView(DistrictMixin, ConfirmDeleteView):
    capability = Capability.EDIT
    back_url_name = "kim:overview"
    model = None

    def get_object(self):
        return get_object_or_404(
            self.model.objects.for_district(self.request.district), pk=self.kwargs["pk"]
        )

    def delete(self, obj) -> None:
        obj.delete()


class PostDeleteView(KimDeleteView):
    model = Post

    def texts(self, post) -> dict:
        return {
            "heading": f"KIM-Stelle „{post}“ löschen",
            "question": f"Soll „{post}“ ({fte_label(post.fte)} VZÄ) gelöscht werden?",
        }

    def deleted_message(self, post) -> str:
        return f"KIM-Stelle „{post}“ gelöscht."


class PostChangeDeleteView(KimDeleteView):
    model = PostChange

    def texts(self, change) -> dict:
        return {
            "heading": "Stellenbeschluss löschen",
            "question": f"Soll der Stellenbeschluss „{change.decision}“ gelöscht werden?",
        }

    def deleted_message(self, change) -> str:
        return f"Stellenbeschluss „{change.decision}“ gelöscht."
