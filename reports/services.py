"""Writes of Sachstandsberichte: create and update (the report's own fields only)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from concepts.rendering import check_images
from districts.models import District

from .models import ProgressReport
from .progress import REPORT_FIELDS


@transaction.atomic
def report_create(*, district: District, fields: dict, user) -> ProgressReport:
    """A new Sachstandsbericht of ``district`` (title, period, introduction, remarks)."""
    report = ProgressReport(district=district, **{k: fields[k] for k in REPORT_FIELDS})
    _check_images(fields, district)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_update(
    *, district: District, report: ProgressReport, fields: dict, user
) -> ProgressReport:
    """Write title, period, introduction and remarks to ``report``; the view has refused a
    stale save before (``core.locking``)."""
    if report.district_id != district.pk:
        raise PermissionDenied("Der Bericht gehört zu einem anderen Kreis.")
    _check_images(fields, district)
    for name in REPORT_FIELDS:
        setattr(report, name, fields[name])
    report.full_clean()
    report.save()
    return report


def _check_images(fields: dict, district: District) -> None:
    """The Markdown texts show images only from the District's own uploads (issue 15)."""
    errors = {}
    for name in ("introduction", "remarks"):
        try:
            check_images(fields.get(name, ""), district)
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
