"""Optimistic locking: two people editing the same record must not overwrite each other.

The form carries the ``lock_version`` the editor started from. Saving first claims that
version with ``UPDATE … SET lock_version = n + 1 WHERE pk = … AND lock_version = n``; if someone
saved in between, no row matches and the save is refused with the other person's state, so
the second editor can compare and nothing of either is lost. The claim and the real save
(through ``save()``, so the history records it) run in one transaction.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.http import Http404
from django.utils import formats


class EditConflict(Exception):
    """Someone saved the record after the editor loaded it."""

    def __init__(self, current):
        super().__init__("Der Datensatz wurde inzwischen von jemand anderem gespeichert.")
        self.current = current


def save_with_lock(instance: models.Model, *, expected_version: int) -> None:
    """Save ``instance`` if nobody saved it since ``expected_version``; else raise EditConflict."""
    model = type(instance)
    with transaction.atomic():
        claimed = model._default_manager.filter(
            pk=instance.pk, lock_version=expected_version
        ).update(lock_version=expected_version + 1)
        if not claimed:
            raise EditConflict(model._default_manager.get(pk=instance.pk))
        instance.lock_version = expected_version + 1
        instance.save()


def keep_both(form, conflict: EditConflict, message: str) -> None:
    """After an ``EditConflict``: keep the editor's input in ``form`` with ``message`` on top,
    and let the next save start from the version the other person saved (shown beside it)."""
    form.add_error(None, message)
    data = form.data.copy()
    data["lock_version"] = conflict.current.lock_version
    form.data = data


# -- The same promise for records without a ``lock_version``: their ``modified`` stamp. -------

SEEN_FIELD = "seen_modified"
STALE_MESSAGE = (
    "Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben. Ihre "
    "Eingabe ist unten erhalten; die gespeicherte Fassung steht darüber. Übernehmen Sie, was "
    "Sie brauchen, und speichern Sie erneut."
)


def _stamp(value) -> str:
    return value.isoformat() if value else ""


class StaleEditGuard:
    """For form views whose ModelForm edits a record with ``modified`` (TimeStampedModel).

    The form carries the ``modified`` stamp the editor started from (hidden). Saving locks the
    row (``SELECT … FOR UPDATE`` inside the request's transaction) and compares: if someone
    saved in between, nothing is saved; the editor keeps the input and sees the stored
    values above it (``conflict_values`` in ``templates/form_page.html``), and the next save
    starts from them. A form without the stamp (a script) is not checked.

    ``form_valid`` of the view calls ``refuse_stale(form)`` first and returns its response.
    """

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        instance = getattr(form, "instance", None)
        if instance is not None and instance.pk and hasattr(instance, "modified"):
            form.fields[SEEN_FIELD] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=_stamp(instance.modified)
            )
        return form

    def refuse_stale(self, form):
        # Out of cleaned_data: services write the rest onto the record field by field.
        seen = form.cleaned_data.pop(SEEN_FIELD, "")
        if not seen:
            return None
        instance = form.instance
        current = type(instance)._default_manager.select_for_update().filter(pk=instance.pk).first()
        if current is None:  # deleted by someone else since this request began
            raise Http404
        if _stamp(current.modified) == seen:
            return None
        form.add_error(None, STALE_MESSAGE)
        data = form.data.copy()
        data[form.add_prefix(SEEN_FIELD)] = _stamp(current.modified)
        form.data = data
        return self.render_to_response(
            self.get_context_data(form=form, conflict_values=stored_values(form, current))
        )


def stored_values(form, current) -> list[tuple[str, str]]:
    """(label, value as text) of every field of ``form`` as ``current`` has it stored."""
    values = []
    for name, field in form.fields.items():
        if name in (SEEN_FIELD, "lock_version") or isinstance(field.widget, forms.HiddenInput):
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
