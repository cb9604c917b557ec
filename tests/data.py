"""Bulk test data: grow a District so that query-count tests can compare small and large."""

import datetime
from decimal import Decimal

from django.db.models import Max

from accounts.models import Membership, User
from accounts.rights import Role
from actors.models import (
    Actor,
    ActorType,
    Committee,
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
from districts.models import Municipality
from measures.latest import refresh_latest_values
from measures.models import Indicator, Measure, Measurement
from papers.models import (
    Attachment,
    Consultation,
    DecisionPaper,
    PaperRelease,
    ReleasedAttachment,
)


def grow(district, *, measures: int = 200, measurements: int = 50, tag: str = "x") -> None:
    """Add ``measures`` measures (each with an indicator of ``measurements`` values) and many
    rows of every other kind to ``district``; existing indicators, actors and committees get
    more rows too, so detail pages grow as well as lists."""
    focus_areas = list(FocusArea.objects.all())
    types = list(ActorType.objects.all())
    municipalities = Municipality.objects.bulk_create(
        Municipality(district=district, name=f"Gemeinde {tag}{i}", slug=f"gemeinde-{tag}{i}")
        for i in range(10)
    )
    fields = FieldOfAction.objects.bulk_create(
        FieldOfAction(district=district, name=f"Feld {tag}{i}") for i in range(10)
    )
    groups = TargetGroup.objects.bulk_create(
        TargetGroup(district=district, name=f"Gruppe {tag}{i}") for i in range(10)
    )
    taken = set(district.work_periods.values_list("start__year", flat=True))
    years = [y for y in range(1960, 2000, 2) if y not in taken and y + 1 not in taken][:8]
    periods = [
        WorkPeriod.objects.create(
            district=district,
            kind="kalender",
            start=datetime.date(y, 1, 1),
            end=datetime.date(y + 1, 12, 31),
        )
        for y in years
    ]
    priorities = WorkPriority.objects.bulk_create(
        WorkPriority(work_period=p, focus_area=f, title=f"Priorität {tag}{p.pk}-{f.code}")
        for p in periods
        for f in focus_areas
    )
    actors = Actor.objects.bulk_create(
        Actor(
            district=district,
            name=f"Akteur {tag}{i}",
            type=types[i % len(types)],
            is_published=True,
        )
        for i in range(40)
    )
    all_actors = list(district.actors.all())
    Offer.objects.bulk_create(
        Offer(actor=a, title=f"Angebot {tag}{a.pk}-{j}", is_published=True)
        for a in all_actors
        for j in range(3)
    )
    ContactPerson.objects.bulk_create(
        ContactPerson(actor=a, name=f"Person {tag}{a.pk}-{j}", consents_to_publication=True)
        for a in all_actors
        for j in range(2)
    )
    for a in actors[:10]:
        a.fields_of_action.set(fields[:3])
        a.target_groups.set(groups[:3])
    GlossaryEntry.objects.bulk_create(
        GlossaryEntry(district=district, term=f"Begriff {tag}{i}", explanation="Erklärung")
        for i in range(30)
    )
    Committee.objects.bulk_create(
        Committee(district=district, name=f"Gremium {tag}{i}", kind="arbeitskreis")
        for i in range(10)
    )
    for committee in district.committees.all():
        committee.members.add(*all_actors[:15])
        Meeting.objects.bulk_create(
            Meeting(
                committee=committee,
                start=datetime.datetime(2026, 1, 1, 17, tzinfo=datetime.UTC)
                + datetime.timedelta(days=7 * j),
            )
            for j in range(10)
        )
    ParticipationEvent.objects.bulk_create(
        ParticipationEvent(
            district=district,
            kind="workshop",
            title=f"Workshop {tag}{i}",
            date=datetime.date(2014, 4, 1),
            field_of_action=fields[i % len(fields)],
            participants=20,
            institutions=5,
        )
        for i in range(20)
    )
    new_measures = Measure.objects.bulk_create(
        Measure(
            district=district,
            title=f"Maßnahme {tag}{i}",
            focus_area=focus_areas[i % 2],
            field_of_action=fields[i % len(fields)],
            status=Measure.Status.RUNNING,
            lead_actor=actors[i % len(actors)],
            goal="Ziel",
        )
        for i in range(measures)
    )
    Measure.work_priorities.through.objects.bulk_create(
        Measure.work_priorities.through(measure=m, workpriority=priorities[i % len(priorities)])
        for i, m in enumerate(new_measures)
    )
    Measure.municipalities.through.objects.bulk_create(
        Measure.municipalities.through(
            measure=m, municipality=municipalities[i % len(municipalities)]
        )
        for i, m in enumerate(new_measures)
    )
    Measure.partner_actors.through.objects.bulk_create(
        Measure.partner_actors.through(measure=m, actor=actors[(i + 1) % len(actors)])
        for i, m in enumerate(new_measures)
    )
    Measure.target_groups.through.objects.bulk_create(
        Measure.target_groups.through(measure=m, targetgroup=groups[i % len(groups)])
        for i, m in enumerate(new_measures)
    )
    Indicator.objects.bulk_create(
        Indicator(
            measure=m,
            name="Teilnehmende",
            unit="Personen",
            baseline=Decimal(10),
            target=Decimal(100),
        )
        for m in new_measures
    )
    start = datetime.date(2000, 1, 1)
    for indicator in Indicator.objects.filter(measure__district=district):
        Measurement.objects.bulk_create(
            Measurement(
                indicator=indicator,
                value=Decimal(10 + j),
                date=start + datetime.timedelta(days=30 * j),
                municipality=municipalities[j % len(municipalities)] if j % 5 == 0 else None,
            )
            for j in range(measurements)
        )
    # bulk_create sends no signals: the latest value kept on the Kennzahl (issue 16).
    refresh_latest_values(
        Indicator.objects.filter(measure__district=district).values_list("pk", flat=True)
    )
    grow_papers(district, tag)
    version = ConceptVersion.objects.create(
        concept=district.concept,
        number=(district.concept.versions.aggregate(n=Max("number"))["n"] or 0) + 1,
        title=f"Fassung {tag}",
        status=ConceptVersion.Status.SUPERSEDED,
        decided_on=datetime.date(2010, 1, 1),
    )
    ConceptSection.objects.bulk_create(
        ConceptSection(version=version, order=i, title=f"Abschnitt {i}", body="Text")
        for i in range(20)
    )
    version.fields_of_action.set(fields)
    users = User.objects.bulk_create(
        User(username=f"mitglied-{tag}-{district.pk}-{i}") for i in range(20)
    )
    Membership.objects.bulk_create(
        Membership(user=u, district=district, role=Role.STAFF) for u in users
    )


def grow_papers(district, tag: str, count: int = 60) -> None:
    """Papers of every kind: drafts, released öffentlich and nichtöffentlich, with a
    Beratungsfolge of three steps and attachments; existing papers get attachments too."""
    meetings = list(Meeting.objects.filter(committee__district=district).order_by("start")[:3])
    papers = DecisionPaper.objects.bulk_create(
        DecisionPaper(
            district=district,
            reference=f"90/{i:03d}/{tag}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
            subject=f"Vorlage {tag}{i}",
            is_public=i % 3 != 0,
            proposal="Beschlussvorschlag",
            released_at=None if i % 4 == 0 else datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC),
        )
        for i in range(count)
    )
    Consultation.objects.bulk_create(
        Consultation(
            paper=paper,
            meeting=meeting,
            order=order,
            role="entscheidung" if order == 3 else "vorberatung",
            authoritative=order == 3,
            result="einstimmig" if order == 3 and i % 2 else "",
        )
        for i, paper in enumerate(papers)
        for order, meeting in enumerate(meetings, start=1)
    )
    PaperRelease.objects.bulk_create(
        PaperRelease(
            paper=paper,
            revision=1,
            released_at=paper.released_at,
            reference=paper.reference,
            subject=paper.subject,
            is_public=paper.is_public,
            pdf=b"%PDF-1.7",
            sha256="0" * 64,
            size=8,
        )
        for paper in papers
        if paper.released_at
    )
    Attachment.objects.bulk_create(
        Attachment(paper=paper, title=f"Anlage {j}", order=j)
        for paper in DecisionPaper.objects.filter(district=district)
        for j in range(3)
    )
    ReleasedAttachment.objects.bulk_create(
        ReleasedAttachment(
            release=release,
            title=f"Anlage {j}",
            file=f"freigaben/2026/anlage-{j}.pdf",
            order=j,
            sha256="0" * 64,
            sha512="0" * 128,
            size=8,
        )
        for release in PaperRelease.objects.filter(paper__district=district)
        for j in range(3)
    )
