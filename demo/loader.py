"""Load the demo content of ``demo/content/<kreis>.yaml`` into the database.

Each content file holds one District; ``demo.validate`` checks it before anything is written,
and names the file and entry of a mistake. Loading is idempotent: every
object is found by its natural key (e.g. District + name, version number, period start) and
written only when it is new or one of its values differs, so ``make run`` can call
``load_demo`` on every start and a second run writes nothing (no new history rows, no changed
``modified`` stamps, no new password hashes).
"""

from __future__ import annotations

import datetime
import zlib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.contrib.auth.hashers import check_password
from django.db import models, transaction

from accounts.models import Membership, User
from accounts.rights import Role
from actors.models import (
    Actor,
    ActorType,
    Committee,
    CommitteeReader,
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
from coordination.models import (
    PriorityAdoption,
    PriorityRound,
    RoundOption,
    Submission,
    SubmissionChoice,
)
from core.text import german_slugify
from districts.models import District, LandRequirements, Municipality, StaffPost
from kim.models import CaseFigures, CaseTopic, Finding, PostChange, Seat, TopicCount
from kim.models import Post as KimPost
from measures.models import Indicator, LandIndicator, Measure, Measurement
from papers.models import Attachment, Consultation, DecisionPaper, PaperRelease
from papers.services import paper_release
from reports.models import ProgressReport

from .validate import ADOPTERS, READERS, validate

# One file per District, read from the source tree (also from an editable install).
CONTENT_DIR = Path(__file__).resolve().parent / "content"
# The C parser when PyYAML has it: the three files are read on every ``make run``.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEMO_PASSWORD = "demo"
BERLIN = ZoneInfo("Europe/Berlin")
MEETING_HOUR = 17
RELEASE_HOUR = 9
# Mettmann's Beschlussvorlage 50/020/2015 (seed 001) uses Anlass – Sachverhalt – Ausblick.
PAPER_LAYOUTS = {"05158": District.PaperLayout.ANLASS}
# Usual Beratungsfolge (help text of Committee.path_position).
PATH_POSITIONS = {
    Committee.Kind.SPECIALIST: 1,
    Committee.Kind.DISTRICT_COMMITTEE: 2,
    Committee.Kind.COUNCIL: 3,
}

FIRST_NAMES = (
    "Anna", "Jan", "Katharina", "Murat", "Sabine", "Thomas", "Leyla", "Michael", "Julia",
    "Stefan", "Elif", "Andreas", "Birgit", "Dimitrios", "Monika", "Ralf", "Svetlana", "Peter",
    "Nicole", "Hakan", "Ingrid", "Oliver", "Marta", "Frank", "Ursula", "Christian", "Aylin",
    "Markus", "Petra", "Jürgen", "Natalia", "Dirk", "Claudia", "Wolfgang", "Fatma", "Heike",
)  # fmt: skip
LAST_NAMES = (
    "Becker", "Schulte", "Yılmaz", "Hoffmann", "Krämer", "Wagner", "Nowak", "Richter", "Brand",
    "Özdemir", "Lange", "Wolff", "Papadakis", "Hartmann", "Kaya", "Winkler", "Schröder",
    "Neumann", "Kowalski", "Berger", "Arslan", "Fuchs", "Vogel", "Lehmann", "Engels", "Busch",
    "Petrović", "Jansen", "Pohl", "Esser", "Klein", "Weber", "Sommer", "Ludwig", "Brinkmann",
)  # fmt: skip


@dataclass
class LoadStats:
    """What a run wrote, by model (verbose_name_plural)."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    @property
    def changes(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


def _dec(value) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def _local(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BERLIN)


def _person_name(username: str) -> tuple[str, str]:
    """A plausible, stable name for a demo user without a name in the content."""
    h = zlib.crc32(username.encode())
    return FIRST_NAMES[h % len(FIRST_NAMES)], LAST_NAMES[(h // len(FIRST_NAMES)) % len(LAST_NAMES)]


def _split_name(full: str) -> tuple[str, str]:
    first, _, last = full.strip().rpartition(" ")
    return (first, last) if first else ("", last)


class _Loader:
    def __init__(self, stats: LoadStats | None = None):
        self.stats = stats if stats is not None else LoadStats()
        self._focus = {fa.code: fa for fa in FocusArea.objects.all()}
        self._actor_types = {t.code: t for t in ActorType.objects.all()}
        self._password_checks: dict[str, bool] = {}
        self._demo_hash: str | None = None
        self._cache: dict = {}  # model -> (key fields, {key: object})
        self._m2m: dict = {}  # (model, field name) -> {source pk: {target pks}}
        self._new: set = set()  # (model, pk) created in this run
        self.preload(User, User.objects.all(), "username")

    # -- generic upserts ---------------------------------------------------------------------

    def preload(self, model, queryset, *key_fields: str) -> None:
        """Read all existing rows of ``model`` once, so ``upsert`` needs no query per object."""
        self._cache[model] = (
            tuple(sorted(key_fields)),
            {self._row_key(obj, key_fields): obj for obj in queryset},
        )

    def preload_m2m(self, model, sources, *names: str) -> None:
        """Read the current targets of the M2M fields ``names`` for all ``sources`` at once."""
        for name in names:
            m2m = model._meta.get_field(name)
            current: dict = {}
            rows = m2m.remote_field.through._default_manager.filter(
                **{f"{m2m.m2m_field_name()}__in": sources}
            ).values_list(m2m.m2m_column_name(), m2m.m2m_reverse_name())
            for source, target in rows:
                current.setdefault(source, set()).add(target)
            self._m2m[(model, name)] = current

    @staticmethod
    def _row_key(obj, key_fields) -> tuple:
        return tuple(sorted((f, getattr(obj, obj._meta.get_field(f).attname)) for f in key_fields))

    @staticmethod
    def _lookup_key(lookup: dict) -> tuple:
        return tuple(
            sorted((k, v.pk if isinstance(v, models.Model) else v) for k, v in lookup.items())
        )

    def _find(self, model, lookup: dict):
        cached = self._cache.get(model)
        if cached and cached[0] == tuple(sorted(lookup)):
            return cached[1].get(self._lookup_key(lookup))
        return model._default_manager.filter(**lookup).first()

    def upsert(self, model, lookup: dict, clean: bool = False, **values):
        """Find ``model`` by ``lookup``; create it or write the ``values`` that differ."""
        obj = self._find(model, lookup)
        label = str(model._meta.verbose_name_plural)
        if obj is None:
            obj = model(**lookup, **values)
            if clean:
                obj.full_clean()
            obj.save()
            self.stats.created[label] += 1
            self._new.add((model, obj.pk))
            cached = self._cache.get(model)
            if cached and cached[0] == tuple(sorted(lookup)):
                cached[1][self._lookup_key(lookup)] = obj
            return obj
        changed = [name for name, value in values.items() if self._differs(obj, name, value)]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            if clean:
                obj.full_clean()
            obj.save()
            self.stats.updated[label] += 1
        return obj

    def land_indicator(self, key: str) -> LandIndicator | None:
        """The Land's Kennzahl with ``key`` (the demo files' ``land_key``), created like the
        migration does (name = key, no definition) if the Land has none yet; a name or
        definition the Land gave it stays (issue 17)."""
        if not key:
            return None
        return self._find(LandIndicator, {"key": key}) or self.upsert(
            LandIndicator, {"key": key}, name=key
        )

    def is_new(self, obj) -> bool:
        return (type(obj), obj.pk) in self._new

    @staticmethod
    def _differs(obj, name: str, value) -> bool:
        model_field = obj._meta.get_field(name)
        if model_field.many_to_one or model_field.one_to_one:
            # Compare keys, so an unchanged foreign key costs no query.
            return getattr(obj, model_field.attname) != (value.pk if value is not None else None)
        return getattr(obj, name) != value

    def set_m2m(self, obj, name: str, targets) -> None:
        targets = list(targets)
        wanted = {t.pk for t in targets}
        cached = self._m2m.get((type(obj), name))
        if cached is not None:
            current = cached.get(obj.pk, set())
        else:
            current = set(getattr(obj, name).values_list("pk", flat=True))
        if current != wanted:
            getattr(obj, name).set(targets)
            if cached is not None:
                cached[obj.pk] = wanted
            if not self.is_new(obj):
                self.stats.updated[f"{obj._meta.verbose_name_plural} ({name})"] += 1

    def preload_district(self, district: District) -> None:
        """One query per table instead of one per object: a second run must be fast."""
        d = district
        for model, keys in (
            (Municipality, ("district", "name")),
            (FieldOfAction, ("district", "name")),
            (TargetGroup, ("district", "name")),
            (WorkPeriod, ("district", "start")),
            (Actor, ("district", "name")),
            (StaffPost, ("district", "title")),
            (Committee, ("district", "name")),
            (ParticipationEvent, ("district", "title")),
            (Measure, ("district", "title")),
            (GlossaryEntry, ("district", "term")),
            (DecisionPaper, ("district", "reference")),
            (ProgressReport, ("district", "title")),
            (PriorityRound, ("district", "title")),
            (Membership, ("user", "district")),
        ):
            self.preload(model, model._default_manager.filter(district=d), *keys)
        for model, keys in (
            (ConceptVersion, ("concept", "number")),
            (ConceptSection, ("version", "order")),
            (WorkPriority, ("work_period", "title")),
            (Offer, ("actor", "title")),
            (ContactPerson, ("actor", "name")),
            (Meeting, ("committee", "start")),
            (Indicator, ("measure", "name")),
            (Measurement, ("indicator", "date", "municipality")),
            (Consultation, ("paper", "order")),
            (Attachment, ("paper", "order")),
            (RoundOption, ("round", "title")),
            (Submission, ("round", "municipality")),
        ):
            self.preload(model, model._default_manager.for_district(d), *keys)
        self.preload(
            SubmissionChoice,
            SubmissionChoice.objects.filter(submission__round__district=d),
            "submission",
            "option",
        )
        self.preload_m2m(ConceptVersion, ConceptVersion.objects.for_district(d), "fields_of_action")
        self.preload_m2m(Actor, Actor.objects.for_district(d), "fields_of_action", "target_groups")
        self.preload_m2m(Offer, Offer.objects.for_district(d), "target_groups", "municipalities")
        self.preload_m2m(Committee, Committee.objects.for_district(d), "members")
        self.preload_m2m(ParticipationEvent, ParticipationEvent.objects.for_district(d), "actors")
        self.preload_m2m(
            Measure,
            Measure.objects.for_district(d),
            "work_priorities",
            "target_groups",
            "municipalities",
            "partner_actors",
            "concept_versions",
        )

    # -- districts ---------------------------------------------------------------------------

    def district(self, data: dict) -> District:
        district = District.objects.get(official_key=data["official_key"])
        if data.get("slug") and data["slug"] != district.slug:
            raise ValueError(
                f"Demodaten {data['name']}: Kürzel „{data['slug']}“ passt nicht zum Kreis "
                f"{district.official_key} („{district.slug}“)."
            )
        papers = data.get("decision_papers") or []
        layout = data.get("paper_layout") or PAPER_LAYOUTS.get(district.official_key)
        if not layout and papers and papers[0].get("layout"):
            layout = papers[0]["layout"]
        if layout:
            district = self.upsert(District, {"pk": district.pk}, paper_layout=layout)
        self.preload_district(district)

        municipalities = {}
        for m in data["municipalities"]:
            municipalities[m["name"]] = self.upsert(
                Municipality,
                {"district": district, "name": m["name"]},
                clean=True,
                slug=german_slugify(m["name"]),
                ags=m.get("ags") or "",
            )

        fields = {}
        for order, f in enumerate(data["fields_of_action"], start=1):
            fields[f["name"]] = self.upsert(
                FieldOfAction,
                {"district": district, "name": f["name"]},
                description=f.get("description", ""),
                is_cross_cutting=bool(f.get("cross_cutting", False)),
                order=order,
            )
        groups = {}
        for name in data["target_groups"]:
            groups[name] = self.upsert(TargetGroup, {"district": district, "name": name})

        versions = self.concept(district, data["concept_versions"], fields)
        priorities = self.work_periods(district, data["work_periods"])
        actors = self.actors(district, data["actors"], municipalities, fields, groups)
        self.staff(district, data.get("staff_posts", []))
        committees = self.committees(district, data.get("committees", []), actors)
        self.participation(district, data.get("participation_events", []), fields, actors)
        self.measures(
            district, data["measures"], fields, groups, municipalities, actors, priorities, versions
        )
        self.annex_and_freeze(district, versions)
        for entry in data.get("glossary", []):
            self.upsert(
                GlossaryEntry,
                {"district": district, "term": entry["term"]},
                explanation=entry["explanation"],
                is_abbreviation=bool(entry.get("abbreviation", False)),
            )
        users = self.district_users(district, data, municipalities)
        self.papers(district, papers, committees, versions, users.get(Role.LEAD))
        # After the papers: their release in the demo is history, no notice mail (issue 20).
        self.committee_readers(data.get("committees", []), committees, users)
        for report in data.get("progress_reports", []):
            self.upsert(
                ProgressReport,
                {"district": district, "title": report["title"]},
                period_start=report["period_start"],
                period_end=report["period_end"],
                introduction=report["introduction"],
                remarks=report["remarks"],
            )
        self.rounds(district, data.get("priority_rounds", []), municipalities, fields, users)
        if data.get("kim"):
            self.kim(district, data["kim"], municipalities, actors)
        return district

    def kim(self, district, data, municipalities, actors) -> None:
        """Issue 19: KIM posts and decisions (from a source), the Lenkungsgruppe and its
        Projektgruppen, and case figures and Strukturbedarfe (illustrative: ``is_example``)."""
        for p in data.get("posts", []):
            self.upsert(
                KimPost,
                {"district": district, "kind": p["kind"], "title": p["title"]},
                clean=True,
                fte=_dec(p["fte"]),
                state=p["state"],
                since=p.get("since"),
                employer=p["employer"],
                employer_name=p.get("employer_name", ""),
                municipality=municipalities[p["municipality"]] if p.get("municipality") else None,
                funded=bool(p.get("funded", True)),
                annual_cost=_dec(p.get("annual_cost")),
            )
        for c in data.get("post_changes", []):
            self.upsert(
                PostChange,
                {"district": district, "kind": c["kind"], "decision": c["decision"]},
                clean=True,
                fte_before=_dec(c["fte_before"]),
                fte_after=_dec(c["fte_after"]),
                effective_on=c.get("effective_on"),
                decided_on=c.get("decided_on"),
                note=c.get("note", ""),
            )
        groups = {}
        for g in data.get("groups", []):
            committee = self.upsert(
                Committee, {"district": district, "name": g["name"]}, kind=g["kind"]
            )
            for day in g.get("meetings", []):
                self.meeting(committee, day)
            for seat in g.get("seats", []):
                self.upsert(
                    Seat,
                    {"committee": committee, "actor": actors[seat["actor"]]},
                    district=district,
                    rechtskreis=seat["rechtskreis"],
                )
            groups[g["name"]] = committee
        topics = {t.name: t for t in CaseTopic.for_district(district)}
        names = data.get("figure_topics", [])
        for row in data.get("case_figures", []):
            town, year, quarter, opened, active, closed, counts = row
            figures = self.upsert(
                CaseFigures,
                {"municipality": municipalities[town], "year": year, "quarter": quarter},
                district=district,
                opened=opened,
                active=active,
                closed=closed,
                is_example=True,
            )
            for name, count in zip(names, counts, strict=True):
                self.upsert(TopicCount, {"figures": figures, "topic": topics[name]}, count=count)
        for f in data.get("findings", []):
            meeting = None
            if f.get("decided_at"):
                meeting = self.meeting(groups[f["decided_at"]["group"]], f["decided_at"]["date"])
            self.upsert(
                Finding,
                {"district": district, "title": f["title"]},
                description=f["description"],
                rechtskreise=f["rechtskreise"],
                municipality=municipalities[f["municipality"]] if f.get("municipality") else None,
                reported_by=f["reported_by"],
                reported_on=f["reported_on"],
                state=f["state"],
                project_group=groups[f["project_group"]] if f.get("project_group") else None,
                proposal=f.get("proposal", ""),
                meeting=meeting,
                decision=f.get("decision", ""),
                implemented_on=f.get("implemented_on"),
                is_example=True,
            )

    def rounds(self, district, round_data, municipalities, fields, users) -> None:
        """Priority rounds (seed 003) with their options and the municipalities' answers; an
        adopted round is recorded as the origin of its period's Arbeitsschwerpunkte."""
        for r in round_data:
            start, end = WorkPeriod.span(r["period"]["kind"], r["period"]["start_year"])
            period = self.upsert(
                WorkPeriod,
                {"district": district, "start": start},
                clean=True,
                kind=r["period"]["kind"],
                end=end,
            )
            # A local time in the file, like the meetings' days.
            adopted_at = r["adopted_at"].replace(tzinfo=BERLIN) if r.get("adopted_at") else None
            adopter = users.get(ADOPTERS[r.get("adopted_by", "leitung")]) if adopted_at else None
            priority_round = self.upsert(
                PriorityRound,
                {"district": district, "title": r["title"]},
                clean=True,
                work_period=period,
                instructions=r.get("instructions", ""),
                opens_on=r["opens_on"],
                closes_on=r["closes_on"],
                voting_rule=r["voting_rule"],
                max_choices=r["max_choices"],
                points_total=r["points_total"],
                status=r["status"],
                adopted_at=adopted_at,
                adopted_by=adopter,
            )
            options = {}
            for order, o in enumerate(r["options"], start=1):
                options[o["title"]] = self.upsert(
                    RoundOption,
                    {"round": priority_round, "title": o["title"]},
                    focus_area=self._focus[o["focus"]],
                    field_of_action=fields.get(o.get("field")),
                    description=o.get("description", ""),
                    order=order,
                )
            for a in r["submissions"]:
                municipality = municipalities[a["municipality"]]
                by = (
                    users.get(Role.STAFF)
                    if a.get("on_paper")
                    else self._find(User, {"username": f"kommune.{municipality.slug}"})
                )
                submission = self.upsert(
                    Submission,
                    {"round": priority_round, "municipality": municipality},
                    submitted_by=by,
                    on_paper=bool(a.get("on_paper")),
                    comment=a.get("comment", ""),
                    committee_name=a.get("committee_name", ""),
                    committee_date=a.get("committee_date"),
                )
                for c in a["choices"]:
                    self.upsert(
                        SubmissionChoice,
                        {"submission": submission, "option": options[c["option"]]},
                        rank=c.get("rank"),
                        points=c.get("points"),
                        comment=c.get("comment", ""),
                    )
            for title in r.get("adopted", []):
                priority = self.upsert(WorkPriority, {"work_period": period, "title": title})
                self.upsert(
                    PriorityAdoption,
                    {"priority": priority},
                    round=priority_round,
                    adopted_at=adopted_at,
                    adopted_by=priority_round.adopted_by,
                )

    def annex_and_freeze(self, district, versions: dict[int, ConceptVersion]) -> None:
        """Annex to each version the priorities of the period it was written for, and freeze
        adopted versions as adopted (what they said about their measures at the time)."""
        from concepts.versioning import version_contents

        today = datetime.date.today()
        periods = list(district.work_periods.order_by("start"))
        for version in versions.values():
            day = version.decided_on or today
            period = next((p for p in periods if p.start <= day <= p.end), None) or next(
                (p for p in periods if p.start > day), None
            )
            if period is not None:
                self.set_m2m(version, "priorities", list(period.priorities.all()))
            if version.is_adopted and version.adopted_snapshot is None:
                version.adopted_snapshot = version_contents(version)
                version.save(update_fields=["adopted_snapshot"])
                self.stats.updated["Konzeptfassungen (Stand bei Beschluss)"] += 1

    def concept(self, district, version_data, fields) -> dict[int, ConceptVersion]:
        """The concept versions by number (the file refers to a version by its number)."""
        concept = district.concept
        versions = {}
        for v in version_data:
            version = self.upsert(
                ConceptVersion,
                {"concept": concept, "number": v["number"]},
                title=v["title"],
                status=v["status"],
                decided_on=v.get("decided_on"),
                submitted_on=v.get("submitted_on"),
                deadline=v.get("deadline"),
                decided_on_assumed=v.get("decided_on_assumed", False),
                submitted_on_assumed=v.get("submitted_on_assumed", False),
                dates_source=v.get("dates_source", ""),
                decision_recorded_without_paper=v.get("decision_without_paper", False),
                decision_body=v.get("decision_body", ""),
            )
            sections = v.get("sections", [])
            for order, section in enumerate(sections, start=1):
                self.upsert(
                    ConceptSection,
                    {"version": version, "order": order},
                    title=section["title"],
                    body=section["body"],
                )
            known = self._cache[ConceptSection][1]
            stale = [
                key
                for key, section in known.items()
                if section.version_id == version.pk and section.order > len(sections)
            ]
            for key in stale:
                known.pop(key).delete()
                self.stats.updated["Abschnitte (entfernt)"] += 1
            self.set_m2m(version, "fields_of_action", fields.values())
            versions[v["number"]] = version

        requirements, created = LandRequirements.objects.get_or_create(district=district)
        if created:
            self.stats.created[str(LandRequirements._meta.verbose_name_plural)] += 1
        if version_data and version_data[-1].get("deadline"):
            self.upsert(
                LandRequirements,
                {"pk": requirements.pk},
                submission_deadline=version_data[-1]["deadline"],
            )
        return versions

    def work_periods(self, district, period_data) -> dict[str, list[WorkPriority]]:
        priorities: dict[str, list[WorkPriority]] = {}
        for p in period_data:
            start, end = WorkPeriod.span(p["kind"], p["start_year"])
            # full_clean: a period that is not two years or overlaps another fails loudly.
            period = self.upsert(
                WorkPeriod,
                {"district": district, "start": start},
                clean=True,
                kind=p["kind"],
                end=end,
            )
            for order, item in enumerate(p.get("priorities", []), start=1):
                priority = self.upsert(
                    WorkPriority,
                    {"work_period": period, "title": item["title"]},
                    focus_area=self._focus[item["focus"]],
                    description=item.get("description", ""),
                    order=order,
                )
                priorities.setdefault(item["title"], []).append(priority)
        return priorities

    def actors(self, district, actor_data, municipalities, fields, groups) -> dict[str, Actor]:
        actors = {}
        for a in actor_data:
            actor = self.upsert(
                Actor,
                {"district": district, "name": a["name"]},
                type=self._actor_types[a["type"]],
                municipality=municipalities[a["municipality"]] if a.get("municipality") else None,
                description=a.get("description", ""),
                website=a.get("website", ""),
                address=a.get("address", ""),
                is_published=bool(a.get("published", False)),
            )
            self.set_m2m(
                actor, "fields_of_action", [fields[n] for n in a.get("fields_of_action", [])]
            )
            self.set_m2m(actor, "target_groups", [groups[n] for n in a.get("target_groups", [])])
            for o in a.get("offers", []):
                offer = self.upsert(
                    Offer,
                    {"actor": actor, "title": o["title"]},
                    description=o.get("description", ""),
                    is_published=bool(o.get("published", False)),
                )
                self.set_m2m(
                    offer, "target_groups", [groups[n] for n in o.get("target_groups", [])]
                )
                self.set_m2m(
                    offer,
                    "municipalities",
                    [municipalities[n] for n in o.get("municipalities", [])],
                )
            for c in a.get("contacts", []):
                self.upsert(
                    ContactPerson,
                    {"actor": actor, "name": c["name"]},
                    function=c.get("function", ""),
                    email=c.get("email", ""),
                    phone=c.get("phone", ""),
                    consents_to_publication=bool(c.get("consent", False)),
                    consent_date=c.get("consent_date"),
                )
            actors[a["name"]] = actor
        return actors

    def staff(self, district, posts) -> None:
        for s in posts:
            self.upsert(
                StaffPost,
                {"district": district, "title": s["title"]},
                holder=s.get("holder", ""),
                profession=s["profession"],
                fte=_dec(s["fte"]),
                employer=s["employer"],
                employer_name=s.get("employer_name", ""),
                funding=s["funding"],
                is_head=bool(s.get("head", False)),
                is_deputy=bool(s.get("deputy", False)),
            )

    def committees(self, district, committee_data, actors) -> dict[str, Committee]:
        committees = {}
        for c in committee_data:
            committee = self.upsert(
                Committee,
                {"district": district, "name": c["name"]},
                kind=c["kind"],
                focus_area=self._focus[c["focus"]] if c.get("focus") else None,
                path_position=c.get("path_position", PATH_POSITIONS.get(c["kind"])),
            )
            self.set_m2m(committee, "members", [actors[n] for n in c.get("members", [])])
            for m in c.get("meetings", []):
                self.upsert(
                    Meeting,
                    {"committee": committee, "start": _local(m["date"], MEETING_HOUR)},
                    location=m.get("location") or "",
                    is_public=bool(m.get("public", False)),
                )
            committees[c["name"]] = committee
        return committees

    def committee_readers(self, committee_data, committees, users) -> None:
        """Demo users who sit on a committee (issue 20); the loader adds, never removes."""
        for c in committee_data:
            for prefix in c.get("readers", []):
                self.upsert(
                    CommitteeReader,
                    {"committee": committees[c["name"]], "user": users[READERS[prefix]]},
                )

    def participation(self, district, events, fields, actors) -> None:
        for e in events:
            event = self.upsert(
                ParticipationEvent,
                {"district": district, "title": e["title"]},
                kind=e["kind"],
                date=e["date"],
                field_of_action=fields[e["field_of_action"]] if e.get("field_of_action") else None,
                participants=e.get("participants") or 0,
                institutions=e.get("institutions") or 0,
                notes=e.get("notes", ""),
            )
            if "actors" in e:
                self.set_m2m(event, "actors", [actors[n] for n in e["actors"]])

    def measures(
        self, district, measure_data, fields, groups, municipalities, actors, priorities, versions
    ) -> None:
        for m in measure_data:
            measure = self.upsert(
                Measure,
                {"district": district, "title": m["title"]},
                focus_area=self._focus[m["focus"]],
                field_of_action=fields[m["field_of_action"]] if m.get("field_of_action") else None,
                start=m.get("start"),
                end=m.get("end"),
                goal=m.get("goal", ""),
                effect=m.get("effect", ""),
                status=m["status"],
                lead_actor=actors[m["lead"]] if m.get("lead") else None,
                is_archived=bool(m.get("archived", False)),
            )
            self.set_m2m(
                measure,
                "work_priorities",
                [p for title in m.get("priorities", []) for p in priorities[title]],
            )
            self.set_m2m(measure, "target_groups", [groups[n] for n in m.get("target_groups", [])])
            self.set_m2m(
                measure, "municipalities", [municipalities[n] for n in m.get("municipalities", [])]
            )
            self.set_m2m(measure, "partner_actors", [actors[n] for n in m.get("partners", [])])
            self.set_m2m(
                measure, "concept_versions", [versions[i] for i in m.get("in_versions", [])]
            )
            for ind in m.get("indicators", []):
                indicator = self.upsert(
                    Indicator,
                    {"measure": measure, "name": ind["name"]},
                    unit=ind.get("unit", ""),
                    baseline=_dec(ind.get("baseline")),
                    baseline_date=ind.get("baseline_date"),
                    target=_dec(ind.get("target")),
                    target_date=ind.get("target_date"),
                    direction=ind.get("direction", Indicator.Direction.UP),
                    land_indicator=self.land_indicator(ind.get("land_key") or ""),
                )
                for x in ind.get("measurements", []):
                    where = x.get("municipality")
                    self.upsert(
                        Measurement,
                        {
                            "indicator": indicator,
                            "date": x["date"],
                            "municipality": municipalities[where] if where else None,
                        },
                        value=_dec(x["value"]),
                        period_label=x.get("period_label", ""),
                        source=x.get("source", ""),
                        note=x.get("note", "") or "",
                    )

    def papers(self, district, paper_data, committees, versions, releaser) -> None:
        for p in paper_data:
            version_number = p.get("concept_version")
            released = p.get("released", True)
            paper = self.upsert(
                DecisionPaper,
                {"district": district, "reference": p["reference"]},
                paper_type=p.get("paper_type", DecisionPaper.PaperType.DECISION),
                decision_kind=p.get("decision_kind", DecisionPaper.DecisionKind.RESOLUTION),
                is_public=bool(p.get("public", True)),
                department=p.get("department", ""),
                author_name=p.get("author", ""),
                date=p["date"],
                file_number=p.get("file_number", ""),
                subject=p["subject"],
                financial_impact=p.get("financial_impact", "nein"),
                financial_note=p.get("financial_note", ""),
                personnel_impact=p.get("personnel_impact", "nein"),
                personnel_note=p.get("personnel_note", ""),
                organisational_impact=p.get("organisational_impact", "nein"),
                organisational_note=p.get("organisational_note", ""),
                proposal=p.get("proposal", ""),
                layout=p.get("layout") or district.paper_layout,
                occasion=p.get("occasion", ""),
                facts=p.get("facts", ""),
                outlook=p.get("outlook", ""),
                problem=p.get("problem", ""),
                solution=p.get("solution", ""),
                alternatives=p.get("alternatives", ""),
                implications=p.get("implications", ""),
                implications_finance=p.get("implications_finance", ""),
                implications_personnel=p.get("implications_personnel", ""),
                implications_it=p.get("implications_it", ""),
                implications_other=p.get("implications_other", ""),
                related_papers=p.get("related_papers", ""),
                competence=p.get("competence", ""),
                concept_version=versions[version_number] if version_number is not None else None,
            )
            for order, c in enumerate(p.get("consultations", []), start=1):
                self.upsert(
                    Consultation,
                    {"paper": paper, "order": order},
                    meeting=self.meeting(committees[c["committee"]], c["meeting_date"]),
                    role=c["role"],
                    authoritative=bool(c.get("authoritative", False)),
                    result=c.get("result") or "",
                    votes_yes=c.get("yes"),
                    votes_no=c.get("no"),
                    votes_abstain=c.get("abstain"),
                    # Says in the UI when a result is assumed (issue 14: seed 001 gives none).
                    result_note=c.get("note", ""),
                )
            for order, a in enumerate(p.get("attachments", []), start=1):
                self.upsert(
                    Attachment,
                    {"paper": paper, "order": order},
                    title=a["title"],
                    concept_version=versions[a["version"]],
                )
            if released and not paper.releases.exists():
                # Signed off as the KI would: the stored PDF is the one the Kreistag received.
                paper_release(
                    district=paper.district,
                    paper=paper,
                    user=releaser,
                    now=_local(p["date"], RELEASE_HOUR),
                    wait_for_anlagen=True,
                )
                self.stats.created[str(PaperRelease._meta.verbose_name_plural)] += 1

    def meeting(self, committee: Committee, day: datetime.date) -> Meeting:
        """The committee's meeting on ``day`` (local time), created at 17:00 if there is none."""
        next_day = day + datetime.timedelta(days=1)
        meeting = (
            committee.meetings.filter(start__gte=_local(day, 0), start__lt=_local(next_day, 0))
            .order_by("start")
            .first()
        )
        if meeting is None:
            meeting = self.upsert(
                Meeting, {"committee": committee, "start": _local(day, MEETING_HOUR)}
            )
        return meeting

    # -- users -------------------------------------------------------------------------------

    def user(self, username: str, first_name: str = "", last_name: str = "", **flags) -> User:
        if not (first_name or last_name):
            first_name, last_name = _person_name(username)
        user = self.upsert(
            User,
            {"username": username},
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@example.org",
            is_active=True,
            is_staff=flags.get("is_staff", False),
            is_superuser=flags.get("is_superuser", False),
            is_land=flags.get("is_land", False),
        )
        if not self._password_is_demo(user.password):
            if self._demo_hash is None:
                user.set_password(DEMO_PASSWORD)
                self._demo_hash = user.password
                self._password_checks[user.password] = True
            else:
                # One hash per run: Argon2 is slow on purpose, and the users share one password.
                user.password = self._demo_hash
            user.save(update_fields=["password"])
            if not self.is_new(user):
                self.stats.updated["Passwörter"] += 1
        return user

    def _password_is_demo(self, encoded: str) -> bool:
        if not encoded:
            return False
        if encoded not in self._password_checks:
            # No setter: a hash that needs an upgrade is not rewritten here.
            self._password_checks[encoded] = check_password(DEMO_PASSWORD, encoded)
        return self._password_checks[encoded]

    def member(self, user, district, role, municipality=None) -> Membership:
        return self.upsert(
            Membership,
            {"user": user, "district": district},
            role=role,
            municipality=municipality,
            is_active=True,
        )

    def district_users(self, district, data, municipalities) -> dict[str, User]:
        posts = data.get("staff_posts", [])
        head = next((s["holder"] for s in posts if s.get("head") and s.get("holder")), "")
        deputy = next((s["holder"] for s in posts if s.get("deputy") and s.get("holder")), "")
        users = {}
        for prefix, role, holder in (
            ("leitung", Role.LEAD, head),
            ("ki", Role.STAFF, deputy),
            ("kreistag", Role.COUNCIL, ""),
        ):
            user = self.user(f"{prefix}.{district.slug}", *(_split_name(holder) if holder else ()))
            self.member(user, district, role)
            users[role] = user
        for municipality in municipalities.values():
            user = self.user(f"kommune.{municipality.slug}")
            self.member(user, district, Role.LIAISON, municipality)
        return users


def content_files() -> list[Path]:
    """The demo content files, one per District."""
    return sorted(CONTENT_DIR.glob("*.yaml"))


def read_content(path: Path) -> dict:
    """One District's content from ``path``, checked by ``demo.validate`` (``ContentError``)."""
    with path.open(encoding="utf-8") as f:
        data = yaml.load(f, Loader=YAML_LOADER)
    validate(data, source=path.name)
    return data


def load_district(data: dict, stats: LoadStats | None = None) -> District:
    """Load one District's demo content (as returned by ``read_content``)."""
    with transaction.atomic():
        return _Loader(stats).district(data)


def load_demo(stats: LoadStats | None = None) -> None:
    """Load all demo Districts and the demo users (password ``demo``). Every file is read and
    checked before the first row is written."""
    contents = [read_content(path) for path in content_files()]
    with transaction.atomic():
        loader = _Loader(stats)
        loader.user("admin", "Sabine", "Krüger", is_staff=True, is_superuser=True)
        loader.user("land", "Jens", "Albers", is_land=True)
        for data in contents:
            loader.district(data)


def demo_districts() -> models.QuerySet:
    keys = [read_content(path)["official_key"] for path in content_files()]
    return District.objects.filter(official_key__in=keys)
