"""Services for council papers: numbering, editing, release, revisions, decisions.

Seed 001 (Mettmann 50/020/2015) shows the paper as it goes to the bodies; once signed off its
content must not change under the councillors' eyes, so a release freezes the working copy and
stores the PDF byte for byte (``PaperRelease``). Results of the Beratungsfolge are recorded later
and live on the consultations, outside the frozen content (``papers.results``).
"""

import datetime
import hashlib
import logging
import os
import re
import string

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django_tasks import task

from concepts import services as concept_services
from concepts.models import ConceptVersion
from core.models import check_district
from documents.leases import holding
from documents.renderers import renderer_for
from documents.services import ensure_pdf, stored_pdf

from . import notices
from .models import (
    Attachment,
    Consultation,
    DecisionPaper,
    PaperRelease,
    PaperStatus,
    ReleasedAttachment,
    ReleaseRequest,
)
from .recovery import recover_releases
from .renderers import PAPER_PDF, paper_fingerprint
from .signoff import signoff_check_content, signoff_problems

logger = logging.getLogger(__name__)

FROZEN_MESSAGE = (
    "Diese Vorlage ist freigegeben; ihr Inhalt ist eingefroren. "
    "Beginnen Sie eine neue Revision, um sie zu ändern."
)
CHANGED_SINCE_REQUEST = (
    "Die Vorlage wurde geändert, nachdem sie zur Freigabe gegeben wurde; sie ist nicht "
    "freigegeben. Prüfen Sie die Änderung und geben Sie die Vorlage erneut frei."
)
CHANGED_DURING_RELEASE = (
    "Die Vorlage wurde geändert, während ihr PDF gesetzt wurde; sie ist nicht freigegeben. "
    "Prüfen Sie die Änderung und geben Sie die Vorlage erneut frei."
)


def suggest_reference(district, day: datetime.date | None = None) -> str:
    """The next free number in the District's pattern, e.g. ``50/021/2026`` after ``50/020/2026``.

    The running number continues after the highest number used with the same office and year.
    """
    day = day or timezone.localdate()
    matcher = _reference_regex(district, day.year)
    used = [
        int(match.group("nr"))
        for reference in district.decision_papers.values_list("reference", flat=True)
        if (match := matcher.fullmatch(reference))
    ]
    return format_reference(district, max(used, default=0) + 1, day.year)


def _reference_regex(district, year: int) -> re.Pattern:
    """The pattern as a regular expression with the running number as group ``nr``."""
    parts = []
    try:
        parsed = list(string.Formatter().parse(district.paper_number_pattern))
    except ValueError:
        parsed = [("", "amt", "", None), ("/", "nr", "", None), ("/", "jahr", "", None)]
    seen_nr = False
    for literal, field, _spec, _conversion in parsed:
        parts.append(re.escape(literal))
        if field == "amt":
            parts.append(re.escape(district.office_number))
        elif field == "jahr":
            parts.append(str(year))
        elif field == "nr" and not seen_nr:
            parts.append(r"(?P<nr>\d+)")
            seen_nr = True
        elif field is not None:
            parts.append(r".*?")
    return re.compile("".join(parts))


def format_reference(district, number: int, year: int) -> str:
    try:
        return district.paper_number_pattern.format(
            amt=district.office_number, nr=number, jahr=year
        )
    except (KeyError, IndexError, ValueError):
        return f"{district.office_number}/{number:03d}/{year}"


def _ensure_editable(paper: DecisionPaper) -> None:
    if paper.is_released:
        raise ValidationError(FROZEN_MESSAGE, code="frozen")


def _save_consultations(paper: DecisionPaper, steps: list[dict]) -> None:
    """Replace the Beratungsfolge by ``steps`` (meeting, role, authoritative), in order."""
    paper.consultations.all().delete()
    Consultation.objects.bulk_create(
        Consultation(
            paper=paper,
            order=order,
            meeting=step["meeting"],
            role=step["role"],
            authoritative=step.get("authoritative", False),
        )
        for order, step in enumerate(steps, start=1)
    )


@transaction.atomic
def paper_create(*, district, fields: dict, steps: list[dict], user) -> DecisionPaper:
    paper = DecisionPaper(district=district, **fields)
    paper.full_clean()
    paper.save()
    _save_consultations(paper, steps)
    return paper


@transaction.atomic
def paper_update(
    *, district, paper: DecisionPaper, fields: dict, steps: list[dict] | None, user
) -> DecisionPaper:
    """Save the working copy unless it is released (frozen); the view has refused a stale save
    before (``core.locking``)."""
    current = DecisionPaper.objects.for_district(district).select_for_update().get(pk=paper.pk)
    _ensure_editable(current)
    for name, value in fields.items():
        setattr(paper, name, value)
    paper.full_clean()
    paper.save()
    if steps is not None:
        _save_consultations(paper, steps)
    signoff_check_content(paper)
    return paper


def release_problems(paper: DecisionPaper) -> list[str]:
    """What keeps a paper from being signed off, in German; empty when it may go out."""
    problems = []
    if not paper.subject.strip():
        problems.append("Der Betreff fehlt.")
    steps = list(paper.consultations.all())
    if not steps:
        problems.append("Die Beratungsfolge ist leer: mindestens ein Gremium muss beraten.")
    if paper.paper_type == DecisionPaper.PaperType.DECISION:
        if not paper.proposal.strip():
            problems.append("Eine Beschlussvorlage braucht einen Beschlussvorschlag.")
        if steps and not any(step.authoritative for step in steps):
            problems.append(
                "Kein Schritt der Beratungsfolge entscheidet: markieren Sie das Gremium, "
                "das beschließt (meist der Kreistag)."
            )
    if not any(text.strip() for _heading, text in paper.begruendung()):
        problems.append("Die Begründung ist leer.")
    for attachment in paper.attachments.all():
        if attachment.file and not attachment.file.storage.exists(attachment.file.name):
            problems.append(
                f"Die Datei der Anlage „{attachment.title}“ fehlt auf dem Server: "
                "entfernen Sie die Anlage und laden Sie sie neu hoch."
            )
    return problems


def paper_release(
    *,
    district,
    paper: DecisionPaper,
    user,
    now: datetime.datetime | None = None,
    wait_for_anlagen: bool = False,
) -> ReleaseRequest:
    """KI-Leitung signs the paper off: freeze it and keep its PDF and Anlagen byte for byte.

    One action (issue 12). An Anlage that is a concept version goes out as the whole concept
    in PDF; when one is not yet set, the release itself is queued (issue 7: no long document
    in a web request) and the worker completes it (``paper_release_complete``); the paper
    page shows it as pending meanwhile. ``wait_for_anlagen`` sets them here instead
    (load_demo). Returns the request: done, with its ``release``, or pending.

    Refused (German) until every applicable Mitzeichnung step has signed the current content
    (issue 14, ``papers.signoff``); the view asks the KI-Leitung to confirm first.
    """
    check_district(district, paper)
    # A request whose worker died is queued again or failed first (issue 15), never waited on.
    if any(recover_releases(paper.release_requests.filter(revision=paper.revision))):
        paper.refresh_from_db()
        done = paper.release_requests.filter(
            revision=paper.revision, status=ReleaseRequest.Status.DONE
        ).first()
        if done is not None and paper.is_released:
            return done  # the new try has already released it (an immediate backend)
    _check_releasable(paper)
    pending = (
        paper.release_requests.filter(revision=paper.revision)
        .filter(status__in=[ReleaseRequest.Status.QUEUED, ReleaseRequest.Status.RUNNING])
        .first()
    )
    if pending is not None:
        return pending  # a second click while the worker is at it changes nothing
    fingerprint = paper_fingerprint(paper)  # what the KI-Leitung saw when she clicked
    concept_pdfs = {}
    for version in _concept_anlagen(paper):
        if wait_for_anlagen:
            concept_pdfs[version.pk] = ensure_pdf(version, user=user)
        elif (stored := stored_pdf(version)) is not None:
            concept_pdfs[version.pk] = stored
        else:
            return _queue_release(paper=paper, user=user, fingerprint=fingerprint)
    release = _release(paper=paper, user=user, now=now, concept_pdfs=concept_pdfs)
    return ReleaseRequest.objects.create(
        paper=paper,
        revision=release.revision,
        requested_by=user,
        requested_at=release.released_at,
        fingerprint=fingerprint,
        status=ReleaseRequest.Status.DONE,
        step="freigegeben",
        release=release,
    )


def _concept_anlagen(paper: DecisionPaper):
    """The concept versions among the working copy's Anlagen (those without an upload)."""
    return [
        attachment.concept_version
        for attachment in paper.attachments.filter(file="")
        .exclude(concept_version=None)
        .select_related("concept_version__concept__district")
    ]


def _queue_release(*, paper: DecisionPaper, user, fingerprint: str) -> ReleaseRequest:
    """Have the worker set the concept Anlagen and complete the release."""
    request = ReleaseRequest.objects.create(
        paper=paper,
        revision=paper.revision,
        requested_by=user,
        requested_at=timezone.now(),
        fingerprint=fingerprint,
        step="Das Integrationskonzept wird als Anlage gesetzt.",
    )
    # Enqueued in the same transaction as the request: the worker sees both or neither.
    # (Tests use the immediate backend: the release is complete on return.)
    result = complete_release.enqueue(request.pk)
    ReleaseRequest.objects.filter(pk=request.pk).update(task_id=str(result.id))
    request.refresh_from_db()
    return request


@task()
def complete_release(request_id: int) -> int | None:
    """Background task: complete a queued release; a crash is recorded on the request."""
    request = ReleaseRequest.objects.select_related("paper__district", "requested_by").get(
        pk=request_id
    )
    try:
        release = paper_release_complete(request=request)
    except Exception as exc:
        logger.exception("completing release request %s failed", request_id)
        ReleaseRequest.objects.filter(pk=request_id).update(
            status=ReleaseRequest.Status.FAILED,
            step="fehlgeschlagen",
            error=(
                "Die Freigabe ist an einem technischen Fehler gescheitert "
                f"({type(exc).__name__}). Bitte geben Sie die Vorlage erneut frei; bleibt "
                "der Fehler, wenden Sie sich an die Betreuung."
            ),
        )
        raise
    return release.pk if release else None


def paper_release_complete(*, request: ReleaseRequest) -> PaperRelease | None:
    """The worker's half of a queued release: set the concept Anlagen, then release.

    Refused (the request records why, in German) when the paper no longer shows what the
    KI-Leitung released, or can no longer go out.
    """
    if not request.is_pending:
        return request.release
    with holding(request):  # the worker renews its lease while it works on it (issue 15)
        return _complete(request)


def _complete(request: ReleaseRequest) -> PaperRelease | None:
    _progress(request, ReleaseRequest.Status.RUNNING, "Das Integrationskonzept wird gesetzt.")
    paper = request.paper
    paper.refresh_from_db()  # as it is now, not as it was when the request was loaded
    try:
        if paper.revision != request.revision or paper_fingerprint(paper) != request.fingerprint:
            raise ValidationError(CHANGED_SINCE_REQUEST, code="changed")
        _check_releasable(paper)
        concept_pdfs = {
            version.pk: ensure_pdf(
                version, user=request.requested_by, on_progress=lambda: _beat(request)
            )
            for version in _concept_anlagen(paper)
        }
        _progress(request, ReleaseRequest.Status.RUNNING, "Die Vorlage wird freigegeben.")
        release = _release(
            paper=paper, user=request.requested_by, now=None, concept_pdfs=concept_pdfs
        )
    except ValidationError as exc:
        request.error = "\n".join(exc.messages)
        _progress(request, ReleaseRequest.Status.FAILED, "fehlgeschlagen")
        return None
    request.release = release
    _progress(request, ReleaseRequest.Status.DONE, "freigegeben")
    return release


def _progress(request: ReleaseRequest, status: str, step: str) -> None:
    """Store where the release stands; it renews the request's lease (issue 15)."""
    request.status = status
    request.step = step
    request.heartbeat_at = timezone.now()
    request.save(update_fields=["status", "step", "error", "release", "heartbeat_at"])


def _beat(request: ReleaseRequest) -> None:
    """The concept Anlage made progress: the release waiting for it is alive."""
    ReleaseRequest.objects.filter(pk=request.pk).update(heartbeat_at=timezone.now())


def paper_present_concept_version(*, paper: DecisionPaper) -> None:
    """Tell concepts that a release put ``paper.concept_version`` before the council, so the
    version's page opens to the council (issue 12: concepts stores the fact, it does not read
    papers).

    Which readers may see it follows the papers presenting it: everyone with the papers right
    if any such paper is released; those who read öffentlich papers only (``Scope.PUBLIC_ONLY``)
    if one of them is öffentlich in its latest release — the same papers ``visible_papers``
    shows them.
    """
    version = paper.concept_version
    if version is None:
        return
    district = paper.district_id
    presenting = DecisionPaper.objects.for_district(district).filter(concept_version=version)
    first = (
        PaperRelease.objects.for_district(district)
        .filter(paper__in=presenting.values("pk"))
        .aggregate(first=Min("released_at"))["first"]
    )
    if first is None:
        return
    concept_services.version_mark_presented(
        district=paper.district,
        version=version,
        on=timezone.localdate(first),
        public=presenting.public_released().exists(),
    )


def _check_releasable(paper: DecisionPaper) -> None:
    if paper.is_released:
        raise ValidationError("Diese Revision ist bereits freigegeben.", code="released")
    problems = release_problems(paper) + signoff_problems(paper)
    if problems:
        raise ValidationError(problems, code="incomplete")


def _unsaved_release(paper: DecisionPaper, user, now) -> PaperRelease:
    return PaperRelease(
        paper=paper,
        revision=paper.revision,
        released_at=now,
        released_by=user,
        reference=paper.reference,
        subject=paper.subject,
        is_public=paper.is_public,
        paper_date=paper.date,
        paper_type=paper.paper_type,
    )


def _release(*, paper: DecisionPaper, user, now, concept_pdfs: dict) -> PaperRelease:
    """Render the release's PDF, then freeze the paper with it under the row lock.

    WeasyPrint takes seconds: the PDF is rendered before the lock is taken, so that nobody's
    edit waits for it, and under the lock only its HTML is compared with the paper as it is
    now. A paper changed meanwhile is not released with a PDF that does not show the change.
    """
    now = now or timezone.now()
    renderer = renderer_for(PAPER_PDF)
    # One HTML build: its hash is what is checked under the lock, and its PDF what is stored.
    html = renderer.html(paper, release=_unsaved_release(paper, user, now))
    rendered = hashlib.sha256(html.encode()).hexdigest()
    pdf = renderer.pdf_from_html(html)
    with transaction.atomic():
        paper = DecisionPaper.objects.select_for_update().get(pk=paper.pk)
        _check_releasable(paper)
        release = _unsaved_release(paper, user, now)
        if renderer.fingerprint(paper, release=release) != rendered:
            raise ValidationError(CHANGED_DURING_RELEASE, code="changed")
        release.pdf = pdf
        release.sha256 = hashlib.sha256(pdf).hexdigest()
        release.sha512 = hashlib.sha512(pdf).hexdigest()
        release.size = len(pdf)
        release.save()
        _freeze_attachments(paper, release, concept_pdfs)
        paper.released_at = now
        paper.released_by = user
        paper.save(update_fields=["released_at", "released_by", "modified"])
        paper_present_concept_version(paper=paper)
        # Issue 20: the members of its Gremien get a link, once this transaction commits.
        notices.release_notify(paper=paper, release=release)
    return release


def _freeze_attachments(paper: DecisionPaper, release: PaperRelease, concept_pdfs: dict) -> None:
    """Copy every Anlage into the release; a concept version as its prepared PDF."""
    for attachment in paper.attachments.select_related("concept_version"):
        version = attachment.concept_version
        if attachment.file:
            with attachment.file.open("rb") as handle:
                content = handle.read()
            name = os.path.basename(attachment.file.name)
        elif version is not None and concept_pdfs.get(version.pk):
            content = concept_pdfs[version.pk]
            name = f"Integrationskonzept-Fassung-{version.number}.pdf"
        else:
            continue
        frozen = ReleasedAttachment(
            release=release,
            title=attachment.title,
            concept_version=version,
            order=attachment.order,
            sha256=hashlib.sha256(content).hexdigest(),
            sha512=hashlib.sha512(content).hexdigest(),
            size=len(content),
        )
        frozen.file.save(name, ContentFile(content), save=False)
        frozen.save()


@transaction.atomic
def paper_new_revision(*, district, paper: DecisionPaper, user) -> DecisionPaper:
    """Open a released paper for changes as the next revision; earlier releases stay."""
    check_district(district, paper)
    paper = DecisionPaper.objects.select_for_update().get(pk=paper.pk)
    if not paper.is_released:
        raise ValidationError(
            "Diese Vorlage ist noch nicht freigegeben; sie kann direkt bearbeitet werden.",
            code="draft",
        )
    if paper.consultations.exclude(result="").exists():
        raise ValidationError(
            "Für diese Vorlage sind schon Beratungsergebnisse erfasst; ihr Inhalt kann nicht "
            "mehr geändert werden. Legen Sie eine neue Vorlage (Ergänzungsvorlage) an.",
            code="deliberated",
        )
    paper.revision += 1
    paper.released_at = None
    paper.released_by = None
    paper.save(update_fields=["revision", "released_at", "released_by", "modified"])
    return paper


def paper_status(paper: DecisionPaper, has_release: bool) -> str:
    """Where the paper stands (``PaperStatus``), from its releases and the Beratungsfolge.

    Uses ``paper.consultations.all()``: prefetch them for lists.
    """
    if not has_release:
        return PaperStatus.DRAFT
    steps = list(paper.consultations.all())
    for step in steps:
        if step.authoritative and step.result:
            if step.result in Consultation.DECIDED:
                return PaperStatus.DECIDED
            if step.result == Consultation.Result.REJECTED:
                return PaperStatus.REJECTED
            if step.result == Consultation.Result.NOTED:
                return PaperStatus.NOTED
    if any(step.result == Consultation.Result.POSTPONED for step in steps):
        return PaperStatus.POSTPONED
    return PaperStatus.IN_DELIBERATION


@transaction.atomic
def attachment_create(
    *,
    district,
    paper: DecisionPaper,
    title: str,
    user,
    file=None,
    concept_version: ConceptVersion | None = None,
) -> Attachment:
    """Add an Anlage at the end of the working copy's Anlagen: an uploaded ``file``, or a
    ``concept_version`` of this system (rendered when the paper is released).

    A concept version must be the District's and not already an Anlage of the paper; a
    released paper is frozen (ValidationError, German).
    """
    check_district(district, paper)
    if paper.is_released:
        raise ValidationError(FROZEN_MESSAGE, code="frozen")
    if concept_version is not None:
        check_district(district, concept_version)
        if paper.attachments.filter(concept_version=concept_version).exists():
            raise ValidationError(
                f"Fassung {concept_version.number} ist bereits Anlage dieser Vorlage.",
                code="duplicate",
            )
    attachment = Attachment.objects.create(
        paper=paper,
        title=title,
        file=file,
        concept_version=concept_version,
        order=(paper.attachments.count() or 0) + 1,
    )
    signoff_check_content(paper)
    return attachment


@transaction.atomic
def attachment_delete(*, district, attachment: Attachment, user) -> None:
    """Remove an Anlage of the working copy, with its file."""
    check_district(district, attachment)
    if attachment.file:
        attachment.file.delete(save=False)
    attachment.delete()
    signoff_check_content(attachment.paper)


PAPER_SETTINGS = ("paper_layout", "paper_number_pattern", "office_number", "logo")


@transaction.atomic
def paper_settings_update(*, district, data: dict, user):
    """How the District's papers look: Begründung layout, number pattern, office, logo.

    ``data`` is a form's cleaned_data; a logo of ``False`` clears it, ``None`` keeps it.
    """
    for name in PAPER_SETTINGS:
        if name in data:
            district._meta.get_field(name).save_form_data(district, data[name])
    district.save()
    return district
