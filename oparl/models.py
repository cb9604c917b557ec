"""What OParl has published, so that an object that left the public set keeps answering.

OParl 1.1, "Gelöschte Objekte": an object that was published once and is no longer public is
not a 404; its URL answers with ``deleted: true`` and ``modified`` = when it left, and lists
asked with ``modified_since`` carry it, so that a synchronising client (meine-stadt-transparent's
``import_update``) learns of the removal. A paper re-released as nichtöffentlich, a meeting made
nichtöffentlich or deleted, the File of a release superseded by a new revision all leave that way;
so does an agenda item (issue 20) whose paper was withdrawn or that the KI removed or made
nichtöffentlich, and the Location of a meeting whose place was cleared.
"""

from django.db import models

from core.models import district_queryset


class Publication(models.Model):
    """One object of a District that OParl has published (``left_at`` empty while it still is)."""

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", "Organization"
        MEETING = "meeting", "Meeting"
        PAPER = "paper", "Paper"
        CONSULTATION = "consultation", "Consultation"
        RELEASE_FILE = "release_file", "File (Vorlage)"
        ATTACHMENT_FILE = "attachment_file", "File (Anlage)"
        AGENDA_ITEM = "agenda_item", "AgendaItem"
        LOCATION = "location", "Location"

    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="+", verbose_name="Kreis"
    )
    kind = models.CharField("Objekttyp", max_length=20, choices=Kind.choices)
    # The id in the object's URL (the row may be gone: a deleted meeting). An AgendaItem and a
    # Location have no row of their own in every case: theirs is the meeting's id, and an
    # AgendaItem's ``object_key`` tells it from the meeting's other items ("p<paper id>" for a
    # paper placed at the meeting, "i<item id>" for a free item; oparl/agenda.py).
    object_id = models.PositiveBigIntegerField("Objekt-ID")
    object_key = models.CharField("Schlüssel in der Sitzung", max_length=24, blank=True, default="")
    # The Paper whose object embeds this one (Consultation, File), so that the Paper's
    # ``modified`` moves when it drops one.
    paper_id = models.PositiveBigIntegerField("Vorlage", null=True, blank=True)
    created = models.DateTimeField("angelegt")  # the object's own ``created``
    published_at = models.DateTimeField("veröffentlicht seit")
    left_at = models.DateTimeField("nicht mehr öffentlich seit", null=True, blank=True)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "OParl-Veröffentlichung"
        verbose_name_plural = "OParl-Veröffentlichungen"
        constraints = [
            models.UniqueConstraint(
                fields=["district", "kind", "object_id", "object_key"],
                name="oparl_publication_unique",
            )
        ]
        indexes = [models.Index(fields=["district", "kind", "left_at"])]

    def __str__(self) -> str:
        key = f"-{self.object_key}" if self.object_key else ""
        return f"{self.kind} {self.object_id}{key}"
