"""Background tasks (django-tasks): long documents must not block a web worker (issue 7)."""

import logging

from django_tasks import task

from .models import GeneratedDocument
from .rendering import render

logger = logging.getLogger(__name__)


@task()
def render_document(document_id: int) -> int:
    """Render one requested document; a failure is recorded on it, never lost silently."""
    document = GeneratedDocument.objects.select_related(
        "district",
        "concept_version__concept__district",
        "progress_report__district",
        "meeting_folder__meeting__committee__district",
    ).get(pk=document_id)
    if document.status == GeneratedDocument.Status.DONE:
        return document.size
    try:
        render(document)
    except Exception as exc:
        logger.exception("rendering document %s failed", document_id)
        GeneratedDocument.objects.filter(pk=document_id).update(
            status=GeneratedDocument.Status.FAILED,
            step="fehlgeschlagen",
            error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        raise
    return document.size
