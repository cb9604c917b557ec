"""Kommunales Integrationsmanagement (KIM, TIntG § 9; issue 19): the posts of a District's
three Bausteine, the decisions that changed their number, and the Land's funding per post and
year.

Richtlinie "Kommunales Integrationsmanagement NRW", Runderlass of 12.12.2024, MBl. NRW. 2024
Nr. 43 (DOMAIN.md, KIM): KIM funds bodies with a KI in three Bausteine – (1) strategic
management (Koordination) in the Kommunen, (2) Case Management vor Ort, (3) Verstetigung in the
local Ausländer- and Einbürgerungsbehörden. A KIM system never stores individual cases.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel, district_queryset

# Validator messages with the German decimal comma (Django's would print "0.05").
AT_LEAST_A_TWENTIETH = "Bitte mindestens 0,05 VZÄ eintragen."
NOT_NEGATIVE = "Bitte keine negative Zahl eintragen."


class Baustein(models.IntegerChoices):
    COORDINATION = 1, "Baustein 1: Strategisches Management (Koordination)"
    CASE_MANAGEMENT = 2, "Baustein 2: Case Management"
    AUTHORITIES = 3, "Baustein 3: Ausländer- und Einbürgerungsbehörden"


class PostKind(models.TextChoices):
    """What a post does, each in one Baustein (Bezirksregierung Arnsberg, KIM page: Baustein 1
    funds coordination and Verwaltungsassistenz posts, Baustein 2 Case-Management posts,
    Baustein 3 posts in the Ausländer- and Einbürgerungsbehörden)."""

    COORDINATION = "koordination", "Koordination"
    ASSISTANCE = "assistenz", "Verwaltungsassistenz"
    CASE_MANAGEMENT = "case_management", "Case Management"
    AUTHORITY = "behoerde", "Ausländer-/Einbürgerungsbehörde"


BAUSTEIN_OF = {
    PostKind.COORDINATION: Baustein.COORDINATION,
    PostKind.ASSISTANCE: Baustein.COORDINATION,
    PostKind.CASE_MANAGEMENT: Baustein.CASE_MANAGEMENT,
    PostKind.AUTHORITY: Baustein.AUTHORITIES,
}


class FundingRateQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> "FundingRateQuerySet":
        return self.filter(valid_from__lte=day).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )


class FundingRate(TimeStampedModel):
    """The Land's funding of one kind of KIM post per full-time post (VZÄ) and year, for a
    time, with its source – owned by the Land like the KI requirement sets. Where no source
    gives an amount, there is no row: the KIM page says "nicht hinterlegt" rather than guess."""

    kind = models.CharField("Art der Stelle", max_length=16, choices=PostKind.choices)
    amount = models.DecimalField(
        "Förderung je VZÄ und Jahr (€)",
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"), message=NOT_NEGATIVE)],
        help_text="Höchstbetrag je Vollzeitstelle und Jahr",
    )
    valid_from = models.DateField("gilt ab")
    valid_until = models.DateField("gilt bis", null=True, blank=True)
    source = models.TextField("Quelle", help_text="Dokument, Datum und Wortlaut")

    objects = FundingRateQuerySet.as_manager()
    history = HistoricalRecords(verbose_name="Verlauf der KIM-Fördersätze")

    class Meta:
        verbose_name = "KIM-Fördersatz des Landes"
        verbose_name_plural = "KIM-Fördersätze des Landes"
        ordering = ["kind", "-valid_from"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ab {self.valid_from:%d.%m.%Y}"

    def clean(self) -> None:
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": "„gilt bis“ darf nicht vor „gilt ab“ liegen."})
        if not (self.valid_from and self.kind):
            return
        overlapping = FundingRate.objects.filter(kind=self.kind).exclude(pk=self.pk)
        overlapping = overlapping.filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=self.valid_from)
        )
        if self.valid_until:
            overlapping = overlapping.filter(valid_from__lte=self.valid_until)
        if overlapping.exists():
            raise ValidationError(
                {"valid_from": "Für diese Art von Stelle gilt in diesem Zeitraum schon ein Satz."}
            )


class Post(TimeStampedModel):
    """One KIM post (or a group of equal posts, e.g. "3,5 VZÄ Koordination") of a District:
    its Baustein by its kind, its FTE, whether it is filled and since when, its employer, the
    municipality it works in, and whether the Land funds it."""

    class Employer(models.TextChoices):
        KREIS = "kreis", "Kreis / kreisfreie Stadt"
        MUNICIPALITY = "kommune", "kreisangehörige Kommune"
        WELFARE = "wohlfahrt", "Träger der freien Wohlfahrtspflege"

    class State(models.TextChoices):
        FILLED = "besetzt", "besetzt"
        VACANT = "unbesetzt", "unbesetzt"

    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="kim_posts"
    )
    kind = models.CharField("Art der Stelle", max_length=16, choices=PostKind.choices)
    title = models.CharField("Bezeichnung", max_length=160, blank=True)
    fte = models.DecimalField(
        "Stellen (VZÄ)",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.05"), message=AT_LEAST_A_TWENTIETH)],
        help_text="Eine Stelle oder mehrere gleiche zusammen, z. B. 3,5",
    )
    state = models.CharField("besetzt?", max_length=10, choices=State.choices)
    since = models.DateField(
        "seit", null=True, blank=True, help_text="seit wann besetzt bzw. unbesetzt"
    )
    employer = models.CharField("Arbeitgeber", max_length=10, choices=Employer.choices)
    employer_name = models.CharField(
        "Arbeitgeber (Name)",
        max_length=160,
        blank=True,
        help_text="bei einem Träger: sein Name, z. B. Caritasverband",
    )
    municipality = models.ForeignKey(
        "districts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kim_posts",
        verbose_name="Kommune, in der die Stelle arbeitet",
        help_text="leer: kreisweit",
    )
    funded = models.BooleanField("vom Land gefördert", default=True)
    annual_cost = models.DecimalField(
        "Kosten je Jahr (€)",
        max_digits=11,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), message=NOT_NEGATIVE)],
        help_text="Personal- und Sachkosten aller VZÄ dieser Zeile; daraus folgt der Eigenanteil",
    )

    objects = district_queryset("district").as_manager()
    history = HistoricalRecords(verbose_name="Verlauf der KIM-Stelle")

    class Meta:
        verbose_name = "KIM-Stelle"
        verbose_name_plural = "KIM-Stellen"
        ordering = ["kind", "pk"]  # no join: the stale-edit check locks the row (FOR UPDATE)

    def __str__(self) -> str:
        return self.title or self.get_kind_display()

    @property
    def baustein(self) -> int:
        return BAUSTEIN_OF[self.kind]

    def clean(self) -> None:
        super().clean()
        if self.since and self.since > timezone.localdate():
            raise ValidationError({"since": "Das Datum liegt in der Zukunft."})
        if (
            self.municipality_id
            and self.district_id
            and self.municipality.district_id != self.district_id
        ):
            raise ValidationError({"municipality": "Die Kommune gehört nicht zu diesem Kreis."})


class PostChange(TimeStampedModel):
    """A decision that changed a Baustein's number of posts (e.g. "12 statt 6
    Case-Management-Stellen ab …, Kreistag …", Kreis Coesfeld SV-10-0391 per SV-10-0898)."""

    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="kim_post_changes"
    )
    kind = models.CharField("Art der Stelle", max_length=16, choices=PostKind.choices)
    fte_before = models.DecimalField(
        "Stellen vorher (VZÄ)",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"), message=NOT_NEGATIVE)],
    )
    fte_after = models.DecimalField(
        "Stellen nachher (VZÄ)",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"), message=NOT_NEGATIVE)],
    )
    effective_on = models.DateField(
        "gilt ab", null=True, blank=True, help_text="leer, wenn das Datum nicht bekannt ist"
    )
    decision = models.CharField(
        "Beschluss", max_length=200, help_text="Gremium und Vorlage, z. B. Kreistag, SV-10-0391"
    )
    decided_on = models.DateField("beschlossen am", null=True, blank=True)
    note = models.TextField("Anmerkung", blank=True)

    objects = district_queryset("district").as_manager()
    history = HistoricalRecords(verbose_name="Verlauf der Stellenbeschlüsse")

    class Meta:
        verbose_name = "KIM-Stellenbeschluss"
        verbose_name_plural = "KIM-Stellenbeschlüsse"
        ordering = ["-effective_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.fte_before} → {self.fte_after}"

    @property
    def baustein(self) -> int:
        return BAUSTEIN_OF[self.kind]

    def clean(self) -> None:
        super().clean()
        if self.fte_before is not None and self.fte_before == self.fte_after:
            raise ValidationError({"fte_after": "Vorher und nachher sind gleich: keine Änderung."})
        if self.decided_on and self.decided_on > timezone.localdate():
            raise ValidationError({"decided_on": "Ein Beschluss liegt nicht in der Zukunft."})


# --- case figures: aggregated and anonymous only -----------------------------------------------

# The main topics of case management, from issue 19 (what a KIM-CM team counts its cases by);
# each District starts with them and may add its own.
DEFAULT_TOPICS = (
    "Aufenthalt",
    "Sprache",
    "Arbeit",
    "Wohnen",
    "Schule/Kita",
    "Gesundheit",
    "Leistungen",
)


class CaseTopic(TimeStampedModel):
    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="kim_case_topics"
    )
    name = models.CharField("Thema", max_length=80)
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Thema der Fallzahlen"
        verbose_name_plural = "Themen der Fallzahlen"
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="kim_topic_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_district(cls, district) -> list["CaseTopic"]:
        """The District's topics; the default list the first time."""
        topics = list(cls.objects.for_district(district))
        if not topics:
            for order, name in enumerate(DEFAULT_TOPICS, start=1):
                cls.objects.get_or_create(district=district, name=name, defaults={"order": order})
            topics = list(cls.objects.for_district(district))
        return topics


class CaseFigures(TimeStampedModel):
    """The case figures of one municipality in one quarter: how many cases the case
    management opened, had active and closed, and how many by main topic. Numbers only – no
    model of this app has a field for a person or a case (DOMAIN.md: "A KIM system never stores
    individual cases")."""

    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="kim_case_figures"
    )
    municipality = models.ForeignKey(
        "districts.Municipality", on_delete=models.PROTECT, related_name="kim_case_figures"
    )
    year = models.PositiveSmallIntegerField("Jahr")
    quarter = models.PositiveSmallIntegerField("Quartal")
    opened = models.PositiveIntegerField("neu aufgenommen")
    active = models.PositiveIntegerField("aktiv betreut")
    closed = models.PositiveIntegerField("abgeschlossen")

    objects = district_queryset("district").as_manager()
    history = HistoricalRecords(verbose_name="Verlauf der Fallzahlen")

    class Meta:
        verbose_name = "Fallzahlen eines Quartals"
        verbose_name_plural = "Fallzahlen"
        ordering = ["year", "quarter", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "quarter"], name="kim_figures_one_per_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1) & models.Q(quarter__lte=4),
                name="kim_figures_quarter_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}, {self.quarter}. Quartal {self.year}"


class TopicCount(models.Model):
    figures = models.ForeignKey(CaseFigures, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(CaseTopic, on_delete=models.PROTECT, related_name="counts")
    count = models.PositiveIntegerField("Fälle")

    objects = district_queryset("figures__district").as_manager()

    class Meta:
        verbose_name = "Fälle je Thema"
        verbose_name_plural = "Fälle je Thema"
        constraints = [
            models.UniqueConstraint(fields=["figures", "topic"], name="kim_topic_count_unique")
        ]

    def __str__(self) -> str:
        return f"{self.topic}: {self.count}"
