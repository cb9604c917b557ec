"""The whole Integrationskonzept of one version as a printable document.

What the concept contains follows the seeds: sections of text (seed 001/003: Anlass,
Handlungsfelder, Querschnittsthemen …), the Handlungsfelder, the Arbeitsschwerpunkte per
two-year work period as an annex (Förderrichtlinie KOMM-AN/KI: priorities per period), the
measures catalogue with its indicators, the actors involved and a glossary. An adopted version
shows its measures as adopted (``adopted_snapshot``), like the public concept page.
"""

import hashlib
from itertools import groupby

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from actors.models import Actor, GlossaryEntry
from concepts import versioning
from concepts.models import ConceptVersion, FieldOfAction, FocusArea, WorkPriority
from concepts.queries import visible_versions
from concepts.rendering import render_markdown
from core.text import fte_label
from kim.models import KIM_COMMITTEE_KINDS, Post, Seat
from kim.summary import by_baustein, by_municipality, posts_on, rates_on, seats_on
from measures.models import Indicator

from .models import GeneratedDocument
from .renderers import StoredDocumentRenderer, data_stamp, letterhead, register

# Bump when the print templates change, so stored PDFs are rendered anew.
TEMPLATE_VERSION = "3"  # 3: the KIM chapter (issue 19)


@register(GeneratedDocument.Kind.CONCEPT)
class ConceptRenderer(StoredDocumentRenderer):
    """The whole concept version, rendered by the worker (issue 7) and kept while unchanged."""

    model = ConceptVersion
    template_name = "documents/pdf/concept.html"
    subject_field = "concept_version"
    file_stem = "Integrationskonzept"
    request_url_name = "documents:request_concept"
    back_label = "Zurück zur Konzeptfassung"

    def fingerprint(self, obj, **options) -> str:
        return concept_fingerprint(obj)

    def context(self, obj, **options) -> dict:
        return concept_context(obj)

    def district(self, obj):
        return obj.concept.district

    def describe(self, obj) -> str:
        return f"Fassung {obj.number}: {obj.title}"

    def subject_url(self, obj) -> str:
        return reverse("concepts:version_detail", args=[self.district(obj).slug, obj.pk])

    def visible_subjects(self, request):
        """Readers see only the versions they may read (concepts.views_editor)."""
        return visible_versions(request)


def concept_fingerprint(version: ConceptVersion) -> str:
    """A hash over everything the concept document shows; changes whenever any of it does."""
    district = version.concept.district
    parts = [
        TEMPLATE_VERSION,
        f"{district.pk}:{district.modified}:{district.name}:{district.logo.name}",
        f"{version.pk}:{version.modified}",
        data_stamp(version.sections.all()),
        data_stamp(version.fields_of_action.all()),
        data_stamp(version.priorities.all()),
        data_stamp(FieldOfAction.objects.filter(district=district)),
        # What the District has decides the sentence for an empty list (versioning.empty_note).
        data_stamp(WorkPriority.objects.for_district(district)),
        data_stamp(district.measures.filter(is_archived=False)),
        data_stamp(Actor.objects.filter(district=district)),
        data_stamp(GlossaryEntry.objects.filter(district=district)),
        # A draft's KIM chapter says "Stand <today>".
        "" if version.adopted_snapshot else str(timezone.localdate()),
        data_stamp(Post.objects.for_district(district)),
        data_stamp(Seat.objects.for_district(district)),
        data_stamp(district.committees.filter(kind__in=KIM_COMMITTEE_KINDS)),
    ]
    if not version.adopted_snapshot:
        measures = version.measures.all()
        parts += [
            data_stamp(measures),
            data_stamp(Indicator.objects.filter(measure__in=measures)),
        ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def concept_context(version: ConceptVersion) -> dict:
    district = version.concept.district
    contents = versioning.version_contents(version)
    focus_order = {f.name: f.order for f in FocusArea.objects.all()}
    measures = sorted(
        contents["measures"],
        key=lambda m: (focus_order.get(m["focus_area"], 99), m["field_of_action"], m["title"]),
    )
    catalogue = [
        (
            focus,
            [
                (field, list(items))
                for field, items in groupby(group, lambda m: m["field_of_action"])
            ],
        )
        for focus, group in groupby(measures, lambda m: m["focus_area"])
    ]
    priorities = [
        (period, list(items))
        for period, items in groupby(contents["priorities"], lambda p: p["period"])
    ]
    actors = (
        Actor.objects.filter(district=district)
        .select_related("type", "municipality")
        .order_by("type__name", "name")
    )
    actor_groups = [(kind, list(items)) for kind, items in groupby(actors, lambda a: a.type.name)]
    fields = list(version.fields_of_action.order_by("name"))

    return {
        **letterhead(district),
        "version": version,
        "generated_at": timezone.localtime(),
        "sections": [
            (section, render_markdown(section.body, district))
            for section in version.sections.order_by("order")
        ],
        "fields": [(f, render_markdown(getattr(f, "description", ""), district)) for f in fields],
        "empty_notes": versioning.empty_notes(
            district, {**contents, "fields_of_action": [f.name for f in fields]}
        ),
        "catalogue": catalogue,
        "measure_count": len(measures),
        "priorities": priorities,
        "actor_groups": actor_groups,
        "actor_count": sum(len(items) for _kind, items in actor_groups),
        "glossary": list(GlossaryEntry.objects.filter(district=district).order_by("term")),
        "kim": kim_chapter(version, [m for m in measures if m.get("kim")]),
    }


def kim_chapter(version: ConceptVersion, kim_measures: list) -> dict | None:
    """The KIM chapter (issue 19: "a KIM section of the Fassung (goals, Lenkungsgruppe, posts
    per Baustein and municipality)"): the posts and the groups as they stood on the day the
    version was adopted, or today for a draft, and the version's KIM measures. The goals are
    the KI's own text, a section of the version. None where the District has no KIM then."""
    district = version.concept.district
    day = version.decided_on if version.adopted_snapshot and version.decided_on else None
    day = day or timezone.localdate()
    posts = posts_on(district, day)
    seats = [seat for seat in seats_on(district, day) if seat.actor and seat.committee]
    if not (posts or seats or kim_measures):
        return None
    for post in posts:
        post.fte_display = fte_label(post.fte)
    rows, total = by_baustein(posts, rates_on(day))
    groups: dict = {}
    for seat in sorted(
        seats, key=lambda s: (s.committee.kind != "lenkungsgruppe", s.committee.name)
    ):
        groups.setdefault(seat.committee, []).append(seat)
    return {
        "day": day,
        "baustein_rows": rows,
        "total": total,
        "municipality_rows": by_municipality(posts),
        "groups": [
            (committee, sorted(members, key=lambda s: (s.rechtskreis, s.actor.name)))
            for committee, members in groups.items()
        ],
        "measures": kim_measures,
    }


def concept_html(version: ConceptVersion) -> str:
    return render_to_string(ConceptRenderer.template_name, concept_context(version))
