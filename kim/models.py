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
    # Issue 19: the demo's case figures are illustrative "and marked as such"; only the demo
    # loader sets this, and every page and output that shows such figures says so.
    is_example = models.BooleanField("Beispieldaten (Demo)", default=False)

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


# --- Lenkungsgruppe and Strukturbedarfe ---------------------------------------------------------


class Rechtskreis(models.TextChoices):
    """The legal spheres whose offices sit in a KIM Lenkungsgruppe (MKFFI, kim.nrw; DOMAIN.md
    "KIM"; issue 19's list)."""

    FOREIGNERS = "auslaenderbehoerde", "Ausländerbehörde"
    NATURALISATION = "einbuergerungsbehoerde", "Einbürgerungsbehörde"
    JOBCENTER = "jobcenter", "Jobcenter (SGB II)"
    EMPLOYMENT_AGENCY = "agentur", "Agentur für Arbeit (SGB III)"
    YOUTH = "jugendamt", "Jugendamt (SGB VIII)"
    SCHOOL = "schulamt", "Schulamt"
    SOCIAL = "sozialamt", "Sozialamt (SGB XII, AsylbLG)"
    KI = "ki", "Kommunales Integrationszentrum"
    WELFARE = "wohlfahrt", "Freie Wohlfahrtspflege"
    OTHER = "weitere", "weitere"


KIM_COMMITTEE_KINDS = ("lenkungsgruppe", "projektgruppe")  # actors.Committee.Kind


class Seat(TimeStampedModel):
    """A member of a KIM Lenkungsgruppe or Projektgruppe: an actor from the registry, for its
    Rechtskreis (an institution, never a person's name)."""

    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="kim_seats"
    )
    committee = models.ForeignKey(
        "actors.Committee",
        on_delete=models.CASCADE,
        related_name="kim_seats",
        verbose_name="Gruppe",
    )
    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.CASCADE,
        related_name="kim_seats",
        verbose_name="Akteur",
    )
    rechtskreis = models.CharField("Rechtskreis", max_length=24, choices=Rechtskreis.choices)

    objects = district_queryset("district").as_manager()
    # The concept's KIM chapter shows the Lenkungsgruppe as it stood when a version was adopted.
    history = HistoricalRecords(verbose_name="Verlauf der Mitglieder")

    class Meta:
        verbose_name = "Mitglied einer KIM-Gruppe"
        verbose_name_plural = "Mitglieder der KIM-Gruppen"
        ordering = ["committee_id", "rechtskreis", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "actor"],
                name="kim_seat_once_per_group",
                violation_error_message="Dieser Akteur ist schon Mitglied der Gruppe.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_rechtskreis_display()})"

    def clean(self) -> None:
        super().clean()
        if self.committee_id and self.committee.kind not in KIM_COMMITTEE_KINDS:
            raise ValidationError(
                {"committee": "Nur eine KIM-Lenkungsgruppe oder KIM-Projektgruppe hat Mitglieder."}
            )


class Finding(TimeStampedModel):
    """A Strukturbedarf: what the case management finds about a gap between the Rechtskreise,
    worked into a solution by a Projektgruppe and decided by the Lenkungsgruppe at a meeting
    ("Verknüpfung zwischen Einzelfall- und Strukturebene", MKFFI; DOMAIN.md "KIM"). It names
    the team that reported it, never a person or a case."""

    class State(models.TextChoices):
        REPORTED = "gemeldet", "gemeldet"
        IN_GROUP = "in_arbeit", "in der Projektgruppe"
        PROPOSED = "vorgeschlagen", "Lösung vorgeschlagen"
        DECIDED = "beschlossen", "beschlossen"
        IMPLEMENTED = "umgesetzt", "umgesetzt"
        REJECTED = "abgelehnt", "nicht weiterverfolgt"

    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="kim_findings"
    )
    title = models.CharField("Titel", max_length=200)
    description = models.TextField(
        "Beschreibung",
        help_text="Die Lücke zwischen den Rechtskreisen, ohne Namen und ohne Einzelfall.",
    )
    rechtskreise = models.JSONField("beteiligte Rechtskreise", default=list)
    municipality = models.ForeignKey(
        "districts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kim_findings",
        verbose_name="Kommune",
        help_text="leer: kreisweit",
    )
    reported_by = models.CharField(
        "gemeldet von (Team)", max_length=120, help_text="z. B. „Case Management Dülmen“"
    )
    reported_on = models.DateField("gemeldet am")
    state = models.CharField("Stand", max_length=14, choices=State.choices, default=State.REPORTED)
    project_group = models.ForeignKey(
        "actors.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kim_findings",
        verbose_name="Projektgruppe",
    )
    proposal = models.TextField("Lösungsvorschlag", blank=True)
    meeting = models.ForeignKey(
        "actors.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kim_decisions",
        verbose_name="Sitzung der Lenkungsgruppe",
    )
    decision = models.TextField("Beschluss der Lenkungsgruppe", blank=True)
    implemented_on = models.DateField("umgesetzt am", null=True, blank=True)
    is_example = models.BooleanField("Beispiel (Demo)", default=False)  # as CaseFigures

    objects = district_queryset("district").as_manager()
    history = HistoricalRecords(verbose_name="Verlauf des Strukturbedarfs")

    class Meta:
        verbose_name = "Strukturbedarf"
        verbose_name_plural = "Strukturbedarfe"
        ordering = ["-reported_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_decided(self) -> bool:
        return self.state in DECIDED_STATES

    def rechtskreis_labels(self) -> list[str]:
        labels = dict(Rechtskreis.choices)
        return [labels.get(value, value) for value in self.rechtskreise]

    def clean(self) -> None:
        """The path of a finding, each step after the one before (issue 19): a Projektgruppe
        works it, proposes a solution, the Lenkungsgruppe decides at a meeting that has taken
        place, and only a decided solution is implemented, on a day after that meeting."""
        super().clean()
        errors = {}
        today = timezone.localdate()
        steps = list(self.State.values)
        reached = steps.index(self.state) if self.state in steps else 0
        rejected = self.state == self.State.REJECTED
        if rejected:
            # The Lenkungsgruppe may drop a finding at any step: a meeting and the decision.
            reached = steps.index(self.State.DECIDED)
        if self.reported_on and self.reported_on > today:
            errors["reported_on"] = "Das Datum liegt in der Zukunft."
        if (
            reached >= steps.index(self.State.IN_GROUP)
            and not rejected
            and not self.project_group_id
        ):
            errors["project_group"] = "Bitte wählen Sie die Projektgruppe, die ihn bearbeitet."
        if self.project_group_id and self.project_group.kind != "projektgruppe":
            errors["project_group"] = "Bitte wählen Sie eine KIM-Projektgruppe."
        if (
            reached >= steps.index(self.State.PROPOSED)
            and not rejected
            and not self.proposal.strip()
        ):
            errors["proposal"] = "Bitte beschreiben Sie die vorgeschlagene Lösung."
        if reached >= steps.index(self.State.DECIDED):
            if not self.decision.strip():
                errors["decision"] = "Bitte tragen Sie den Beschluss der Lenkungsgruppe ein."
            if not self.meeting_id:
                errors["meeting"] = "Bitte wählen Sie die Sitzung, in der beschlossen wurde."
        if self.meeting_id:
            meeting = self.meeting
            day = timezone.localdate(meeting.start)
            if meeting.committee.kind != "lenkungsgruppe":
                errors["meeting"] = "Beschließen kann nur die KIM-Lenkungsgruppe."
            elif meeting.cancelled:
                errors["meeting"] = "Diese Sitzung wurde abgesagt."
            elif meeting.start > timezone.now():
                errors["meeting"] = "Diese Sitzung hat noch nicht stattgefunden."
            elif self.reported_on and day < self.reported_on:
                errors["meeting"] = "Die Sitzung liegt vor der Meldung."
            if self.implemented_on and "meeting" not in errors and self.implemented_on < day:
                errors["implemented_on"] = "Umgesetzt wird erst nach dem Beschluss."
        if self.state == self.State.IMPLEMENTED and not self.implemented_on:
            errors["implemented_on"] = "Bitte tragen Sie ein, seit wann er umgesetzt ist."
        if self.implemented_on and self.state != self.State.IMPLEMENTED:
            errors["implemented_on"] = "Ein Datum der Umsetzung gibt es nur im Stand „umgesetzt“."
        if self.implemented_on and self.implemented_on > today:
            errors["implemented_on"] = "Das Datum liegt in der Zukunft."
        if errors:
            raise ValidationError(errors)


DECIDED_STATES = (Finding.State.DECIDED, Finding.State.IMPLEMENTED, Finding.State.REJECTED)
