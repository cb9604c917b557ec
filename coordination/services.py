"""Writes for priority rounds: rounds, options, the municipalities' answers and the adoption.

Seed 003 (Rhein-Erft): the Kreis sends the Abstimmungspapier, each municipality answers after
consulting its committees, the Kreis aggregates and proposes, the result becomes the work
period's Arbeitsschwerpunkte.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import Membership, User
from accounts.rights import Role
from concepts.models import FocusArea, WorkPriority
from core.locking import EditConflict, refuse_if_changed
from core.models import check_district
from core.text import counted
from districts.models import District, Municipality

from .models import (
    PriorityAdoption,
    PriorityRound,
    RoundOption,
    Submission,
    SubmissionChoice,
)

ROUND_FIELDS = (
    "work_period",
    "title",
    "instructions",
    "opens_on",
    "closes_on",
    "voting_rule",
    "max_choices",
    "points_total",
)
OPTION_FIELDS = ("focus_area", "field_of_action", "title", "description", "order")

# The answer page was built when the municipality had not answered yet: an answer stored
# meanwhile (a colleague, or the KI entering the paper answer) is a conflict, not overwritten.
NO_ANSWER = "keine-antwort"


@dataclass(frozen=True)
class ChoiceInput:
    """One row of the answer form: rank or points for an option, and a comment."""

    option_id: int
    rank: int | None = None
    points: int | None = None
    comment: str = ""


# --- Rounds ---------------------------------------------------------------------------------


def _check_round(round: PriorityRound) -> None:
    errors = {}
    if round.opens_on and round.closes_on and round.closes_on < round.opens_on:
        errors["closes_on"] = "Der Antwortschluss darf nicht vor der Öffnung liegen."
    if round.voting_rule == PriorityRound.VotingRule.RANKING and not round.max_choices:
        errors["max_choices"] = "Bitte mindestens eine Option zur Wahl stellen."
    if round.voting_rule == PriorityRound.VotingRule.POINTS and not round.points_total:
        errors["points_total"] = "Bitte mindestens einen Punkt zur Verteilung vorsehen."
    if round.work_period_id and round.work_period.district_id != round.district_id:
        errors["work_period"] = "Die Arbeitsperiode gehört nicht zu diesem Kreis."
    if errors:
        raise ValidationError(errors)


def round_create(*, district: District, data: dict, user: User) -> PriorityRound:
    """Create a round (status „in Vorbereitung“) from ``data`` (the fields of ROUND_FIELDS)."""
    with transaction.atomic():
        round = PriorityRound(district=district, **{k: data[k] for k in ROUND_FIELDS if k in data})
        _check_round(round)
        round.save()
        return round


def round_update(
    *, district: District, round: PriorityRound, data: dict, user: User
) -> PriorityRound:
    """Change title, instructions, dates or rule; the rule and period only before the round
    opens, since answers already given follow the old ones."""
    check_district(district, round)
    with transaction.atomic():
        round = PriorityRound.objects.select_for_update().get(pk=round.pk)
        if round.status == PriorityRound.Status.ADOPTED:
            raise ValidationError(
                "Das Ergebnis dieser Runde ist übernommen; sie bleibt, wie sie ist."
            )
        locked = ("voting_rule", "max_choices", "points_total", "work_period")
        for name in ROUND_FIELDS:
            if name not in data:
                continue
            if (
                name in locked
                and round.status != PriorityRound.Status.DRAFT
                and getattr(round, name) != data[name]
            ):
                raise ValidationError(
                    {name: "Nach dem Öffnen der Runde lässt sich das nicht mehr ändern."}
                )
            setattr(round, name, data[name])
        _check_round(round)
        round.save()
        return round


def _require_draft(round: PriorityRound) -> None:
    if round.status != PriorityRound.Status.DRAFT:
        raise ValidationError(
            "Die Optionen lassen sich nur ändern, solange die Runde in Vorbereitung ist."
        )


# --- Options --------------------------------------------------------------------------------


def option_save(
    *,
    district: District,
    round: PriorityRound,
    data: dict,
    user: User,
    option: RoundOption | None = None,
) -> RoundOption:
    """Add an option to a round in preparation, or change one."""
    check_district(district, round)
    with transaction.atomic():
        _require_draft(round)
        if option is None:
            option = RoundOption(round=round)
        for name in OPTION_FIELDS:
            if name in data:
                setattr(option, name, data[name])
        if option.field_of_action_id and option.field_of_action.district_id != round.district_id:
            raise ValidationError(
                {"field_of_action": "Dieses Handlungsfeld gehört nicht zum Kreis."}
            )
        if not option.order:
            option.order = (round.options.aggregate(m=Max("order"))["m"] or 0) + 1
        option.save()
        return option


def option_delete(*, district: District, option: RoundOption, user: User) -> None:
    """Delete an option of a round in preparation."""
    check_district(district, option)
    with transaction.atomic():
        _require_draft(option.round)
        option.delete()


def round_prefill(*, district: District, round: PriorityRound, user: User) -> int:
    """Add the last period's Arbeitsschwerpunkte and the District's Handlungsfelder as options
    (those not there yet, by title); returns how many were added.

    A Handlungsfeld has no Schwerpunkt of its own; cross-cutting ones go to the
    Querschnitts-Schwerpunkt, the others to Bildung — the KI adjusts them afterwards.
    """
    check_district(district, round)
    with transaction.atomic():
        _require_draft(round)
        taken = set(round.options.values_list("title", flat=True))
        order = round.options.aggregate(m=Max("order"))["m"] or 0
        new = []
        previous = (
            round.district.work_periods.filter(start__lt=round.work_period.start)
            .order_by("-start")
            .first()
        )
        if previous is not None:
            for priority in previous.priorities.select_related("focus_area"):
                if priority.title not in taken:
                    taken.add(priority.title)
                    order += 1
                    new.append(
                        RoundOption(
                            round=round,
                            focus_area=priority.focus_area,
                            title=priority.title,
                            description=priority.description,
                            order=order,
                        )
                    )
        areas = {area.code: area for area in FocusArea.objects.all()}
        for field in round.district.fields_of_action.all():
            if field.name in taken:
                continue
            taken.add(field.name)
            order += 1
            code = (
                FocusArea.Code.CROSS_CUTTING if field.is_cross_cutting else FocusArea.Code.EDUCATION
            )
            new.append(
                RoundOption(
                    round=round,
                    focus_area=areas[code],
                    field_of_action=field,
                    title=field.name[:200],
                    description=field.description,
                    order=order,
                )
            )
        RoundOption.objects.bulk_create(new)
        return len(new)


# --- Opening and reminders ------------------------------------------------------------------


def _liaisons(round: PriorityRound, municipalities=None) -> list[Membership]:
    memberships = Membership.objects.filter(
        district=round.district, role=Role.LIAISON, is_active=True, user__is_active=True
    ).select_related("user", "municipality")
    if municipalities is not None:
        memberships = memberships.filter(municipality__in=municipalities)
    return [m for m in memberships if m.user.email]


def _mail(round: PriorityRound, memberships, *, subject: str, opening: str, answer_url: str):
    messages = []
    for membership in memberships:
        name = membership.user.get_full_name() or membership.user.username
        body = (
            f"Guten Tag {name},\n\n"
            f"{opening}\n\n"
            f"Runde: {round.title}\n"
            f"Arbeitsperiode: {round.work_period.label}\n"
            f"Antworten bis: {round.closes_on:%d.%m.%Y}\n\n"
            f"Hier geben Sie die Antwort für {membership.municipality} ab:\n{answer_url}\n\n"
            f"Mit freundlichen Grüßen\n"
            f"Kommunales Integrationszentrum {round.district.name}\n"
        )
        messages.append((subject, body, None, [membership.user.email]))
    # After the commit: a rolled-back opening sends nothing.
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return len(messages)


def round_open(*, district: District, round: PriorityRound, user: User, answer_url: str) -> int:
    """Open a round in preparation and e-mail the District's liaisons the link to answer;
    returns the number of e-mails."""
    check_district(district, round)
    with transaction.atomic():
        round = PriorityRound.objects.select_for_update().get(pk=round.pk)
        if round.status != PriorityRound.Status.DRAFT:
            raise ValidationError("Die Runde ist bereits geöffnet.")
        if not round.options.exists():
            raise ValidationError("Bitte zuerst mindestens eine Option anlegen.")
        if round.closes_on < timezone.localdate():
            raise ValidationError("Der Antwortschluss liegt in der Vergangenheit.")
        round.status = PriorityRound.Status.OPEN
        round.save(update_fields=["status", "modified"])
        return _mail(
            round,
            _liaisons(round),
            subject=f"Abstimmung der Arbeitsschwerpunkte: {round.title}",
            opening=(
                f"das Kommunale Integrationszentrum bittet Ihre Kommune um ihre Prioritäten für "
                f"die Arbeitsperiode {round.work_period.label}. Die Runde ist ab dem "
                f"{round.opens_on:%d.%m.%Y} geöffnet."
            ),
            answer_url=answer_url,
        )


def round_remind(*, district: District, round: PriorityRound, user: User, answer_url: str) -> int:
    """E-mail the liaisons of the municipalities that have not answered yet; returns the
    number of e-mails."""
    check_district(district, round)
    with transaction.atomic():
        if not round.accepts_answers():
            raise ValidationError("Erinnerungen sind nur möglich, solange die Runde offen ist.")
        missing = round.district.municipalities.exclude(submissions__round=round)
        return _mail(
            round,
            _liaisons(round, missing),
            subject=f"Erinnerung: {round.title}",
            opening=(
                "Ihre Kommune hat in der folgenden Abstimmungsrunde noch nicht geantwortet. "
                "Wir freuen uns über Ihre Antwort bis zum Antwortschluss."
            ),
            answer_url=answer_url,
        )


# --- Answers --------------------------------------------------------------------------------


def choice_errors(round: PriorityRound, choices: list[ChoiceInput]) -> list[str]:
    """Why the ranks or points break the round's rule (German), or an empty list."""
    errors = []
    if round.voting_rule == PriorityRound.VotingRule.RANKING:
        ranks = [c.rank for c in choices if c.rank is not None]
        if any(r < 1 or r > round.max_choices for r in ranks):
            errors.append(f"Ränge gehen von 1 bis {round.max_choices}.")
        if len(ranks) != len(set(ranks)):
            errors.append("Jeder Rang darf nur einmal vergeben werden.")
        if len(ranks) > round.max_choices:
            errors.append(
                f"Höchstens {counted(round.max_choices, 'Option darf', 'Optionen dürfen')} "
                "einen Rang erhalten."
            )
    else:
        points = [c.points for c in choices if c.points is not None]
        if any(p < 0 for p in points):
            errors.append("Punkte dürfen nicht negativ sein.")
        if sum(points) > round.points_total:
            errors.append(
                f"Es {'darf' if round.points_total == 1 else 'dürfen'} höchstens "
                f"{counted(round.points_total, 'Punkt', 'Punkte')} verteilt werden "
                f"(vergeben: {sum(points)})."
            )
    return errors


def submission_save(
    *,
    district: District,
    round: PriorityRound,
    municipality: Municipality,
    choices: list[ChoiceInput],
    comment: str = "",
    committee_name: str = "",
    committee_date: datetime.date | None = None,
    on_paper: bool = False,
    user: User,
    seen: str = "",
) -> Submission:
    """Save (or replace) a municipality's answer while the round accepts answers.

    ``on_paper``: a KI records an answer the municipality sent on paper. ``seen``: the stored
    answer as the page showed it (``core.locking``: its modified stamp, or ``NO_ANSWER``); an
    answer saved by someone else since raises ``EditConflict`` and nothing is written.
    """
    check_district(district, round)
    with transaction.atomic():
        round = PriorityRound.objects.select_for_update().get(pk=round.pk)
        if not round.accepts_answers():
            raise ValidationError(
                "Die Abstimmungsrunde ist nicht geöffnet; Antworten lassen sich nicht mehr "
                "abgeben oder ändern."
            )
        if municipality.district_id != round.district_id:
            raise ValidationError("Diese Kommune gehört nicht zum Kreis.")
        options = set(round.options.values_list("pk", flat=True))
        if any(c.option_id not in options for c in choices):
            raise ValidationError("Unbekannte Option.")
        errors = choice_errors(round, choices)
        if errors:
            raise ValidationError(errors)
        stored = round.submissions.filter(municipality=municipality).first()
        if stored is not None and seen == NO_ANSWER:
            raise EditConflict(stored)
        if stored is not None and seen:
            refuse_if_changed(stored, seen=seen)
        submission, _created = round.submissions.update_or_create(
            municipality=municipality,
            defaults={
                "submitted_by": user,
                "on_paper": on_paper,
                "comment": comment,
                "committee_name": committee_name,
                "committee_date": committee_date,
            },
        )
        submission.choices.all().delete()
        ranking = round.voting_rule == PriorityRound.VotingRule.RANKING
        SubmissionChoice.objects.bulk_create(
            SubmissionChoice(
                submission=submission,
                option_id=c.option_id,
                rank=c.rank if ranking else None,
                points=None if ranking else c.points,
                comment=c.comment,
            )
            for c in choices
            if c.rank is not None or c.points or c.comment
        )
        return submission


# --- Adoption -------------------------------------------------------------------------------


def round_adopt(
    *, district: District, round: PriorityRound, option_ids: list[int], user: User
) -> list[WorkPriority]:
    """Adopt the chosen options as the work period's Arbeitsschwerpunkte (title, description
    and Schwerpunkt from the option) and record, per priority and on the round, that it came
    from this round, who adopted it and when (``PriorityAdoption``).

    A priority of the same title in the period is linked to the round instead of doubled.
    """
    check_district(district, round)
    with transaction.atomic():
        round = PriorityRound.objects.select_for_update().get(pk=round.pk)
        if round.status == PriorityRound.Status.ADOPTED:
            raise ValidationError("Das Ergebnis dieser Runde ist bereits übernommen.")
        if round.phase() != PriorityRound.Status.CLOSED:
            raise ValidationError(
                "Das Ergebnis lässt sich erst nach dem Antwortschluss übernehmen."
            )
        options = list(
            round.options.filter(pk__in=option_ids)
            .select_related("focus_area")
            .order_by("focus_area__order", "order")
        )
        if not options or len(options) != len(set(option_ids)):
            raise ValidationError("Bitte mindestens eine Option dieser Runde auswählen.")
        period = round.work_period
        existing = {p.title: p for p in period.priorities.all()}
        order = max((p.order for p in existing.values()), default=0)
        now = timezone.now()
        adopted = []
        for option in options:
            priority = existing.get(option.title)
            if priority is None:
                order += 1
                priority = WorkPriority(work_period=period, title=option.title, order=order)
            priority.focus_area = option.focus_area
            priority.description = option.description
            priority.save()
            # A priority adopted before from another round now names this one.
            PriorityAdoption.objects.for_district(round.district).update_or_create(
                priority=priority,
                defaults={"round": round, "adopted_at": now, "adopted_by": user},
            )
            adopted.append(priority)
        round.status = PriorityRound.Status.ADOPTED
        round.adopted_by = user
        round.adopted_at = now
        round.save(update_fields=["status", "adopted_by", "adopted_at", "modified"])
        return adopted
