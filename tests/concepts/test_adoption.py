"""Taking back and moving an adoption when the deciding result is corrected (issue 14)."""

import datetime

from concepts import services
from concepts.models import ConceptVersion
from tests import factories

Status = ConceptVersion.Status


def test_unadopt_puts_the_superseded_version_back_in_force(district):
    old = factories.ConceptVersionFactory(concept=district.concept, title="Konzept 2015")
    new = factories.ConceptVersionFactory(concept=district.concept, title="Fortschreibung")
    services.version_adopt(
        district=district, version=old, decided_on=datetime.date(2015, 6, 22), user=None
    )
    services.version_adopt(
        district=district, version=new, decided_on=datetime.date(2026, 6, 25), user=None
    )
    old.refresh_from_db()
    assert old.status == Status.SUPERSEDED

    services.version_unadopt(district=district, version=new, user=None)

    new.refresh_from_db()
    old.refresh_from_db()
    assert new.status == Status.IN_DELIBERATION and new.decided_on is None
    assert new.adopted_snapshot is None
    assert old.status == Status.ADOPTED and old.decided_on == datetime.date(2015, 6, 22)
    # Editable again, so the Kreistag can decide it anew.
    services.version_update(
        district=district, version=new, title="Fortschreibung (neu)", deadline=None, user=None
    )


def test_redate_follows_the_corrected_meeting(district):
    old = factories.ConceptVersionFactory(concept=district.concept)
    new = factories.ConceptVersionFactory(concept=district.concept)
    services.version_adopt(
        district=district, version=old, decided_on=datetime.date(2015, 6, 22), user=None
    )
    services.version_adopt(
        district=district, version=new, decided_on=datetime.date(2026, 6, 25), user=None
    )
    services.version_redate(
        district=district, version=new, decided_on=datetime.date(2026, 6, 27), user=None
    )
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.decided_on == datetime.date(2026, 6, 27) and new.status == Status.ADOPTED
    assert old.status == Status.SUPERSEDED
