"""Request a long document: reuse the stored PDF while the data is unchanged, else queue it."""

from reports.models import ProgressReport
from reports.progress import report_fingerprint

from .concept import concept_fingerprint
from .models import GeneratedDocument
from .rendering import render
from .tasks import render_document


def fingerprint_of(subject) -> str:
    if isinstance(subject, ProgressReport):
        return report_fingerprint(subject)
    return concept_fingerprint(subject)


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
    if isinstance(subject, ProgressReport):
        return GeneratedDocument.objects.filter(progress_report=subject)
    return GeneratedDocument.objects.filter(concept_version=subject)


def _new_document(subject, *, user) -> GeneratedDocument:
    """A queued document record for ``subject`` as its data stands now."""
    if isinstance(subject, ProgressReport):
        kind, district = GeneratedDocument.Kind.PROGRESS_REPORT, subject.district
        fields = {"progress_report": subject}
    else:
        kind, district = GeneratedDocument.Kind.CONCEPT, subject.concept.district
        fields = {"concept_version": subject}
    return GeneratedDocument.objects.create(
        district=district,
        kind=kind,
        fingerprint=fingerprint_of(subject),
        requested_by=user,
        **fields,
    )


def request_document(subject, *, user) -> tuple[GeneratedDocument, bool]:
    """The document for ``subject`` as its data stands; ``True`` if it was newly queued.

    A finished or running document with the same fingerprint is returned as it is: the
    stored PDF is served again until the data changes.
    """
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


def stored_concept_pdf(version) -> bytes | None:
    """The PDF of the current (data unchanged) finished concept document, if there is one."""
    document = current_document(version)
    if document is None or document.status != GeneratedDocument.Status.DONE:
        return None
    return bytes(GeneratedDocument.objects.values_list("pdf", flat=True).get(pk=document.pk))


def concept_pdf_for_release(version, *, user, wait: bool) -> bytes | None:
    """The whole concept of ``version`` for a paper released with it as Anlage (seed 001:
    "Anlage: Integrationskonzept Kreis Mettmann 2015").

    The stored document if it is current. Otherwise, with ``wait`` (a management command such
    as load_demo), it is rendered here; without (a web request, issue 7: long documents must
    not block a web worker) it is queued and None returned, the release has to wait for it.
    The immediate backend of the tests has rendered it on return.
    """
    pdf = stored_concept_pdf(version)
    if pdf is not None:
        return pdf
    if wait:
        render(_new_document(version, user=user))
    else:
        request_document(version, user=user)
    return stored_concept_pdf(version)


def is_outdated(document: GeneratedDocument) -> bool:
    return document.fingerprint != fingerprint_of(document.subject)
