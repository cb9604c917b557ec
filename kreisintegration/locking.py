"""Optimistic locking: two people editing the same record must not overwrite each other.

The form carries the ``lock_version`` the editor started from. Saving first claims that
version with ``UPDATE … SET lock_version = n + 1 WHERE pk = … AND lock_version = n``; if someone
saved in between, no row matches and the save is refused with the other person's state, so
the second editor can compare and nothing of either is lost. The claim and the real save
(through ``save()``, so the history records it) run in one transaction.
"""

from django.db import models, transaction


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
