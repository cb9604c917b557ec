"""History pages: who changed what when, a diff per change, and restore of an earlier state.

One view serves the objects whose history is kept (django-simple-history): concept sections,
measures, indicators and actors. Reading the history shows names of colleagues, so it needs the
internal-read right; restoring is an edit.
"""

import difflib
import re
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.locking import CONFLICT_MESSAGE, SEEN_FIELD, EditConflict, stamp

from . import services


@dataclass(frozen=True)
class Kind:
    model_path: str
    label: str
    detail_url: str  # URL name of the page that shows the object, taking district_slug and pk
    detail_pk: str = "pk"  # which attribute of the object is that page's pk

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)


KINDS = {
    "abschnitt": Kind("concepts.ConceptSection", "Abschnitt", "concepts:section_update"),
    "massnahme": Kind("measures.Measure", "Maßnahme", "measures:detail"),
    "kennzahl": Kind("measures.Indicator", "Kennzahl", "measures:detail", "measure_id"),
    "akteur": Kind("actors.Actor", "Akteur", "actors:detail"),
}
CHANGE_TYPES = {"+": "angelegt", "~": "geändert", "-": "gelöscht"}
HIDDEN_FIELDS = {"search_text", "modified", "created"}
_WORDS = re.compile(r"\S+|\s+")


def _marked(tokens, tag: str, said: str) -> str:
    text = "".join(tokens)
    words = text.strip()
    if not words:
        return escape(text)
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    # Not by colour alone: struck through / underlined (app.css), and said to screen readers.
    return format_html(
        '{}<{}><span class="visually-hidden">{} </span>{}</{}>{}',
        lead,
        tag,
        said,
        words,
        tag,
        trail,
    )


def text_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """The whole old and the whole new text, HTML-escaped, the words removed from the old one
    in <del> and those added to the new one in <ins> (issue 14: a sentence added at the end of
    a long text must be visible, so nothing is cut)."""
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    # (changed?, old tokens, new tokens); a mere space between two changes joins them, so a
    # replaced sentence reads as one marked piece, not word by word.
    runs: list[tuple[bool, list, list]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        changed = op != "equal"
        if changed and len(runs) >= 2 and runs[-2][0] and not "".join(runs[-1][1]).strip():
            _, space, _ = runs.pop()
            runs[-1][1].extend(space + a[i1:i2])
            runs[-1][2].extend(space + b[j1:j2])
        elif changed and runs and runs[-1][0]:
            runs[-1][1].extend(a[i1:i2])
            runs[-1][2].extend(b[j1:j2])
        else:
            runs.append((changed, list(a[i1:i2]), list(b[j1:j2])))
    before, after = [], []
    for changed, old_tokens, new_tokens in runs:
        if not changed:
            before.append(escape("".join(old_tokens)))
            after.append(escape("".join(new_tokens)))
            continue
        if old_tokens:
            before.append(_marked(old_tokens, "del", "entfernt:"))
        if new_tokens:
            after.append(_marked(new_tokens, "ins", "eingefügt:"))
    return mark_safe("".join(before)), mark_safe("".join(after))  # noqa: S308 — escaped above


@dataclass(frozen=True)
class Change:
    label: str
    old: object
    new: object
    before: SafeString | None = None  # whole texts with the words marked, for text fields
    after: SafeString | None = None


def _change(label, old, new) -> Change:
    if isinstance(old, str | None) and isinstance(new, str | None):
        before, after = text_diff(old or "", new or "")
        return Change(label, old, new, before, after)
    return Change(label, old, new)


def _object(request, kind_key: str, pk: int):
    kind = KINDS.get(kind_key)
    if kind is None:
        raise Http404
    return kind, get_object_or_404(kind.model.objects.for_district(request.district), pk=pk)


def _object_url(kind: Kind, obj, district) -> str:
    try:
        return reverse(
            kind.detail_url,
            kwargs={"district_slug": district.slug, "pk": getattr(obj, kind.detail_pk)},
        )
    except NoReverseMatch:
        return ""


class HistoryView(DistrictMixin, TemplateView):
    capability = Capability.READ_INTERNAL
    template_name = "workspace/history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind, obj = _object(self.request, self.kwargs["kind"], self.kwargs["pk"])
        records = list(obj.history.select_related("history_user").order_by("-history_date")[:51])
        entries = []
        for newer, older in zip(records, records[1:] + [None], strict=True):
            changes = []
            if older is not None:
                delta = newer.diff_against(older, excluded_fields=HIDDEN_FIELDS)
                for change in delta.changes:
                    field = kind.model._meta.get_field(change.field)
                    changes.append(_change(field.verbose_name, change.old, change.new))
            entries.append({"record": newer, "changes": changes})
        context.update(
            kind=kind,
            kind_key=self.kwargs["kind"],
            object=obj,
            entries=entries[:50],
            object_url=_object_url(kind, obj, self.request.district),
            type_labels=CHANGE_TYPES,
            seen_field=SEEN_FIELD,
            seen_stamp=stamp(obj),
        )
        return context


@require_POST
@district_view(Capability.EDIT)
def restore(request, kind, pk, history_id):
    """Bring back the state of one history record; the restore itself becomes a new record."""
    kind_def, current = _object(request, kind, pk)
    record = get_object_or_404(current.history, history_id=history_id)
    when = timezone.localtime(record.history_date)
    try:
        services.history_restore(
            district=request.district,
            current=current,
            record=record,
            seen=request.POST.get(SEEN_FIELD, ""),
            user=request.user,
        )
    except EditConflict:
        # The page showed an older state as the newest; the stored one is now on top.
        messages.error(request, CONFLICT_MESSAGE)
    except ValidationError as error:
        if getattr(error, "code", None) == "adopted":
            messages.error(request, " ".join(error.messages))
        else:
            messages.error(request, f"Wiederherstellen nicht möglich: {error}")
    else:
        messages.success(
            request, f"{kind_def.label} auf den Stand vom {when:%d.%m.%Y %H:%M} Uhr zurückgesetzt."
        )
    return redirect("workspace:history", district_slug=request.district.slug, kind=kind, pk=pk)
