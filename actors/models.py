"""Actors of integration work, their offers and contact persons, committees and participation."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel, district_queryset


class ActorType(TimeStampedModel):
    """Kind of actor; the Kooperationsgebot types are marked mandatory.

    Eckpunktepapier (seed 002): "Die Antrag stellende Gebietskörperschaft beteiligt von Anfang an
    die untere Schulaufsicht, die örtliche Schulverwaltung, die Jugendhilfe, die
    Wohlfahrtsverbände, den Integrationsrat/Integrationsausschuss" and cooperates with the
    Land-funded integration structures and Migrantenselbstorganisationen.
    """

    code = models.SlugField("Kennung", max_length=40, unique=True)
    name = models.CharField("Name", max_length=160)
    is_mandatory = models.BooleanField(
        "Pflichtbeteiligung (Kooperationsgebot)",
        default=False,
    )
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    class Meta:
        verbose_name = "Akteurstyp"
        verbose_name_plural = "Akteurstypen"
        ordering = ["-is_mandatory", "order", "name"]

    def __str__(self) -> str:
        return self.name


class Actor(TimeStampedModel):
    """An organisation taking part in integration work; ``municipality`` empty = kreisweit."""

    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="actors", verbose_name="Kreis"
    )
    name = models.CharField("Name", max_length=200)
    type = models.ForeignKey(
        ActorType, on_delete=models.PROTECT, related_name="actors", verbose_name="Typ"
    )
    municipality = models.ForeignKey(
        "districts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actors",
        verbose_name="Kommune",
        help_text="leer = kreisweit tätig",
    )
    fields_of_action = models.ManyToManyField(
        "concepts.FieldOfAction", blank=True, related_name="actors", verbose_name="Handlungsfelder"
    )
    target_groups = models.ManyToManyField(
        "concepts.TargetGroup", blank=True, related_name="actors", verbose_name="Zielgruppen"
    )
    description = models.TextField("Beschreibung (öffentlich)", blank=True)
    website = models.URLField("Internetseite", blank=True)
    address = models.CharField("Anschrift", max_length=200, blank=True)
    is_published = models.BooleanField("veröffentlicht", default=False)
    # Issue 16: the public directory searches in SQL. Folded (core.text.fold) text of the name,
    # description, address, type, municipality, Handlungsfelder, Zielgruppen and the published
    # offers; kept current by actors.receivers through actors.search.refresh_search_texts.
    search_text = models.TextField("Suchtext", blank=True, editable=False)

    history = HistoricalRecords(verbose_name="Akteursverlauf", excluded_fields=["search_text"])
    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Akteur"
        verbose_name_plural = "Akteure"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "name"],
                name="actor_name_unique_per_district",
                violation_error_message="Einen Akteur mit diesem Namen gibt es bereits.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:detail", kwargs={"district_slug": self.district.slug, "pk": self.pk})

    @property
    def is_district_wide(self) -> bool:
        return self.municipality_id is None


class Offer(TimeStampedModel):
    """A service an actor offers; listed in the public directory when published (seed 004)."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="offers", verbose_name="Akteur"
    )
    title = models.CharField("Titel", max_length=200)
    description = models.TextField("Beschreibung", blank=True)
    target_groups = models.ManyToManyField(
        "concepts.TargetGroup", blank=True, related_name="offers", verbose_name="Zielgruppen"
    )
    municipalities = models.ManyToManyField(
        "districts.Municipality",
        blank=True,
        related_name="offers",
        verbose_name="Kommunen",
        help_text="keine Auswahl = kreisweit",
    )
    is_published = models.BooleanField("veröffentlicht", default=False)

    objects = district_queryset("actor__district").as_manager()

    class Meta:
        verbose_name = "Angebot"
        verbose_name_plural = "Angebote"
        ordering = ["actor", "title"]

    def __str__(self) -> str:
        return self.title


class ContactPerson(TimeStampedModel):
    """Personal data (DSGVO): published only with consent; no history kept, so erasure is whole."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="contacts", verbose_name="Akteur"
    )
    name = models.CharField("Name", max_length=160)
    function = models.CharField("Funktion", max_length=160, blank=True)
    email = models.EmailField("E-Mail", blank=True)
    phone = models.CharField("Telefon", max_length=40, blank=True)
    consents_to_publication = models.BooleanField(
        "Einwilligung zur Veröffentlichung", default=False
    )
    consent_date = models.DateField("Einwilligung erteilt am", null=True, blank=True)

    objects = district_queryset("actor__district").as_manager()

    class Meta:
        verbose_name = "Ansprechperson"
        verbose_name_plural = "Ansprechpersonen"
        ordering = ["actor", "name"]

    def __str__(self) -> str:
        return self.name


class GlossaryEntry(TimeStampedModel):
    """A term or abbreviation with its explanation (Coesfeld wants one, seed 004)."""

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="glossary_entries",
        verbose_name="Kreis",
    )
    term = models.CharField("Begriff", max_length=120)
    explanation = models.TextField("Erklärung")
    is_abbreviation = models.BooleanField("Abkürzung", default=False)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Glossareintrag"
        verbose_name_plural = "Glossar"
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "term"],
                name="glossaryentry_term_unique_per_district",
                violation_error_message="Diesen Begriff gibt es im Glossar bereits.",
            ),
        ]

    def __str__(self) -> str:
        return self.term


class Committee(TimeStampedModel):
    """A Gremium that decides or steers (OParl: Organization)."""

    class Kind(models.TextChoices):
        SPECIALIST = "fachausschuss", "Fachausschuss"
        DISTRICT_COMMITTEE = "kreisausschuss", "Kreisausschuss"
        COUNCIL = "kreistag", "Kreistag"
        # Seed 000: one Steuerungsgremium per Schwerpunkt together with the municipalities.
        STEERING = "steuerungsgremium", "Steuerungsgremium"
        PROJECT_BOARD = "projektbeirat", "Projektbeirat"
        WORKING_GROUP = "arbeitskreis", "Arbeitskreis"
        # KIM (MKFFI, kim.nrw; DOMAIN.md "KIM"): a Lenkungsgruppe of the Rechtskreise decides
        # what its Projekt-/Arbeitsgruppen work out from the case management's findings.
        KIM_STEERING = "lenkungsgruppe", "KIM-Lenkungsgruppe"
        KIM_PROJECT = "projektgruppe", "KIM-Projekt-/Arbeitsgruppe"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="committees",
        verbose_name="Kreis",
    )
    name = models.CharField("Name", max_length=200)
    kind = models.CharField("Art", max_length=20, choices=Kind.choices)
    focus_area = models.ForeignKey(
        "concepts.FocusArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committees",
        verbose_name="Schwerpunkt",
    )
    members = models.ManyToManyField(
        Actor, blank=True, related_name="committees", verbose_name="Mitglieder"
    )
    path_position = models.PositiveSmallIntegerField(
        "Position in der üblichen Beratungsfolge",
        null=True,
        blank=True,
        help_text="z. B. 1 = Fachausschuss, 2 = Kreisausschuss, 3 = Kreistag; leer = nicht Teil.",
    )

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Gremium"
        verbose_name_plural = "Gremien"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "name"],
                name="committee_name_unique_per_district",
                violation_error_message="Ein Gremium mit diesem Namen gibt es bereits.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "actors:committee_detail", kwargs={"district_slug": self.district.slug, "pk": self.pk}
        )


class Meeting(TimeStampedModel):
    """A dated meeting of a committee (OParl: Meeting)."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="meetings", verbose_name="Gremium"
    )
    start = models.DateTimeField("Beginn")
    location = models.CharField("Ort", max_length=200, blank=True)
    is_public = models.BooleanField("öffentlich", default=True)
    cancelled = models.BooleanField("abgesagt", default=False)

    objects = district_queryset("committee__district").as_manager()

    class Meta:
        verbose_name = "Sitzung"
        verbose_name_plural = "Sitzungen"
        ordering = ["start"]

    def __str__(self) -> str:
        from django.utils import timezone

        return f"{self.committee} am {timezone.localtime(self.start):%d.%m.%Y}"


class ParticipationEvent(TimeStampedModel):
    """Participation in writing the concept: workshops, working groups, Integrationskonferenzen.

    Rhein-Erft (seed 003): workshops per Handlungsfeld with about 160 people in April/May 2014.
    """

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", "Workshop"
        WORKING_GROUP = "arbeitsgruppe", "Arbeitsgruppe"
        CONFERENCE = "integrationskonferenz", "Integrationskonferenz"

    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="participation_events",
        verbose_name="Kreis",
    )
    kind = models.CharField("Art", max_length=22, choices=Kind.choices)
    title = models.CharField("Titel", max_length=200)
    date = models.DateField("Datum")
    field_of_action = models.ForeignKey(
        "concepts.FieldOfAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participation_events",
        verbose_name="Handlungsfeld",
    )
    participants = models.PositiveIntegerField("Teilnehmende", default=0)
    institutions = models.PositiveIntegerField("beteiligte Institutionen", default=0)
    actors = models.ManyToManyField(
        Actor, blank=True, related_name="participation_events", verbose_name="beteiligte Akteure"
    )
    notes = models.TextField("Ergebnisse / Notizen", blank=True)

    objects = district_queryset("district").as_manager()

    class Meta:
        verbose_name = "Beteiligungsveranstaltung"
        verbose_name_plural = "Beteiligungsveranstaltungen"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d.%m.%Y})"


class CommitteeReader(TimeStampedModel):
    """A member of the District who sits on a Gremium and reads its papers here (issue 20).

    ``Committee.members`` are organisations (actors); the people who use the product are users
    with a membership of the District. The KI links them to the Gremien they sit on, and a
    release of a paper whose Beratungsfolge reaches one of these Gremien e-mails them a link
    (``papers.notices``) unless they switched it off.
    """

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="readers", verbose_name="Gremium"
    )
    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="committee_seats",
        verbose_name="Benutzer/in",
    )
    notify = models.BooleanField(
        "E-Mail bei neuen Vorlagen",
        default=True,
        help_text="Eine E-Mail mit Link, wenn eine Vorlage für dieses Gremium freigegeben wird.",
    )

    objects = district_queryset("committee__district").as_manager()

    class Meta:
        verbose_name = "Gremienmitglied mit Zugang"
        verbose_name_plural = "Gremienmitglieder mit Zugang"
        ordering = ["committee", "user__last_name", "user__first_name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "user"],
                name="committeereader_one_per_committee_and_user",
                violation_error_message="Diese Person ist diesem Gremium bereits zugeordnet.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.committee}"
