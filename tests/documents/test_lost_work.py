"""A document whose worker died is queued again or failed with a retry, never stuck (issue 15).

After ``kill -9`` of ``db_worker`` mid-render the document said "wird erstellt 30 %" forever, a
restarted worker never picked it up and asking again returned the same stuck document. Here the
worker's death is a lease that ran out: the document "wird erstellt" and its last heartbeat is
older than TASK_LEASE_SECONDS.
"""

import datetime
import io
import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from documents import leases
from documents.models import GeneratedDocument
from documents.recovery import LOST_MESSAGE, recover_documents
from documents.services import fingerprint_of
from documents.tasks import render_document
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(district):
    version = factories.ConceptVersionFactory(concept=district.concept)
    factories.ConceptSectionFactory(version=version, title="Anlass", body="Warum wir schreiben.")
    return version


def stuck(version, *, attempts=1, minutes=11, task_id=""):
    """What ``kill -9`` of the worker at "Seiten setzen" leaves behind, ``minutes`` ago."""
    then = timezone.now() - datetime.timedelta(minutes=minutes)
    document = GeneratedDocument.objects.create(
        district=version.concept.district,
        kind=GeneratedDocument.Kind.CONCEPT,
        concept_version=version,
        fingerprint=fingerprint_of(version),
        status=GeneratedDocument.Status.RUNNING,
        progress=30,
        step="Seiten setzen",
        started_at=then,
        attempts=attempts,
        task_id=task_id,
    )
    GeneratedDocument.objects.filter(pk=document.pk).update(heartbeat_at=then, modified=then)
    return document


def detail(client, document):
    url = reverse("documents:detail", args=[document.district.slug, document.pk])
    return client.get(url).content.decode()


def test_a_lost_render_is_retried_when_its_page_is_polled(client, district, ki_staff, version):
    document = stuck(version)
    client.force_login(ki_staff)
    page = detail(client, document)
    # The immediate backend of the tests renders the new try at once.
    assert "Status: fertig" in page and "PDF herunterladen" in page
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.DONE
    assert document.attempts == 2 and document.pdf


def test_a_live_render_is_left_alone(client, district, ki_staff, version):
    document = stuck(version, minutes=2)  # within the lease: the worker is still at it
    client.force_login(ki_staff)
    page = detail(client, document)
    assert "Status: wird erstellt" in page and 'value="30"' in page
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.RUNNING and document.attempts == 1


def test_after_the_last_try_it_fails_with_a_message_and_a_retry_button(
    client, district, ki_staff, version, settings
):
    settings.TASK_MAX_ATTEMPTS = 2
    document = stuck(version, attempts=2)
    client.force_login(ki_staff)
    page = detail(client, document)
    assert "Status: fehlgeschlagen" in page
    assert LOST_MESSAGE in page
    assert "hx-trigger" not in page  # the page stops polling
    request_url = reverse("documents:request_concept", args=[district.slug, version.pk])
    assert f'action="{request_url}"' in page and "Erneut anfordern" in page

    # The retry button starts anew instead of returning the failed document.
    page = client.post(request_url, follow=True).content.decode()
    assert "Status: fertig" in page
    assert GeneratedDocument.objects.count() == 2
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.FAILED
    assert GeneratedDocument.objects.exclude(pk=document.pk).get().status == "fertig"


def test_asking_again_for_a_lost_document_does_not_return_it_stuck(
    client, district, ki_staff, version, settings
):
    settings.TASK_MAX_ATTEMPTS = 1
    document = stuck(version)
    client.force_login(ki_staff)
    url = reverse("documents:request_concept", args=[district.slug, version.pk])
    page = client.post(url, follow=True).content.decode()
    assert "Status: fertig" in page
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.FAILED and document.error == LOST_MESSAGE
    new = GeneratedDocument.objects.exclude(pk=document.pk).get()
    assert new.status == GeneratedDocument.Status.DONE and new.attempts == 1


def test_with_the_database_queue_a_lost_render_is_queued_again_for_the_next_worker(
    district, version, settings
):
    """Production's backend: the claimed task of the dead worker is closed and a new task
    waits for the restarted worker, which renders the document."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    first = render_document.enqueue(0)  # stands in for the task the dead worker had claimed
    DBTaskResult.objects.filter(pk=first.id).update(
        status=TaskResultStatus.RUNNING, worker_ids=["tot"]
    )
    document = stuck(version, task_id=str(first.id))

    out = io.StringIO()
    call_command("recover_tasks", stdout=out)
    assert "Dokumente: 1 erneut eingereiht, 0 als fehlgeschlagen" in out.getvalue()
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.QUEUED and document.progress == 0
    assert document.attempts == 2 and document.task_id != str(first.id)
    assert DBTaskResult.objects.get(pk=first.id).status == TaskResultStatus.FAILED
    task = DBTaskResult.objects.get(pk=document.task_id)
    assert task.status == TaskResultStatus.READY and task.args_kwargs["args"] == [document.pk]

    # A second recovery (another page, the worker) does not queue it twice.
    assert recover_documents() == (0, 0)
    render_document.call(document.pk)  # the restarted worker
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.DONE


def test_a_document_claimed_but_never_started_is_recovered_too(district, version, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    claimed = render_document.enqueue(0)
    DBTaskResult.objects.filter(pk=claimed.id).update(status=TaskResultStatus.RUNNING)
    document = stuck(version, task_id=str(claimed.id))
    GeneratedDocument.objects.filter(pk=document.pk).update(
        status=GeneratedDocument.Status.QUEUED, heartbeat_at=None
    )
    waiting = render_document.enqueue(0)  # a task no worker took yet is merely waiting
    other = stuck(factories.ConceptVersionFactory(concept=district.concept))
    GeneratedDocument.objects.filter(pk=other.pk).update(
        status=GeneratedDocument.Status.QUEUED, task_id=str(waiting.id)
    )
    assert recover_documents() == (1, 0)
    other.refresh_from_db()
    assert other.status == GeneratedDocument.Status.QUEUED and other.attempts == 1


def test_unknown_task_ids_do_not_break_recovery(district, version):
    document = stuck(version, task_id=str(uuid.uuid4()))
    GeneratedDocument.objects.filter(pk=document.pk).update(status=GeneratedDocument.Status.QUEUED)
    assert recover_documents() == (0, 0)


def test_a_lease_held_by_the_worker_is_renewed_however_long_a_step_takes(district, version):
    """`manage.py worker` renews, with each heartbeat, the lease of what it works on: laying
    out a long concept reports no progress for a while, yet the render is not lost."""
    document = stuck(version)
    with leases.holding(document):
        assert leases.renew() == 1
        assert recover_documents() == (0, 0)
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.RUNNING and document.attempts == 1
    assert leases.renew() == 0  # released when the block ends
