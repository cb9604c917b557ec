"""Writes of the workspace pages: restoring an earlier state from the history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.locking import refuse_if_changed
from core.models import check_district


@transaction.atomic
def history_restore(*, district, current, record, seen: str, user):
    """Bring back the state of history ``record`` of ``current``; the restore becomes a new
    history record. Refused with ``EditConflict`` if ``current`` was saved since the page
    showing its history was built (stamp ``seen``), with ``ValidationError`` if the old state
    no longer fits (e.g. a unique title taken meanwhile)."""
    check_district(district, current)
    version = getattr(current, "version", None)
    if version is not None and getattr(version, "is_adopted", False):
        raise ValidationError(
            "Abschnitte beschlossener Fassungen bleiben wie beschlossen.", code="adopted"
        )
    refuse_if_changed(current, seen=seen)
    restored = record.instance
    # The historical record builds a fresh instance; it is the stored row, not a new one, so
    # the uniqueness checks must not count it against itself.
    restored._state.adding = False
    when = timezone.localtime(record.history_date)
    restored._change_reason = f"Wiederhergestellt: Stand vom {when:%d.%m.%Y %H:%M}"
    restored._history_user = user
    restored.full_clean(validate_unique=True)
    restored.save()
    return restored
