"""Mitzeichnung: the District's sign-off steps a paper passes before its release (issue 14).

Each District lists its steps in order (e.g. Fachbereichsleitung, Dezernat, Kämmerei only when
"Finanzielle Auswirkung: ja", Landrat/Landrätin), each held by one member. The KI asks for
Mitzeichnung of a revision; the holder of the current step signs off ("mitgezeichnet") or
returns the paper with a comment, which ends the round: the KI revises and asks again. A
change of the content after the request invalidates the round (the signers signed that
content). Release waits until every applicable step has signed the current content; a District
without steps releases after the KI-Leitung's confirmation only.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import Membership
from accounts.rights import Capability, has_capability
from core.models import check_district

from .models import DecisionPaper, SignOff, SignOffRound, SignOffStep
from .renderers import paper_fingerprint

NOT_ASKED = "Die Vorlage liegt nicht zur Mitzeichnung vor."
CHANGED = (
    "Die Vorlage wurde geändert, nachdem sie zur Mitzeichnung gegeben wurde; die "
    "Mitzeichnungen gelten nicht mehr. Geben Sie sie erneut zur Mitzeichnung."
)


@dataclass
class StepState:
    """One applicable step of a paper and its sign-off in the current round, if any."""

    step: SignOffStep
    signoff: SignOff | None = None
    is_current: bool = False


@dataclass
class SignOffState:
    """Where a paper's Mitzeichnung stands: steps that apply, the current round, its validity."""

    steps: list[StepState] = field(default_factory=list)
    skipped: list[SignOffStep] = field(default_factory=list)  # not applicable (condition)
    round: SignOffRound | None = None
    changed: bool = False  # the content differs from what was asked for

    @property
    def required(self) -> bool:
        return bool(self.steps)

    @property
    def is_open(self) -> bool:
        return (
            self.round is not None
            and self.round.status == SignOffRound.Status.OPEN
            and not self.changed
        )

    @property
    def is_returned(self) -> bool:
        return self.round is not None and self.round.status == SignOffRound.Status.RETURNED

    @property
    def is_changed(self) -> bool:
        return self.round is not None and (
            self.changed or self.round.status == SignOffRound.Status.CHANGED
        )

    @property
    def current(self) -> StepState | None:
        """The step whose holder signs next; none unless the round is open."""
        if not self.is_open:
            return None
        return next((state for state in self.steps if state.signoff is None), None)

    @property
    def complete(self) -> bool:
        """Every applicable step has signed the current content (trivially without steps)."""
        if not self.steps:
            return True
        return self.is_open and all(state.signoff is not None for state in self.steps)

    @property
    def missing(self) -> list[StepState]:
        return [state for state in self.steps if state.signoff is None]

    def holds_step(self, user) -> bool:
        return any(state.step.user_id == user.pk for state in self.steps)


def _latest_round(paper: DecisionPaper) -> SignOffRound | None:
    return (
        paper.signoff_rounds.filter(revision=paper.revision)
        .select_related("requested_by", "returned_by")
        .first()
    )


def signoff_state(paper: DecisionPaper, *, check_content: bool = True, steps=None) -> SignOffState:
    """The paper's Mitzeichnung as it stands now.

    ``check_content`` compares the paper with the content the round was asked for (renders the
    draft HTML); lists pass False and rely on ``signoff_check_content`` having run at every
    save. ``steps`` may pass the District's steps (with ``user``) to save a query per paper.
    """
    if steps is None:
        steps = SignOffStep.objects.for_district(paper.district_id).select_related("user")
    state = SignOffState()
    for step in steps:
        if step.applies_to(paper):
            state.steps.append(StepState(step=step))
        else:
            state.skipped.append(step)
    if not state.steps:
        return state
    state.round = _latest_round(paper)
    if state.round is None:
        return state
    if state.round.status == SignOffRound.Status.OPEN and check_content:
        state.changed = state.round.fingerprint != paper_fingerprint(paper)
    by_step = {
        signoff.step_id: signoff
        for signoff in state.round.signoffs.select_related("user")
        if signoff.step_id is not None
    }
    for step_state in state.steps:
        signoff = by_step.get(step_state.step.pk)
        # A sign-off counts for the step while the same person holds it.
        if signoff is not None and signoff.user_id == step_state.step.user_id:
            step_state.signoff = signoff
    current = state.current
    if current is not None:
        current.is_current = True
    return state


def signoff_problems(paper: DecisionPaper, state: SignOffState | None = None) -> list[str]:
    """What the Mitzeichnung still lacks before release, in German; empty when complete."""
    state = state or signoff_state(paper)
    if state.complete:
        return []
    if state.is_returned:
        signoff_round = state.round
        return [
            f"Die Vorlage wurde von {signoff_round.returned_function} "
            f"({signoff_round.returned_by or 'unbekannt'}) zurückgegeben. Überarbeiten Sie sie "
            "und geben Sie sie erneut zur Mitzeichnung."
        ]
    if state.is_changed:
        return [CHANGED]
    if state.round is None:
        names = ", ".join(state_.step.function for state_ in state.steps)
        return [
            f"Die Vorlage muss vor der Freigabe mitgezeichnet werden ({names}). "
            "Geben Sie sie zur Mitzeichnung."
        ]
    missing = ", ".join(f"{s.step.function} ({s.step.user})" for s in state.missing)
    return [f"Es fehlt noch die Mitzeichnung: {missing}."]


def _locked(paper: DecisionPaper) -> DecisionPaper:
    return (
        DecisionPaper.objects.select_for_update(of=("self",))
        .select_related("district")
        .get(pk=paper.pk)
    )


@transaction.atomic
def signoff_request(
    *, district, paper: DecisionPaper, user, now: datetime.datetime | None = None
) -> SignOffRound:
    """KI asks for Mitzeichnung of the working copy as it is now (a new round).

    Refused (German) for a released paper, a District without steps, or while a round on this
    content is running. (The paper page offers it only when ``release_problems`` is empty.)
    """
    check_district(district, paper)
    paper = _locked(paper)
    if paper.is_released:
        raise ValidationError("Diese Revision ist bereits freigegeben.", code="released")
    state = signoff_state(paper)
    if not state.required:
        raise ValidationError(
            "Für diese Vorlage ist keine Mitzeichnung vorgesehen; sie kann nach Bestätigung "
            "freigegeben werden.",
            code="no_steps",
        )
    if state.is_open:
        raise ValidationError("Die Mitzeichnung läuft bereits.", code="running")
    if state.round is not None and state.round.status == SignOffRound.Status.OPEN:
        # Outdated by a change that no save noticed (e.g. a committee renamed).
        state.round.status = SignOffRound.Status.CHANGED
        state.round.save(update_fields=["status"])
    return SignOffRound.objects.create(
        paper=paper,
        revision=paper.revision,
        fingerprint=paper_fingerprint(paper),
        requested_by=user,
        requested_at=now or timezone.now(),
    )


def signer_state(paper: DecisionPaper, user, *, check_content: bool = True) -> SignOffState:
    """The state for a signer's action; PermissionDenied for anyone holding no step of it,
    German ValidationError while it is not this holder's turn (or the content has changed:
    ``check_content``; a page that only shows a form may leave that to the action)."""
    state = signoff_state(paper, check_content=check_content)
    if not state.holds_step(user):
        raise PermissionDenied("Sie zeichnen diese Vorlage nicht mit.")
    if state.is_changed:
        if state.round.status == SignOffRound.Status.OPEN:
            state.round.status = SignOffRound.Status.CHANGED
            state.round.save(update_fields=["status"])
        raise ValidationError(CHANGED, code="changed")
    current = state.current
    if current is None:
        raise ValidationError(NOT_ASKED, code="not_asked")
    if current.step.user_id != user.pk:
        # The order is the District's: step 2 signs only after step 1.
        raise ValidationError(
            f"Zuerst zeichnet {current.step.function} ({current.step.user}) mit; danach "
            "sind Sie an der Reihe.",
            code="not_your_turn",
        )
    return state


@transaction.atomic
def signoff_sign(
    *, district, paper: DecisionPaper, user, now: datetime.datetime | None = None
) -> SignOff:
    """The holder of the current step signs the paper off ("mitgezeichnet")."""
    check_district(district, paper)
    paper = _locked(paper)
    state = signer_state(paper, user)
    step = state.current.step
    return SignOff.objects.create(
        round=state.round,
        step=step,
        function=step.function,
        user=user,
        signed_at=now or timezone.now(),
        fingerprint=state.round.fingerprint,
    )


@transaction.atomic
def signoff_return(
    *,
    district,
    paper: DecisionPaper,
    user,
    comment: str,
    now: datetime.datetime | None = None,
) -> SignOffRound:
    """The holder of the current step returns the paper to the KI, saying why.

    The round ends; the KI revises the paper and asks again (a new round, all steps anew).
    """
    check_district(district, paper)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(
            {"comment": "Bitte begründen Sie, warum Sie die Vorlage zurückgeben."},
            code="required",
        )
    paper = _locked(paper)
    state = signer_state(paper, user)
    step = state.current.step
    signoff_round = state.round
    signoff_round.status = SignOffRound.Status.RETURNED
    signoff_round.returned_by = user
    signoff_round.returned_function = step.function
    signoff_round.returned_at = now or timezone.now()
    signoff_round.return_comment = comment
    signoff_round.save()
    return signoff_round


def signoff_check_content(paper: DecisionPaper) -> None:
    """After a save: a running round on content that has now changed becomes invalid, so the
    signers' lists no longer offer it. Cheap when nothing runs."""
    running = paper.signoff_rounds.filter(
        revision=paper.revision, status=SignOffRound.Status.OPEN
    ).first()
    if running is not None and running.fingerprint != paper_fingerprint(paper):
        running.status = SignOffRound.Status.CHANGED
        running.save(update_fields=["status"])


def awaiting_signoff(district, user) -> list[tuple[DecisionPaper, StepState]]:
    """The papers whose current step ``user`` holds: the list "zur Mitzeichnung".

    Relies on ``signoff_check_content`` at every save instead of rendering each paper; the
    paper page checks the content again before anyone signs.
    """
    steps = list(SignOffStep.objects.for_district(district).select_related("user"))
    if not any(step.user_id == user.pk for step in steps):
        return []
    rounds = (
        SignOffRound.objects.for_district(district)
        .filter(status=SignOffRound.Status.OPEN, paper__released_at__isnull=True)
        .select_related("paper__district")
        .prefetch_related("signoffs")
        .order_by("paper_id", "-requested_at", "-pk")
    )
    waiting = []
    seen = set()
    for signoff_round in rounds:
        paper = signoff_round.paper
        if paper.pk in seen or signoff_round.revision != paper.revision:
            continue
        seen.add(paper.pk)
        signed = {s.step_id: s.user_id for s in signoff_round.signoffs.all()}
        for step in steps:
            if not step.applies_to(paper):
                continue
            if signed.get(step.pk) == step.user_id:
                continue
            if step.user_id == user.pk:
                waiting.append((paper, StepState(step=step, is_current=True)))
            break
    return waiting


# --- The District's steps (KI-Leitung) ----------------------------------------------------------


def signer_memberships(district):
    """Who can hold a step: active members who read unreleased papers (they must read the
    draft they sign)."""
    roles = [
        role
        for role, _label in Membership._meta.get_field("role").choices
        if has_capability(role, Capability.SIGN_OFF)
    ]
    return (
        Membership.objects.filter(district=district, is_active=True, role__in=roles)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


@transaction.atomic
def signoff_step_create(*, district, function: str, signer, condition: str, user) -> SignOffStep:
    """Add a step at the end of the District's Mitzeichnung."""
    if not signer_memberships(district).filter(user=signer).exists():
        raise ValidationError(
            {"signer": "Diese Person ist kein aktives Mitglied der KI dieses Kreises."},
            code="not_member",
        )
    last = SignOffStep.objects.for_district(district).aggregate(last=Max("order"))["last"]
    step = SignOffStep(
        district=district,
        order=(last or 0) + 1,
        function=function.strip(),
        user=signer,
        condition=condition,
    )
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def signoff_step_delete(*, district, step: SignOffStep, user) -> None:
    """Remove a step; running rounds then need one step less, given sign-offs stay recorded."""
    check_district(district, step)
    step.delete()
    _renumber(district)


@transaction.atomic
def signoff_step_move(*, district, step: SignOffStep, up: bool, user) -> None:
    """Swap a step with its neighbour above (``up``) or below."""
    check_district(district, step)
    steps = list(SignOffStep.objects.for_district(district).select_for_update())
    index = next(i for i, other in enumerate(steps) if other.pk == step.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(steps):
        steps[index], steps[other] = steps[other], steps[index]
        _renumber(district, steps)


def _renumber(district, steps=None) -> None:
    steps = steps if steps is not None else list(SignOffStep.objects.for_district(district))
    for order, step in enumerate(steps, start=1):
        if step.order != order:
            step.order = order
            step.save(update_fields=["order", "modified"])
