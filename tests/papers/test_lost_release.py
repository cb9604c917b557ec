"""A release waiting for its concept Anlage completes after its worker died (issue 15).

Before, after ``kill -9`` of the worker while it set the concept, the paper page said "Freigabe
… läuft" forever and a second click returned the same stuck request. Here the worker's death
is what it leaves behind: the request "läuft", the concept "wird erstellt 30 %", both with a
last heartbeat older than TASK_LEASE_SECONDS.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import GeneratedDocument
from documents.services import fingerprint_of, stored_pdf
from papers.models import ReleaseRequest
from papers.recovery import LOST_RELEASE_MESSAGE, recover_all
from papers.services import complete_release

from .test_release_attachments import CONFIRM

pytestmark = pytest.mark.django_db


def killed_mid_render(request: ReleaseRequest, version, *, attempts=1) -> GeneratedDocument:
    """The state ``kill -9`` of the worker leaves while the release sets the concept."""
    then = timezone.now() - datetime.timedelta(minutes=11)
    ReleaseRequest.objects.filter(pk=request.pk).update(
        status=ReleaseRequest.Status.RUNNING,
        step="Das Integrationskonzept wird gesetzt.",
        heartbeat_at=then,
        attempts=attempts,
    )
    document = GeneratedDocument.objects.create(
        district=version.concept.district,
        kind=GeneratedDocument.Kind.CONCEPT,
        concept_version=version,
        fingerprint=fingerprint_of(version),
        status=GeneratedDocument.Status.RUNNING,
        progress=30,
        step="Seiten setzen",
    )
    GeneratedDocument.objects.filter(pk=document.pk).update(heartbeat_at=then, modified=then)
    return document


def release(client, district, paper):
    return client.post(reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM)


def test_the_paper_page_queues_a_lost_release_again_and_the_worker_completes_it(
    client, district, ki_lead, paper_with_anlagen, worker_backend
):
    paper, version = paper_with_anlagen
    release(client, district, paper)
    request = paper.release_requests.get()
    old_task = request.task_id
    document = killed_mid_render(request, version)
    detail = reverse("papers:detail", args=[district.slug, paper.pk])

    # The page's poll finds the lease expired: queued again, not "läuft" forever.
    poll = client.get(detail, {"freigabe": "status"}, headers={"HX-Request": "true"})
    assert "Erneut in der Warteschlange: die Freigabe wurde unterbrochen." in poll.content.decode()
    request.refresh_from_db()
    assert request.status == ReleaseRequest.Status.QUEUED and request.attempts == 2
    assert request.task_id and request.task_id != old_task
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.QUEUED and document.attempts == 2

    # The restarted worker runs the new task and the paper is released with the concept.
    complete_release.call(request.pk)
    request.refresh_from_db()
    assert request.status == ReleaseRequest.Status.DONE
    paper.refresh_from_db()
    assert paper.is_released
    concept = paper.releases.get().attachments.get(concept_version=version)
    assert concept.file.read() == stored_pdf(version)
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.DONE  # the lost one, taken over
    page = client.get(detail).content.decode()
    assert "Revision 1 freigegeben – Inhalt eingefroren" in page


def test_a_second_click_on_a_lost_release_completes_it_with_the_immediate_backend(
    client, district, ki_lead, paper_with_anlagen, settings
):
    paper, version = paper_with_anlagen
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    release(client, district, paper)
    request = paper.release_requests.get()
    killed_mid_render(request, version)

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    page = client.post(
        reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM, follow=True
    ).content.decode()
    paper.refresh_from_db()
    assert paper.is_released
    assert "Revision 1 freigegeben – Inhalt eingefroren" in page
    assert "bereits freigegeben" not in page
    assert paper.release_requests.get().status == ReleaseRequest.Status.DONE


def test_after_the_last_try_the_release_fails_with_a_message_and_can_be_given_again(
    client, district, ki_lead, paper_with_anlagen, worker_backend, settings
):
    settings.TASK_MAX_ATTEMPTS = 2
    paper, version = paper_with_anlagen
    release(client, district, paper)
    request = paper.release_requests.get()
    killed_mid_render(request, version, attempts=2)

    assert recover_all() == {"documents": (1, 0), "releases": (0, 1)}
    detail = reverse("papers:detail", args=[district.slug, paper.pk])
    page = client.get(detail).content.decode()
    assert "ist nicht erfolgt" in page and LOST_RELEASE_MESSAGE in page
    assert "Revision 1 prüfen und freigeben</a>" in page
    assert "Freigabe von Revision 1 läuft" not in page

    # Giving it again starts a new request, which the worker completes.
    release(client, district, paper)
    new = paper.release_requests.get(status=ReleaseRequest.Status.QUEUED)
    complete_release.call(new.pk)
    paper.refresh_from_db()
    assert paper.is_released


def test_a_release_whose_worker_is_alive_is_left_alone(
    client, district, ki_lead, paper_with_anlagen, worker_backend
):
    paper, version = paper_with_anlagen
    release(client, district, paper)
    request = paper.release_requests.get()
    killed_mid_render(request, version)
    fresh = timezone.now()
    ReleaseRequest.objects.filter(pk=request.pk).update(heartbeat_at=fresh)
    GeneratedDocument.objects.update(heartbeat_at=fresh)
    assert recover_all() == {"documents": (0, 0), "releases": (0, 0)}
    page = client.get(reverse("papers:detail", args=[district.slug, paper.pk])).content.decode()
    assert "Freigabe von Revision 1 läuft: Das Integrationskonzept wird gesetzt." in page
