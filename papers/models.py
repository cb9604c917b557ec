"""Council papers (OParl: Paper) and their path through the bodies (OParl: Consultation).

Layouts follow the seeds: Mettmann's Beschlussvorlage 50/020/2015 (seed 001) and Coesfeld's
Begründung I.–V. (seed 004).
"""

import re

from django.db import models

from core.models import TimeStampedModel, district_queryset
from districts.models import District


class Impact(models.TextChoices):
    YES = "ja", "ja"
    NO = "nein", "nein"
    UNCLEAR = "offen", "noch nicht zu übersehen"


# Seed 004: "IV. Auswirkungen / Zusammenhänge (Finanzen, Personal, IT, sonstige Ressourcen)".
IMPLICATIONS_HEADING = (
    "IV. Auswirkungen / Zusammenhänge (Finanzen, Personal, IT, sonstige Ressourcen)"
)


class PaperStatus(models.TextChoices):
    DRAFT = "entwurf", "Entwurf"
    IN_DELIBERATION = "in_beratung", "in Beratung"
    POSTPONED = "vertagt", "vertagt"
    DECIDED = "beschlossen", "beschlossen"
    REJECTED = "abgelehnt", "abgelehnt"
    NOTED = "zur_kenntnis", "zur Kenntnis genommen"


class DecisionPaperQuerySet(district_queryset("district")):
    def with_release(self):
        """Annotate ``has_release`` and the latest release's revision (``released_revision``)."""
        latest = PaperRelease.objects.filter(paper=models.OuterRef("pk")).order_by("-revision")
        return self.annotate(
            released_revision=models.Subquery(latest.values("revision")[:1]),
            released_public=models.Subquery(latest.values("is_public")[:1]),
            released_subject=models.Subquery(latest.values("subject")[:1]),
            released_reference=models.Subquery(latest.values("reference")[:1]),
            released_date=models.Subquery(latest.values("paper_date")[:1]),
            released_type=models.Subquery(latest.values("paper_type")[:1]),
        )

    def released(self):
        """Papers with at least one release: what the council portal shows."""
        return self.with_release().filter(released_revision__isnull=False)

    def public_released(self):
        """Released papers whose latest release is öffentlich: what anyone may read."""
        return self.released().filter(released_public=True)

    def with_status(self, status: str):
        """Papers in ``status`` (PaperStatus), decided by the authoritative step's result."""
        releases = PaperRelease.objects.filter(paper=models.OuterRef("pk"))
        if status == PaperStatus.DRAFT:
            return self.exclude(models.Exists(releases))
        released = self.filter(models.Exists(releases))
        deciding = Consultation.objects.filter(paper=models.OuterRef("pk"), authoritative=True)
        settled_by = {
            PaperStatus.DECIDED: Consultation.DECIDED,
            PaperStatus.REJECTED: [Consultation.Result.REJECTED],
            PaperStatus.NOTED: [Consultation.Result.NOTED],
        }
        if status in settled_by:
            return released.filter(models.Exists(deciding.filter(result__in=settled_by[status])))
        settled = deciding.filter(
            result__in=[r for results in settled_by.values() for r in results]
        )
        postponed = Consultation.objects.filter(
            paper=models.OuterRef("pk"), result=Consultation.Result.POSTPONED
        )
        open_papers = released.exclude(models.Exists(settled))
        if status == PaperStatus.POSTPONED:
            return open_papers.filter(models.Exists(postponed))
        return open_papers.exclude(models.Exists(postponed))


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
    # Seed 004 IV. names its parts: "Auswirkungen / Zusammenhänge (Finanzen, Personal, IT,
    # sonstige Ressourcen)"; ``implications`` is the general text before them.
    implications = models.TextField("IV. Auswirkungen / Zusammenhänge – allgemein", blank=True)
    implications_finance = models.TextField("IV. Finanzen", blank=True)
    implications_personnel = models.TextField("IV. Personal", blank=True)
    implications_it = models.TextField("IV. IT", blank=True)
    implications_other = models.TextField("IV. sonstige Ressourcen", blank=True)
    competence = models.TextField("V. Zuständigkeit für die Entscheidung", blank=True)
    # Seed 004 IV. refers to "SV -9-0677" for the costs; seed 001 to "Vorlage 50/034/2007".
    related_papers = models.CharField(
        "Bezug auf andere Vorlagen",
        max_length=300,
        blank=True,
        help_text="Vorlagen-Nr., mehrere durch Komma getrennt, z. B. SV-9-0677.",
    )
    concept_version = models.ForeignKey(
        "concepts.ConceptVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decision_papers",
        verbose_name="betrifft Konzeptfassung",
    )
    # Release (seed 001: the paper goes to the bodies as signed off). ``released_at`` is set
    # while the working copy equals the latest PaperRelease; a new revision clears it.
    revision = models.PositiveSmallIntegerField("Revision", default=1)
    released_at = models.DateTimeField("freigegeben am", null=True, blank=True)
    released_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="freigegeben von",
    )

    objects = DecisionPaperQuerySet.as_manager()

    class Meta:
        db_table = "reporting_decisionpaper"  # the app was called reporting until issue 12
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
        """The working copy is signed off and frozen."""
        return self.released_at is not None

    def begruendung(self) -> list[tuple[str, str]]:
        """The Begründung as (heading, text) in the paper's layout, every heading present."""
        if self.layout == District.PaperLayout.PROBLEM:
            return [
                ("I. Problem", self.problem),
                ("II. Lösung", self.solution),
                ("III. Alternativen", self.alternatives),
                (IMPLICATIONS_HEADING, self.implications),
                ("V. Zuständigkeit für die Entscheidung", self.competence),
            ]
        return [
            ("Anlass der Vorlage", self.occasion),
            ("Sachverhaltsdarstellung", self.facts),
            ("Ausblick", self.outlook),
        ]

    def implication_parts(self) -> list[tuple[str, str]]:
        """IV. of seed 004 as structured parts: (label, text) for Finanzen, Personal, IT and
        sonstige Ressourcen, every label present."""
        return [
            ("Finanzen", self.implications_finance),
            ("Personal", self.implications_personnel),
            ("IT", self.implications_it),
            ("sonstige Ressourcen", self.implications_other),
        ]

    def related_references(self) -> list[str]:
        """The Vorlagen-Nr. named in ``related_papers``, in their order, without blanks."""
        return [ref.strip() for ref in self.related_papers.split(",") if ref.strip()]

    def open_release_request(self) -> "ReleaseRequest | None":
        """The latest click on "freigeben" for this revision that has not released it
        (waiting for the worker, or failed); none once the paper is released."""
        if self.is_released:
            return None
        return (
            self.release_requests.filter(revision=self.revision)
            .exclude(status=ReleaseRequest.Status.DONE)
            .first()
        )

    def impacts(self) -> list[tuple[str, str, str]]:
        """(label, chosen value, explanation) for the three impact lines of seed 001."""
        return [
            ("Finanzielle Auswirkung", self.financial_impact, self.financial_note),
            ("Personelle Auswirkung", self.personnel_impact, self.personnel_note),
            ("Organisatorische Auswirkung", self.organisational_impact, self.organisational_note),
        ]


class PaperRelease(models.Model):
    """A signed-off revision of a paper: who released it, when, and its PDF byte for byte.

    The PDF is stored in the database with the record, so the document the Kreistag received
    survives every later change of the data and is backed up together with it.
    """

    paper = models.ForeignKey(
        DecisionPaper, on_delete=models.CASCADE, related_name="releases", verbose_name="Vorlage"
    )
    revision = models.PositiveSmallIntegerField("Revision")
    released_at = models.DateTimeField("freigegeben am")
    released_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="freigegeben von",
    )
    # What the portal and OParl show of this revision, frozen with it.
    reference = models.CharField("Vorlagen-Nr.", max_length=40)
    subject = models.CharField("Betreff", max_length=300)
    is_public = models.BooleanField("öffentlich")
    paper_date = models.DateField("Datum der Vorlage", null=True)
    paper_type = models.CharField(
        "Art der Vorlage", max_length=30, choices=DecisionPaper.PaperType.choices, blank=True
    )
    pdf = models.BinaryField("PDF")
    sha256 = models.CharField("SHA-256 des PDF", max_length=64)
    # OParl 1.1 File.sha512Checksum, so that clients can check the bytes they fetched.
    sha512 = models.CharField("SHA-512 des PDF", max_length=128, blank=True)
    size = models.PositiveIntegerField("Größe in Bytes")

    objects = district_queryset("paper__district").as_manager()

    class Meta:
        db_table = "reporting_paperrelease"  # the app was called reporting until issue 12
        verbose_name = "Freigabe"
        verbose_name_plural = "Freigaben"
        ordering = ["paper", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "revision"], name="release_revision_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} Revision {self.revision}"


class ReleaseRequest(models.Model):
    """A click on "freigeben" and what became of it (issue 12: release is one action).

    Mostly the paper is released at once. When an Anlage is a concept version whose PDF is not
    yet set, the release is queued (django-tasks): the worker sets the concept and completes
    the release, as long as the paper still shows what the KI-Leitung released
    (``fingerprint``). The paper page shows the request while it waits, and why it failed.
    """

    class Status(models.TextChoices):
        QUEUED = "wartet", "wartet"
        RUNNING = "laeuft", "läuft"
        DONE = "fertig", "fertig"
        FAILED = "fehler", "fehlgeschlagen"

    paper = models.ForeignKey(
        DecisionPaper,
        on_delete=models.CASCADE,
        related_name="release_requests",
        verbose_name="Vorlage",
    )
    revision = models.PositiveSmallIntegerField("Revision")
    requested_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="angefordert von",
    )
    requested_at = models.DateTimeField("angefordert am")
    # The paper's draft HTML hash at the click: the release must show exactly this.
    fingerprint = models.CharField("Stand der Vorlage", max_length=64)
    status = models.CharField(
        "Status", max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    step = models.CharField("Arbeitsschritt", max_length=120, blank=True)
    task_id = models.CharField("Aufgabe", max_length=64, blank=True)
    # Lease of the worker completing it (issue 15, papers/recovery.py): renewed at every step
    # and while the concept Anlage renders; expired means the worker died.
    heartbeat_at = models.DateTimeField("letztes Lebenszeichen", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("Versuche", default=1)
    error = models.TextField("Fehler", blank=True)
    release = models.ForeignKey(
        "PaperRelease",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Freigabe",
    )

    objects = district_queryset("paper__district").as_manager()

    class Meta:
        verbose_name = "Freigabeauftrag"
        verbose_name_plural = "Freigabeaufträge"
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.paper.reference} Revision {self.revision}: {self.get_status_display()}"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class ReleasedAttachment(models.Model):
    """An Anlage as it went out with a release: its own copy of the bytes, never changed.

    Seed 001 sends the paper with "Anlage: Integrationskonzept Kreis Mettmann 2015"; what the
    councillors received must stay what the portal, the public page and OParl offer, even when
    a later revision changes the working copy's Anlagen. An Anlage that is a concept version
    of this system is rendered to PDF at release time, so its bytes are frozen too.
    """

    release = models.ForeignKey(
        PaperRelease, on_delete=models.CASCADE, related_name="attachments", verbose_name="Freigabe"
    )
    title = models.CharField("Titel", max_length=200)
    file = models.FileField("Datei", upload_to="freigaben/%Y/")
    concept_version = models.ForeignKey(
        "concepts.ConceptVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Konzeptfassung",
    )
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)
    sha256 = models.CharField("SHA-256", max_length=64)
    sha512 = models.CharField("SHA-512", max_length=128)
    size = models.PositiveIntegerField("Größe in Bytes")
    created = models.DateTimeField("angelegt", auto_now_add=True)

    objects = district_queryset("release__paper__district").as_manager()

    class Meta:
        db_table = "reporting_releasedattachment"  # the app was called reporting until issue 12
        verbose_name = "freigegebene Anlage"
        verbose_name_plural = "freigegebene Anlagen"
        ordering = ["release", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def list_title(self) -> str:
        """The title for a numbered Anlagen list (see ``Attachment.list_title``)."""
        return strip_list_number(self.title)


class Attachment(TimeStampedModel):
    """An Anlage of a paper's working copy; frozen per release as ``ReleasedAttachment``."""

    paper = models.ForeignKey(
        DecisionPaper, on_delete=models.CASCADE, related_name="attachments", verbose_name="Vorlage"
    )
    title = models.CharField("Titel", max_length=200)
    file = models.FileField("Datei", upload_to="anlagen/%Y/", blank=True)
    concept_version = models.ForeignKey(
        "concepts.ConceptVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Konzeptfassung",
        help_text="Die Anlage ist eine Fassung des Integrationskonzepts aus diesem System.",
    )
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = district_queryset("paper__district").as_manager()

    class Meta:
        db_table = "reporting_attachment"  # the app was called reporting until issue 12
        verbose_name = "Anlage"
        verbose_name_plural = "Anlagen"
        ordering = ["paper", "order"]

    def __str__(self) -> str:
        return self.title

    @property
    def list_title(self) -> str:
        """The title without a number of its own: the Anlagen list numbers them (seed 004
        writes "Anlagen: 1. Integrationskonzept …"; typed as title it printed "1. 1.")."""
        return strip_list_number(self.title)


# "1. Titel", "1) Titel", "Anlage 1: Titel" → "Titel".
LIST_NUMBER = re.compile(r"^\s*(?:Anlage\s*)?\d{1,3}\s*[.):]\s+", re.IGNORECASE)


def strip_list_number(title: str) -> str:
    return LIST_NUMBER.sub("", title, count=1) or title


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
    result_note = models.TextField("Anmerkung zum Ergebnis", blank=True)
    # Issue 14: a step is decided only after the earlier steps of the Beratungsfolge, unless the
    # body decided without them (e.g. urgency, GO NRW § 60 / KrO NRW § 50) and says why.
    without_preliminary = models.BooleanField("ohne Vorberatung", default=False)
    without_preliminary_reason = models.TextField("Grund: ohne Vorberatung", blank=True)
    result_recorded_at = models.DateTimeField("Ergebnis erfasst am", null=True, blank=True)
    result_recorded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Ergebnis erfasst von",
    )

    objects = district_queryset("paper__district").as_manager()

    class Meta:
        db_table = "reporting_consultation"  # the app was called reporting until issue 12
        verbose_name = "Beratung"
        verbose_name_plural = "Beratungsfolge"
        ordering = ["paper", "order"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "order"], name="consultation_order_unique"),
        ]

    # Results that mean the body said yes (OParl: the Consultation's paper is decided).
    DECIDED = (Result.UNANIMOUS, Result.MAJORITY, Result.AMENDED)

    def __str__(self) -> str:
        return f"{self.meeting} – {self.get_role_display()}"

    @property
    def is_settled(self) -> bool:
        """The body has dealt with the paper; a postponement (vertagt) is no result yet."""
        return bool(self.result) and self.result != self.Result.POSTPONED

    @property
    def is_held(self) -> bool:
        return bool(self.result)

    @property
    def votes_text(self) -> str:
        """ "Ja 9, Nein 0, Enthaltungen 0" as council papers write it (DOMAIN.md)."""
        if self.votes_yes is None and self.votes_no is None and self.votes_abstain is None:
            return ""
        return (
            f"Ja {self.votes_yes or 0}, Nein {self.votes_no or 0}, "
            f"Enthaltungen {self.votes_abstain or 0}"
        )


class ConsultationResultChange(models.Model):
    """An earlier state of a step's result, kept when it was corrected or replaced (issue 14).

    Every field of the result as it stood before the change, with who changed it, when and why;
    the paper page lists them, newest first.
    """

    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.CASCADE,
        related_name="result_changes",
        verbose_name="Beratung",
    )
    changed_at = models.DateTimeField("geändert am")
    changed_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="geändert von",
    )
    reason = models.TextField("Grund der Änderung")
    # The state before the change.
    meeting = models.ForeignKey(
        "actors.Meeting", on_delete=models.PROTECT, related_name="+", verbose_name="Sitzung"
    )
    result = models.CharField(
        "Ergebnis", max_length=14, choices=Consultation.Result.choices, blank=True
    )
    votes_yes = models.PositiveSmallIntegerField("Ja", null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField("Nein", null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField("Enthaltungen", null=True, blank=True)
    result_note = models.TextField("Anmerkung zum Ergebnis", blank=True)
    without_preliminary = models.BooleanField("ohne Vorberatung", default=False)
    without_preliminary_reason = models.TextField("Grund: ohne Vorberatung", blank=True)
    result_recorded_at = models.DateTimeField("Ergebnis erfasst am", null=True, blank=True)
    result_recorded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Ergebnis erfasst von",
    )

    objects = district_queryset("consultation__paper__district").as_manager()

    class Meta:
        verbose_name = "frühere Fassung eines Ergebnisses"
        verbose_name_plural = "Verlauf der Ergebnisse"
        ordering = ["consultation", "-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.consultation}: {self.get_result_display()} (bis {self.changed_at:%d.%m.%Y})"

    votes_text = Consultation.votes_text


class SignOffStep(TimeStampedModel):
    """One step of the District's Mitzeichnung: a function and the member who holds it.

    A paper passes the applicable steps in order before the KI-Leitung releases it (issue 14:
    "Fachbereichsleitung, Dezernat, Kämmerei when 'Finanzielle Auswirkung: ja',
    Landrat/Landrätin"). Seed 004 (Coesfeld) closes the paper with an Unterschrift block; the
    sign-offs are what it shows.
    """

    class Condition(models.TextChoices):
        ALWAYS = "immer", "immer"
        FINANCIAL = "finanzen", "nur bei finanzieller Auswirkung „ja“"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="signoff_steps",
        verbose_name="Kreis",
    )
    order = models.PositiveSmallIntegerField("Reihenfolge")
    function = models.CharField(
        "Funktion",
        max_length=120,
        help_text="z. B. Fachbereichsleitung, Dezernat, Kämmerei, Landrat/Landrätin",
    )
    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="signoff_steps",
        verbose_name="zeichnet mit",
    )
    condition = models.CharField(
        "gilt", max_length=10, choices=Condition.choices, default=Condition.ALWAYS
    )

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Mitzeichnungsschritt"
        verbose_name_plural = "Mitzeichnungsschritte"
        ordering = ["district", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.order}. {self.function} ({self.user})"

    def applies_to(self, paper: DecisionPaper) -> bool:
        """Whether ``paper`` must pass this step (the Kämmerei only with financial impact)."""
        if self.condition == self.Condition.FINANCIAL:
            return paper.financial_impact == Impact.YES
        return True


class SignOffRound(models.Model):
    """The KI asked for Mitzeichnung of one revision in one state of its content.

    ``fingerprint`` is the paper as its draft PDF showed it when asked; a change afterwards
    invalidates the round and its sign-offs (the signers signed that content, not another).
    A returned round stays as it was returned; the KI asks again with a new round.
    """

    class Status(models.TextChoices):
        OPEN = "laeuft", "läuft"
        RETURNED = "zurueck", "zurückgegeben"
        CHANGED = "geaendert", "nach Änderung ungültig"

    paper = models.ForeignKey(
        DecisionPaper,
        on_delete=models.CASCADE,
        related_name="signoff_rounds",
        verbose_name="Vorlage",
    )
    revision = models.PositiveSmallIntegerField("Revision")
    fingerprint = models.CharField("Stand der Vorlage", max_length=64)
    status = models.CharField("Status", max_length=10, choices=Status.choices, default=Status.OPEN)
    requested_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="angefordert von",
    )
    requested_at = models.DateTimeField("angefordert am")
    returned_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="zurückgegeben von",
    )
    returned_function = models.CharField("zurückgegeben als", max_length=120, blank=True)
    returned_at = models.DateTimeField("zurückgegeben am", null=True, blank=True)
    return_comment = models.TextField("Begründung der Rückgabe", blank=True)

    objects = district_queryset("paper__district").as_manager()

    class Meta:
        verbose_name = "Mitzeichnungsdurchlauf"
        verbose_name_plural = "Mitzeichnungsdurchläufe"
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.paper.reference} Revision {self.revision}: {self.get_status_display()}"


class SignOff(models.Model):
    """A step's "mitgezeichnet": who, as which function, when, on which content."""

    round = models.ForeignKey(
        SignOffRound,
        on_delete=models.CASCADE,
        related_name="signoffs",
        verbose_name="Durchlauf",
    )
    step = models.ForeignKey(
        SignOffStep,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="Schritt",
    )
    # As signed: the step's function and holder may change later.
    function = models.CharField("Funktion", max_length=120)
    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="mitgezeichnet von",
    )
    signed_at = models.DateTimeField("mitgezeichnet am")
    fingerprint = models.CharField("Stand der Vorlage", max_length=64)

    objects = district_queryset("round__paper__district").as_manager()

    class Meta:
        verbose_name = "Mitzeichnung"
        verbose_name_plural = "Mitzeichnungen"
        ordering = ["round", "signed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.function}: {self.user} ({self.signed_at:%d.%m.%Y})"


class AgendaItem(TimeStampedModel):
    """One item of a meeting's Tagesordnung (OParl: AgendaItem), issue 20.

    A paper placed at the meeting (its Beratung) is on the agenda without a record; a record
    keeps the KI's order and title for it, or is a free item without a paper ("Bericht der
    Verwaltung", "Mitteilungen"). Items point to the paper, not to the Beratung: a draft's
    Beratungsfolge is written anew on every save (``services._save_consultations``).
    Council practice (GO NRW § 48, KrO NRW § 33): the öffentlicher Teil comes first, then the
    nichtöffentlicher Teil; the numbers count within each part (Ö 1, Ö 2 … N 1 …).
    """

    meeting = models.ForeignKey(
        "actors.Meeting",
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name="Sitzung",
    )
    paper = models.ForeignKey(
        DecisionPaper,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name="Vorlage",
    )
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)
    title = models.CharField(
        "Titel",
        max_length=300,
        blank=True,
        help_text="Leer lassen, um den Betreff der Vorlage zu verwenden.",
    )
    is_public = models.BooleanField(
        "öffentlich",
        default=True,
        help_text="Eine nichtöffentliche Vorlage bleibt immer im nichtöffentlichen Teil.",
    )

    objects = district_queryset("meeting__committee__district").as_manager()

    class Meta:
        verbose_name = "Tagesordnungspunkt"
        verbose_name_plural = "Tagesordnungspunkte"
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "paper"],
                name="agendaitem_paper_once_per_meeting",
                violation_error_message="Diese Vorlage steht schon auf der Tagesordnung.",
            ),
        ]

    def __str__(self) -> str:
        return self.title or (self.paper.subject if self.paper_id else "Tagesordnungspunkt")


class MeetingFolder(models.Model):
    """The Sitzungsmappe of a meeting in one variant (issue 20): the full one for readers of
    nichtöffentliche papers, the öffentliche one for everyone else. Its PDF is a
    ``documents.GeneratedDocument``, kept until a released paper or the agenda changes."""

    meeting = models.ForeignKey(
        "actors.Meeting",
        on_delete=models.CASCADE,
        related_name="folders",
        verbose_name="Sitzung",
    )
    is_public = models.BooleanField("nur öffentlicher Teil")

    objects = district_queryset("meeting__committee__district").as_manager()

    class Meta:
        verbose_name = "Sitzungsmappe"
        verbose_name_plural = "Sitzungsmappen"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "is_public"], name="meetingfolder_variant_unique"
            ),
        ]

    def __str__(self) -> str:
        part = "öffentlich" if self.is_public else "vollständig"
        return f"Sitzungsmappe {self.meeting} ({part})"
