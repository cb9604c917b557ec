"""Priority rounds with the municipalities (Rhein-Erft, seed 003).

The Kreis sends an Abstimmungspapier listing every possible goal and measure area; each
municipality chooses its preferences after consulting its own committees; the Kreis aggregates
the answers and proposes the Schwerpunktsetzung.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from core.models import TimeStampedModel, district_queryset


class PriorityRound(TimeStampedModel):
    class VotingRule(models.TextChoices):
        RANKING = "rangfolge", "Rangfolge (bis zu N Optionen)"
        POINTS = "punkte", "Punkte verteilen"

    class Status(models.TextChoices):
        DRAFT = "entwurf", "in Vorbereitung"
        OPEN = "offen", "offen"
        CLOSED = "geschlossen", "abgeschlossen"
        ADOPTED = "uebernommen", "Ergebnis übernommen"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="priority_rounds",
        verbose_name="Kreis",
    )
    work_period = models.ForeignKey(
        "concepts.WorkPeriod",
        on_delete=models.PROTECT,
        related_name="priority_rounds",
        verbose_name="Arbeitsperiode",
    )
    title = models.CharField("Titel", max_length=200)
    instructions = models.TextField("Hinweise für die Kommunen", blank=True)
    opens_on = models.DateField("offen ab")
    closes_on = models.DateField("Antworten bis")
    voting_rule = models.CharField(
        "Abstimmungsregel", max_length=10, choices=VotingRule.choices, default=VotingRule.RANKING
    )
    max_choices = models.PositiveSmallIntegerField("höchstens zu wählende Optionen", default=3)
    points_total = models.PositiveSmallIntegerField("zu verteilende Punkte", default=10)
    status = models.CharField("Status", max_length=12, choices=Status.choices, default=Status.DRAFT)
    adopted_at = models.DateTimeField("übernommen am", null=True, blank=True)
    adopted_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="übernommen von",
    )

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Abstimmungsrunde"
        verbose_name_plural = "Abstimmungsrunden"
        ordering = ["-opens_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="priorityround_closes_after_opening",
                violation_error_message="Der Antwortschluss darf nicht vor der Öffnung liegen.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def phase(self, today: datetime.date | None = None) -> str:
        """The status as the municipalities see it: an open round past its closing date is
        closed, whether or not anybody pressed a button."""
        today = today or timezone.localdate()
        if self.status == self.Status.OPEN and today > self.closes_on:
            return self.Status.CLOSED
        return self.status

    @property
    def phase_label(self) -> str:
        return self.Status(self.phase()).label

    def accepts_answers(self, today: datetime.date | None = None) -> bool:
        """Answers may be given and changed from the opening until the closing date."""
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and self.opens_on <= today <= self.closes_on

    @property
    def is_open_for_answers(self) -> bool:
        return self.accepts_answers()

    @property
    def is_decided(self) -> bool:
        """Closed or adopted: the result may be shown to the municipalities."""
        return self.phase() in (self.Status.CLOSED, self.Status.ADOPTED)

    @property
    def uses_points(self) -> bool:
        return self.voting_rule == self.VotingRule.POINTS

    @property
    def adopted_priorities(self):
        """The Arbeitsschwerpunkte taken over from this round."""
        return self.work_period.priorities.filter(adoption__round=self)


class PriorityAdoption(models.Model):
    """The link "this Arbeitsschwerpunkt came from that round", with who adopted it when.

    Kept here rather than on ``WorkPriority``: concepts sits below coordination (issue 12), so
    a priority knows its round only through the reverse accessor ``priority.adoption``.
    """

    priority = models.OneToOneField(
        "concepts.WorkPriority",
        on_delete=models.CASCADE,
        related_name="adoption",
        verbose_name="Arbeitsschwerpunkt",
    )
    round = models.ForeignKey(
        PriorityRound,
        on_delete=models.CASCADE,
        related_name="adoptions",
        verbose_name="aus Abstimmungsrunde",
    )
    adopted_at = models.DateTimeField("übernommen am", null=True, blank=True)
    adopted_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="übernommen von",
    )

    objects = district_queryset("round__district").as_manager()

    class Meta:
        verbose_name = "Übernahme aus einer Abstimmungsrunde"
        verbose_name_plural = "Übernahmen aus Abstimmungsrunden"
        ordering = ["round", "priority"]

    def __str__(self) -> str:
        return f"{self.priority.title} ← {self.round}"


class RoundOption(TimeStampedModel):
    """One goal or measure area of the Abstimmungspapier."""

    round = models.ForeignKey(
        PriorityRound, on_delete=models.CASCADE, related_name="options", verbose_name="Runde"
    )
    focus_area = models.ForeignKey(
        "concepts.FocusArea", on_delete=models.PROTECT, related_name="+", verbose_name="Schwerpunkt"
    )
    field_of_action = models.ForeignKey(
        "concepts.FieldOfAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Handlungsfeld",
    )
    title = models.CharField("Titel", max_length=200)
    description = models.TextField("Beschreibung", blank=True)
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = district_queryset("round__district").as_manager()

    class Meta:
        verbose_name = "Option"
        verbose_name_plural = "Optionen"
        ordering = ["round", "focus_area__order", "order"]

    def __str__(self) -> str:
        return self.title


class Submission(TimeStampedModel):
    """A municipality's answer to a round; one per municipality and round."""

    round = models.ForeignKey(
        PriorityRound, on_delete=models.CASCADE, related_name="submissions", verbose_name="Runde"
    )
    municipality = models.ForeignKey(
        "districts.Municipality",
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name="Kommune",
    )
    submitted_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="abgegeben von",
    )
    on_paper = models.BooleanField("auf Papier eingegangen (vom KI erfasst)", default=False)
    comment = models.TextField("allgemeine Anmerkung", blank=True)
    committee_name = models.CharField(
        "beschließendes Gremium der Kommune", max_length=200, blank=True
    )
    committee_date = models.DateField("Beschluss des Gremiums am", null=True, blank=True)

    objects = district_queryset("round__district").as_manager()

    class Meta:
        verbose_name = "Antwort einer Kommune"
        verbose_name_plural = "Antworten der Kommunen"
        ordering = ["round", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "municipality"],
                name="submission_one_per_municipality",
                violation_error_message="Diese Kommune hat bereits geantwortet.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.round}"


class SubmissionChoice(TimeStampedModel):
    """Rank or points one municipality gave one option, with an optional comment."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="choices", verbose_name="Antwort"
    )
    option = models.ForeignKey(
        RoundOption, on_delete=models.CASCADE, related_name="choices", verbose_name="Option"
    )
    rank = models.PositiveSmallIntegerField("Rang", null=True, blank=True)
    points = models.PositiveSmallIntegerField("Punkte", null=True, blank=True)
    comment = models.TextField("Anmerkung", blank=True)

    class Meta:
        verbose_name = "Wahl"
        verbose_name_plural = "Wahlen"
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "option"], name="submissionchoice_one_per_option"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.option}: {self.rank or self.points or '–'}"


class DraftReview(TimeStampedModel):
    """A Beteiligung on a Fassung "in Abstimmung" (issue 18): the KI opens it for a period and
    the sections in scope; the municipalities' liaisons comment paragraph by paragraph; the KI
    weighs each comment (Abwägung).

    Seeds 000, 003, 004: the concept is worked out with the actors and the municipalities
    (Facharbeitsgruppen, workshops with 160 people, online surveys) – today by Word files sent
    round and copied into a table by hand.
    """

    version = models.ForeignKey(
        "concepts.ConceptVersion",
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name="Fassung",
    )
    title = models.CharField("Titel", max_length=200)
    opens_on = models.DateField("Beginn")
    closes_on = models.DateField("Ende", help_text="Bis einschließlich diesem Tag.")
    sections = models.ManyToManyField(
        "concepts.ConceptSection",
        blank=True,
        related_name="+",
        verbose_name="Abschnitte",
        help_text="Keine Auswahl: alle Abschnitte der Fassung.",
    )
    comments_visible = models.BooleanField(
        "Teilnehmende sehen auch die Anmerkungen der anderen", default=False
    )
    # Who is invited besides the external participants (ReviewInvitation): issue 18 names the
    # municipalities' liaisons, the Kreistag members and – optionally – the public.
    invite_liaisons = models.BooleanField(
        "Kommunale Ansprechpersonen (für ihre Kommune)", default=True
    )
    invite_council = models.BooleanField(
        "Mitglieder des Kreistags und der Ausschüsse", default=False
    )
    is_public = models.BooleanField(
        "Öffentlich: alle dürfen anmerken",
        default=False,
        help_text="Mit Name und bestätigter E-Mail-Adresse; Anmerkungen erscheinen erst nach "
        "Freigabe durch das KI.",
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reminded_at = models.DateTimeField("Erinnerung verschickt am", null=True, blank=True)
    published_at = models.DateTimeField("Abwägung veröffentlicht am", null=True, blank=True)

    objects = district_queryset("version__concept__district").as_manager()

    class Meta:
        verbose_name = "Beteiligung"
        verbose_name_plural = "Beteiligungen"
        ordering = ["-opens_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": "Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Daten."}
            )

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on and self.published_at is None

    def has_ended(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.closes_on


class ReviewComment(TimeStampedModel):
    """One comment on one paragraph of a section, with the paragraph's text as it was read
    (so the comment keeps its meaning when the KI edits the paragraph), and the KI's Abwägung."""

    class Decision(models.TextChoices):
        ADOPTED = "uebernommen", "übernommen"
        PARTLY = "teilweise", "teilweise übernommen"
        REJECTED = "nicht_uebernommen", "nicht übernommen"
        NOTED = "zur_kenntnis", "zur Kenntnis genommen"

    class Moderation(models.TextChoices):
        # A comment that needs no moderation (not from the public) stores "".
        PENDING = "offen", "wartet auf Freigabe"
        RELEASED = "frei", "freigegeben"
        REFUSED = "abgelehnt", "abgelehnt"

    review = models.ForeignKey(
        DraftReview, on_delete=models.CASCADE, related_name="comments", verbose_name="Beteiligung"
    )
    section = models.ForeignKey(
        "concepts.ConceptSection",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="Abschnitt",
    )
    section_title = models.CharField("Abschnitt", max_length=200)
    paragraph = models.PositiveSmallIntegerField("Absatz")  # 1-based, as read
    paragraph_text = models.TextField("Text des Absatzes beim Kommentieren")
    author = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # An external participant's comment (no account): the invitation it came through.
    invitation = models.ForeignKey(
        "ReviewInvitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    organisation = models.CharField("für", max_length=200)
    text = models.TextField("Anmerkung")
    proposal = models.TextField("Formulierungsvorschlag", blank=True)
    decision = models.CharField("Abwägung", max_length=20, choices=Decision.choices, blank=True)
    reason = models.TextField("Begründung", blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField("abgewogen am", null=True, blank=True)
    # "… and may link the change it made" (issue 18): the saved state of the section that took
    # the comment up, from the section's history.
    change = models.ForeignKey(
        "concepts.HistoricalConceptSection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Änderung am Abschnitt",
        db_constraint=False,
    )
    # A comment of the public (a self-registered participant) is shown to the others only once
    # the KI has released it; one it refuses (insults, advertising, personal data of others)
    # leaves the Abwägungstabelle, and its author learns why.
    moderation = models.CharField(
        "Moderation",
        max_length=12,
        blank=True,
        choices=Moderation.choices,
    )
    moderation_note = models.CharField("Grund der Ablehnung", max_length=300, blank=True)

    objects = district_queryset("review__version__concept__district").as_manager()

    class Meta:
        verbose_name = "Anmerkung"
        verbose_name_plural = "Anmerkungen"
        ordering = ["review", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.text[:60]}"


class ReviewInvitation(TimeStampedModel):
    """An external participant of a Beteiligung (a contact person of an actor, or anyone the KI
    names): a personal link by e-mail stands in for an account (issue 18). The link carries the
    invitation's id signed with the SECRET_KEY (coordination/invitations.py): nothing secret is
    stored, and revoking ends the link at once. Name and e-mail address are personal data: the
    KI sees them; comments, tables and PDFs name the organisation only."""

    review = models.ForeignKey(
        DraftReview,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name="Beteiligung",
    )
    contact = models.ForeignKey(
        "actors.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Ansprechperson eines Akteurs",
    )
    name = models.CharField("Name", max_length=160)
    email = models.EmailField("E-Mail")
    organisation = models.CharField("Organisation", max_length=200)
    revoked_at = models.DateTimeField("widerrufen am", null=True, blank=True)
    invited_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # A member of the public who signed up on the public page of the Beteiligung: the link is
    # sent to the address given, and the first visit through it confirms the address.
    is_public = models.BooleanField("hat sich selbst angemeldet", default=False)
    confirmed_at = models.DateTimeField("E-Mail-Adresse bestätigt am", null=True, blank=True)

    objects = district_queryset("review__version__concept__district").as_manager()

    class Meta:
        verbose_name = "Einladung zur Beteiligung"
        verbose_name_plural = "Einladungen zur Beteiligung"
        ordering = ["review", "organisation", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"
