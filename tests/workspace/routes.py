from django.utils import timezone

from accounts.rights import Role
from tests import factories
from tests.routes import Route


def _post(district):
    return {"pk": factories.StaffPostFactory(district=district).pk}


def _municipality(district):
    return {"pk": factories.MunicipalityFactory(district=district).pk}


def _report_municipality(district):
    """The liaison's own municipality where the District has a liaison (another municipality's
    Kommunalbericht is 404 for them), else a new one."""
    membership = (
        district.memberships.filter(role=Role.LIAISON, municipality__isnull=False)
        .select_related("municipality")
        .first()
    )
    municipality = (
        membership.municipality if membership else factories.MunicipalityFactory(district=district)
    )
    return municipality


def _municipal_report(district):
    return {"municipality_slug": _report_municipality(district).slug}


def _municipal_report_file(district):
    year = timezone.localdate().year
    return {**_municipal_report(district), "von": year - 1, "bis": year}


def _measure(district):
    measure = factories.MeasureFactory(district=district)
    measure.title = "Geändert"
    measure.save()
    return measure


def _history_kwargs(district):
    measure = _measure(district)
    return {"kind": "massnahme", "pk": measure.pk}


def _restore_kwargs(district):
    measure = _measure(district)
    first = measure.history.order_by("history_date").first()
    return {"kind": "massnahme", "pk": measure.pk, "history_id": first.history_id}


ROUTES = {
    "workspace:home": Route(has_objects=False),
    "workspace:compliance": Route(has_objects=False),
    "workspace:staffing": Route(has_objects=False),
    "workspace:staff_create": Route(has_objects=False),
    "workspace:staff_update": Route(kwargs=_post),
    "workspace:staff_delete": Route(kwargs=_post),
    "workspace:land_requirements_update": Route(has_objects=False),
    "workspace:municipalities": Route(has_objects=False),
    "workspace:municipality_create": Route(has_objects=False),
    "workspace:municipality_update": Route(kwargs=_municipality),
    "workspace:municipality_delete": Route(kwargs=_municipality),
    "workspace:municipality_import": Route(has_objects=False),
    # Issue 20: the Kommunalbericht (tests/workspace/test_municipal_report.py)
    "workspace:municipal_report": Route(kwargs=_municipal_report),
    "workspace:municipal_report_pdf": Route(kwargs=_municipal_report_file),
    "workspace:municipal_report_xlsx": Route(kwargs=_municipal_report_file),
    "workspace:history": Route(kwargs=_history_kwargs),
    "workspace:history_restore": Route(kwargs=_restore_kwargs, method="post"),
}
