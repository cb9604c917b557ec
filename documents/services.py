"""Request a long document: reuse the stored PDF while the data is unchanged, else queue it.

Which document a subject has, and what changes it, is its renderer's business
(``renderer_for_object``); this module only keeps the records.
"""

import datetime

from django.utils import timezone

from core.models import check_district

from .models import GeneratedDocument
from .recovery import recover_documents
from .renderers import renderer_for_object
from .rendering import render
from .tasks import render_document


def fingerprint_of(subject) -> str:
    return renderer_for_object(subject).fingerprint(subject)


def current_document(subject) -> GeneratedDocument | None:
    """The newest document for ``subject`` made from the data as it is now (any status)."""
    return (
        _documents_of(subject)
        .filter(fingerprint=fingerprint_of(subject))
        .exclude(status=GeneratedDocument.Status.FAILED)
        .defer("pdf")
        .first()
    )


def _documents_of(subject):
    renderer = renderer_for_object(subject)
    return GeneratedDocument.objects.filter(kind=renderer.kind, **{renderer.subject_field: subject})


def _new_document(subject, *, user) -> GeneratedDocument:
    """A queued document record for ``subject`` as its data stands now."""
    renderer = renderer_for_object(subject)
    return GeneratedDocument.objects.create(
        district=renderer.district(subject),
        kind=renderer.kind,
        fingerprint=renderer.fingerprint(subject),
        requested_by=user,
        **{renderer.subject_field: subject},
    )


def request_document(*, district, subject, user) -> tuple[GeneratedDocument, bool]:
    """The document for ``subject`` (of ``district``) as its data stands; ``True`` if it was
    newly queued.

    A finished or running document with the same fingerprint is returned as it is: the
    stored PDF is served again until the data changes. One whose worker died is queued again
    or, after its last try, failed (``recovery``), and a failed one is asked for anew.
    """
    check_district(district, subject)
    recover_documents(_documents_of(subject))
    existing = current_document(subject)
    if existing is not None:
        return existing, False
    document = _new_document(subject, user=user)
    # Enqueued in the same transaction as the document: the database backend's worker sees
    # both or neither. (Tests use the immediate backend: the task has run on return.)
    result = render_document.enqueue(document.pk)
    GeneratedDocument.objects.filter(pk=document.pk).update(task_id=str(result.id))
    document.refresh_from_db(fields=["status", "progress", "step", "task_id", "size", "pages"])
    return document, True


def failed_recently(subject, *, hours: int = 1) -> bool:
    """Whether rendering the data as it is now failed within the last ``hours``: a public
    page asking again must not queue the same failing work on every visit."""
    since = timezone.now() - datetime.timedelta(hours=hours)
    return (
        _documents_of(subject)
        .filter(
            fingerprint=fingerprint_of(subject),
            status=GeneratedDocument.Status.FAILED,
            modified__gte=since,
        )
        .exists()
    )


def stored_pdf(subject) -> bytes | None:
    """The PDF of the current (data unchanged) finished document of ``subject``, if any."""
    document = current_document(subject)
    if document is None or document.status != GeneratedDocument.Status.DONE:
        return None
    return bytes(GeneratedDocument.objects.values_list("pdf", flat=True).get(pk=document.pk))


def ensure_pdf(subject, *, user, on_progress=None) -> bytes:
    """The current PDF of ``subject``, rendered right here unless one is stored.

    For a management command or the background worker only (issue 7: long documents must not
    block a web worker); a web request uses ``stored_pdf`` and queues the rest.
    ``on_progress`` is called at each progress report (a waiting release renews its lease).
    """
    pdf = stored_pdf(subject)
    if pdf is None:
        current = current_document(subject)
        # A document still waiting for the worker is taken over, not rendered twice.
        if current is None or current.status != GeneratedDocument.Status.QUEUED:
            current = _new_document(subject, user=user)
        render(current, on_progress=on_progress)
        pdf = bytes(current.pdf)
    return pdf


def is_outdated(document: GeneratedDocument) -> bool:
    return document.fingerprint != fingerprint_of(document.subject)
