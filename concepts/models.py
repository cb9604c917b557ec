"""The Integrationskonzept: Schwerpunkte, Handlungsfelder, versions, work periods, priorities."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.deletion import ProtectedError
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.dates import add_years
from core.models import TimeStampedModel, district_queryset
from districts.models import RequirementSet


class FocusAreaQuerySet(models.QuerySet):
    def delete(self):
        raise ProtectedError(
            "Die beiden Pflicht-Schwerpunkte können nicht gelöscht werden.", set(self)
        )


class FocusArea(TimeStampedModel):
    """One of the two mandatory Schwerpunkte (Eckpunktepapier, seed 002; TIntG 2012 Art. 1 § 7).

    Created by a data migration; the check constraint on ``code`` keeps it at these two.
    """

    class Code(models.TextChoices):
        EDUCATION = "bildung", "Integration durch Bildung"
        CROSS_CUTTING = "querschnitt", "Integration als kommunale Querschnittsaufgabe"

    code = models.CharField("Kennung", max_length=12, choices=Code.choices, unique=True)
    name = models.CharField("Name", max_length=120)
    description = models.TextField("Beschreibung", blank=True)
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = FocusAreaQuerySet.as_manager()

    class Meta:
        verbose_name = "Schwerpunkt"
        verbose_name_plural = "Schwerpunkte"
        ordering = ["order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__in=["bildung", "querschnitt"]),
                name="focusarea_only_the_two_mandatory",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def delete(self, *args, **kwargs):
        raise ProtectedError(
            "Die beiden Pflicht-Schwerpunkte können nicht gelöscht werden.", {self}
        )


class FieldOfAction(TimeStampedModel):
    """A Handlungsfeld chosen locally (e.g. Mettmann 2015: Sprache, Sport, …)."""

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="fields_of_action",
        verbose_name="Kreis",
    )
    name = models.CharField("Name", max_length=160)
    description = models.TextField("Beschreibung", blank=True)
    is_cross_cutting = models.BooleanField(
        "Querschnittsaspekt",
        default=False,
        # Seed 001 names these two as cutting across all Handlungsfelder.
        help_text="z. B. Interkulturelle Öffnung, Vernetzung: gilt für alle Handlungsfelder",
    )
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Handlungsfeld"
        verbose_name_plural = "Handlungsfelder"
        ordering = ["is_cross_cutting", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "name"],
                name="fieldofaction_name_unique_per_district",
                violation_error_message="Dieses Handlungsfeld gibt es bereits.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TargetGroup(TimeStampedModel):
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="target_groups",
        verbose_name="Kreis",
    )
    name = models.CharField("Name", max_length=160)
    description = models.TextField("Beschreibung", blank=True)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Zielgruppe"
        verbose_name_plural = "Zielgruppen"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "name"],
                name="targetgroup_name_unique_per_district",
                violation_error_message="Diese Zielgruppe gibt es bereits.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Concept(TimeStampedModel):
    """The District's Integrationskonzept; its content lives in its versions."""

    district = models.OneToOneField(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="concept",
        verbose_name="Kreis",
    )
    title = models.CharField("Titel", max_length=200, default="Integrationskonzept")

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Integrationskonzept"
        verbose_name_plural = "Integrationskonzepte"

    def __str__(self) -> str:
        return f"{self.title} – {self.district}"


class ConceptVersion(TimeStampedModel):
    """One Fassung / Fortschreibung of a concept; old versions stay on record (seed 001)."""

    class Status(models.TextChoices):
        DRAFT = "entwurf", "Entwurf"
        IN_CONSULTATION = "in_abstimmung", "in Abstimmung"
        IN_DELIBERATION = "in_beratung", "in Beratung"
        ADOPTED = "beschlossen", "beschlossen"
        SUPERSEDED = "abgeloest", "abgelöst"

    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="versions", verbose_name="Konzept"
    )
    number = models.PositiveSmallIntegerField("Fassung Nr.")
    title = models.CharField("Titel", max_length=200)
    status = models.CharField("Status", max_length=14, choices=Status.choices, default=Status.DRAFT)
    decided_on = models.DateField("Beschluss des Kreistags am", null=True, blank=True)
    # Its own event: a draft may go to the ministry before the Kreistag decides (seeds 003, 004).
    submitted_on = models.DateField("dem Land vorgelegt am", null=True, blank=True)
    deadline = models.DateField("Frist für die Vorlage beim Land", null=True, blank=True)
    # A day the sources do not give (issue 14): a record of an old decision may know only the
    # month ("im Dezember 2014 dem Ministerium vorgelegt", seed 001). The day is then marked
    # as assumed wherever it is shown, and ``dates_source`` says what the source does say.
    decided_on_assumed = models.BooleanField("Beschlusstag angenommen", default=False)
    submitted_on_assumed = models.BooleanField("Vorlagetag angenommen", default=False)
    dates_source = models.CharField("Herkunft der Daten", max_length=300, blank=True)
    # Set by papers when a released Vorlage puts this version before the Kreistag: from then on
    # the council may read the draft it is asked to adopt (TIntG NRW § 8, seed 001 "Anlage").
    # A fact stored here, so that concepts need not read papers (issue 12).
    presented_to_council_on = models.DateField(
        "dem Kreistag vorgelegt am", null=True, blank=True, editable=False
    )
    # Whether a Vorlage presenting it is öffentlich in its latest release: only then may those
    # who read öffentlich papers only (the liaisons) read the draft too.
    presented_publicly = models.BooleanField("öffentlich vorgelegt", default=False, editable=False)
    fields_of_action = models.ManyToManyField(
        FieldOfAction, blank=True, related_name="concept_versions", verbose_name="Handlungsfelder"
    )
    # Seed 000: the Arbeitsschwerpunkte are annexed to the concept.
    priorities = models.ManyToManyField(
        "WorkPriority",
        blank=True,
        related_name="concept_versions",
        verbose_name="Arbeitsschwerpunkte (Anlage)",
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="updates",
        verbose_name="fortgeschrieben aus",
    )
    # Issue 14: a decision taken before the product was used is recorded without a paper, with
    # the body and a note, and marked as such; a decision through a paper leaves these empty.
    decision_recorded_without_paper = models.BooleanField(
        "Beschluss nachträglich erfasst, ohne Vorlage", default=False, editable=False
    )
    decision_body = models.CharField("beschlossen von", max_length=200, blank=True, editable=False)
    decision_note = models.TextField("Anmerkung zum Beschluss", blank=True, editable=False)
    # What the version said about its measures when the Kreistag adopted it, so reading or
    # printing it later shows what was decided even after the measures changed.
    adopted_snapshot = models.JSONField(
        "Stand bei Beschluss", null=True, blank=True, editable=False
    )

    objects = district_queryset("concept__district").as_manager()

    class Meta:
        verbose_name = "Konzeptfassung"
        verbose_name_plural = "Konzeptfassungen"
        ordering = ["concept", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "number"], name="conceptversion_number_unique_per_concept"
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["beschlossen", "abgeloest"])
                | models.Q(decided_on__isnull=False),
                name="conceptversion_adopted_has_decision_date",
                violation_error_message="Eine beschlossene Fassung braucht das Datum des "
                "Kreistagsbeschlusses.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def district(self):
        return self.concept.district

    @property
    def is_adopted(self) -> bool:
        return self.status in (self.Status.ADOPTED, self.Status.SUPERSEDED)


class ConceptSection(TimeStampedModel):
    """An ordered, titled text section of a concept version (Markdown)."""

    version = models.ForeignKey(
        ConceptVersion, on_delete=models.CASCADE, related_name="sections", verbose_name="Fassung"
    )
    order = models.PositiveSmallIntegerField("Reihenfolge")
    title = models.CharField("Überschrift", max_length=200)
    body = models.TextField("Text", blank=True)

    history = HistoricalRecords(verbose_name="Abschnittsverlauf")
    objects = district_queryset("version__concept__district").as_manager()

    class Meta:
        verbose_name = "Abschnitt"
        verbose_name_plural = "Abschnitte"
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "order"], name="conceptsection_order_unique_per_version"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class MunicipalAgreement(TimeStampedModel):
    """A kreisangehörige municipality's Einvernehmen with one Fassung (issue 18).

    Seed 002 (Eckpunktepapier, Art. 1 § 7 Abs. 1 TIntG 2012; today TIntG § 8): the concept is
    adopted by the Kreistag "in Abstimmung mit den betroffenen kreisangehörigen Gemeinden".
    Seed 003 (Rhein-Erft): the municipalities "in eigener Verantwortung in ihren örtlichen
    Ausschüssen/Räten" deliberated the Kreis's paper. Entered by the municipality's liaison, or
    by the KI from the municipality's letter (``on_paper``).
    """

    class Decision(models.TextChoices):
        AGREED = "zugestimmt", "zugestimmt"
        AGREED_WITH_NOTES = "zugestimmt_hinweise", "zugestimmt mit Hinweisen"
        REFUSED = "nicht_zugestimmt", "nicht zugestimmt"

    version = models.ForeignKey(
        ConceptVersion, on_delete=models.CASCADE, related_name="agreements", verbose_name="Fassung"
    )
    municipality = models.ForeignKey(
        "districts.Municipality",
        # Not deleted with its municipality (deletion_refusal names it), but with its District.
        on_delete=models.RESTRICT,
        related_name="concept_agreements",
        verbose_name="Kommune",
    )
    decision = models.CharField("Einvernehmen", max_length=20, choices=Decision.choices)
    body = models.CharField(
        "Gremium der Kommune",
        max_length=200,
        help_text="Wer für die Kommune entschieden hat, z. B. Rat der Stadt, Haupt- und "
        "Finanzausschuss, Bürgermeisterin.",
    )
    decided_on = models.DateField("beschlossen am")
    notes = models.TextField(
        "Hinweise oder Gründe",
        blank=True,
        help_text="Bei „zugestimmt mit Hinweisen“ und „nicht zugestimmt“ erforderlich.",
    )
    document = models.FileField(
        "Beschluss der Kommune (PDF)", upload_to="einvernehmen/%Y/", blank=True
    )
    entered_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="erfasst von",
    )
    on_paper = models.BooleanField("vom KI nach Mitteilung der Kommune erfasst", default=False)

    history = HistoricalRecords(verbose_name="Verlauf des Einvernehmens")
    objects = district_queryset("version__concept__district").as_manager()

    class Meta:
        verbose_name = "Einvernehmen einer Kommune"
        verbose_name_plural = "Einvernehmen der Kommunen"
        ordering = ["version", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "municipality"],
                name="agreement_one_per_municipality_and_version",
                violation_error_message="Für diese Kommune ist das Einvernehmen schon erfasst.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.get_decision_display()} ({self.version})"

    @property
    def agreed(self) -> bool:
        return self.decision != self.Decision.REFUSED

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.decision != self.Decision.AGREED and not self.notes.strip():
            errors["notes"] = (
                "Bitte geben Sie die Hinweise oder Gründe der Kommune an – bei "
                f"„{self.get_decision_display()}“ gehören sie zum Einvernehmen."
            )
        # A result only after its meeting: the Gremium must have decided already.
        if self.decided_on and self.decided_on > timezone.localdate():
            errors["decided_on"] = (
                "Das Datum liegt in der Zukunft. Erfassen Sie das Einvernehmen, nachdem das "
                "Gremium entschieden hat."
            )
        if errors:
            raise ValidationError(errors)


class WorkPeriod(TimeStampedModel):
    """Two consecutive calendar or school years for which Arbeitsschwerpunkte are fixed.

    Seed 000 (Märkischer Kreis): "Die Schwerpunkte der Arbeit sind im Benehmen mit den örtlichen
    Partnern für einen Zeitraum von zwei Jahren festzulegen."
    """

    class Kind(models.TextChoices):
        CALENDAR = "kalender", "Kalenderjahre"
        SCHOOL = "schuljahr", "Schuljahre"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="work_periods",
        verbose_name="Kreis",
    )
    kind = models.CharField("Art", max_length=10, choices=Kind.choices, default=Kind.CALENDAR)
    start = models.DateField("Beginn")
    end = models.DateField("Ende")

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Arbeitsperiode"
        verbose_name_plural = "Arbeitsperioden"
        ordering = ["district", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="workperiod_end_after_start",
                violation_error_message="Das Ende muss nach dem Beginn liegen.",
            ),
            models.UniqueConstraint(
                fields=["district", "start"], name="workperiod_start_unique_per_district"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def span(
        cls, kind: str, start_year: int, years: int = 2
    ) -> tuple[datetime.date, datetime.date]:
        """Start and end of a period of ``years`` years beginning in ``start_year``."""
        first = datetime.date(start_year, 1 if kind == cls.Kind.CALENDAR else 8, 1)
        return first, add_years(first, years) - datetime.timedelta(days=1)

    @property
    def label(self) -> str:
        if self.kind == self.Kind.SCHOOL:
            y = self.start.year
            return f"Schuljahre {y}/{(y + 1) % 100:02d} und {y + 1}/{(y + 2) % 100:02d}"
        return f"{self.start.year}/{self.end.year % 100:02d}"

    def clean(self) -> None:
        super().clean()
        if not (self.start and self.end and self.district_id):
            return
        # The length of the Land's set valid when the period starts (issue 17); two years
        # (seed 000) where the Land has none for that day.
        requirements = RequirementSet.for_district_on(self.district, self.start)
        years = requirements.work_period_years if requirements else 2
        start_month = 1 if self.kind == self.Kind.CALENDAR else 8
        expected_end = add_years(self.start, years) - datetime.timedelta(days=1)
        if (self.start.day, self.start.month) != (1, start_month) or self.end != expected_end:
            kind = "Kalenderjahre (1.1.–31.12.)" if start_month == 1 else "Schuljahre (1.8.–31.7.)"
            raise ValidationError(
                f"Eine Arbeitsperiode umfasst genau {years} aufeinanderfolgende {kind}.",
                code="not_two_years",
            )
        overlapping = (
            WorkPeriod.objects.for_district(self.district_id)
            .filter(start__lte=self.end, end__gte=self.start)
            .exclude(pk=self.pk)
            .first()
        )
        if overlapping:
            raise ValidationError(
                f"Die Arbeitsperiode überschneidet sich mit der Arbeitsperiode {overlapping.label}.",
                code="overlap",
            )

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


class WorkPriority(TimeStampedModel):
    """An Arbeitsschwerpunkt fixed for one work period within one Schwerpunkt.

    Whether it was adopted from a priority round is coordination's record
    (``priority.adoption``, a ``coordination.PriorityAdoption``), not a field here.
    """

    work_period = models.ForeignKey(
        WorkPeriod,
        on_delete=models.CASCADE,
        related_name="priorities",
        verbose_name="Arbeitsperiode",
    )
    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.PROTECT, related_name="priorities", verbose_name="Schwerpunkt"
    )
    title = models.CharField("Titel", max_length=200)
    description = models.TextField("Beschreibung", blank=True)
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = district_queryset("work_period__district").as_manager()

    class Meta:
        verbose_name = "Arbeitsschwerpunkt"
        verbose_name_plural = "Arbeitsschwerpunkte"
        ordering = ["work_period", "focus_area__order", "order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["work_period", "title"], name="workpriority_title_unique_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.work_period})"
