"""Long documents rendered in the background: the whole concept and the Sachstandsbericht.

Each kind has its renderer (``documents/renderers.py``), registered by the app that owns the
document's subject; the foreign keys name those apps' models by string only.

A document is requested for its data as it is now (``fingerprint``); a background task
(django-tasks) renders the PDF and stores it; the same request later is answered from the
stored PDF until the data changes and the fingerprint with it.
"""

from django.db import models

from core.models import TimeStampedModel, district_queryset

from .renderers import renderer_for


class GeneratedDocument(TimeStampedModel):
    class Kind(models.TextChoices):
        CONCEPT = "konzept", "Integrationskonzept (Gesamtdokument)"
        PROGRESS_REPORT = "sachstandsbericht", "Sachstandsbericht"
        MEETING_FOLDER = "sitzungsmappe", "Sitzungsmappe"

    class Status(models.TextChoices):
        QUEUED = "wartet", "wartet"
        RUNNING = "laeuft", "wird erstellt"
        DONE = "fertig", "fertig"
        FAILED = "fehler", "fehlgeschlagen"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="generated_documents",
        verbose_name="Kreis",
    )
    kind = models.CharField("Art", max_length=20, choices=Kind.choices)
    concept_version = models.ForeignKey(
        "concepts.ConceptVersion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="generated_documents",
        verbose_name="Konzeptfassung",
    )
    progress_report = models.ForeignKey(
        "reports.ProgressReport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="generated_documents",
        verbose_name="Sachstandsbericht",
    )
    meeting_folder = models.ForeignKey(
        "papers.MeetingFolder",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="generated_documents",
        verbose_name="Sitzungsmappe",
    )
    fingerprint = models.CharField("Datenstand", max_length=64)
    status = models.CharField(
        "Status", max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField("Fortschritt in %", default=0)
    step = models.CharField("Arbeitsschritt", max_length=120, blank=True)
    task_id = models.CharField("Aufgabe", max_length=64, blank=True)
    requested_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="angefordert von",
    )
    started_at = models.DateTimeField("begonnen", null=True, blank=True)
    # The lease of a running render (issue 15): renewed at every progress report; a document
    # "wird erstellt" whose heartbeat is older than TASK_LEASE_SECONDS lost its worker
    # (documents/recovery.py) and is queued again or marked failed, never left stuck.
    heartbeat_at = models.DateTimeField("letztes Lebenszeichen", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("Versuche", default=1)
    finished_at = models.DateTimeField("fertig", null=True, blank=True)
    pdf = models.BinaryField("PDF", null=True, blank=True)
    size = models.PositiveIntegerField("Größe in Bytes", default=0)
    pages = models.PositiveIntegerField("Seiten", default=0)
    render_seconds = models.FloatField("Erstellungsdauer in s", null=True, blank=True)
    error = models.TextField("Fehler", blank=True)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "erzeugtes Dokument"
        verbose_name_plural = "erzeugte Dokumente"
        ordering = ["-created"]
        indexes = [models.Index(fields=["district", "kind", "fingerprint"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def renderer(self):
        return renderer_for(self.kind)

    @property
    def subject(self):
        """What the document is made of (a concept version, a Sachstandsbericht …)."""
        return getattr(self, self.renderer.subject_field)


class WorkerHeartbeat(models.Model):
    """The last sign of life of one background worker (``manage.py worker``), for /healthz.

    django-tasks-db records which worker claimed a task but not whether that worker still
    lives; the worker writes this row every WORKER_HEARTBEAT_SECONDS (documents/recovery.py).
    """

    worker_id = models.CharField("Worker", max_length=64, unique=True)
    host = models.CharField("Rechner", max_length=255, blank=True)
    pid = models.PositiveIntegerField("Prozess", default=0)
    started_at = models.DateTimeField("gestartet")
    seen_at = models.DateTimeField("letzte Meldung", db_index=True)

    class Meta:
        verbose_name = "Lebenszeichen eines Workers"
        verbose_name_plural = "Lebenszeichen der Worker"
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}, {self.seen_at:%Y-%m-%d %H:%M:%S})"
