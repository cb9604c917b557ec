"""Council papers (OParl: Paper) and their path through the bodies (OParl: Consultation).

Layouts follow the seeds: Mettmann's Beschlussvorlage 50/020/2015 (seed 001) and Coesfeld's
Begründung I.–V. (seed 004).
"""

from django.db import models

from districts.models import District
from kreisintegration.models import TimeStampedModel, district_queryset


class Impact(models.TextChoices):
    YES = "ja", "ja"
    NO = "nein", "nein"
    UNCLEAR = "offen", "noch nicht zu übersehen"


class DecisionPaper(TimeStampedModel):
    class PaperType(models.TextChoices):
        DECISION = "beschlussvorlage", "Beschlussvorlage"
        NOTICE = "mitteilungsvorlage", "Mitteilungsvorlage"
        INFORMATION = "informationsvorlage", "Informationsvorlage"
        REPORT = "bericht", "Bericht"

    class DecisionKind(models.TextChoices):
        RESOLUTION = "beschluss", "Beschluss"
        ELECTION = "wahl", "Wahl"
        ACKNOWLEDGEMENT = "kenntnisnahme", "Kenntnisnahme"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="decision_papers",
        verbose_name="Kreis",
    )
    paper_type = models.CharField(
        "Vorlagenart", max_length=20, choices=PaperType.choices, default=PaperType.DECISION
    )
    decision_kind = models.CharField(
        "Art der Entscheidung",
        max_length=14,
        choices=DecisionKind.choices,
        default=DecisionKind.RESOLUTION,
    )
    reference = models.CharField("Vorlagen-Nr.", max_length=40)
    is_public = models.BooleanField("öffentlich", default=True)
    department = models.CharField("Fachbereich / Amt", max_length=160, blank=True)
    author_name = models.CharField("Bearbeiter/in", max_length=160, blank=True)
    date = models.DateField("Datum")
    file_number = models.CharField("Aktenzeichen", max_length=80, blank=True)
    subject = models.CharField("Betreff", max_length=300)
    financial_impact = models.CharField(
        "Finanzielle Auswirkung", max_length=5, choices=Impact.choices, default=Impact.NO
    )
    financial_note = models.TextField("Erläuterung finanzielle Auswirkung", blank=True)
    personnel_impact = models.CharField(
        "Personelle Auswirkung", max_length=5, choices=Impact.choices, default=Impact.NO
    )
    personnel_note = models.TextField("Erläuterung personelle Auswirkung", blank=True)
    organisational_impact = models.CharField(
        "Organisatorische Auswirkung", max_length=5, choices=Impact.choices, default=Impact.NO
    )
    organisational_note = models.TextField("Erläuterung organisatorische Auswirkung", blank=True)
    proposal = models.TextField("Beschlussvorschlag", blank=True)
    layout = models.CharField(
        "Gliederung der Begründung",
        max_length=10,
        choices=District.PaperLayout.choices,
        default=District.PaperLayout.ANLASS,
    )
    # Layout "anlass" (Mettmann, seed 001)
    occasion = models.TextField("Anlass der Vorlage", blank=True)
    facts = models.TextField("Sachverhaltsdarstellung", blank=True)
    outlook = models.TextField("Ausblick", blank=True)
    # Layout "problem" (Coesfeld, seed 004)
    problem = models.TextField("I. Problem", blank=True)
    solution = models.TextField("II. Lösung", blank=True)
    alternatives = models.TextField("III. Alternativen", blank=True)
    implications = models.TextField("IV. Auswirkungen / Zusammenhänge", blank=True)
    competence = models.TextField("V. Zuständigkeit für die Entscheidung", blank=True)
    concept_version = models.ForeignKey(
        "concepts.ConceptVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decision_papers",
        verbose_name="betrifft Konzeptfassung",
    )
    released_at = models.DateTimeField("freigegeben am", null=True, blank=True)
    released_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="freigegeben von",
    )

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Vorlage"
        verbose_name_plural = "Vorlagen"
        ordering = ["-date", "-reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "reference"],
                name="decisionpaper_reference_unique_per_district",
                violation_error_message="Diese Vorlagen-Nr. ist in diesem Kreis schon vergeben.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def is_released(self) -> bool:
        return self.released_at is not None


class Attachment(TimeStampedModel):
    """An Anlage of a paper (OParl: File)."""

    paper = models.ForeignKey(
        DecisionPaper, on_delete=models.CASCADE, related_name="attachments", verbose_name="Vorlage"
    )
    title = models.CharField("Titel", max_length=200)
    file = models.FileField("Datei", upload_to="anlagen/%Y/", blank=True)
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = district_queryset("paper__district").as_manager()

    class Meta:
        verbose_name = "Anlage"
        verbose_name_plural = "Anlagen"
        ordering = ["paper", "order"]

    def __str__(self) -> str:
        return self.title


class Consultation(TimeStampedModel):
    """One step of the Beratungsfolge: the paper at a meeting of a committee."""

    class Role(models.TextChoices):
        PRELIMINARY = "vorberatung", "Vorberatung"
        DECISION = "entscheidung", "Entscheidung"
        NOTICE = "kenntnisnahme", "Kenntnisnahme"

    class Result(models.TextChoices):
        PENDING = "", "noch nicht beraten"
        UNANIMOUS = "einstimmig", "einstimmig beschlossen"
        MAJORITY = "mehrheitlich", "mehrheitlich beschlossen"
        AMENDED = "geaendert", "mit Änderungen beschlossen"
        POSTPONED = "vertagt", "vertagt"
        REJECTED = "abgelehnt", "abgelehnt"
        NOTED = "zur_kenntnis", "zur Kenntnis genommen"
        RECOMMENDED = "empfohlen", "empfohlen"

    paper = models.ForeignKey(
        DecisionPaper,
        on_delete=models.CASCADE,
        related_name="consultations",
        verbose_name="Vorlage",
    )
    meeting = models.ForeignKey(
        "actors.Meeting",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name="Sitzung",
    )
    order = models.PositiveSmallIntegerField("Reihenfolge")
    role = models.CharField("Art der Beratung", max_length=14, choices=Role.choices)
    authoritative = models.BooleanField("entscheidet", default=False)
    result = models.CharField(
        "Ergebnis", max_length=14, choices=Result.choices, blank=True, default=""
    )
    votes_yes = models.PositiveSmallIntegerField("Ja", null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField("Nein", null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField("Enthaltungen", null=True, blank=True)

    objects = district_queryset("paper__district").as_manager()

    class Meta:
        verbose_name = "Beratung"
        verbose_name_plural = "Beratungsfolge"
        ordering = ["paper", "order"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "order"], name="consultation_order_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} – {self.get_role_display()}"
