"""A "Sachstandsbericht" Mitteilungsvorlage prefilled from a progress report (issue 7)."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.models import check_district
from districts.models import District
from measures.charts import german_date, german_number
from measures.models import Measure
from papers.models import Consultation, DecisionPaper
from papers.prefill import counted, german_list, markdown_escape, path_steps, shorten
from papers.services import attachment_create, paper_create, suggest_reference

from .models import ProgressReport
from .progress import (
    ATTACHMENT_TITLE_MAX,
    HIGHLIGHTS,
    ON_TRACK_PERCENT,
    SUBJECT_MAX,
    IndicatorReport,
    report_context,
    report_title,
)


@transaction.atomic
def paper_from_report(
    *, district: District, report: ProgressReport, user, today: datetime.date | None = None
) -> tuple[DecisionPaper, list[str]]:
    """A draft Mitteilungsvorlage that puts the report before the bodies for Kenntnisnahme.

    Seed 000: results go "in das Berichtswesen und an den Kreistag". Subject, Begründung (in the
    District's layout, seed 001 or 004) and the Beratungsfolge (the usual path, each step for
    Kenntnisnahme) are filled from the data; the report is attached. Returns the paper and
    German notes on what could not be filled.
    """
    check_district(district, report)
    today = today or timezone.localdate()
    context = report_context(report)
    notes: list[str] = []

    if not context["measure_count"]:
        notes.append(
            "Im Berichtszeitraum läuft keine Maßnahme; prüfen Sie den Zeitraum des Berichts."
        )
    title = report_title(report)
    outlook = (
        report.remarks.strip()
        or "Das Kommunale Integrationszentrum berichtet weiter regelmäßig über den Sachstand."
    )
    paper = notice_paper(
        district=district,
        user=user,
        today=today,
        title=title,
        texts=(_paper_occasion(report, district), _paper_facts(report, context), outlook),
        notes=notes,
    )
    attachment_create(
        district=district, paper=paper, title=shorten(title, ATTACHMENT_TITLE_MAX), user=user
    )
    return paper, notes


def notice_paper(
    *, district: District, user, today: datetime.date, title: str, texts: tuple, notes: list
) -> DecisionPaper:
    """A Mitteilungsvorlage for Kenntnisnahme on the District's usual path: ``texts`` are the
    occasion, the facts and the outlook, placed in the District's layout (seed 001: Anlass,
    Sachverhalt, Ausblick; seed 004: I. Problem, II. Lösung with the outlook, III.–V.)."""
    occasion, facts, outlook = texts
    path = list(
        district.committees.filter(path_position__isnull=False).order_by("path_position", "name")
    )
    steps = path_steps(path, today, notes)
    for step in steps:
        step["role"] = Consultation.Role.NOTICE
    fields = {
        "paper_type": DecisionPaper.PaperType.NOTICE,
        "decision_kind": DecisionPaper.DecisionKind.ACKNOWLEDGEMENT,
        "is_public": True,
        "date": today,
        "reference": suggest_reference(district, today),
        "author_name": user.get_full_name() if user is not None else "",
        "subject": shorten(title, SUBJECT_MAX),
        "proposal": "Der Bericht wird zur Kenntnis genommen.",
        "layout": district.paper_layout,
    }
    if district.paper_layout == District.PaperLayout.PROBLEM:
        fields |= {
            "problem": occasion,
            "solution": f"{facts}\n\n**Ausblick**\n\n{outlook}",
            "alternatives": "Keine; die Vorlage dient der Information.",
            # Seed 004 IV.: the costs under Finanzen.
            "implications_finance": "Die Kenntnisnahme des Berichts löst keine Kosten aus.",
            "competence": "Der Bericht wird den Gremien der Beratungsfolge zur Kenntnis gegeben.",
        }
    else:
        fields |= {"occasion": occasion, "facts": facts, "outlook": outlook}
    return paper_create(district=district, fields=fields, steps=steps, user=user)


@transaction.atomic
def kim_paper(
    *, district: District, year: int, user, today: datetime.date | None = None
) -> tuple[DecisionPaper, list[str]]:
    """A draft Mitteilungsvorlage that puts the annual KIM Sachbericht before the bodies for
    Kenntnisnahme, with the Sachbericht PDF as Anlage (issue 19; the flow of paper_from_report).
    """
    from django.core.files.base import ContentFile

    from . import kim

    today = today or timezone.localdate()
    context = kim.sachbericht_context(district, year, today=today)
    notes: list[str] = []
    if not context["posts"]:
        notes.append(f"Am {german_date(context['day'])} sind keine KIM-Stellen erfasst.")
    if not context["has_figures"]:
        notes.append(f"Für {year} sind keine Fallzahlen des Case Managements erfasst.")
    title = f"Sachbericht Kommunales Integrationsmanagement {year}"
    occasion = (
        "Das Land fördert das Kommunale Integrationsmanagement (KIM) nach § 9 des Teilhabe- und "
        "Integrationsgesetzes NRW und der Richtlinie vom 12.12.2024 (MBl. NRW. 2024 Nr. 43). "
        f"Das Kommunale Integrationszentrum legt den Sachbericht für {year} vor: die Stellen "
        "der drei Bausteine, die Fallzahlen des Case Managements und die Strukturbedarfe, über "
        "die die Lenkungsgruppe entschieden hat. Der vollständige Bericht ist als Anlage "
        "beigefügt."
    )
    outlook = "Das Kommunale Integrationszentrum berichtet jährlich über das KIM."
    paper = notice_paper(
        district=district,
        user=user,
        today=today,
        title=title,
        texts=(occasion, kim.paper_facts(context), outlook),
        notes=notes,
    )
    pdf_file = ContentFile(
        kim.sachbericht_pdf(district, year, context=context), name=f"Sachbericht-KIM-{year}.pdf"
    )
    attachment_create(
        district=district,
        paper=paper,
        title=shorten(title, ATTACHMENT_TITLE_MAX),
        user=user,
        file=pdf_file,
    )
    return paper, notes


def _paper_occasion(report: ProgressReport, district: District) -> str:
    """Anlass der Vorlage (seed 001) / I. Problem (seed 004)."""
    return (
        "Das Integrationskonzept macht seine Ziele mit messbaren Kennzahlen überprüfbar; die "
        "Ergebnisse gehen in das Berichtswesen und an den Kreistag. Das Kommunale "
        f"Integrationszentrum legt hiermit den Sachstandsbericht „{markdown_escape(report.title)}“ für den "
        f"Berichtszeitraum vom {german_date(report.period_start)} bis "
        f"{german_date(report.period_end)} vor. Der vollständige Bericht ist als Anlage beigefügt."
    )


def _paper_facts(report: ProgressReport, context: dict) -> str:
    """Sachverhaltsdarstellung (seed 001) / II. Lösung (seed 004): the report in figures."""
    blocks = ["**Maßnahmen im Berichtszeitraum**"]
    count = context["measure_count"]
    if count:
        split = german_list(
            [
                f"{counted(group.measure_count, 'Maßnahme', 'Maßnahmen')} im Schwerpunkt "
                f"„{markdown_escape(group.focus_area.name)}“"
                for group in context["focus_groups"]
            ]
        )
        blocks.append(
            f"Im Berichtszeitraum liefen {counted(count, 'Maßnahme', 'Maßnahmen')}, davon {split}. "
            "Stand der Maßnahmen:"
        )
        blocks.append("\n".join(f"- {label}: {n}" for label, n in context["status_counts"]))
    else:
        blocks.append("Im Berichtszeitraum lief keine Maßnahme.")

    blocks.append("**Kennzahlen**")
    total = context["indicator_count"]
    if total:
        sentence = (
            f"Die Maßnahmen werden mit {counted(total, 'Kennzahl', 'Kennzahlen')} gemessen. "
            f"{counted(context['on_track'], 'Kennzahl liegt', 'Kennzahlen liegen')} im Plan "
            f"(mindestens {german_number(ON_TRACK_PERCENT)} % des Weges vom Ausgangs- zum "
            f"Zielwert), {counted(context['behind'], 'liegt', 'liegen')} zurück"
        )
        if context["unrated"]:
            sentence += (
                f"; für {counted(context['unrated'], 'Kennzahl', 'Kennzahlen')} fehlt ein "
                "Messwert im Berichtszeitraum oder ein Zielwert"
            )
        blocks.append(sentence + ".")
    else:
        blocks.append("Für die Maßnahmen des Berichtszeitraums sind keine Kennzahlen erfasst.")

    rated = [i for m in context["measures"] for i in m.indicators if i.attainment is not None]
    reached = sorted(
        (i for i in rated if i.attainment >= 100), key=lambda i: i.attainment, reverse=True
    )
    regular = [m.measure for m in context["measures"] if m.measure.status == Measure.Status.REGULAR]
    if reached or regular:
        blocks.append("**Hervorzuheben**")
        lines = [
            f"- {markdown_escape(i.indicator.name)} (Maßnahme „{markdown_escape(i.indicator.measure.title)}“): Zielwert "
            f"erreicht, {_value(i)} ({german_number(i.attainment)} %)"
            for i in reached[:HIGHLIGHTS]
        ]
        lines += [
            f"- Maßnahme „{markdown_escape(m.title)}“ ist in ein Regelangebot überführt."
            for m in regular
        ]
        blocks.append("\n".join(lines))
    lagging = sorted((i for i in rated if i.rating == "zurück"), key=lambda i: i.attainment)
    if lagging:
        blocks.append("**Zurück liegen**")
        blocks.append(
            "\n".join(
                f"- {markdown_escape(i.indicator.name)} (Maßnahme „{markdown_escape(i.indicator.measure.title)}“): "
                f"{_value(i)}, {german_number(i.attainment)} % des Weges zum Zielwert "
                f"{german_number(i.indicator.target)}"
                for i in lagging[:HIGHLIGHTS]
            )
        )
    return "\n\n".join(blocks)


def _value(entry: IndicatorReport) -> str:
    unit = f" {markdown_escape(entry.indicator.unit)}" if entry.indicator.unit else ""
    return f"{german_number(entry.latest.value)}{unit} am {german_date(entry.latest.date)}"
