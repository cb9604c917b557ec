"""A Beschlussvorlage prefilled from a concept version ("Vorlage aus Konzeptfassung erstellen").

The KI presents a Fortschreibung to the Kreistag as in Mettmann's Beschlussvorlage 50/020/2015
(seed 001: Anlass – Sachverhaltsdarstellung – Ausblick) or Coesfeld's (seed 004: I. Problem …
V. Zuständigkeit). Everything the data knows is written out — Handlungsfelder, Arbeitsschwerpunkte
per Schwerpunkt, the measures, the participation, the usual Beratungsfolge with its next meetings —
so the staff only check and add what the data cannot know. What could not be filled comes back as
notes for the user.
"""

import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from actors.models import Committee, ParticipationEvent
from concepts.agreements import agreement_sentence, agreement_summary
from concepts.deadlines import district_deadline
from concepts.models import ConceptVersion, FocusArea, WorkPeriod, WorkPriority
from concepts.versioning import empty_note, version_contents
from core.dates import add_years
from core.models import check_district
from core.text import counted, number_de
from districts.models import District

from .models import Attachment, Consultation, DecisionPaper
from .services import attachment_create, paper_create, suggest_reference

ADOPTED_MESSAGE = (
    "Fassung {number} ist bereits beschlossen; für sie wird keine Beschlussvorlage mehr erstellt. "
    "Legen Sie eine Fortschreibung an."
)
SUBJECT_MAX = DecisionPaper._meta.get_field("subject").max_length
ATTACHMENT_TITLE_MAX = Attachment._meta.get_field("title").max_length

EVENT_KINDS = [
    (ParticipationEvent.Kind.WORKSHOP, "Workshop", "Workshops"),
    (ParticipationEvent.Kind.WORKING_GROUP, "Arbeitsgruppe", "Arbeitsgruppen"),
    (ParticipationEvent.Kind.CONFERENCE, "Integrationskonferenz", "Integrationskonferenzen"),
]


@transaction.atomic
def paper_from_version(
    *, district: District, version: ConceptVersion, user, today: datetime.date | None = None
) -> tuple[DecisionPaper, list[str]]:
    """Create a draft Beschlussvorlage to adopt ``version``; return it and notes for the user.

    Fills subject, Beschlussvorschlag and Begründung (in the District's layout) from the data,
    the Beratungsfolge from the committees' ``path_position`` and their next meetings, and
    attaches the version. Notes (German) say what could not be filled, e.g. a committee without
    an upcoming meeting. Raises ``ValidationError`` for an adopted version.
    """
    check_district(district, version)
    today = today or timezone.localdate()
    version = (
        ConceptVersion.objects.select_for_update(of=("self",))
        .select_related("concept__district")
        .get(pk=version.pk)
    )
    if version.is_adopted:
        raise ValidationError(ADOPTED_MESSAGE.format(number=version.number), code="adopted")
    notes: list[str] = []

    earlier_papers = list(version.decision_papers.values_list("reference", flat=True))
    if earlier_papers:
        notes.append(
            f"Für Fassung {version.number} gibt es schon die Vorlage "
            f"{', '.join(earlier_papers)}; prüfen Sie, ob eine davon entfallen kann."
        )

    path = list(
        district.committees.filter(path_position__isnull=False).order_by("path_position", "name")
    )
    steps = path_steps(path, today, notes)
    deciding = path[-1] if path else None
    decision_day = next(
        (
            timezone.localdate(step["meeting"].start)
            for step in steps
            if step["meeting"].committee_id == getattr(deciding, "pk", None)
        ),
        None,
    )

    concept_name = f"Integrationskonzept {_genitive(district)}"
    label = _version_label(version, district, concept_name)
    previous = _previous_version(version)
    occasion = _occasion(version, district, previous, today)
    facts = _facts(version, district, previous, today, notes)
    outlook = _outlook(version, district, today, decision_day)
    proposal = _proposal(version, district, concept_name, path)

    fields = {
        "paper_type": DecisionPaper.PaperType.DECISION,
        "decision_kind": DecisionPaper.DecisionKind.RESOLUTION,
        "is_public": True,
        "date": today,
        "reference": suggest_reference(district, today),
        "author_name": user.get_full_name() if user is not None else "",
        "subject": shorten(f"{label} (Fassung {version.number})", SUBJECT_MAX),
        "proposal": proposal,
        "concept_version": version,
        "layout": district.paper_layout,
    }
    # The impacts keep the model's default "nein" (seed 001: a concept adopted "in der
    # vorgelegten Form" costs nothing by itself; seed 004 IV. says the same).
    if district.paper_layout == District.PaperLayout.PROBLEM:
        deciding_name = deciding.name if deciding else _council_name(district)
        fields |= {
            "problem": occasion,
            "solution": f"{facts}\n\n{outlook}",
            # Seed 004, III.: the concept is a condition of the Land's funding.
            "alternatives": (
                "Die Vorlage eines Integrationskonzepts gehört zu den Voraussetzungen der "
                "Förderung des Kommunalen Integrationszentrums durch das Land NRW. Alternativen "
                "stehen deshalb nicht zur Verfügung."
            ),
            # Seed 004 IV. (Finanzen): "wird unmittelbar keine (weiteren) Kosten auslösen".
            "implications_finance": (
                "Der Beschluss des Integrationskonzepts löst unmittelbar keine (weiteren) Kosten "
                "aus. Über Maßnahmen, die Mittel oder Personal binden, wird gesondert entschieden."
            ),
            # Seed 004, V., in its own words.
            "competence": (
                "Die Förderrichtlinien des Landes NRW sehen den Beschluss des "
                f"Integrationskonzepts durch den {deciding_name} vor."
            ),
        }
    else:
        fields |= {"occasion": occasion, "facts": facts, "outlook": outlook}

    paper = paper_create(district=district, fields=fields, steps=steps, user=user)
    attachment_create(
        district=district,
        paper=paper,
        title=concept_attachment_title(district, version),
        concept_version=version,
        user=user,
    )
    return paper, notes


def concept_attachment_title(district: District, version: ConceptVersion) -> str:
    """The title of a concept version as Anlage, the same for a prefilled Vorlage and one made
    by hand: "Integrationskonzept des Kreises Coesfeld – Fassung 2: …"."""
    return shorten(
        f"Integrationskonzept {_genitive(district)} – Fassung {version.number}: {version.title}",
        ATTACHMENT_TITLE_MAX,
    )


def path_steps(path: list[Committee], today: datetime.date, notes: list[str]) -> list[dict]:
    """Each committee's first meeting after today and after the previous step, in path order.

    The last committee of the path decides (seed 001: Sozialausschuss and Kreisausschuss
    Vorberatung, Kreistag Beschluss); a committee without a meeting is left out, so the
    remaining steps stay in order and chronological.
    """
    if not path:
        notes.append(
            "Für den Kreis ist keine übliche Beratungsfolge hinterlegt. Geben Sie bei den "
            "Gremien ihre Position in der Beratungsfolge an oder ergänzen Sie die Beratungsfolge "
            "in der Vorlage."
        )
        return []
    tomorrow = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time.min)
    )
    steps = []
    for committee in path:
        meetings = committee.meetings.filter(cancelled=False, start__gte=tomorrow)
        if steps:
            meetings = meetings.filter(start__gt=steps[-1]["meeting"].start)
        meeting = meetings.order_by("start").first()
        if meeting is None:
            notes.append(
                f"Für „{committee.name}“ ist keine passende Sitzung angelegt; bitte Sitzung "
                "anlegen und die Beratungsfolge ergänzen."
            )
            continue
        deciding = committee is path[-1]
        steps.append(
            {
                "meeting": meeting,
                "role": Consultation.Role.DECISION if deciding else Consultation.Role.PRELIMINARY,
                "authoritative": deciding,
            }
        )
    return steps


def _previous_version(version: ConceptVersion) -> ConceptVersion | None:
    """The version this one continues: ``based_on``, else the latest earlier adopted one."""
    if version.based_on is not None:
        return version.based_on
    return (
        version.concept.versions.exclude(pk=version.pk)
        .filter(decided_on__isnull=False, number__lt=version.number)
        .order_by("-decided_on")
        .first()
    )


def _occasion(version, district, previous, today: datetime.date) -> str:
    """Anlass der Vorlage (seed 001) / I. Problem (seed 004)."""
    genitive = _genitive(district)
    what = (
        f"die Fortschreibung des Integrationskonzepts {genitive}"
        if previous
        else f"das Integrationskonzept {genitive}"
    )
    parts = [
        "Nach § 8 des Teilhabe- und Integrationsgesetzes NRW fördert das Land Kommunale "
        "Integrationszentren in Kreisen und kreisfreien Städten, die über ein "
        "Integrationskonzept verfügen.",
        f"Das Kommunale Integrationszentrum legt hiermit {what} zur "
        f"Beschlussfassung vor: Fassung {version.number} „{markdown_escape(version.title)}“.",
    ]
    if previous is not None:
        sentence = (
            f"Sie schreibt die Fassung {previous.number} „{markdown_escape(previous.title)}“ fort"
        )
        if previous.decided_on:
            sentence += f", die am {previous.decided_on:%d.%m.%Y} beschlossen wurde"
        parts.append(sentence + ".")
    # The same date as the dashboard, the Fassung's page and the checklist (issue 13).
    deadline = district_deadline(district, version, today)
    if deadline:
        parts.append(f"Das Konzept ist dem Land bis zum {deadline.date:%d.%m.%Y} vorzulegen.")
    if version.submitted_on:
        # Seed 001: the draft went to the ministry first, the Kreistag decision followed.
        parts.append(
            f"Der Entwurf wurde dem Land bereits am {version.submitted_on:%d.%m.%Y} vorgelegt."
        )
    return " ".join(parts)


def _facts(version, district, previous, today: datetime.date, notes: list[str]) -> str:
    """Sachverhaltsdarstellung (seed 001) / II. Lösung (seed 004) from the version's data."""
    contents = version_contents(version)
    blocks = ["**Handlungsfelder**"]
    cross_cutting = set(
        version.fields_of_action.filter(is_cross_cutting=True).values_list("name", flat=True)
    )
    fields = [name for name in contents["fields_of_action"] if name not in cross_cutting]
    aspects = [name for name in contents["fields_of_action"] if name in cross_cutting]
    if fields:
        blocks.append("Die Fassung legt folgende Handlungsfelder fest:")
        blocks.append(
            "\n".join(f"{i}. {markdown_escape(name)}" for i, name in enumerate(fields, start=1))
        )
    elif not aspects:
        # "keine Handlungsfelder" only for a District that truly has none (issue 13).
        blocks.append(empty_note(district, "fields_of_action"))
        notes.append(
            "Die Fassung enthält keine Handlungsfelder; bitte auf der Seite der Fassung "
            "auswählen (oder zuerst Handlungsfelder anlegen)."
        )
    if aspects:
        # Seed 001: "Interkulturelle Öffnung" and "Vernetzung" cut across all fields.
        blocks.append(
            "Als Querschnittsaspekte in allen Handlungsfeldern sind "
            f"{german_list([f'„{markdown_escape(name)}“' for name in aspects])} benannt."
        )

    # Eckpunktepapier (seed 002): both Schwerpunkte are mandatory; priorities for two years.
    focus_areas = list(FocusArea.objects.order_by("order").values_list("name", flat=True))
    district_focus_areas = set(
        WorkPriority.objects.for_district(district).values_list("focus_area__name", flat=True)
    )
    blocks.append("**Arbeitsschwerpunkte**")
    blocks.append(
        "In den beiden Schwerpunkten sind folgende Arbeitsschwerpunkte festgelegt "
        "(Anlage zum Konzept):"
    )
    for focus in focus_areas:
        priorities = [p for p in contents["priorities"] if p["focus_area"] == focus]
        blocks.append(f"*{markdown_escape(focus)}*")
        if priorities:
            blocks.append(
                "\n".join(
                    f"- {markdown_escape(p['title'])} ({markdown_escape(p['period'])})"
                    for p in priorities
                )
            )
        elif focus in district_focus_areas:
            blocks.append(
                "Für diesen Schwerpunkt sind für die Fassung keine Arbeitsschwerpunkte ausgewählt."
            )
        else:
            blocks.append("Für diesen Schwerpunkt sind noch keine Arbeitsschwerpunkte festgelegt.")
            notes.append(
                f"Für den Schwerpunkt „{focus}“ enthält die Fassung keine Arbeitsschwerpunkte; "
                "das Eckpunktepapier verlangt Arbeit in beiden Schwerpunkten."
            )

    measures = contents["measures"]
    per_focus = Counter(m["focus_area"] for m in measures)
    blocks.append("**Maßnahmen**")
    if measures:
        split = german_list(
            [
                f"{counted(per_focus[focus], 'Maßnahme', 'Maßnahmen')} im Schwerpunkt „{markdown_escape(focus)}“"
                for focus in focus_areas
            ]
        )
        blocks.append(
            f"Der Maßnahmenkatalog der Fassung umfasst "
            f"{counted(len(measures), 'Maßnahme', 'Maßnahmen')}, davon {split}."
        )
    else:
        blocks.append(empty_note(district, "measures"))
        notes.append("Die Fassung enthält keine Maßnahmen.")

    since = previous.decided_on if previous is not None else None
    blocks.append("**Beteiligung**")
    blocks.append(_participation(district, since, today, notes))
    if sentence := agreement_sentence(version):
        # Seed 002: adopted "in Abstimmung mit den betroffenen kreisangehörigen Gemeinden".
        blocks.append("**Einvernehmen der kreisangehörigen Kommunen**")
        blocks.append(markdown_escape(sentence))
        if not agreement_summary(version).complete:
            notes.append(
                "Noch nicht alle kreisangehörigen Kommunen haben ihr Einvernehmen erklärt "
                "(Seite „Einvernehmen“ der Fassung)."
            )
    return "\n\n".join(blocks)


def _participation(district, since, today: datetime.date, notes: list[str]) -> str:
    """Workshops, working groups and conferences held for this version, with their numbers.

    Counted are the District's events after the previous version's adoption up to today: the
    ones before belong to the previous version, later ones have not taken place yet.
    """
    events = district.participation_events.filter(date__lte=today)
    if since:
        events = events.filter(date__gt=since)
    by_kind = {
        row["kind"]: row
        for row in events.values("kind").annotate(
            n=Count("pk"), participants=Sum("participants"), institutions=Sum("institutions")
        )
    }
    planned = district.participation_events.filter(date__gt=today).count()
    if planned:
        later = counted(
            planned, "geplante Beteiligungsveranstaltung", "geplante Beteiligungsveranstaltungen"
        )
        notes.append(f"Noch nicht mitgezählt: {later} nach dem heutigen Tag.")
    actors = district.actors.count()
    if actors:
        is_are = "ist" if actors == 1 else "sind"
        directory = (
            f"Im Akteursverzeichnis {is_are} {counted(actors, 'Akteur', 'Akteure')} der "
            "Integrationsarbeit erfasst"
        )
    else:
        directory = "Im Akteursverzeichnis ist noch kein Akteur der Integrationsarbeit erfasst"
    if not by_kind:
        notes.append(
            "Für diese Fassung sind keine Beteiligungsveranstaltungen erfasst; bitte die "
            "Beteiligung im Sachverhalt beschreiben."
        )
        return f"Beteiligungsveranstaltungen zu dieser Fassung sind nicht erfasst. {directory}."
    kinds = german_list(
        [
            counted(by_kind[kind]["n"], singular, plural)
            for kind, singular, plural in EVENT_KINDS
            if kind in by_kind
        ]
    )
    participants = sum(row["participants"] or 0 for row in by_kind.values())
    institutions = sum(row["institutions"] or 0 for row in by_kind.values())
    linked = district.actors.filter(participation_events__in=events).distinct().count()
    text = (
        f"An der Erarbeitung haben in {kinds} insgesamt "
        f"{counted(participants, 'Person', 'Personen')} aus "
        f"{counted(institutions, 'Institution', 'Institutionen')} mitgewirkt (je Veranstaltung "
        f"gezählt). {directory}"
    )
    if linked:
        text += f"; {number_de(linked)} davon haben an den Veranstaltungen teilgenommen"
    return text + "."


def _outlook(version, district, today: datetime.date, decision_day) -> str:
    """Ausblick (seed 001): submission to the Land, the next work period, the next Fortschreibung."""
    requirements = getattr(district, "land_requirements", None)
    parts = []
    if version.submitted_on:
        parts.append("Der Beschluss wird dem Land nachgereicht.")
    else:
        parts.append("Nach dem Beschluss wird das Integrationskonzept dem Land vorgelegt.")
    following = _period_to_agree(district, decision_day or today, requirements)
    if following is not None:
        # Seed 000: priorities are fixed "im Benehmen mit den örtlichen Partnern" for two years.
        parts.append(
            f"Die Arbeitsschwerpunkte für die Arbeitsperiode {following.label} stimmt das "
            "Kommunale Integrationszentrum mit den örtlichen Partnern ab."
        )
    years = getattr(requirements, "review_interval_years", None)
    if years:
        sentence = (
            f"Nach den Anforderungen des Landes ist das Konzept spätestens nach "
            f"{'einem Jahr' if years == 1 else f'{years} Jahren'} "
            "zu überprüfen und fortzuschreiben"
        )
        if decision_day:
            due = add_years(decision_day, years)
            sentence += f", bei einem Beschluss am {decision_day:%d.%m.%Y} also bis {due:%d.%m.%Y}"
        parts.append(sentence + ".")
    return " ".join(parts)


def _period_to_agree(district, day: datetime.date, requirements) -> WorkPeriod | None:
    """The next work period whose Arbeitsschwerpunkte are still to be agreed: the one after the
    period running on ``day``, or the running one itself if it has not been created yet."""
    periods = list(district.work_periods.order_by("start"))
    if not periods:
        return None
    years = max(getattr(requirements, "work_period_years", 2), 1)
    current = next((p for p in periods if p.contains(day)), None)
    if current is not None:
        return next((p for p in periods if p.start > current.end), None) or _after(current, years)
    upcoming = next((p for p in periods if p.start > day), None)
    if upcoming is not None:
        return upcoming
    period = periods[-1]
    while period.end < day:
        period = _after(period, years)
    return period


def _after(period: WorkPeriod, years: int) -> WorkPeriod:
    """The (unsaved) period that follows ``period``: only for its label."""
    start = period.end + datetime.timedelta(days=1)
    end = add_years(start, years) - datetime.timedelta(days=1)
    return WorkPeriod(kind=period.kind, start=start, end=end)


def _proposal(version, district, concept_name: str, path: list[Committee]) -> str:
    """Beschlussvorschlag as in seed 001; in Coesfeld's layout addressed on via the
    Kreisausschuss when one sits between the first body and the deciding one (seed 004)."""
    text = (
        f"Das {concept_name} in der Fassung {version.number} („{markdown_escape(version.title)}“) wird in "
        "der vorgelegten Form beschlossen."
    )
    if district.paper_layout != District.PaperLayout.PROBLEM or len(path) < 3:
        return text
    relay = next(
        (c for c in path[1:-1] if c.kind == Committee.Kind.DISTRICT_COMMITTEE),
        None,
    )
    if relay is None:
        return text
    return (
        f"Dem {relay.name} wird empfohlen, dem {path[-1].name} folgenden Beschlussvorschlag zu "
        f"unterbreiten:\n\n{text}"
    )


def _version_label(version, district, concept_name: str) -> str:
    """The version's title, prefixed with the concept's name unless the title already says it."""
    if "integrationskonzept" in version.title.casefold() and _names_district(
        version.title, district
    ):
        return version.title
    return f"{concept_name}: {version.title}"


def _names_district(text: str, district) -> bool:
    """Whether ``text`` names the District in any case ("für den Märkischen Kreis")."""
    stems = []
    for word in district.name.replace("-", " ").casefold().split():
        if word in {"kreis", "stadt", "städteregion"}:
            continue
        if word.endswith("kreis"):
            word = word.removesuffix("kreis")
        elif word.endswith("er"):  # adjective: Märkischer → märkisch
            word = word.removesuffix("er")
        stems.append(word)
    text = text.casefold()
    return bool(stems) and all(stem in text for stem in stems)


def _council_name(district) -> str:
    return "Kreistag" if district.kind == District.Kind.KREIS else "Rat"


def _genitive(district) -> str:
    """ "des Kreises Mettmann", "des Märkischen Kreises", "der Stadt Düsseldorf"."""
    name = district.name.strip()
    if district.kind != District.Kind.KREIS:
        return f"der {name}" if name.startswith("Stadt ") else f"der Stadt {name}"
    if name.startswith("StädteRegion"):
        return f"der {name}"
    words = name.split(" ")
    for i, word in enumerate(words):
        if word.casefold().endswith("kreis"):
            adjectives = [w[:-2] + "en" if w.endswith("er") else w for w in words[:i]]
            return " ".join(["des", *adjectives, f"{word}es", *words[i + 1 :]])
    return f"des Kreises {name}"


def german_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} und {items[-1]}"


def markdown_escape(text: str) -> str:
    """Data inside generated Markdown: a "*" in "Migrant*innen" must not start emphasis."""
    for char in ("\\", "*", "_", "`", "[", "]"):
        text = text.replace(char, f"\\{char}")
    return text


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
