"""Feedback on accessibility sent through the public "Erklärung zur Barrierefreiheit"."""

from django.db import models

from core.models import district_queryset


class FeedbackMessage(models.Model):
    """A message from the public feedback form (BITV NRW § 7: Feedback-Mechanismus).

    Name and e-mail are optional and personal data; nothing else about the sender is kept.
    """

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="feedback_messages",
        verbose_name="Kreis",
    )
    name = models.CharField("Name", max_length=160, blank=True)
    email = models.EmailField("E-Mail", blank=True)
    page = models.CharField("betroffene Seite", max_length=300, blank=True)
    message = models.TextField("Nachricht")
    created = models.DateTimeField("eingegangen am", auto_now_add=True)
    handled = models.BooleanField("erledigt", default=False)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Rückmeldung zur Barrierefreiheit"
        verbose_name_plural = "Rückmeldungen zur Barrierefreiheit"
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Rückmeldung vom {self.created:%d.%m.%Y}"
