"""Issue 14, districts 0007: the single "Finanzierung" of a staff post named its employer; it
becomes ``employer`` and every existing post stays Land-funded (the checklist answers as before).
The unsourced default review interval 5 becomes the LaKI's 3; a value the KI chose stays."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("districts", "0006_land_requirements_help_text")]
AFTER = [("districts", "0007_inforce_sources_and_staff_funding")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_funding_becomes_employer_and_the_review_interval_its_sourced_default():
    apps = migrate(BEFORE)
    District = apps.get_model("districts", "District")
    StaffPost = apps.get_model("districts", "StaffPost")
    Requirements = apps.get_model("districts", "LandRequirements")
    # Keys outside the real AGS range (05 9xx), as the factories use.
    old = District.objects.create(name="Kreis Alt", slug="kreis-alt", official_key="05990001")
    chosen = District.objects.create(
        name="Kreis Eigen", slug="kreis-eigen", official_key="05990002"
    )
    Requirements.objects.create(district=old, review_interval_years=5)
    Requirements.objects.create(district=chosen, review_interval_years=4)
    StaffPost.objects.create(
        district=old, title="Lehrkraft", profession="lehrkraft", fte=Decimal("1"), funding="land"
    )
    StaffPost.objects.create(
        district=old, title="Fachkraft", profession="paedagogik", fte=Decimal("1"), funding="kreis"
    )

    apps = migrate(AFTER)
    StaffPost = apps.get_model("districts", "StaffPost")
    Requirements = apps.get_model("districts", "LandRequirements")
    posts = {p.title: (p.employer, p.funding) for p in StaffPost.objects.all()}
    assert posts == {"Lehrkraft": ("land", "land"), "Fachkraft": ("kreis", "land")}
    intervals = dict(
        Requirements.objects.filter(district__slug__in=["kreis-alt", "kreis-eigen"]).values_list(
            "district__slug", "review_interval_years"
        )
    )
    assert intervals == {"kreis-alt": 3, "kreis-eigen": 4}

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
