"""The Sachstandsbericht: what the KI reports on its measures and Kennzahlen for a period."""

from django.db import models

from core.models import TimeStampedModel, district_queryset


class ProgressReport(TimeStampedModel):
    """A Sachstandsbericht for a reporting period, with the KI's own introduction and remarks."""

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="progress_reports",
        verbose_name="Kreis",
    )
    title = models.CharField("Titel", max_length=200)
    period_start = models.DateField("Berichtszeitraum von")
    period_end = models.DateField("Berichtszeitraum bis")
    introduction = models.TextField("Einleitung", blank=True)
    remarks = models.TextField("Anmerkungen und Ausblick", blank=True)

    objects = district_queryset("district").as_manager()

    class Meta:
        db_table = "documents_progressreport"  # in documents until issue 12
        verbose_name = "Sachstandsbericht"
        verbose_name_plural = "Sachstandsberichte"
        ordering = ["-period_end", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="progressreport_period_in_order",
                violation_error_message="Das Ende des Berichtszeitraums liegt vor seinem Beginn.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def names_its_kind(self) -> bool:
        """Whether the title already says "Sachstandsbericht" (as the demo's does)."""
        return self.title.strip().casefold().startswith("sachstandsbericht")

    @property
    def full_title(self) -> str:
        """The title with "Sachstandsbericht" in front, never twice (issue 15: the PDF's
        running header said "Sachstandsbericht Sachstandsbericht …")."""
        return self.title if self.names_its_kind else f"Sachstandsbericht {self.title}"
