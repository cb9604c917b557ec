"""Issue 16: a page's cost is flat in the data of its District.

For each page the issue lists, a District with a full first page is grown ten times beyond it
(measures with indicators and measurements, actors with offers, papers, meetings); the page must
then take the same number of queries and build no more model instances (counted on
``post_init``, which every instance fetched or made sends) than before.
"""

import collections
import contextlib
import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors.models import Actor, ActorType, Committee, Meeting, Offer
from actors.search import refresh_search_texts
from core.widgets import PlainSelect
from measures.models import Indicator, Measure, Measurement
from papers.models import Consultation, DecisionPaper, PaperRelease, ReleasedAttachment
from tests import factories
from tests.data import grow

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def counting_instances():
    """Counts the model instances built inside the block, per model."""
    built: collections.Counter = collections.Counter()

    def count(sender, **kwargs):
        built[sender._meta.label] += 1

    post_init.connect(count, weak=False, dispatch_uid="flat_pages_count")
    try:
        yield built
    finally:
        post_init.disconnect(dispatch_uid="flat_pages_count")


def cost(client, url) -> tuple[int, collections.Counter]:
    """Queries and model instances of one request, after a warm-up (session, caches)."""
    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as queries, counting_instances() as built:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), built


def full_first_page(district) -> None:
    """Every list's first page full: 30 measures (page 25), 40 actors (page 20), 60 papers
    (pages 25 and 20), 100 meetings (page 20)."""
    grow(district, measures=30, measurements=5, tag="a")
    refresh_search_texts(district.actors.all())  # grow bulk-creates, past the receivers


def grow_tenfold(district, tag: str = "z") -> None:
    """Ten first pages more of what grows in a District: measures with an indicator and ten
    measurements each, published actors with offers, papers and meetings. Reference lists
    (municipalities, Handlungsfelder, Zielgruppen, periods) keep their size, as in a real Kreis."""
    types = list(ActorType.objects.all())
    actors = Actor.objects.bulk_create(
        Actor(
            district=district,
            name=f"Akteur {tag}-{i:03d}",
            type=types[i % len(types)],
            is_published=True,
            description="Beratung und Begleitung",
        )
        for i in range(400)
    )
    Offer.objects.bulk_create(
        Offer(actor=a, title=f"Angebot {tag}{a.pk}-{j}", is_published=True)
        for a in actors
        for j in range(2)
    )
    refresh_search_texts(Actor.objects.filter(pk__in=[a.pk for a in actors]))
    template = district.measures.first()
    measures = Measure.objects.bulk_create(
        Measure(
            district=district,
            title=f"Maßnahme {tag}{i}",
            focus_area_id=template.focus_area_id,
            field_of_action_id=template.field_of_action_id,
            status=Measure.Status.RUNNING,
            lead_actor=actors[i],
            goal="Ziel",
        )
        for i in range(300)
    )
    Measure.partner_actors.through.objects.bulk_create(
        Measure.partner_actors.through(measure=m, actor=actors[i + 1])
        for i, m in enumerate(measures)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(measure=m, name="Teilnehmende", baseline=Decimal(1), target=Decimal(100))
        for m in measures
    )
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            value=Decimal(j),
            date=datetime.date(2001, 1, 1) + datetime.timedelta(days=31 * j),
        )
        for indicator in indicators
        for j in range(10)
    )
    committees = list(Committee.objects.for_district(district))
    Meeting.objects.bulk_create(
        Meeting(
            committee=committees[i % len(committees)],
            start=datetime.datetime(2027, 1, 1, 17, tzinfo=datetime.UTC)
            + datetime.timedelta(days=i),
        )
        for i in range(1000)
    )
    grow_new_papers(district, tag, count=600)


def grow_new_papers(district, tag: str, count: int) -> None:
    """Papers shaped like grow_papers' (three steps, a release with three attachments), without
    adding attachments to the papers already there: those are the first page's own data."""
    # Issue 20: each paper on three of the meetings grown with it (2027 on), as papers spread
    # over a real council's meetings; a meeting's agenda (OParl embeds it) stays a few items.
    meetings = list(
        Meeting.objects.filter(committee__district=district, start__year__gte=2027).order_by(
            "start"
        )
    ) or list(Meeting.objects.filter(committee__district=district).order_by("start")[:3])
    papers = DecisionPaper.objects.bulk_create(
        DecisionPaper(
            district=district,
            reference=f"91/{i:03d}/{tag}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 300),
            subject=f"Vorlage {tag}{i}",
            is_public=i % 3 != 0,
            proposal="Beschlussvorschlag",
            released_at=None if i % 4 == 0 else datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC),
        )
        for i in range(count)
    )
    Consultation.objects.bulk_create(
        Consultation(paper=paper, meeting=meeting, order=order, role="vorberatung")
        for i, paper in enumerate(papers)
        for order, meeting in enumerate(
            [meetings[(3 * i + step) % len(meetings)] for step in range(3)], start=1
        )
    )
    releases = PaperRelease.objects.bulk_create(
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
        for release in releases
        for j in range(3)
    )


def assert_flat(client, district, *urls: str, after_growing=None) -> None:
    small = {url: cost(client, url) for url in urls}
    grow_tenfold(district)
    if after_growing is not None:
        after_growing()
    for url in urls:
        small_queries, small_built = small[url]
        large_queries, large_built = cost(client, url)
        assert large_queries == small_queries, url
        grown = {k: (small_built[k], v) for k, v in large_built.items() if v > small_built[k]}
        assert not grown, (url, grown)
        assert sum(large_built.values()) <= sum(small_built.values()), url


@pytest.fixture
def lead_client(client, district, ki_lead):
    client.force_login(ki_lead)
    full_first_page(district)
    return client


def test_measures_list(lead_client, district):
    assert_flat(lead_client, district, reverse("measures:list", args=[district.slug]))


def test_dashboard(lead_client, district):
    assert_flat(lead_client, district, reverse("workspace:home", args=[district.slug]))


def test_measure_detail(lead_client, district):
    measure = district.measures.order_by("pk").first()
    assert_flat(lead_client, district, reverse("measures:detail", args=[district.slug, measure.pk]))


def test_council_paper_list(lead_client, district):
    assert_flat(lead_client, district, reverse("papers:list", args=[district.slug]))


def test_public_directory(lead_client, district):
    lead_client.logout()
    url = reverse("public:directory", args=[district.slug])
    assert_flat(lead_client, district, url, url + "?q=angebot", url + "?q=akteur&page=2")


def test_public_directory_search_in_sql(client, district):
    """Searched and counted in SQL: a query over a grown District still finds the right ones."""
    full_first_page(district)
    grow_tenfold(district)
    url = reverse("public:directory", args=[district.slug])
    response = client.get(url, {"q": "AKTEUR Z-03"})
    assert [a.name for a in response.context["actors"]] == [f"Akteur z-03{i}" for i in range(10)]
    assert response.context["result_count"] == 10
    response = client.get(url, {"q": "Beratung", "page": "2"})
    assert response.context["result_count"] == 400
    assert response.context["page_obj"].number == 2


def test_oparl_paper_list(client, district):
    full_first_page(district)
    assert_flat(client, district, reverse("oparl:paper_list", kwargs={"body": district.slug}))


def test_oparl_meeting_list(client, district):
    full_first_page(district)
    assert_flat(client, district, reverse("oparl:meeting_list", kwargs={"body": district.slug}))


def test_concept_version_page(lead_client, district):
    """The draft holds every measure of the District, before and after it grew tenfold: the
    page shows them 25 at a time (the whole concept is the PDF's)."""
    latest = district.concept.versions.order_by("-number").first()
    version = factories.ConceptVersionFactory(
        concept=district.concept, number=(latest.number + 1) if latest else 1
    )

    def hold_all():
        version.measures.set(district.measures.all())

    hold_all()
    assert version.measures.count() >= 30
    url = reverse("concepts:version_detail", args=[district.slug, version.pk])
    assert_flat(lead_client, district, url, after_growing=hold_all)
    assert version.measures.count() >= 300


@pytest.mark.parametrize("value", [None, "", "2", "4", 5, "unbekannt"])
def test_plain_select_renders_what_select_renders(value):
    """Issue 16's fast ``<select>``: same element, options, labels, ids and selected state."""
    from django import forms
    from django.test.html import parse_html

    choices = [("", "alle"), ("1", "A & B <i>"), ("2", "Zwei"), ("G", [("4", "Vier")]), (5, "Fünf")]
    attrs = {"id": "id_f", "class": "form-select", "aria-describedby": "id_f_help"}
    expected = forms.Select(choices=choices).render("f", value, attrs)
    assert parse_html(PlainSelect(choices=choices).render("f", value, attrs)) == parse_html(
        expected
    )
