"""Edit conflicts: two people editing the same record must not overwrite each other.

One mechanism for every edit page and for the history restore. The page carries the record's
``modified`` stamp as it was when the page was built (hidden field ``seen_modified``). Saving
locks the row (``SELECT … FOR UPDATE`` inside the request's transaction, ATOMIC_REQUESTS) and
compares: if someone saved in between, nothing is saved and ``EditConflict`` carries the stored
record; the editor keeps the input, sees the stored values above it
(``templates/_conflict_values.html``) and the next save starts from them. Every record that can
be edited is a ``TimeStampedModel``, so no extra column is needed. A request without the stamp
(a script) is not checked.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import Http404
from django.utils import formats

SEEN_FIELD = "seen_modified"
CONFLICT_MESSAGE = (
    "Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben. Es wurde "
    "nichts überschrieben: Die gespeicherte Fassung steht oben, Ihre Eingabe ist erhalten. "
    "Übernehmen Sie, was Sie brauchen, und speichern Sie erneut."
)


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


class StaleEditGuard:
    """For form views whose ModelForm edits a record with ``modified`` (TimeStampedModel).

    ``get_form`` adds the hidden stamp; ``form_valid`` calls ``refuse_stale(form)`` first and
    returns its response if there is one. Views that save outside ``form_valid`` catch
    ``EditConflict`` from ``refuse_if_changed`` and answer with ``conflict_response``.
    """

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        instance = getattr(form, "instance", None)
        if instance is not None and instance.pk and hasattr(instance, "modified"):
            form.fields[SEEN_FIELD] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=stamp(instance)
            )
        return form

    def refuse_stale(self, form, **context):
        """The conflict page if the record changed since the form was built, else None."""
        # Out of cleaned_data: services write the rest onto the record field by field.
        seen = form.cleaned_data.pop(SEEN_FIELD, "")
        if not seen:  # a new record, or a form without a record
            return None
        try:
            refuse_if_changed(form.instance, seen=seen)
        except EditConflict as conflict:
            return self.conflict_response(form, conflict, **context)
        return None

    def conflict_response(self, form, conflict: EditConflict, **context):
        """Keep the input with the message on top, show the stored values, restamp the form."""
        form.add_error(None, CONFLICT_MESSAGE)
        data = form.data.copy()
        data[form.add_prefix(SEEN_FIELD)] = stamp(conflict.current)
        form.data = data
        return self.render_to_response(
            self.get_context_data(
                form=form, conflict_values=stored_values(form, conflict.current), **context
            )
        )


def stored_values(form, current) -> list[tuple[str, str]]:
    """(label, value as text) of every field of ``form`` as ``current`` has it stored."""
    values = []
    for name, field in form.fields.items():
        if name == SEEN_FIELD or isinstance(field.widget, forms.HiddenInput):
            continue
        try:
            model_field = current._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if model_field.many_to_many:
            value = ", ".join(str(item) for item in getattr(current, name).all())
        elif model_field.choices:
            value = getattr(current, f"get_{name}_display")()
        else:
            value = getattr(current, name)
            if isinstance(value, bool):
                value = "ja" if value else "nein"
            elif value is None:
                value = ""
            else:
                value = formats.localize(value)
        values.append((str(field.label or name), str(value)))
    return values
