"""Issue 12: concepts no longer reads papers to learn which draft a released Vorlage puts
before the council; ConceptVersion stores it (presented_to_council_on, presented_publicly).
This fills both from the releases made so far, by the rule paper_present_concept_version
applies from now on: the first release of any paper presenting the version, and whether one
of those papers is öffentlich in its latest release."""

from django.db import migrations
from django.utils import timezone


def backfill(apps, schema_editor):
    DecisionPaper = apps.get_model("papers", "DecisionPaper")
    PaperRelease = apps.get_model("papers", "PaperRelease")
    ConceptVersion = apps.get_model("concepts", "ConceptVersion")
    presented: dict[int, dict] = {}
    papers = DecisionPaper.objects.exclude(concept_version=None).filter(releases__isnull=False)
    for paper in papers.distinct():
        releases = PaperRelease.objects.filter(paper=paper)
        first = releases.order_by("released_at").first()
        latest = releases.order_by("-revision").first()
        entry = presented.setdefault(
            paper.concept_version_id, {"on": timezone.localdate(first.released_at), "public": False}
        )
        entry["on"] = min(entry["on"], timezone.localdate(first.released_at))
        entry["public"] = entry["public"] or latest.is_public
    for pk, entry in presented.items():
        ConceptVersion.objects.filter(pk=pk).update(
            presented_to_council_on=entry["on"], presented_publicly=entry["public"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("concepts", "0006_version_presented_to_council"),
        ("papers", "0004_content_types"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
