import datetime

from tests import factories
from tests.routes import Route


def _period(district):
    # A fresh, non-overlapping period per call: the walker builds URLs many times.
    taken = set(district.work_periods.values_list("start__year", flat=True))
    year = next(y for y in range(1900, 2100, 2) if y not in taken)
    return factories.WorkPeriodFactory(
        district=district, start=datetime.date(year, 1, 1), end=datetime.date(year + 1, 12, 31)
    )


def _period_pk(district):
    return {"pk": _period(district).pk}


def _priority_pk(district):
    return {"pk": factories.WorkPriorityFactory(work_period=_period(district)).pk}


ROUTES = {
    "concepts:periods": Route(has_objects=False),
    "concepts:period_create": Route(has_objects=False),
    "concepts:period_update": Route(kwargs=_period_pk),
    "concepts:period_delete": Route(kwargs=_period_pk),
    "concepts:priority_create": Route(kwargs=_period_pk),
    "concepts:priority_update": Route(kwargs=_priority_pk),
    "concepts:priority_delete": Route(kwargs=_priority_pk),
    "concepts:fields": Route(has_objects=False),
    "concepts:field_create": Route(has_objects=False),
    "concepts:field_update": Route(
        kwargs=lambda d: {"pk": factories.FieldOfActionFactory(district=d).pk}
    ),
    "concepts:field_delete": Route(
        kwargs=lambda d: {"pk": factories.FieldOfActionFactory(district=d).pk}
    ),
    "concepts:target_group_create": Route(has_objects=False),
    "concepts:target_group_update": Route(
        kwargs=lambda d: {"pk": factories.TargetGroupFactory(district=d).pk}
    ),
    "concepts:target_group_delete": Route(
        kwargs=lambda d: {"pk": factories.TargetGroupFactory(district=d).pk}
    ),
}
