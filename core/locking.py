"""Edit conflicts: two people editing the same record must not overwrite each other.

One mechanism for every edit page and for the history restore. The page carries the record's
``modified`` stamp as it was when the page was built (hidden field ``seen_modified``). Saving
locks the row (``SELECT … FOR UPDATE`` inside the request's transaction, ATOMIC_REQUESTS) and
compares: if someone saved in between, nothing is saved and ``EditConflict`` carries the stored
record. Every record that can be edited is a ``TimeStampedModel``, so no extra column is
needed. A request without the stamp (a script) is not checked.

Edit pages (``StaleEditGuard``, issue 14 "Conflicts without loss") then compare the stored
record with the input field by field: each field whose stored value differs from the input is
marked next to the field (who changed it, the stored value beside the kept input) and gets a
choice "meine Eingabe behalten" / "gespeicherten Wert übernehmen" without a default. The next
save goes through only with a choice for every such field (hidden ``conflict_fields``) and only
if nobody saved again meanwhile; otherwise it is refused again with the new differences. Fields
that did not differ are saved as entered. Parts of a page outside the form (a formset beside
it) are not compared: a stale save of them is refused once, as before.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import Http404
from django.utils import formats, timezone

SEEN_FIELD = "seen_modified"
# The fields that differed at the last refused save (names, space-separated) and the stamp the
# editor first loaded, to tell who changed what since.
PENDING_FIELD = "conflict_fields"
SINCE_FIELD = "conflict_since"
# Radio group per differing field: <CHOICE_PREFIX><prefixed field name> = mine | theirs.
CHOICE_PREFIX = "conflict_choice-"
KEEP_MINE, TAKE_STORED = "mine", "theirs"

CONFLICT_MESSAGE = (
    "Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben. Es wurde "
    "nichts überschrieben: Die gespeicherte Fassung steht oben, Ihre Eingabe ist erhalten. "
    "Übernehmen Sie, was Sie brauchen, und speichern Sie erneut."
)
FIELDS_MESSAGE = (
    "Bei den markierten Feldern weicht der gespeicherte Wert von Ihrer Eingabe ab. Wählen Sie "
    "bei jedem dieser Felder, welcher Wert gelten soll, und speichern Sie erneut. Alle anderen "
    "Felder werden so gespeichert, wie Sie sie eingegeben haben."
)
CHOICE_MISSING = (
    "Bitte wählen Sie, ob Ihre Eingabe oder der gespeicherte Wert gelten soll "
    "(„meine Eingabe behalten“ oder „gespeicherten Wert übernehmen“)."
)
CHOICES_MISSING_MESSAGE = (
    "Nicht gespeichert: Bei einem markierten Feld fehlt noch die Wahl, welcher Wert gelten soll."
)
CHANGED_MEANWHILE = "Zwischenzeitlich geändert."


class EditConflict(Exception):
    """Someone saved the record after the editor loaded it; ``current`` is the stored state."""

    def __init__(self, current):
        super().__init__(CONFLICT_MESSAGE)
        self.current = current


def stamp(instance: models.Model) -> str:
    """The ``modified`` stamp of ``instance`` as the page carries it."""
    return instance.modified.isoformat() if instance.modified else ""


def refuse_if_changed(instance: models.Model, *, seen: str) -> None:
    """Lock the row of ``instance`` and raise ``EditConflict`` if it was saved since ``seen``.

    Call it inside the transaction of the save, before writing. An empty ``seen`` is not
    checked. A row deleted by someone else meanwhile is a 404: the page no longer exists.
    """
    if not seen:
        return
    current = type(instance)._default_manager.select_for_update().filter(pk=instance.pk).first()
    if current is None:
        raise Http404
    if stamp(current) != seen:
        raise EditConflict(current)


@dataclass
class FieldConflict:
    """One field whose stored value differs from the editor's input, as the page shows it."""

    name: str
    label: str
    html_id: str  # id of the note beside the field
    choice_name: str  # name of the radio group
    stored: str  # the stored value as text
    changed: str  # who changed it when, or CHANGED_MEANWHILE
    choice: str  # KEEP_MINE, TAKE_STORED or "" (none yet)
    missing: bool = False  # a save without a choice was refused

    @property
    def keep_mine(self) -> bool:
        return self.choice == KEEP_MINE

    @property
    def take_stored(self) -> bool:
        return self.choice == TAKE_STORED


def _hidden(form, name: str) -> None:
    if name not in form.fields:
        form.fields[name] = forms.CharField(widget=forms.HiddenInput, required=False)


def _posted(form, name: str) -> str:
    value = form.data.get(form.add_prefix(name), "")
    return value if isinstance(value, str) else ""


class StaleEditGuard:
    """For form views whose form edits a record with ``modified`` (TimeStampedModel) and takes
    it as ``instance`` (ModelForms, and forms built like them).

    ``get_form`` adds the hidden stamp and, after a refused save, applies the editor's choices;
    ``form_valid`` calls ``refuse_stale(form)`` first and returns its response if there is one.
    Views that save outside ``form_valid`` catch ``EditConflict`` from ``refuse_if_changed``
    and answer with ``conflict_response``.
    """

    def get_form(self, form_class=None):
        form_class = form_class or self.get_form_class()
        kwargs = self.get_form_kwargs()
        instance = kwargs.get("instance")
        if instance is None or not instance.pk or not hasattr(instance, "modified"):
            return form_class(**kwargs)
        # What the form shows for the stored record, to compare with and to take values from.
        self._stored_form_kwargs = {
            key: value for key, value in kwargs.items() if key not in ("data", "files", "initial")
        }
        pending = []
        if "data" in kwargs:
            pending = self._apply_choices(form_class, kwargs, instance)
        form = form_class(**kwargs)
        form.fields[SEEN_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=stamp(instance)
        )
        if pending:
            _hidden(form, PENDING_FIELD)
            _hidden(form, SINCE_FIELD)
            self._mark_conflicts(form, instance, pending)
        return form

    def _apply_choices(self, form_class, kwargs, instance) -> list[str]:
        """The fields a refused save asked a choice for; where the editor chose the stored
        value, it replaces the input before validation (only if the record is still as
        shown then: a newer save is refused anyway)."""
        data = kwargs["data"]
        prefix = kwargs.get("prefix")

        def key(name):
            return f"{prefix}-{name}" if prefix else name

        fields = data.get(key(PENDING_FIELD), "")
        names = list(dict.fromkeys(fields.split())) if isinstance(fields, str) else []
        if not names or data.get(key(SEEN_FIELD)) != stamp(instance):
            return names
        stored = form_class(**self._stored_form_kwargs)
        names = [name for name in names if name in stored.fields]
        data = data.copy()
        files = kwargs.get("files")
        for name in names:
            if data.get(CHOICE_PREFIX + key(name)) != TAKE_STORED:
                continue
            field = stored.fields[name]
            value = stored[name].value()
            html_name = key(name)
            if isinstance(field, forms.FileField):
                # The stored file stays: drop the upload and the "clear" box.
                if files is not None:
                    files = files.copy()
                    files.pop(html_name, None)
                data.pop(f"{html_name}-clear", None)
            elif isinstance(field.widget, forms.MultiWidget):
                parts = field.widget.decompress(value)
                for suffix, part in zip(field.widget.widgets_names, parts, strict=False):
                    data[html_name + suffix] = part
            elif isinstance(value, list | tuple):
                data.setlist(html_name, [str(item) for item in value])
            elif value is None:
                data[html_name] = ""
            else:
                data[html_name] = value
        kwargs["data"] = data
        if files is not None:
            kwargs["files"] = files
        return names

    def refuse_stale(self, form, **context):
        """The conflict page if the record changed since the form was built, or if a choice is
        missing after a refused save; else None."""
        # Out of cleaned_data: services write the rest onto the record field by field.
        seen = form.cleaned_data.pop(SEEN_FIELD, "")
        form.cleaned_data.pop(PENDING_FIELD, None)
        form.cleaned_data.pop(SINCE_FIELD, None)
        if not seen:  # a new record, or a form without a record
            return None
        try:
            refuse_if_changed(form.instance, seen=seen)
        except EditConflict as conflict:
            return self.conflict_response(form, conflict, **context)
        missing = [c for c in getattr(form, "conflicts", None) or [] if not c.choice]
        if not missing:
            return None
        form.add_error(None, CHOICES_MISSING_MESSAGE)
        for conflict in missing:
            conflict.missing = True
            form.add_error(conflict.name, CHOICE_MISSING)
        return self.render_to_response(self.get_context_data(form=form, **context))

    def conflict_response(self, form, conflict: EditConflict, **context):
        """Keep the input with the message on top, mark every field whose stored value differs
        (no choice made yet), restamp the form."""
        current = conflict.current
        form.add_error(None, CONFLICT_MESSAGE)
        data = form.data.copy()
        since = _posted(form, SINCE_FIELD) or _posted(form, SEEN_FIELD)
        differing = differing_fields(form, self.stored_form(form, current))
        for key in [key for key in data if key.startswith(CHOICE_PREFIX)]:
            del data[key]  # earlier choices were made on values that are no longer stored
        data[form.add_prefix(SEEN_FIELD)] = stamp(current)
        data[form.add_prefix(PENDING_FIELD)] = " ".join(differing)
        data[form.add_prefix(SINCE_FIELD)] = since
        form.data = data
        _hidden(form, PENDING_FIELD)
        _hidden(form, SINCE_FIELD)
        self._mark_conflicts(form, current, differing)
        return self.render_to_response(self.get_context_data(form=form, **context))

    def stored_form(self, form, current):
        """The form bound to the editor's input but comparing against ``current``."""
        kwargs = {**getattr(self, "_stored_form_kwargs", {}), "instance": current}
        return type(form)(data=form.data, files=form.files, **kwargs)

    def _mark_conflicts(self, form, current, names) -> None:
        for earlier in getattr(form, "conflicts", None) or []:  # a newer save was refused
            form[earlier.name].conflict = None
            form.fields[earlier.name].widget.attrs.pop("aria-describedby", None)
        stored = type(form)(**{**self._stored_form_kwargs, "instance": current})
        changes = changes_since(current, _posted(form, SINCE_FIELD))
        conflicts = []
        for name in names:
            if name not in form.fields or name not in stored.fields:
                continue
            bound = form[name]
            field = stored.fields[name]
            choice_name = CHOICE_PREFIX + form.add_prefix(name)
            choice = form.data.get(choice_name, "")
            item = FieldConflict(
                name=name,
                label=str(bound.label or name),
                html_id=f"{bound.auto_id or name}_conflict",
                choice_name=choice_name,
                stored=value_as_text(field, stored[name].initial),
                changed=_changed_text(current, name, changes),
                choice=choice if choice in (KEEP_MINE, TAKE_STORED) else "",
            )
            conflicts.append(item)
            bound.conflict = item  # templates/bootstrap5/layout/help_text.html shows it
        form.conflicts = conflicts

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        if form is not None and getattr(form, "conflicts", None) is not None:
            for conflict in form.conflicts:
                _describe(form, conflict)
            context.setdefault("conflict_fields", form.conflicts)
            context.setdefault("conflict_shown", True)
        return context


def _describe(form, conflict: FieldConflict) -> None:
    """The input names the note beside it (the stored value) as its description, besides the
    help text and the error Django would name (set here, so Django no longer adds them)."""
    bound = form[conflict.name]
    widget = form.fields[conflict.name].widget
    if getattr(widget, "allow_multiple_selected", False) or isinstance(
        widget, forms.RadioSelect | forms.CheckboxSelectMultiple
    ):
        return  # one description per option would repeat it for each
    described = []
    if bound.auto_id and bound.help_text:
        described.append(f"{bound.auto_id}_helptext")
    if bound.auto_id and bound.errors:
        described.append(f"{bound.auto_id}_error")
    described.append(conflict.html_id)
    widget.attrs["aria-describedby"] = " ".join(described)


def differing_fields(form, stored) -> list[str]:
    """Names of the fields of ``form`` whose input differs from what ``stored`` (the same form
    built on the stored record and bound to the same input) shows for the stored record."""
    names = []
    for name in stored.changed_data:
        if name not in form.fields:
            continue
        bound = stored[name]
        initial, data = bound.initial, bound.data
        # A browser sends line breaks as CRLF; the text is the same.
        if isinstance(initial, str) and isinstance(data, str) and _text(initial) == _text(data):
            continue
        names.append(name)
    return names


def _text(value: str) -> str:
    return value.replace("\r\n", "\n").strip()


def changes_since(current, since: str) -> dict | None:
    """Field name -> the history record (django-simple-history) of the last save after stamp
    ``since`` that changed it; None where the model keeps no history or the stamp is unusable."""
    manager = getattr(current, "history", None)
    try:
        from simple_history.models import HistoricalChanges
    except ImportError:  # pragma: no cover - the library is a dependency
        return None
    if not isinstance(getattr(manager, "model", None), type) or not issubclass(
        manager.model, HistoricalChanges
    ):
        return None
    try:
        seen = datetime.datetime.fromisoformat(since)
    except (TypeError, ValueError):
        return None
    records = list(
        manager.filter(modified__gt=seen)
        .select_related("history_user")
        .order_by("history_date", "history_id")[:50]
    )
    previous = manager.filter(modified__lte=seen).order_by("-history_date", "-history_id").first()
    changed = {}
    for record in records:
        if previous is not None:
            for change in record.diff_against(previous).changes:
                changed[change.field] = record
        previous = record
    return changed


def _changed_text(current, name: str, changes: dict | None) -> str:
    if changes is None:
        return CHANGED_MEANWHILE
    record = changes.get(name)
    if record is not None:
        when = timezone.localtime(record.history_date)
        who = record.history_user or "System"
        return f"Geändert von {who} am {when:%d.%m.%Y} um {when:%H:%M} Uhr."
    try:
        model_field = current._meta.get_field(name)
    except FieldDoesNotExist:
        return CHANGED_MEANWHILE
    if model_field.concrete and not model_field.many_to_many:
        return "Seit Sie die Seite geöffnet haben, nicht geändert – Ihre Eingabe weicht ab."
    return CHANGED_MEANWHILE


def _flat_choices(choices) -> dict[str, str]:
    labels = {}
    for value, label in choices:
        if isinstance(label, list | tuple):
            labels |= _flat_choices(label)
        else:
            labels[str(value)] = str(label)
    return labels


def value_as_text(field: forms.Field, value) -> str:
    """A stored value as the form field would offer it, in words (labels, German dates)."""
    if isinstance(field, forms.NullBooleanField) and value is None:
        return ""
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        return "ja" if value else "nein"
    if isinstance(field, forms.ModelMultipleChoiceField):
        items = list(value or [])
        objects = [item for item in items if isinstance(item, models.Model)]
        keys = [item for item in items if not isinstance(item, models.Model)]
        if keys:
            objects += list(field.queryset.filter(pk__in=keys))
        return ", ".join(field.label_from_instance(item) for item in objects)
    if isinstance(field, forms.ModelChoiceField):
        if value in (None, ""):
            return ""
        if not isinstance(value, models.Model):
            value = field.queryset.filter(pk=value).first()
        return field.label_from_instance(value) if value is not None else ""
    if isinstance(field, forms.ChoiceField):
        labels = _flat_choices(field.choices)
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values if v not in (None, ""))
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, Decimal | float):
        return formats.number_format(value, use_l10n=True)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return str(value)
