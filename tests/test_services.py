"""Every write takes the District first (``<app>/services.py``) and refuses another District's
object, even if a view let one through (``core.models.check_district``)."""

import pytest
from django.core.exceptions import PermissionDenied

from concepts import services as concept_services
from coordination import services as coordination_services
from districts import services as district_services
from documents import services as document_services
from papers import services as paper_services
from tests import factories

pytestmark = pytest.mark.django_db


def _section(district, user):
    section = factories.ConceptSectionFactory(
        version=factories.ConceptVersionFactory(concept=district.concept)
    )
    return section, lambda other: concept_services.section_update(
        district=other, section=section, title="x", body="fremd", user=user
    )


def _attachment(district, user):
    attachment = factories.AttachmentFactory(paper__district=district)
    return attachment, lambda other: paper_services.attachment_delete(
        district=other, attachment=attachment, user=user
    )


def _option(district, user):
    option = factories.RoundOptionFactory(round__district=district)
    return option, lambda other: coordination_services.option_delete(
        district=other, option=option, user=user
    )


def _staff_post(district, user):
    post = factories.StaffPostFactory(district=district)
    return post, lambda other: district_services.staff_post_delete(
        district=other, post=post, user=user
    )


def _municipality_delete(district, user):
    municipality = factories.MunicipalityFactory(district=district)
    return municipality, lambda other: district_services.municipality_delete(
        district=other, municipality=municipality, user=user
    )


def _municipality_save(district, user):
    municipality = factories.MunicipalityFactory(district=district)
    return municipality, lambda other: district_services.municipality_save(
        district=other, municipality=municipality, data={"name": "fremd"}, user=user
    )


def _release(district, user):
    paper = factories.releasable_paper(district)
    return paper, lambda other: paper_services.paper_release(district=other, paper=paper, user=user)


def _concept_document(district, user):
    version = factories.ConceptVersionFactory(concept=district.concept)
    return version, lambda other: document_services.request_document(
        district=other, subject=version, user=user
    )


@pytest.mark.parametrize(
    "make",
    [
        _section,
        _attachment,
        _option,
        _staff_post,
        _municipality_delete,
        _municipality_save,
        _release,
        _concept_document,
    ],
)
def test_a_service_refuses_the_object_of_another_district(district, other_district, ki_staff, make):
    record, write = make(district, ki_staff)
    before = type(record).objects.filter(pk=record.pk).values().get()
    with pytest.raises(PermissionDenied):
        write(other_district)
    assert type(record).objects.filter(pk=record.pk).values().get() == before
