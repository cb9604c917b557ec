"""Factories for tests; Districts are created fresh (the 54 NRW ones come from a migration)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import Membership, User
from accounts.rights import Role
from actors.models import (
    Actor,
    ActorType,
    Committee,
    CommitteeReader,
    ContactPerson,
    GlossaryEntry,
    Meeting,
    Offer,
    ParticipationEvent,
)
from concepts.models import (
    ConceptSection,
    ConceptVersion,
    FieldOfAction,
    FocusArea,
    TargetGroup,
    WorkPeriod,
    WorkPriority,
)
from coordination.models import PriorityAdoption, PriorityRound, RoundOption, Submission
from districts.models import District, Municipality, RequirementSet, StaffPost
from measures.models import Indicator, Measure, Measurement
from papers.models import (
    Attachment,
    Consultation,
    DecisionPaper,
    PaperRelease,
    ReleasedAttachment,
    ReleaseRequest,
    SignOffStep,
)
from papers.services import paper_present_concept_version


def focus_area(code: str = FocusArea.Code.EDUCATION) -> FocusArea:
    return FocusArea.objects.get(code=code)


class DistrictFactory(DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Testkreis {n}")
    official_key = factory.Sequence(lambda n: f"05{900 + n % 100:03d}{n // 100 % 1000:03d}")
    slug = factory.Sequence(lambda n: f"testkreis-{n}")


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Teststadt {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("geheim-und-lang-genug")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    district = factory.SubFactory(DistrictFactory)
    role = Role.STAFF


class FieldOfActionFactory(DjangoModelFactory):
    class Meta:
        model = FieldOfAction

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


class ConceptVersionFactory(DjangoModelFactory):
    class Meta:
        model = ConceptVersion

    concept = factory.LazyAttribute(lambda o: DistrictFactory().concept)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Integrationskonzept Fassung {n}")


class ConceptSectionFactory(DjangoModelFactory):
    class Meta:
        model = ConceptSection

    version = factory.SubFactory(ConceptVersionFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Abschnitt {n}")
    body = "Text des Abschnitts."


class WorkPeriodFactory(DjangoModelFactory):
    class Meta:
        model = WorkPeriod

    district = factory.SubFactory(DistrictFactory)
    kind = WorkPeriod.Kind.CALENDAR
    start = datetime.date(2025, 1, 1)
    end = datetime.date(2026, 12, 31)


class WorkPriorityFactory(DjangoModelFactory):
    class Meta:
        model = WorkPriority

    work_period = factory.SubFactory(WorkPeriodFactory)
    focus_area = factory.LazyFunction(focus_area)
    title = factory.Sequence(lambda n: f"Arbeitsschwerpunkt {n}")


class ActorFactory(DjangoModelFactory):
    class Meta:
        model = Actor

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Akteur {n}")
    type = factory.LazyFunction(lambda: ActorType.objects.get(code="wohlfahrtsverband"))


class OfferFactory(DjangoModelFactory):
    class Meta:
        model = Offer

    actor = factory.SubFactory(ActorFactory)
    title = factory.Sequence(lambda n: f"Angebot {n}")


class ContactPersonFactory(DjangoModelFactory):
    class Meta:
        model = ContactPerson

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Erika Muster {n}")
    email = "erika@example.org"


class GlossaryEntryFactory(DjangoModelFactory):
    class Meta:
        model = GlossaryEntry

    district = factory.SubFactory(DistrictFactory)
    term = factory.Sequence(lambda n: f"Begriff {n}")
    explanation = "Erklärung"


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = Committee

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Ausschuss {n}")
    kind = Committee.Kind.SPECIALIST


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    start = factory.LazyFunction(lambda: datetime.datetime(2026, 3, 10, 17, 0, tzinfo=datetime.UTC))


class CommitteeReaderFactory(DjangoModelFactory):
    """A member of the committee's District linked to it (issue 20), with notices on."""

    class Meta:
        model = CommitteeReader

    committee = factory.SubFactory(CommitteeFactory)
    user = factory.LazyAttribute(
        lambda o: MembershipFactory(district=o.committee.district, role=Role.COUNCIL).user
    )


class ParticipationEventFactory(DjangoModelFactory):
    class Meta:
        model = ParticipationEvent

    district = factory.SubFactory(DistrictFactory)
    kind = ParticipationEvent.Kind.WORKSHOP
    title = factory.Sequence(lambda n: f"Workshop {n}")
    date = datetime.date(2026, 4, 20)
    participants = 30
    institutions = 12


class StaffPostFactory(DjangoModelFactory):
    class Meta:
        model = StaffPost

    district = factory.SubFactory(DistrictFactory)
    title = factory.Sequence(lambda n: f"Stelle {n}")
    profession = StaffPost.Profession.TEACHER
    fte = Decimal("1.00")
    employer = StaffPost.Employer.LAND
    funding = StaffPost.Funding.LAND


class MeasureFactory(DjangoModelFactory):
    class Meta:
        model = Measure

    district = factory.SubFactory(DistrictFactory)
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    focus_area = factory.LazyFunction(focus_area)
    status = Measure.Status.RUNNING


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    measure = factory.SubFactory(MeasureFactory)
    name = factory.Sequence(lambda n: f"Kennzahl {n}")
    unit = "Familien"
    baseline = Decimal("100")
    target = Decimal("200")


class MeasurementFactory(DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    value = Decimal("150")
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))


class PriorityRoundFactory(DjangoModelFactory):
    class Meta:
        model = PriorityRound

    district = factory.SubFactory(DistrictFactory)
    work_period = factory.SubFactory(
        WorkPeriodFactory, district=factory.SelfAttribute("..district")
    )
    title = factory.Sequence(lambda n: f"Abstimmungsrunde {n}")
    opens_on = datetime.date(2026, 9, 1)
    closes_on = datetime.date(2026, 10, 31)


class PriorityAdoptionFactory(DjangoModelFactory):
    class Meta:
        model = PriorityAdoption

    round = factory.SubFactory(PriorityRoundFactory)
    priority = factory.SubFactory(
        WorkPriorityFactory, work_period=factory.SelfAttribute("..round.work_period")
    )


class RoundOptionFactory(DjangoModelFactory):
    class Meta:
        model = RoundOption

    round = factory.SubFactory(PriorityRoundFactory)
    focus_area = factory.LazyFunction(focus_area)
    title = factory.Sequence(lambda n: f"Option {n}")


class SubmissionFactory(DjangoModelFactory):
    class Meta:
        model = Submission

    round = factory.SubFactory(PriorityRoundFactory)
    municipality = factory.SubFactory(
        MunicipalityFactory, district=factory.SelfAttribute("..round.district")
    )


class DecisionPaperFactory(DjangoModelFactory):
    class Meta:
        model = DecisionPaper

    district = factory.SubFactory(DistrictFactory)
    reference = factory.Sequence(lambda n: f"50/{n:03d}/2026")
    date = datetime.date(2026, 5, 4)
    subject = "Integrationskonzept – Fortschreibung"


class ConsultationFactory(DjangoModelFactory):
    class Meta:
        model = Consultation

    paper = factory.SubFactory(DecisionPaperFactory)
    meeting = factory.SubFactory(
        MeetingFactory, committee__district=factory.SelfAttribute("...paper.district")
    )
    order = factory.Sequence(lambda n: n + 1)
    role = Consultation.Role.PRELIMINARY


class ConsultationResultChangeFactory(DjangoModelFactory):
    """An earlier state of a step's result, kept by a correction (issue 14)."""

    class Meta:
        model = "papers.ConsultationResultChange"

    consultation = factory.SubFactory(ConsultationFactory, result=Consultation.Result.MAJORITY)
    changed_at = factory.LazyFunction(timezone.now)
    reason = "Stimmenzahl laut Niederschrift"
    meeting = factory.SelfAttribute("consultation.meeting")
    result = Consultation.Result.UNANIMOUS
    votes_yes = 12


class PaperReleaseFactory(DjangoModelFactory):
    """A release row with stand-in PDF bytes (rendering a real PDF takes a third of a second;
    tests of the PDF itself go through papers.services.paper_release)."""

    class Meta:
        model = PaperRelease

    paper = factory.SubFactory(DecisionPaperFactory)
    revision = factory.SelfAttribute("paper.revision")
    released_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 5, 5, 9, 0, tzinfo=datetime.UTC)
    )
    reference = factory.SelfAttribute("paper.reference")
    subject = factory.SelfAttribute("paper.subject")
    is_public = factory.SelfAttribute("paper.is_public")
    paper_date = factory.SelfAttribute("paper.date")
    paper_type = factory.SelfAttribute("paper.paper_type")
    pdf = b"%PDF-1.7 stand-in"
    sha256 = "0" * 64
    sha512 = "0" * 128
    size = 17


class ReleasedAttachmentFactory(DjangoModelFactory):
    """An Anlage frozen in a release, with a small stored file."""

    class Meta:
        model = ReleasedAttachment

    release = factory.SubFactory(PaperReleaseFactory)
    title = factory.Sequence(lambda n: f"Anlage {n}")
    file = factory.django.FileField(filename="anlage.pdf", data=b"%PDF-1.7 Anlage")
    order = factory.Sequence(lambda n: n + 1)
    sha256 = "1" * 64
    sha512 = "1" * 128
    size = 15


class ReleaseRequestFactory(DjangoModelFactory):
    """A click on "freigeben" still waiting for the worker."""

    class Meta:
        model = ReleaseRequest

    paper = factory.SubFactory(DecisionPaperFactory)
    revision = factory.SelfAttribute("paper.revision")
    requested_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 5, 5, 9, 0, tzinfo=datetime.UTC)
    )
    fingerprint = "0" * 64
    step = "Das Integrationskonzept wird als Anlage gesetzt."


class AttachmentFactory(DjangoModelFactory):
    class Meta:
        model = Attachment

    paper = factory.SubFactory(DecisionPaperFactory)
    title = factory.Sequence(lambda n: f"Anlage {n}")
    order = factory.Sequence(lambda n: n + 1)


def releasable_paper(district, *, is_public=True, steps=3, **kwargs) -> DecisionPaper:
    """A complete Beschlussvorlage, not yet released, with a Beratungsfolge of ``steps``
    meetings, the last one deciding (Fachausschuss → Kreisausschuss → Kreistag, seed 001)."""
    paper = DecisionPaperFactory(
        district=district,
        is_public=is_public,
        proposal="Das Integrationskonzept wird in der vorgelegten Form beschlossen.",
        occasion="Die Fortschreibung liegt vor.",
        **kwargs,
    )
    for order in range(1, steps + 1):
        last = order == steps
        ConsultationFactory(
            paper=paper,
            order=order,
            meeting=MeetingFactory(
                committee=CommitteeFactory(district=district, path_position=order),
                start=datetime.datetime(2026, 5, 10, 15, 0, tzinfo=datetime.UTC)
                + datetime.timedelta(days=14 * order),
            ),
            role=Consultation.Role.DECISION if last else Consultation.Role.PRELIMINARY,
            authoritative=last,
        )
    return paper


def released_paper(district, *, is_public=True, steps=3, **kwargs) -> DecisionPaper:
    """``releasable_paper`` with a stand-in release (no PDF rendered)."""
    paper = releasable_paper(district, is_public=is_public, steps=steps, **kwargs)
    release = PaperReleaseFactory(paper=paper)
    paper.released_at = release.released_at
    paper.save(update_fields=["released_at"])
    paper_present_concept_version(paper=paper)  # what paper_release does after its release
    return paper


class FeedbackMessageFactory(DjangoModelFactory):
    class Meta:
        model = "public.FeedbackMessage"

    district = factory.SubFactory(DistrictFactory)
    message = "Die Schrift im Verzeichnis ist zu klein."


class SignOffStepFactory(DjangoModelFactory):
    """A Mitzeichnung step held by a KI-Mitarbeit member of the step's District."""

    class Meta:
        model = SignOffStep

    district = factory.SubFactory(DistrictFactory)
    order = factory.Sequence(lambda n: n + 1)
    function = "Dezernat"
    user = factory.LazyAttribute(
        lambda step: MembershipFactory(district=step.district, role=Role.STAFF).user
    )


class SignOffRoundFactory(DjangoModelFactory):
    """The KI asked for Mitzeichnung of a paper's current revision."""

    class Meta:
        model = "papers.SignOffRound"

    paper = factory.SubFactory(DecisionPaperFactory)
    revision = factory.LazyAttribute(lambda signoff_round: signoff_round.paper.revision)
    fingerprint = "0" * 64
    requested_at = factory.LazyFunction(timezone.now)


class SignOffFactory(DjangoModelFactory):
    """One step's sign-off within a round."""

    class Meta:
        model = "papers.SignOff"

    round = factory.SubFactory(SignOffRoundFactory)
    step = factory.LazyAttribute(lambda s: SignOffStepFactory(district=s.round.paper.district))
    function = "Dezernat"
    user = factory.LazyAttribute(lambda s: s.step.user)
    signed_at = factory.LazyFunction(timezone.now)
    fingerprint = "0" * 64


class RequirementSetFactory(DjangoModelFactory):
    """A later set of the Land for Kreise, one year each, far after the 2012 set's data."""

    class Meta:
        model = RequirementSet

    name = factory.Sequence(lambda n: f"Förderrichtlinie {2100 + n}")
    variant = RequirementSet.Variant.KREIS
    source = "Testquelle"
    valid_from = factory.Sequence(lambda n: datetime.date(2100 + n, 1, 1))
    valid_until = factory.Sequence(lambda n: datetime.date(2100 + n, 12, 31))
    teacher_fte_required = Decimal("2.00")
    max_fte_education = Decimal("2.00")
    max_fte_administration = Decimal("1.00")
    max_fte_assistance = Decimal("0.50")
    staffing_source = "Testquelle Personal"
    review_interval_years = 3
    review_interval_source = "Testquelle Alter"
    work_period_years = 2
    work_period_source = "Testquelle Arbeitsperiode"


def land_set(district, **values):
    """The Land's requirement set that applies to ``district`` today, changed by ``values``
    (issue 17: the Land owns the numbers; tests change them where the Land would)."""
    requirement_set = RequirementSet.for_district_on(district, timezone.localdate())
    for name, value in values.items():
        setattr(requirement_set, name, value)
    requirement_set.save()
    return requirement_set
