"""The Django admin: every model of the project's apps is registered and its pages answer."""

import datetime
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import Membership, User
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
    Concept,
    ConceptSection,
    ConceptVersion,
    FieldOfAction,
    FocusArea,
    MunicipalAgreement,
    TargetGroup,
    WorkPeriod,
    WorkPriority,
)
from coordination.models import (
    DraftReview,
    PriorityAdoption,
    PriorityRound,
    ReviewComment,
    ReviewInvitation,
    RoundOption,
    Submission,
    SubmissionChoice,
)
from districts.models import District, LandRequirements, Municipality, RequirementSet, StaffPost
from kim.models import CaseFigures, CaseTopic, TopicCount
from kim.models import Finding as KimFinding
from kim.models import FundingRate as KimFundingRate
from kim.models import Post as KimPost
from kim.models import PostChange as KimPostChange
from kim.models import Seat as KimSeat
from measures.models import Indicator, LandIndicator, Measure, Measurement, MeasurementImport
from papers.models import (
    AgendaItem,
    Attachment,
    Consultation,
    ConsultationResultChange,
    DecisionPaper,
    MeetingFolder,
    PaperRelease,
    ReleasedAttachment,
    ReleaseRequest,
    SignOff,
    SignOffRound,
    SignOffStep,
)
from tests import factories

APPS = ("districts", "accounts", "concepts", "actors", "measures", "papers", "coordination", "kim")

REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.app_label in APPS),
    key=lambda model: model._meta.label,
)


def _attachment() -> Attachment:
    return Attachment.objects.create(paper=factories.DecisionPaperFactory(), title="Anlage 1")


def _submission_choice() -> SubmissionChoice:
    option = factories.RoundOptionFactory()
    submission = factories.SubmissionFactory(round=option.round)
    return SubmissionChoice.objects.create(submission=submission, option=option, rank=1)


def _agreement():
    version = factories.ConceptVersionFactory()
    return MunicipalAgreement.objects.create(
        version=version,
        municipality=factories.MunicipalityFactory(district=version.concept.district),
        decision=MunicipalAgreement.Decision.AGREED,
        body="Rat der Stadt",
        decided_on="2026-01-05",
    )


def _review():
    review = DraftReview.objects.create(
        version=factories.ConceptVersionFactory(),
        title="Beteiligung",
        opens_on="2026-12-01",
        closes_on="2027-01-31",
    )
    return review


def _review_comment():
    return ReviewComment.objects.create(
        review=_review(),
        section_title="Ausgangslage",
        paragraph=1,
        paragraph_text="Text",
        organisation="Haan",
        text="Bitte ergänzen.",
    )


# One new object per call; FocusArea and ActorType are reference data from data migrations.
MAKERS: dict[type, Callable[[], object]] = {
    District: factories.DistrictFactory,
    Municipality: factories.MunicipalityFactory,
    LandRequirements: lambda: factories.DistrictFactory().land_requirements,
    RequirementSet: factories.RequirementSetFactory,
    StaffPost: factories.StaffPostFactory,
    User: factories.UserFactory,
    Membership: factories.MembershipFactory,
    FocusArea: lambda: FocusArea.objects.first(),
    FieldOfAction: factories.FieldOfActionFactory,
    TargetGroup: factories.TargetGroupFactory,
    Concept: lambda: factories.DistrictFactory().concept,
    ConceptVersion: factories.ConceptVersionFactory,
    ConceptSection: factories.ConceptSectionFactory,
    WorkPeriod: factories.WorkPeriodFactory,
    WorkPriority: factories.WorkPriorityFactory,
    ActorType: lambda: ActorType.objects.first(),
    Actor: factories.ActorFactory,
    Offer: factories.OfferFactory,
    ContactPerson: factories.ContactPersonFactory,
    GlossaryEntry: factories.GlossaryEntryFactory,
    Committee: factories.CommitteeFactory,
    Meeting: factories.MeetingFactory,
    CommitteeReader: factories.CommitteeReaderFactory,
    ParticipationEvent: factories.ParticipationEventFactory,
    Measure: factories.MeasureFactory,
    Indicator: factories.IndicatorFactory,
    # Issue 17: the Land's catalogue (tests/land/test_indicator_catalogue.py)
    LandIndicator: lambda: LandIndicator.objects.create(
        key=f"kennzahl-{LandIndicator.objects.count()}", name="Kennzahl des Landes"
    ),
    Measurement: factories.MeasurementFactory,
    MeasurementImport: lambda: MeasurementImport.objects.create(
        district=factories.DistrictFactory(), file_name="messwerte.csv"
    ),
    DecisionPaper: factories.DecisionPaperFactory,
    Attachment: _attachment,
    Consultation: factories.ConsultationFactory,
    AgendaItem: lambda: AgendaItem.objects.create(
        meeting=factories.MeetingFactory(), title="Bericht der Verwaltung", order=1
    ),
    MeetingFolder: lambda: MeetingFolder.objects.create(
        meeting=factories.MeetingFactory(), is_public=True
    ),
    ConsultationResultChange: factories.ConsultationResultChangeFactory,
    PaperRelease: factories.PaperReleaseFactory,
    ReleasedAttachment: factories.ReleasedAttachmentFactory,
    ReleaseRequest: factories.ReleaseRequestFactory,
    SignOffStep: factories.SignOffStepFactory,
    SignOffRound: factories.SignOffRoundFactory,
    SignOff: factories.SignOffFactory,
    PriorityRound: factories.PriorityRoundFactory,
    PriorityAdoption: factories.PriorityAdoptionFactory,
    RoundOption: factories.RoundOptionFactory,
    Submission: factories.SubmissionFactory,
    SubmissionChoice: _submission_choice,
    MunicipalAgreement: _agreement,
    DraftReview: _review,
    ReviewComment: _review_comment,
    ReviewInvitation: lambda: ReviewInvitation.objects.create(
        review=_review(), name="Erika Muster", email="e@example.org", organisation="Verein"
    ),
    KimFundingRate: lambda: KimFundingRate.objects.create(
        kind="case_management",
        amount=1,
        valid_from=datetime.date(2000, 1, 1),
        valid_until=datetime.date(2000, 12, 31),
        source="Test",
    ),
    KimPost: lambda: KimPost.objects.create(
        district=factories.DistrictFactory(),
        kind="koordination",
        fte=1,
        state="besetzt",
        employer="kreis",
    ),
    CaseTopic: lambda: CaseTopic.objects.create(district=factories.DistrictFactory(), name="T"),
    CaseFigures: lambda: _case_figures(),
    TopicCount: lambda: TopicCount.objects.create(
        figures=_case_figures(),
        topic=CaseTopic.objects.create(district=factories.DistrictFactory(), name="T"),
        count=3,
    ),
    KimPostChange: lambda: KimPostChange.objects.create(
        district=factories.DistrictFactory(),
        kind="case_management",
        fte_before=6,
        fte_after=12,
        decision="Kreistag",
    ),
    KimSeat: lambda: _kim_seat(),
    KimFinding: lambda: KimFinding.objects.create(
        district=factories.DistrictFactory(),
        title="Lücke",
        description="Zwischen Jobcenter und Ausländerbehörde",
        rechtskreise=["jobcenter"],
        reported_by="Case Management",
        reported_on="2026-11-02",
    ),
}


def _kim_seat():
    group = factories.CommitteeFactory(kind="lenkungsgruppe")
    return KimSeat.objects.create(
        district=group.district,
        committee=group,
        actor=factories.ActorFactory(district=group.district),
        rechtskreis="jobcenter",
    )


def _case_figures():
    municipality = factories.MunicipalityFactory()
    return CaseFigures.objects.create(
        district=municipality.district,
        municipality=municipality,
        year=2026,
        quarter=4,
        opened=3,
        active=12,
        closed=2,
    )


HISTORY_MODELS = (ConceptSection, Measure, Indicator, Actor)


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _ids(model) -> str:
    return model._meta.label


# Session keys are credentials: nobody, not even an admin, should read them in a list.
NOT_IN_ADMIN = {"accounts.UserSession"}


def test_every_model_is_registered():
    models = {
        model
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical") and model._meta.label not in NOT_IN_ADMIN
    }
    assert models - set(REGISTERED) == set()
    assert set(REGISTERED) == set(MAKERS)


def test_history_models_use_simple_history_admin():
    for model in HISTORY_MODELS:
        assert isinstance(admin.site._registry[model], SimpleHistoryAdmin), model


def test_admin_checks_pass():
    from django.core import checks

    assert checks.run_checks(tags=[checks.Tags.admin]) == []


@pytest.mark.parametrize("model", REGISTERED, ids=_ids)
def test_changelist_and_add_page(admin_client, model):
    assert admin_client.get(_url(model, "changelist")).status_code == 200
    model_admin = admin.site._registry[model]
    add = admin_client.get(_url(model, "add"))
    if model_admin.has_add_permission(_request_for(admin_client)):
        assert add.status_code == 200
    else:
        assert add.status_code == 403


@pytest.mark.parametrize("model", REGISTERED, ids=_ids)
def test_changelist_search_and_change_page_with_an_object(admin_client, model):
    obj = MAKERS[model]()
    changelist = admin_client.get(_url(model, "changelist"))
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count >= 1
    assert admin_client.get(_url(model, "changelist"), {"q": "x"}).status_code == 200
    assert admin_client.get(_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", HISTORY_MODELS, ids=_ids)
def test_history_page(admin_client, model):
    obj = MAKERS[model]()
    assert admin_client.get(_url(model, "history", obj.pk)).status_code == 200


def _changelist_queries(client, model) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(_url(model, "changelist")).status_code == 200
    return len(context.captured_queries)


def test_measure_changelist_queries_do_not_grow_with_rows(admin_client):
    district = factories.DistrictFactory()
    actor = factories.ActorFactory(district=district)
    field = factories.FieldOfActionFactory(district=district)
    factories.MeasureFactory(district=district, lead_actor=actor, field_of_action=field)
    _changelist_queries(admin_client, Measure)  # warm caches (content types, sessions)
    one = _changelist_queries(admin_client, Measure)

    for _ in range(4):
        factories.MeasureFactory(
            lead_actor=factories.ActorFactory(),
            field_of_action=factories.FieldOfActionFactory(),
        )
    assert Measure.objects.count() == 5
    assert _changelist_queries(admin_client, Measure) == one


@pytest.mark.parametrize("model", REGISTERED, ids=_ids)
def test_changelist_queries_do_not_grow_with_rows(admin_client, model):
    MAKERS[model]()
    _changelist_queries(admin_client, model)
    one = _changelist_queries(admin_client, model)
    for _ in range(4):
        MAKERS[model]()
    assert _changelist_queries(admin_client, model) == one


def test_focus_area_cannot_be_added_or_deleted_but_edited(admin_client):
    focus = FocusArea.objects.get(code=FocusArea.Code.EDUCATION)
    assert admin_client.get(_url(FocusArea, "add")).status_code == 403
    assert admin_client.get(_url(FocusArea, "delete", focus.pk)).status_code == 403
    model_admin = admin.site._registry[FocusArea]
    assert "delete_selected" not in model_admin.get_actions(_request_for(admin_client))

    response = admin_client.post(
        _url(FocusArea, "change", focus.pk),
        {"name": "Bildung neu", "description": "Beschreibung", "order": focus.order},
    )
    assert response.status_code == 302
    focus.refresh_from_db()
    assert (focus.code, focus.name) == (FocusArea.Code.EDUCATION, "Bildung neu")
    assert FocusArea.objects.count() == 2


def test_district_filter_is_titled_kreis(admin_client):
    factories.MeasureFactory()
    response = admin_client.get(_url(Measure, "changelist"))
    titles = [spec.title for spec in response.context["cl"].filter_specs]
    assert "Kreis" in titles


def test_user_admin_shows_is_land_and_memberships(admin_client, ki_staff):
    model_admin = admin.site._registry[User]
    assert "is_land" in model_admin.list_filter
    response = admin_client.get(_url(User, "change", ki_staff.pk))
    assert response.status_code == 200
    assert "is_land" in response.context["adminform"].form.fields
    assert any(
        formset.formset.model is Membership for formset in response.context["inline_admin_formsets"]
    )


def test_district_add_creates_land_requirements_once(admin_client):
    prefix = {"municipalities": 0, "staff_posts": 0}
    data = {
        "name": "Neuer Kreis",
        "kind": District.Kind.KREIS,
        "official_key": "05999",
        "slug": "neuer-kreis",
        "paper_layout": District.PaperLayout.ANLASS,
        "paper_number_pattern": "{amt}/{nr:03d}/{jahr}",
        "office_number": "50",
    }
    for name, total in prefix.items():
        data |= {f"{name}-TOTAL_FORMS": total, f"{name}-INITIAL_FORMS": 0}
    response = admin_client.post(_url(District, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    district = District.objects.get(slug="neuer-kreis")
    assert LandRequirements.objects.filter(district=district).count() == 1


@pytest.mark.parametrize("model", REGISTERED, ids=_ids)
def test_autocomplete_fields_answer(admin_client, model):
    model_admin = admin.site._registry[model]
    for field_name in model_admin.autocomplete_fields:
        response = admin_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": model._meta.app_label,
                "model_name": model._meta.model_name,
                "field_name": field_name,
                "term": "a",
            },
        )
        assert response.status_code == 200, field_name


def _request_for(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = User.objects.get(pk=client.session["_auth_user_id"])
    return request
