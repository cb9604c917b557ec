from concepts.models import ConceptVersion
from tests import factories
from tests.routes import Route


def _adopted(district):
    return factories.ConceptVersionFactory(
        concept=district.concept, status=ConceptVersion.Status.ADOPTED, decided_on="2015-06-22"
    )


def _draft(district):
    return factories.ConceptVersionFactory(concept=district.concept)


def _version(district):
    return {"pk": _adopted(district).pk}


def _draft_version(district):
    return {"pk": _draft(district).pk}


def _in_consultation(district):
    return factories.ConceptVersionFactory(
        concept=district.concept, status=ConceptVersion.Status.IN_CONSULTATION
    )


def _municipality(district):
    """The liaison's municipality where the walker logs one in, else a new one."""
    return district.municipalities.order_by("pk").first() or factories.MunicipalityFactory(
        district=district
    )


def _agreement_form(district):
    return {"pk": _in_consultation(district).pk, "municipality_pk": _municipality(district).pk}


def _agreement(district):
    """An adopted Fassung (every reader sees it) with a recorded Einvernehmen and its PDF."""
    from django.core.files.base import ContentFile

    from concepts.models import MunicipalAgreement

    version = _adopted(district)
    municipality = _municipality(district)
    agreement = MunicipalAgreement(
        version=version,
        municipality=municipality,
        decision=MunicipalAgreement.Decision.AGREED,
        body="Rat der Stadt",
        decided_on="2015-05-01",
    )
    agreement.document.save("beschluss.pdf", ContentFile(b"%PDF-1.4 walker"), save=False)
    agreement.save()
    return {"pk": version.pk, "municipality_pk": municipality.pk}


def _comparison(district):
    return {"old": _adopted(district).pk, "new": _draft(district).pk}


def _section(district):
    return {"pk": factories.ConceptSectionFactory(version=_draft(district)).pk}


ROUTES = {
    "concepts:versions": Route(has_objects=False),
    "concepts:version_create": Route(has_objects=False),
    "concepts:diff": Route(has_objects=False, query=_comparison),
    "concepts:image_upload": Route(method="post", has_objects=False),
    "concepts:version_detail": Route(kwargs=_version),
    "concepts:version_update": Route(kwargs=_draft_version),
    "concepts:version_continue": Route(kwargs=_version, method="post"),
    "concepts:version_contents": Route(kwargs=_draft_version),
    "concepts:agreements": Route(kwargs=_version),
    "concepts:agreement_edit": Route(kwargs=_agreement_form),
    "concepts:agreement_delete": Route(kwargs=_agreement),
    "concepts:agreement_document": Route(kwargs=_agreement),
    "concepts:version_status": Route(kwargs=_draft_version, method="post"),
    "concepts:version_submit": Route(kwargs=_draft_version, method="post"),
    "concepts:section_create": Route(kwargs=_draft_version),
    "concepts:section_update": Route(kwargs=_section),
    "concepts:section_delete": Route(kwargs=_section, method="post"),
    "concepts:section_move": Route(kwargs=_section, method="post"),
}
