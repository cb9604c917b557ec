"""What the Land's pages store themselves (issue 17)."""

from django.db import models

from core.due import DueKind


class ReminderSent(models.Model):
    """A reminder sent once: an item (``kind`` + ``object_key``) at one threshold (days before it
    is due, ``core.due.REMINDER_THRESHOLDS``; ``PASSED`` for the Land's digest). The unique
    constraint makes a second run on the same day send nothing new."""

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="reminders_sent",
        verbose_name="Kreis",
    )
    kind = models.CharField("Art", max_length=20, choices=DueKind.choices)
    object_key = models.CharField("Gegenstand", max_length=100)
    threshold = models.SmallIntegerField("Tage vorher")
    due = models.DateField("fällig am")
    sent_on = models.DateField("gesendet am")
    recipients = models.TextField("Empfänger", blank=True)

    class Meta:
        verbose_name = "gesendete Erinnerung"
        verbose_name_plural = "gesendete Erinnerungen"
        ordering = ["-sent_on", "district"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "kind", "object_key", "threshold"],
                name="remindersent_once_per_threshold",
            )
        ]

    def __str__(self) -> str:
        return f"{self.district}: {self.get_kind_display()} {self.object_key} ({self.threshold})"
