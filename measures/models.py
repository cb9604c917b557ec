"""The measures catalogue: measures, their indicators (Kennzahlen) and measured values.

Seed 000: each measure is made concrete by Ziele, Wirkungen, Zielgruppen and zeitliche Dauer;
strategic goals are backed by messbare Kennzahlen. Measures belong to the District, not to a
concept version, so their measurements continue across Fortschreibungen.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel, district_queryset

# The text fields the catalogue's full-text search looks at.
SEARCHED_FIELDS = ("title", "goal", "effect")


def search_text_of(*parts: str) -> str:
    """The normalised text the catalogue searches in: casefolded, so "Übergang" matches "übergang".

    SQLite's LIKE folds only ASCII letters; comparing casefolded text with a casefolded query
    behaves the same on SQLite and PostgreSQL (and "ß" matches "ss").
    """
    return " ".join(part for part in parts if part).casefold()


class MeasureQuerySet(district_queryset("district")):
    def current(self) -> "MeasureQuerySet":
        """Measures not archived: what the catalogue, the dashboard and the counts show."""
        return self.filter(is_archived=False)

    def running(self, today) -> "MeasureQuerySet":
        """Measures under way on ``today``: not archived, status "laufend", started (no start
        or a start on or before ``today``) and not ended (no end or an end on or after it).

        Planned, completed, discontinued and Regelangebot measures are not running, whatever
        their dates say; a "laufend" measure past its end date is not either (issue 14: the
        dashboard's indicators behind target list only running measures).
        """
        return self.current().filter(
            models.Q(start__isnull=True) | models.Q(start__lte=today),
            models.Q(end__isnull=True) | models.Q(end__gte=today),
            status=Measure.Status.RUNNING,
        )

    def visible_to(self, access) -> "MeasureQuerySet":
        """The measures ``access`` may read: a liaison sees their municipality's and kreisweit ones.

        The one place of this rule (seed 004: work "gemeinde- bzw. stadtscharf"); every page that
        shows measures to a liaison goes through it.
        """
        if not access.is_liaison:
            return self
        # Subqueries, not joins: a join over the M2M table would repeat measures.
        links = Measure.municipalities.through.objects.filter(measure_id=models.OuterRef("pk"))
        municipality = access.municipality
        own = links.filter(municipality_id=municipality.pk if municipality else None)
        return self.filter(models.Exists(own) | ~models.Exists(links))


class Measure(TimeStampedModel):
    class Status(models.TextChoices):
        PLANNED = "geplant", "geplant"
        RUNNING = "laufend", "laufend"
        COMPLETED = "abgeschlossen", "abgeschlossen"
        # Seed 000: a proven measure can be taken over as a Regelangebot.
        REGULAR = "regelangebot", "in Regelangebot überführt"
        DISCONTINUED = "eingestellt", "eingestellt"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name="Kreis",
    )
    title = models.CharField("Titel", max_length=200)
    focus_area = models.ForeignKey(
        "concepts.FocusArea",
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name="Schwerpunkt",
    )
    field_of_action = models.ForeignKey(
        "concepts.FieldOfAction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name="Handlungsfeld",
    )
    work_priorities = models.ManyToManyField(
        "concepts.WorkPriority",
        blank=True,
        related_name="measures",
        verbose_name="Arbeitsschwerpunkte",
    )
    start = models.DateField("Beginn", null=True, blank=True)
    end = models.DateField("Ende", null=True, blank=True)
    goal = models.TextField("Ziel", blank=True)
    effect = models.TextField("Wirkung", blank=True)
    target_groups = models.ManyToManyField(
        "concepts.TargetGroup", blank=True, related_name="measures", verbose_name="Zielgruppen"
    )
    status = models.CharField(
        "Status", max_length=14, choices=Status.choices, default=Status.PLANNED
    )
    # Seed 004 (Coesfeld): worked out "gemeinde- bzw. stadtscharf"; no municipality = kreisweit.
    municipalities = models.ManyToManyField(
        "districts.Municipality",
        blank=True,
        related_name="measures",
        verbose_name="Kommunen",
        help_text="keine Auswahl = kreisweit",
    )
    lead_actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_measures",
        verbose_name="federführender Akteur",
    )
    partner_actors = models.ManyToManyField(
        "actors.Actor", blank=True, related_name="partner_measures", verbose_name="Partner"
    )
    concept_versions = models.ManyToManyField(
        "concepts.ConceptVersion",
        blank=True,
        related_name="measures",
        verbose_name="enthalten in Konzeptfassungen",
    )
    is_archived = models.BooleanField("archiviert", default=False)
    # Issue 19: "measures can belong to KIM" – the Kommunales Integrationsmanagement (TIntG § 9)
    # lists them, and the concept's KIM chapter names them.
    is_kim = models.BooleanField(
        "gehört zum KIM",
        default=False,
        help_text="Maßnahme des Kommunalen Integrationsmanagements (§ 9 TIntG)",
    )
    # Maintained by save(); see search_text_of.
    search_text = models.TextField("Suchtext", blank=True, editable=False)

    history = HistoricalRecords(verbose_name="Maßnahmenverlauf")
    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = "Maßnahme"
        verbose_name_plural = "Maßnahmen"
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="measure_end_not_before_start",
                violation_error_message="Das Ende darf nicht vor dem Beginn liegen.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = search_text_of(*(getattr(self, name) for name in SEARCHED_FIELDS))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(SEARCHED_FIELDS):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "measures:detail", kwargs={"district_slug": self.district.slug, "pk": self.pk}
        )

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Das Ende darf nicht vor dem Beginn liegen."})
        if (
            self.field_of_action_id
            and self.district_id
            and self.field_of_action.district_id != self.district_id
        ):
            raise ValidationError(
                {"field_of_action": "Das Handlungsfeld gehört zu einem anderen Kreis."}
            )


LATEST_FIELDS = ("latest_value", "latest_date")


class Indicator(TimeStampedModel):
    """A Kennzahl with unit, baseline and target; ``land_indicator`` makes it comparable across
    Districts (issue 17: the Land's catalogue)."""

    class Direction(models.TextChoices):
        UP = "up", "höher ist besser"
        DOWN = "down", "niedriger ist besser"

    class Districtwide(models.TextChoices):
        ENTERED = "entered", "direkt eingegeben"
        SUM = "sum", "Summe der Kommunen"
        MEAN = "mean", "Mittelwert der Kommunen"

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="indicators", verbose_name="Maßnahme"
    )
    name = models.CharField("Name", max_length=200)
    unit = models.CharField("Einheit", max_length=40, blank=True)
    baseline = models.DecimalField(
        "Ausgangswert", max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField("Ausgangswert vom", null=True, blank=True)
    target = models.DecimalField("Zielwert", max_digits=14, decimal_places=2, null=True, blank=True)
    target_date = models.DateField("Zielwert bis", null=True, blank=True)
    direction = models.CharField(
        "Richtung", max_length=4, choices=Direction.choices, default=Direction.UP
    )
    # Issue 17: the Land's catalogue replaces the free-text "landesweiter Schlüssel".
    land_indicator = models.ForeignKey(
        "measures.LandIndicator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="Kennzahl des Landes",
        help_text="Kennzahl aus dem Katalog des Landes, damit die Zahlen der Kreise vergleichbar sind",
    )
    # Issue 13 ("Measurements at the speed of a quarterly update"): the kreisweit value is the
    # sum or the mean of the municipal values where the Kennzahl says so, entered otherwise.
    # Default "entered" keeps every Kennzahl from before as it was.
    districtwide = models.CharField(
        "kreisweiter Wert",
        max_length=10,
        choices=Districtwide.choices,
        default=Districtwide.ENTERED,
        help_text="Summe oder Mittelwert werden beim Erfassen aller Kommunen berechnet.",
    )
    # Issue 16: the newest kreisweit measurement, kept here so that the dashboard and the lists
    # need no subquery per Kennzahl. Written only by ``measures.latest.refresh_latest_values``
    # (a queryset update, so no history record) whenever a measurement changes.
    latest_value = models.DecimalField(
        "letzter kreisweiter Wert",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        editable=False,
    )
    latest_date = models.DateField(
        "Stichtag des letzten kreisweiten Werts", null=True, blank=True, editable=False
    )

    history = HistoricalRecords(
        verbose_name="Kennzahlverlauf", excluded_fields=["latest_value", "latest_date"]
    )
    objects = district_queryset("measure__district").as_manager()

    class Meta:
        verbose_name = "Kennzahl"
        verbose_name_plural = "Kennzahlen"
        ordering = ["measure", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "name"],
                name="indicator_name_unique_per_measure",
                violation_error_message="Diese Maßnahme hat bereits eine Kennzahl mit diesem Namen.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def save(self, *args, **kwargs):
        # The latest value belongs to the measurements (issue 16): saving a Kennzahl loaded
        # before a value was recorded must not write its stale copy back.
        if (
            self.pk
            and not self._state.adding
            and kwargs.get("update_fields") is None
            and not kwargs.get("force_insert")
        ):
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in LATEST_FIELDS
            ]
        super().save(*args, **kwargs)

    def attainment(self, value: Decimal | None) -> Decimal | None:
        """Share of the way from baseline to target that ``value`` has gone, in percent.

        Respects the direction: for "niedriger ist besser" a falling value is progress. Without a
        baseline the way starts at zero.
        """
        if value is None or self.target is None:
            return None
        start = self.baseline if self.baseline is not None else Decimal(0)
        way = self.target - start
        if way == 0:
            reached = (
                value >= self.target
                if self.direction == self.Direction.UP
                else value <= self.target
            )
            return Decimal(100) if reached else Decimal(0)
        return ((value - start) / way * 100).quantize(Decimal("0.1"))

    @property
    def is_derived(self) -> bool:
        return self.districtwide != self.Districtwide.ENTERED

    def derive(self, values: list[Decimal]) -> Decimal | None:
        """The kreisweit value from the municipal values that were entered (empty cells left out).

        An empty cell is "no value reported", not zero: the sum adds the entered values, the mean
        divides by their number; the page says from how many municipalities the value comes.
        None if nothing was entered or the value is entered directly.
        """
        if not values or not self.is_derived:
            return None
        total = sum(values, Decimal(0))
        if self.districtwide == self.Districtwide.MEAN:
            total = total / len(values)
        return total.quantize(Decimal("0.01"))

    @property
    def land_key(self) -> str:
        """The key of the Land's Kennzahl this one is mapped to, "" if none (issue 17).

        Kept for callers written for the former free-text field (``services.INDICATOR_FIELDS``
        copies it with ``getattr``/``create``); new code uses ``land_indicator``.
        """
        return self.land_indicator.key if self.land_indicator_id else ""

    @land_key.setter
    def land_key(self, key: str) -> None:
        self.land_indicator = LandIndicator.objects.get(key=key) if key else None


class MeasurementQuerySet(district_queryset("indicator__measure__district")):
    def visible_to(self, access, district) -> "MeasurementQuerySet":
        """The values ``access`` may read in ``district``: the one place of this rule.

        README, Rollen und Rechte: a liaison reads "eigene Kommune + kreisweit"; the District
        may open the other municipalities' values to liaisons
        (``District.liaisons_see_all_municipalities``, issue 13).
        """
        if not access.is_liaison or district.liaisons_see_all_municipalities:
            return self
        municipality = access.municipality
        own = models.Q(municipality_id=municipality.pk) if municipality else models.Q(pk__in=[])
        return self.filter(models.Q(municipality__isnull=True) | own)


class Measurement(TimeStampedModel):
    """A value of an indicator at a date, overall or for one municipality."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements", verbose_name="Kennzahl"
    )
    value = models.DecimalField("Wert", max_digits=14, decimal_places=2)
    date = models.DateField("Stichtag")
    period_label = models.CharField(
        "Zeitraum", max_length=40, blank=True, help_text="z. B. Kita-Jahr 2023/24"
    )
    municipality = models.ForeignKey(
        "districts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measurements",
        verbose_name="Kommune",
        help_text="leer = kreisweit",
    )
    source = models.CharField("Quelle", max_length=200, blank=True)
    note = models.TextField("Anmerkung", blank=True)

    history = HistoricalRecords(verbose_name="Messwertverlauf")
    objects = MeasurementQuerySet.as_manager()

    class Meta:
        verbose_name = "Messwert"
        verbose_name_plural = "Messwerte"
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date", "municipality"],
                condition=models.Q(municipality__isnull=False),
                name="measurement_unique_per_date_and_municipality",
                violation_error_message="Für diesen Stichtag und diese Kommune gibt es schon einen Wert.",
            ),
            models.UniqueConstraint(
                fields=["indicator", "date"],
                condition=models.Q(municipality__isnull=True),
                name="measurement_unique_per_date_districtwide",
                violation_error_message="Für diesen Stichtag gibt es schon einen kreisweiten Wert.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} am {self.date:%d.%m.%Y}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Whether it was kreisweit when read: moving it to a municipality changes the
        # Kennzahl's latest kreisweit value (measures.latest, issue 16). Deferred counts as yes.
        instance._loaded_districtwide = instance.__dict__.get("municipality_id") is None
        return instance


class MeasurementImport(TimeStampedModel):
    """A CSV file of measurements between upload and import, and the import's outcome.

    Issue 16: the checked file waits here for "Jetzt importieren" (the page carries only a
    signed reference to it); a large file is then imported by the task worker
    (``measures.tasks``) while the page shows its progress.
    """

    class Status(models.TextChoices):
        PREVIEW = "vorschau", "Vorschau"
        QUEUED = "wartet", "wartet"
        RUNNING = "laeuft", "wird importiert"
        DONE = "fertig", "importiert"
        FAILED = "fehler", "fehlgeschlagen"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="measurement_imports",
        verbose_name="Kreis",
    )
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="hochgeladen von",
    )
    file_name = models.CharField("Datei", max_length=255, blank=True)
    # The decoded text of the file; emptied once the import is done.
    content = models.TextField("Inhalt", blank=True)
    row_count = models.PositiveIntegerField("Zeilen", default=0)
    status = models.CharField(
        "Status", max_length=10, choices=Status.choices, default=Status.PREVIEW
    )
    progress = models.PositiveSmallIntegerField("Fortschritt in %", default=0)
    step = models.CharField("Arbeitsschritt", max_length=120, blank=True)
    task_id = models.CharField("Aufgabe", max_length=64, blank=True)
    heartbeat_at = models.DateTimeField("letztes Lebenszeichen", null=True, blank=True)
    finished_at = models.DateTimeField("fertig", null=True, blank=True)
    created_count = models.PositiveIntegerField("neue Werte", default=0)
    updated_count = models.PositiveIntegerField("ersetzte Werte", default=0)
    unchanged_count = models.PositiveIntegerField("unveränderte Werte", default=0)
    import_seconds = models.FloatField("Dauer in s", null=True, blank=True)
    errors = models.JSONField("Fehler", default=list, blank=True)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Messwert-Import"
        verbose_name_plural = "Messwert-Importe"
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.file_name or 'Import'} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


# Paths under /land/kennzahlen/ that a key would shadow (issue 17).
RESERVED_LAND_INDICATOR_KEYS = frozenset({"neu", "bevoelkerung"})


def validate_land_indicator_key(value: str) -> None:
    if value in RESERVED_LAND_INDICATOR_KEYS:
        raise ValidationError(
            "„%(value)s“ ist als Schlüssel nicht erlaubt, weil die Adresse schon vergeben ist.",
            code="reserved",
            params={"value": value},
        )


class LandIndicator(TimeStampedModel):
    """A Kennzahl the Land defines for all KIs (issue 17: Land indicator catalogue).

    A KI maps one of its own indicators to it (``Indicator.land_indicator``); the Land then
    compares the Districts' kreisweit values. The definition and its source are the Land's
    text; nothing here is filled in by the software.
    """

    class Aggregation(models.TextChoices):
        # How the Districts' values go together — and whether "per 1,000 inhabitants" means
        # anything: only a count (sum) can be put in relation to the population.
        SUM = "sum", "Anzahl (über die Kreise addierbar)"
        MEAN = "mean", "Durchschnitt (Mittelwert der Kreise)"
        RATE = "rate", "Anteil oder Quote (nicht addierbar)"

    key = models.SlugField(
        "Schlüssel",
        max_length=60,
        unique=True,
        validators=[validate_land_indicator_key],
        help_text="gleicher Schlüssel in allen Kreisen; Kleinbuchstaben, Ziffern, - und _",
    )
    name = models.CharField("Name", max_length=200)
    unit = models.CharField("Einheit", max_length=40, blank=True)
    definition = models.TextField(
        "Definition",
        blank=True,
        help_text="Was gezählt wird, zu welchem Stichtag oder Zeitraum, was nicht zählt",
    )
    direction = models.CharField(
        "Richtung",
        max_length=4,
        choices=Indicator.Direction.choices,
        default=Indicator.Direction.UP,
    )
    aggregation = models.CharField(
        "Art der Zahl", max_length=4, choices=Aggregation.choices, default=Aggregation.SUM
    )
    source = models.CharField(
        "Quelle der Definition",
        max_length=300,
        blank=True,
        help_text="z. B. Erlass, Förderrichtlinie oder Beschluss der LaKI mit Datum",
    )

    history = HistoricalRecords(verbose_name="Verlauf der Kennzahl des Landes")

    class Meta:
        verbose_name = "Kennzahl des Landes"
        verbose_name_plural = "Kennzahlen des Landes"
        ordering = ["name", "key"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def get_absolute_url(self) -> str:
        return reverse("land:indicator_detail", kwargs={"key": self.key})

    @property
    def per_inhabitants(self) -> bool:
        """Whether a value per 1,000 inhabitants is meaningful: for counts only."""
        return self.aggregation == self.Aggregation.SUM
