"""The tenant (District), its municipalities, its staffing plan and the Land's requirement sets."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import memo
from core.models import TimeStampedModel, district_queryset
from core.text import german_slugify

# Top-level paths of the site; a District with one of these slugs would shadow them.
RESERVED_SLUGS = frozenset(
    {"oeffentlich", "oparl", "admin", "konto", "static", "media", "land", "betrieb"}
)


def validate_district_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            "„%(value)s“ ist als Kürzel nicht erlaubt, weil die Adresse schon vergeben ist.",
            code="reserved",
            params={"value": value},
        )


class District(TimeStampedModel):
    """A Kreis or kreisfreie Stadt running a KI (TIntG NRW § 8) — the tenant."""

    class Kind(models.TextChoices):
        KREIS = "kreis", "Kreis"
        KREISFREIE_STADT = "kreisfreie_stadt", "Kreisfreie Stadt"
        # Stadt Aachen runs its own KI inside the StädteRegion Aachen.
        REGIONSSTADT = "regionsstadt", "Stadt in der StädteRegion"

    class PaperLayout(models.TextChoices):
        # The two layouts of the seeds: Mettmann (001) and Coesfeld (004).
        ANLASS = "anlass", "Anlass – Sachverhaltsdarstellung – Ausblick"
        PROBLEM = (
            "problem",
            "I. Problem – II. Lösung – III. Alternativen – IV. Auswirkungen – V. Zuständigkeit",
        )

    name = models.CharField("Name", max_length=120)
    kind = models.CharField("Art", max_length=20, choices=Kind.choices, default=Kind.KREIS)
    official_key = models.CharField(
        "Amtlicher Schlüssel",
        max_length=8,
        unique=True,
        validators=[
            RegexValidator(
                r"^05\d{3}(\d{3})?$",
                "Der amtliche Schlüssel besteht aus 5 Ziffern (Kreis, kreisfreie Stadt) oder "
                "8 Ziffern (Stadt in der StädteRegion) und beginnt in NRW mit 05.",
            )
        ],
        help_text="Kreisschlüssel (5 Ziffern) oder Gemeindeschlüssel (8 Ziffern)",
    )
    slug = models.SlugField(
        "Kürzel in der Adresse",
        max_length=80,
        unique=True,
        validators=[validate_district_slug],
        help_text="z. B. maerkischer-kreis",
    )
    paper_layout = models.CharField(
        "Gliederung der Begründung in Vorlagen",
        max_length=10,
        choices=PaperLayout.choices,
        default=PaperLayout.ANLASS,
    )
    paper_number_pattern = models.CharField(
        "Muster der Vorlagennummer",
        max_length=40,
        default="{amt}/{nr:03d}/{jahr}",
        help_text="z. B. {amt}/{nr:03d}/{jahr} für 50/020/2015",
    )
    office_number = models.CharField("Amtsnummer", max_length=10, blank=True, default="50")
    logo = models.ImageField("Logo", upload_to="logos/", blank=True)
    # README, Rollen und Rechte: a liaison reads "eigene Kommune + kreisweit". Issue 13 lets the
    # KI-Leitung open the other municipalities' Messwerte to them; off unless the Kreis decides.
    liaisons_see_all_municipalities = models.BooleanField(
        "Ansprechpersonen sehen die Messwerte aller Kommunen",
        default=False,
        help_text=(
            "Aus: Kommunale Ansprechpersonen sehen die Messwerte ihrer Kommune und die "
            "kreisweiten Werte. An: auch die Werte der anderen Kommunen des Kreises."
        ),
    )
    # Issue 17: the Land compares Kennzahlen per 1,000 inhabitants; entered or imported by the
    # Land from the statistics office's table, never estimated (as for Municipality).
    population = models.PositiveIntegerField("Einwohnerzahl", null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        "Stand der Einwohnerzahl (Jahr)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text="z. B. 2023 für den Stand 31.12.2023",
    )
    population_source = models.CharField(
        "Quelle der Einwohnerzahl",
        max_length=200,
        blank=True,
        help_text="z. B. IT.NRW, Landesdatenbank NRW (Bevölkerungsstand)",
    )

    class Meta:
        verbose_name = "Kreis / kreisfreie Stadt"
        verbose_name_plural = "Kreise und kreisfreie Städte"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(slug__in=sorted(RESERVED_SLUGS)),
                name="district_slug_not_reserved",
                violation_error_message="Dieses Kürzel ist für eine Adresse reserviert.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = german_slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("workspace:home", kwargs={"district_slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.population is None and (self.population_year or self.population_source):
            raise ValidationError(
                {"population": "Bitte die Einwohnerzahl angeben, zu der Stand und Quelle gehören."}
            )

    @property
    def ags_prefix(self) -> str:
        """First five digits of the AGS of every municipality in this District."""
        return self.official_key[:5]


class Municipality(TimeStampedModel):
    """A kreisangehörige Stadt or Gemeinde; its AGS is left empty where no official list is known."""

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="municipalities", verbose_name="Kreis"
    )
    name = models.CharField("Name", max_length=120)
    slug = models.SlugField("Kürzel", max_length=80)
    ags = models.CharField(
        "Amtlicher Gemeindeschlüssel (AGS)",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", "Der AGS besteht aus genau 8 Ziffern.")],
        help_text="8 Ziffern; leer lassen, wenn er nicht aus einer amtlichen Liste bekannt ist.",
    )
    population = models.PositiveIntegerField("Einwohnerzahl", null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        "Stand der Einwohnerzahl (Jahr)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text="z. B. 2023 für den Stand 31.12.2023",
    )
    population_source = models.CharField(
        "Quelle der Einwohnerzahl",
        max_length=200,
        blank=True,
        help_text="z. B. IT.NRW oder Statistisches Bundesamt, Gemeindeverzeichnis GV-ISys",
    )

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Kommune"
        verbose_name_plural = "Kommunen"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ags"],
                condition=~models.Q(ags=""),
                name="municipality_ags_unique",
                violation_error_message="Dieser AGS ist bereits einer anderen Kommune zugeordnet.",
            ),
            models.UniqueConstraint(
                fields=["district", "slug"], name="municipality_slug_unique_per_district"
            ),
            models.UniqueConstraint(
                fields=["district", "name"], name="municipality_name_unique_per_district"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = german_slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.ags and self.district_id and not self.ags.startswith(self.district.ags_prefix):
            raise ValidationError(
                {"ags": f"Der AGS muss mit dem Kreisschlüssel {self.district.ags_prefix} beginnen."}
            )
        if self.population is None and (self.population_year or self.population_source):
            raise ValidationError(
                {"population": "Bitte die Einwohnerzahl angeben, zu der Stand und Quelle gehören."}
            )

    def references(self) -> list[str]:
        """What points at this municipality, counted in German ("1 Maßnahme", "2 Messwerte").

        Read through the reverse relations, so this lower app names no model of the apps above
        it (README "Aufbau"); a new reference elsewhere is counted without a change here.
        """
        found = []
        for relation in self._meta.related_objects:
            count = getattr(self, relation.get_accessor_name()).count()
            if count:
                meta = relation.related_model._meta
                found.append(
                    f"{count} {meta.verbose_name if count == 1 else meta.verbose_name_plural}"
                )
        return found

    def deletion_refusal(self) -> str:
        """Why this municipality cannot be deleted, or "" if nothing refers to it."""
        references = self.references()
        if not references:
            return ""
        listed = ", ".join(references[:-1]) + " und " if len(references) > 1 else ""
        listed += references[-1]
        single = len(references) == 1 and references[0].startswith("1 ")
        verb = "verweist" if single else "verweisen"
        return (
            f"„{self.name}“ kann nicht gelöscht werden, weil noch {listed} auf die Kommune "
            f"{verb}. Ordnen Sie diese zuerst einer anderen Kommune zu oder entfernen Sie sie."
        )


# Where each default value of LandRequirements comes from (issue 14: "each default value of a
# requirement names its source (document and date) next to it; a default without a source is
# not shipped"). Shown as the fields' help text and on the staffing page next to the values.
ECKPUNKTEPAPIER = (
    "Eckpunktepapier zur Umsetzung des Teilhabe- und Integrationsgesetzes: Konzept der "
    "Kommunalen Integrationszentren (Stand: 29.02.2012), „Personal“"
)
QUOTE_TEACHERS = "„auf 2 Vollzeitstellen jeweils mindestens 2 vom Land frei gestellte Lehrkräfte“"
QUOTE_MUNICIPAL = (
    "„bis zu 3,5 vom Land geförderten Stellen kommunalen Bedienstete (2 außerschulische "
    "pädagogische Fachkräfte, 1 Verwaltungsfachkraft, ½ Assistenzkraft)“"
)
SOURCE_TEACHERS = f"{ECKPUNKTEPAPIER}: {QUOTE_TEACHERS}"
SOURCE_MUNICIPAL = f"{ECKPUNKTEPAPIER}: {QUOTE_MUNICIPAL}"
SOURCE_REVIEW_INTERVAL = (
    "Landesweite Koordinierungsstelle (LaKI), Seite „Rahmenbedingungen“ "
    "(kommunale-integrationszentren-nrw.de) zur Förderrichtlinie 2012 (MBl. NRW. 2012 Nr. 19): "
    "„ein vom Rat der Stadt bzw. Kreistag beschlossenes Integrationskonzept, das nicht älter "
    "als 3 Jahre sein sollte“"
)
SOURCE_WORK_PERIOD = (
    "Integrationskonzept eines Kreises (Beschluss des Kreistags vom 31.10.2012): Arbeitsschwerpunkte werden im "
    "Benehmen mit den örtlichen Partnern für zwei Jahre festgelegt"
)
REQUIREMENT_SOURCES = {
    "teacher_fte_required": SOURCE_TEACHERS,
    "max_fte_education": SOURCE_MUNICIPAL,
    "max_fte_administration": SOURCE_MUNICIPAL,
    "max_fte_assistance": SOURCE_MUNICIPAL,
    "review_interval_years": SOURCE_REVIEW_INTERVAL,
    "work_period_years": SOURCE_WORK_PERIOD,
}


# The source of the 2012 set as a whole (issue 17: a set names its document, date and where).
SOURCE_SET_2012 = (
    f"{ECKPUNKTEPAPIER}; Förderrichtlinie 2012 (MBl. NRW. 2012 Nr. 19) nach der Seite "
    "„Rahmenbedingungen“ der Landesweiten Koordinierungsstelle; Dauer der Arbeitsperiode nach "
    "dem Integrationskonzept eines Kreises (Beschluss vom 31.10.2012)"
)
STAFFING_FIELDS = (
    "teacher_fte_required",
    "max_fte_education",
    "max_fte_administration",
    "max_fte_assistance",
)
REQUIREMENT_FIELDS = (*STAFFING_FIELDS, "review_interval_years", "work_period_years")
# The values of the 2012 set (issue 17: only what a source supports; each names its source in
# REQUIREMENT_SOURCES). No source gives a submission deadline or a difference between Kreise
# and kreisfreie Städte, so both variants carry the same numbers and no deadline is shipped.
DEFAULTS_2012 = {
    "teacher_fte_required": Decimal("2.00"),  # Eckpunktepapier 29.02.2012 (seed 002)
    "max_fte_education": Decimal("2.00"),  # Eckpunktepapier 29.02.2012 (seed 002)
    "max_fte_administration": Decimal("1.00"),  # Eckpunktepapier 29.02.2012 (seed 002)
    "max_fte_assistance": Decimal("0.50"),  # Eckpunktepapier 29.02.2012 (seed 002)
    "review_interval_years": 3,  # LaKI "Rahmenbedingungen", Förderrichtlinie 2012
    "work_period_years": 2,  # seed 000: Arbeitsschwerpunkte "jeweils für 2 Jahre"
}


class RequirementSetQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> "RequirementSetQuerySet":
        """The sets whose validity includes ``day`` (first and last day included)."""
        return self.filter(valid_from__lte=day).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )


class RequirementSet(TimeStampedModel):
    """What the Land checks a KI against, for a time and one kind of District (issue 17).

    Owned by the Land (edited at ``/land/anforderungen/``, ``land_edit``); the KIs read the set
    that applies to them. One row is one variant: a set such as "Eckpunktepapier 2012" has a row
    for Kreise and one for kreisfreie Städte, because a later Förderrichtlinie may treat them
    differently. Two rows of the same variant never overlap in time (``clean``), so a District
    has at most one set on any day.
    """

    class Variant(models.TextChoices):
        KREIS = "kreis", "Kreise"
        KREISFREIE_STADT = "kreisfreie_stadt", "kreisfreie Städte"

    name = models.CharField("Bezeichnung", max_length=120, help_text="z. B. Eckpunktepapier 2012")
    variant = models.CharField("gilt für", max_length=20, choices=Variant.choices)
    source = models.TextField(
        "Quelle", help_text="Dokument, Datum und Fundstelle (z. B. Ministerialblatt, Seite)"
    )
    valid_from = models.DateField("gilt ab")
    valid_until = models.DateField(
        "gilt bis", null=True, blank=True, help_text="leer lassen, solange kein Ende feststeht"
    )
    teacher_fte_required = models.DecimalField(
        "geforderte Stellen Lehrkräfte (VZÄ)",
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    max_fte_education = models.DecimalField(
        "höchstens Stellen pädagogische Fachkräfte (VZÄ)",
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    max_fte_administration = models.DecimalField(
        "höchstens Stellen Verwaltungsfachkraft (VZÄ)",
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    max_fte_assistance = models.DecimalField(
        "höchstens Stellen Assistenzkraft (VZÄ)",
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    staffing_source = models.TextField(
        "Quelle der Stellenvorgaben", help_text="Dokument, Datum und Wortlaut"
    )
    review_interval_years = models.PositiveSmallIntegerField(
        "Konzept höchstens so viele Jahre alt", validators=[MinValueValidator(1)]
    )
    review_interval_source = models.TextField("Quelle des Höchstalters")
    work_period_years = models.PositiveSmallIntegerField(
        "Dauer einer Arbeitsperiode (Jahre)", validators=[MinValueValidator(1)]
    )
    work_period_source = models.TextField("Quelle der Dauer der Arbeitsperiode")

    objects = RequirementSetQuerySet.as_manager()
    history = HistoricalRecords(verbose_name="Verlauf der Anforderungen des Landes")

    class Meta:
        verbose_name = "Anforderungen des Landes"
        verbose_name_plural = "Anforderungen des Landes"
        ordering = ["-valid_from", "variant"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="requirementset_until_after_from",
                violation_error_message="„gilt bis“ darf nicht vor „gilt ab“ liegen.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_variant_display()})"

    def get_absolute_url(self) -> str:
        return reverse("land:requirements_update", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": "„gilt bis“ darf nicht vor „gilt ab“ liegen."}, code="order"
            )
        if not (self.valid_from and self.variant):
            return
        overlapping = RequirementSet.objects.filter(variant=self.variant).exclude(pk=self.pk)
        overlapping = overlapping.filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=self.valid_from)
        )
        if self.valid_until:
            overlapping = overlapping.filter(valid_from__lte=self.valid_until)
        other = overlapping.order_by("valid_from").first()
        if other:
            raise ValidationError(
                {
                    "valid_from": (
                        f"Der Zeitraum überschneidet sich mit „{other.name}“ für "
                        f"{other.get_variant_display()} ({other.validity}). Für jede Art von "
                        "Kreis darf an jedem Tag nur ein Satz gelten; beenden Sie den anderen "
                        "Satz vorher („gilt bis“)."
                    )
                },
                code="overlap",
            )

    @staticmethod
    def variant_of(district: "District") -> str:
        """The variant that applies to ``district``.

        Stadt Aachen (``REGIONSSTADT``) has the legal position of a kreisfreie Stadt inside the
        StädteRegion Aachen; it reads the kreisfreie Städte's variant (our reading, issue 17).
        """
        if district.kind == District.Kind.KREIS:
            return RequirementSet.Variant.KREIS
        return RequirementSet.Variant.KREISFREIE_STADT

    @classmethod
    def for_district_on(cls, district: "District", day: datetime.date) -> "RequirementSet | None":
        """The set that applies to ``district`` on ``day``; None if the Land has none then."""
        variant = cls.variant_of(district)
        return memo.remembered(
            ("requirement_set", variant, day),
            lambda: cls.objects.filter(variant=variant).valid_on(day).first(),
        )

    @property
    def validity(self) -> str:
        start = f"{self.valid_from:%d.%m.%Y}"
        return (
            f"ab {start}"
            if self.valid_until is None
            else f"{start} bis {self.valid_until:%d.%m.%Y}"
        )

    @property
    def max_municipal_fte(self) -> Decimal:
        return self.max_fte_education + self.max_fte_administration + self.max_fte_assistance

    def source_of(self, name: str) -> str:
        """The source of one value (``REQUIREMENT_FIELDS``), with the set's name."""
        if name in STAFFING_FIELDS:
            text = self.staffing_source
        elif name == "review_interval_years":
            text = self.review_interval_source
        else:
            text = self.work_period_source
        return f"{self.name}: {text or self.source}"


class LandRequirements(TimeStampedModel):
    """What is genuinely per District about the Land's requirements (issue 17).

    The numbers are the Land's (``RequirementSet``); here stays the deadline the Bezirksregierung
    set this KI for the Vorlage beim Land (no source gives a general one), which the KI-Leitung
    enters from the letter it received and the Land reads. ``former_values`` keeps the numbers a
    District had entered itself before issue 17 where they differed from the 2012 set: shown on
    the requirements page, no longer applied (migration 0009).

    The properties below read the set valid today, for callers that ask for "the current"
    requirements; a check about another day asks ``RequirementSet.for_district_on``.
    """

    district = models.OneToOneField(
        District,
        on_delete=models.CASCADE,
        related_name="land_requirements",
        verbose_name="Kreis",
    )
    # No source names a date by which a concept is due at the Land: no default.
    submission_deadline = models.DateField(
        "Frist für die Vorlage beim Land",
        null=True,
        blank=True,
        help_text="Die Frist, die die Bezirksregierung dem Kreis gesetzt hat; leer, solange "
        "keine gesetzt ist.",
    )
    former_values = models.JSONField(
        "frühere eigene Werte des Kreises",
        default=dict,
        blank=True,
        editable=False,
        help_text="Bis Issue 17 vom Kreis selbst eingetragene, vom Satz 2012 abweichende Werte; "
        "nicht mehr angewandt.",
    )

    class Meta:
        verbose_name = "Frist des Kreises beim Land"
        verbose_name_plural = "Fristen der Kreise beim Land"

    def __str__(self) -> str:
        return f"Frist beim Land für {self.district}"

    def former_value_rows(self) -> list[dict]:
        """The numbers the District had entered itself before issue 17, labelled in German."""
        rows = []
        # In the order of the form, not of the stored JSON (PostgreSQL's jsonb sorts its keys).
        order = [*REQUIREMENT_FIELDS, "guideline"]
        for name, value in sorted(
            self.former_values.items(),
            key=lambda item: order.index(item[0]) if item[0] in order else len(order),
        ):
            if name == "guideline":
                rows.append({"label": "Förderrichtlinie", "value": value})
                continue
            label = str(RequirementSet._meta.get_field(name).verbose_name)
            rows.append({"label": label, "value": value.replace(".", ",")})
        return rows

    @property
    def current_set(self) -> RequirementSet | None:
        return RequirementSet.for_district_on(self.district, timezone.localdate())

    def _current(self, name: str):
        requirement_set = self.current_set
        return getattr(requirement_set, name) if requirement_set else None

    teacher_fte_required = property(lambda self: self._current("teacher_fte_required"))
    max_fte_education = property(lambda self: self._current("max_fte_education"))
    max_fte_administration = property(lambda self: self._current("max_fte_administration"))
    max_fte_assistance = property(lambda self: self._current("max_fte_assistance"))
    review_interval_years = property(lambda self: self._current("review_interval_years"))
    work_period_years = property(lambda self: self._current("work_period_years"))
    max_municipal_fte = property(lambda self: self._current("max_municipal_fte"))


class StaffPost(TimeStampedModel):
    """One post of the KI's staffing plan (Eckpunktepapier, seed 002)."""

    class Profession(models.TextChoices):
        TEACHER = "lehrkraft", "Lehrkraft"
        EDUCATION = "paedagogik", "Außerschulische pädagogische Fachkraft"
        ADMINISTRATION = "verwaltung", "Verwaltungsfachkraft"
        ASSISTANCE = "assistenz", "Assistenzkraft"

    # Employer and funding source are different facts (DOMAIN.md, issue 14): a teacher is
    # employed by the Land and seconded (Eckpunktepapier: "vom MSW abgeordnet"); a Kreis may
    # employ more than the Land funds, at its own cost or from another programme.
    class Employer(models.TextChoices):
        LAND = "land", "Land NRW (abgeordnete Lehrkraft)"
        KREIS = "kreis", "Kreis / kreisfreie Stadt"
        OTHER = "andere", "anderer Arbeitgeber"

    class Funding(models.TextChoices):
        LAND = "land", "vom Land gefördert"
        OWN = "eigen", "Eigenmittel"
        PROGRAMME = "programm", "anderes Förderprogramm"

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="staff_posts", verbose_name="Kreis"
    )
    title = models.CharField("Bezeichnung", max_length=120)
    holder = models.CharField("Stelleninhaber/in", max_length=120, blank=True)
    profession = models.CharField("Profession", max_length=12, choices=Profession.choices)
    fte = models.DecimalField(
        "Stellenanteil (VZÄ)",
        max_digits=3,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.05"))],
    )
    employer = models.CharField("Arbeitgeber", max_length=6, choices=Employer.choices)
    employer_name = models.CharField(
        "Arbeitgeber (Name)",
        max_length=120,
        blank=True,
        help_text="freiwillig, z. B. bei einem anderen Arbeitgeber",
    )
    # Only Land-funded posts count against the Land's caps (Eckpunktepapier: "bis zu 3,5 vom
    # Land geförderten Stellen"; the teachers are "vom Land frei gestellt").
    funding = models.CharField(
        "Finanzierung",
        max_length=8,
        choices=Funding.choices,
        help_text="Nur vom Land geförderte Stellen zählen für die Vorgaben des Landes.",
    )
    is_head = models.BooleanField("Leitung", default=False)
    is_deputy = models.BooleanField("Stellvertretung", default=False)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Stelle"
        verbose_name_plural = "Stellenplan"
        ordering = ["-is_head", "-is_deputy", "profession", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fte__gt=0) & models.Q(fte__lte=1),
                name="staffpost_fte_between_0_and_1",
                violation_error_message="Eine Stelle umfasst mehr als 0 und höchstens 1,0 VZÄ.",
            ),
            models.CheckConstraint(
                condition=~(models.Q(is_head=True) & models.Q(is_deputy=True)),
                name="staffpost_not_head_and_deputy",
                violation_error_message="Leitung und Stellvertretung sind zwei verschiedene Stellen.",
            ),
            models.UniqueConstraint(
                fields=["district"],
                condition=models.Q(is_head=True),
                name="staffpost_one_head_per_district",
                violation_error_message="Es gibt bereits eine Leitungsstelle.",
            ),
            models.UniqueConstraint(
                fields=["district"],
                condition=models.Q(is_deputy=True),
                name="staffpost_one_deputy_per_district",
                violation_error_message="Es gibt bereits eine Stellvertretung.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_profession_display()}, {self.fte} VZÄ)"

    @property
    def is_land_funded(self) -> bool:
        """Whether the post counts against the Land's caps (Eckpunktepapier, seed 002)."""
        return self.funding == self.Funding.LAND
