"""Services for council papers: numbering, editing, release, revisions, decisions.

Seed 001 (Mettmann 50/020/2015) shows the paper as it goes to the bodies; once signed off its
content must not change under the councillors' eyes, so a release freezes the working copy and
stores the PDF byte for byte (``PaperRelease``). Results of the Beratungsfolge are recorded later
and live on the consultations, outside the frozen content. The authoritative body's decision on
a paper that adopts a concept version adopts that version (TIntG NRW § 8: the Kreistag decides
the Integrationskonzept).
"""

import datetime
import hashlib
import os
import re
import string

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from concepts import services as concept_services
from concepts.models import ConceptVersion
from core.models import check_district

from .documents import paper_html
from .models import (
    Attachment,
    Consultation,
    DecisionPaper,
    PaperRelease,
    PaperStatus,
    ReleasedAttachment,
)
from .pdf import html_to_pdf

FROZEN_MESSAGE = (
    "Diese Vorlage ist freigegeben; ihr Inhalt ist eingefroren. "
    "Beginnen Sie eine neue Revision, um sie zu ändern."
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
    paper: DecisionPaper,
    user,
    now: datetime.datetime | None = None,
    wait_for_anlagen: bool = False,
) -> PaperRelease:
    """KI-Leitung signs the paper off: freeze it and keep its PDF and Anlagen byte for byte.

    An Anlage that is a concept version needs the whole concept as PDF. Unless a current one is
    stored, it is queued (issue 7: no long document in a web request) and the release refused
    with a message to try again; ``wait_for_anlagen`` renders it here instead (load_demo).
    """
    # documents builds on reporting (its report prefills papers): imported here, not above.
    from documents.services import concept_pdf_for_release

    _check_releasable(paper)  # before anything is queued for a paper that cannot go out
    # Outside the release's transaction, so that a queued document survives a refusal.
    concept_pdfs, pending = {}, []
    for attachment in paper.attachments.filter(file="").exclude(concept_version=None):
        version = attachment.concept_version
        pdf = concept_pdf_for_release(version, user=user, wait=wait_for_anlagen)
        if pdf is None:
            pending.append(attachment.title)
        concept_pdfs[version.pk] = pdf
    if pending:
        raise ValidationError(
            [
                f"Die Anlage „{title}“ wird gerade als PDF gesetzt. Geben Sie die Vorlage in "
                "einer Minute noch einmal frei; das Integrationskonzept wird dann mit ihr "
                "verschickt."
                for title in pending
            ],
            code="anlage_pending",
        )
    return _release(paper=paper, user=user, now=now, concept_pdfs=concept_pdfs)


def _check_releasable(paper: DecisionPaper) -> None:
    if paper.is_released:
        raise ValidationError("Diese Revision ist bereits freigegeben.", code="released")
    problems = release_problems(paper)
    if problems:
        raise ValidationError(problems, code="incomplete")


@transaction.atomic
def _release(*, paper: DecisionPaper, user, now, concept_pdfs: dict) -> PaperRelease:
    paper = DecisionPaper.objects.select_for_update().get(pk=paper.pk)
    _check_releasable(paper)
    now = now or timezone.now()
    release = PaperRelease(
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
    pdf = html_to_pdf(paper_html(paper, release=release))
    release.pdf = pdf
    release.sha256 = hashlib.sha256(pdf).hexdigest()
    release.sha512 = hashlib.sha512(pdf).hexdigest()
    release.size = len(pdf)
    release.save()
    _freeze_attachments(paper, release, concept_pdfs)
    paper.released_at = now
    paper.released_by = user
    paper.save(update_fields=["released_at", "released_by", "modified"])
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


@transaction.atomic
def consultation_record(
    *,
    district,
    consultation: Consultation,
    result: str,
    votes_yes: int | None,
    votes_no: int | None,
    votes_abstain: int | None,
    note: str,
    user,
) -> Consultation:
    """Record what a body decided; the authoritative decision adopts the concept version."""
    check_district(district, consultation)
    paper = consultation.paper
    if not paper.releases.exists():
        raise ValidationError(
            "Ergebnisse können erst erfasst werden, wenn die Vorlage freigegeben ist.",
            code="not_released",
        )
    consultation.result = result
    consultation.votes_yes = votes_yes
    consultation.votes_no = votes_no
    consultation.votes_abstain = votes_abstain
    consultation.result_note = note
    consultation.result_recorded_at = timezone.now()
    consultation.result_recorded_by = user
    consultation.save()
    version = paper.concept_version
    if (
        consultation.authoritative
        and result in Consultation.DECIDED
        and version is not None
        and paper.paper_type == DecisionPaper.PaperType.DECISION
        and not version.is_adopted
    ):
        decided_on = timezone.localdate(consultation.meeting.start)
        concept_services.version_adopt(
            district=district, version=version, decided_on=decided_on, user=user
        )
    return consultation


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
    ``concept_version`` of this system (rendered when the paper is released)."""
    check_district(district, paper)
    return Attachment.objects.create(
        paper=paper,
        title=title,
        file=file,
        concept_version=concept_version,
        order=(paper.attachments.count() or 0) + 1,
    )


@transaction.atomic
def attachment_delete(*, district, attachment: Attachment, user) -> None:
    """Remove an Anlage of the working copy, with its file."""
    check_district(district, attachment)
    if attachment.file:
        attachment.file.delete(save=False)
    attachment.delete()


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
