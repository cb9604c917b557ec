"""Check a demo content file (``demo/content/<kreis>.yaml``) before it is loaded.

The loader finds every object by its natural key and refers to other entries by name, so a typo
in a key or a name would otherwise load silently as an empty field, a missing link or a second
object. ``validate()`` checks the structure (required and known keys, types, choice values) and
then every reference inside the file; it raises one ``ContentError`` that names the file and
the path of each bad entry, e.g. ``kreis-mettmann.yaml: measures[3] „Sprachcafé“.lead: …``.

What the demo is meant to *show* (how many actors, which seed facts) is checked by the tests in
``tests/demo/``, not here.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from accounts.rights import Role
from actors.models import Committee, ParticipationEvent
from actors.reference import ACTOR_TYPES
from concepts.models import ConceptVersion, FocusArea, WorkPeriod
from coordination.models import PriorityRound
from districts.models import District, StaffPost
from kim.models import Finding, Post, PostKind, Rechtskreis
from measures.models import Indicator, Measure
from papers.models import Consultation, DecisionPaper, Impact

# Who adopts a priority round: the demo user of that role (see loader.district_users).
ADOPTERS = {"leitung": Role.LEAD, "ki": Role.STAFF}
# The demo users a committee can give access to (issue 20: e-mail notices of released papers),
# by the prefix of their user name (``kreistag.<kreis>``, see loader.district_users).
READERS = {**ADOPTERS, "kreistag": Role.COUNCIL}


class ContentError(ValueError):
    """A demo content file that cannot be loaded as it is."""

    def __init__(self, source: str, problems: list[tuple[str, str]]):
        self.source = source
        self.problems = problems
        lines = [f"{source}: {path}: {message}" for path, message in problems]
        super().__init__("\n".join(lines))


# -- structure ---------------------------------------------------------------------------------
# A spec is a type name, a tuple of allowed values, a list [item spec] or a dict
# {key: spec} where a key ending in "?" is optional. Type names ending in "?" also allow null.

TEXT = "text"  # a string, may be empty
NAME = "name"  # a non-empty string

MEASUREMENT = {
    "date": "date",
    "value": "number",
    "municipality?": "name?",
    "source?": TEXT,
    "period_label?": TEXT,
    "note?": "text?",
}
INDICATOR = {
    "name": NAME,
    "unit?": TEXT,
    "baseline?": "number?",
    "baseline_date?": "date?",
    "target?": "number?",
    "target_date?": "date?",
    "direction?": tuple(Indicator.Direction.values),
    "land_key?": "text?",
    "measurements?": [MEASUREMENT],
}
PERIOD = {"kind": tuple(WorkPeriod.Kind.values), "start_year": "int"}
FOCUS = tuple(FocusArea.Code.values)
IMPACT = tuple(Impact.values)
# Required keys are those the loader has no default for; the rest may be left out.
SCHEMA = {
    "name": NAME,
    "slug": NAME,
    "official_key": NAME,
    "source": NAME,  # where the content comes from (seeds) and what is made up
    "paper_layout?": tuple(District.PaperLayout.values),
    "municipalities": [{"name": NAME, "ags?": TEXT}],
    "fields_of_action": [{"name": NAME, "cross_cutting?": "bool", "description?": TEXT}],
    "target_groups": [NAME],
    "concept_versions": [
        {
            "number": "int",
            "title": NAME,
            "status": tuple(ConceptVersion.Status.values),
            "decided_on?": "date?",
            "submitted_on?": "date?",
            "deadline?": "date?",
            # A day the seeds do not give is marked as assumed, with what the source says.
            "decided_on_assumed?": "bool",
            "submitted_on_assumed?": "bool",
            "dates_source?": TEXT,
            "decision_without_paper?": "bool",
            "decision_body?": NAME,
            "sections?": [{"title": NAME, "body": TEXT}],
        }
    ],
    "work_periods": [
        {**PERIOD, "priorities?": [{"title": NAME, "focus": FOCUS, "description?": TEXT}]}
    ],
    "actors": [
        {
            "name": NAME,
            "type": tuple(code for code, _name, _mandatory in ACTOR_TYPES),
            "municipality?": "name?",
            "description?": TEXT,
            "website?": TEXT,
            "address?": TEXT,
            "published?": "bool",
            "fields_of_action?": [NAME],
            "target_groups?": [NAME],
            "offers?": [
                {
                    "title": NAME,
                    "description?": TEXT,
                    "published?": "bool",
                    "target_groups?": [NAME],
                    "municipalities?": [NAME],
                }
            ],
            "contacts?": [
                {
                    "name": NAME,
                    "function?": TEXT,
                    "email?": TEXT,
                    "phone?": TEXT,
                    "consent?": "bool",
                    "consent_date?": "date?",
                }
            ],
        }
    ],
    "staff_posts?": [
        {
            "title": NAME,
            "holder?": TEXT,
            "profession": tuple(StaffPost.Profession.values),
            "fte": "number",
            "employer": tuple(StaffPost.Employer.values),
            "employer_name?": TEXT,
            "funding": tuple(StaffPost.Funding.values),
            "head?": "bool",
            "deputy?": "bool",
        }
    ],
    "committees?": [
        {
            "name": NAME,
            "kind": tuple(Committee.Kind.values),
            "focus?": (*FOCUS, None),
            "path_position?": "int?",
            "members?": [NAME],
            "meetings?": [{"date": "date", "location?": TEXT, "public?": "bool"}],
            "readers?": [tuple(READERS)],
        }
    ],
    "participation_events?": [
        {
            "title": NAME,
            "kind": tuple(ParticipationEvent.Kind.values),
            "date": "date",
            "field_of_action?": "name?",
            "participants?": "int?",
            "institutions?": "int?",
            "notes?": TEXT,
            "actors?": [NAME],
        }
    ],
    "measures": [
        {
            "title": NAME,
            "focus": FOCUS,
            "status": tuple(Measure.Status.values),
            "field_of_action?": "name?",
            "start?": "date?",
            "end?": "date?",
            "goal?": TEXT,
            "effect?": TEXT,
            "lead?": "name?",
            "archived?": "bool",
            "priorities?": [NAME],
            "target_groups?": [NAME],
            "municipalities?": [NAME],
            "partners?": [NAME],
            "in_versions?": ["int"],
            "indicators?": [INDICATOR],
        }
    ],
    "glossary?": [{"term": NAME, "explanation": NAME, "abbreviation?": "bool"}],
    "progress_reports?": [
        {
            "title": NAME,
            "period_start": "date",
            "period_end": "date",
            "introduction": TEXT,
            "remarks": TEXT,
        }
    ],
    "decision_papers?": [
        {
            "reference": NAME,
            "date": "date",
            "subject": NAME,
            "paper_type?": tuple(DecisionPaper.PaperType.values),
            "decision_kind?": tuple(DecisionPaper.DecisionKind.values),
            "concept_version?": "int?",
            "attachments?": [{"title": NAME, "version": "int"}],
            "public?": "bool",
            "released?": "bool",
            "department?": TEXT,
            "author?": TEXT,
            "file_number?": TEXT,
            "financial_impact?": IMPACT,
            "financial_note?": TEXT,
            "personnel_impact?": IMPACT,
            "personnel_note?": TEXT,
            "organisational_impact?": IMPACT,
            "organisational_note?": TEXT,
            "proposal?": TEXT,
            "layout?": (*District.PaperLayout.values, None),
            "occasion?": TEXT,
            "facts?": TEXT,
            "outlook?": TEXT,
            "problem?": TEXT,
            "solution?": TEXT,
            "alternatives?": TEXT,
            "implications?": TEXT,
            "implications_finance?": TEXT,
            "implications_personnel?": TEXT,
            "implications_it?": TEXT,
            "implications_other?": TEXT,
            "related_papers?": TEXT,
            "competence?": TEXT,
            "consultations?": [
                {
                    "committee": NAME,
                    "meeting_date": "date",
                    "role": tuple(Consultation.Role.values),
                    "authoritative?": "bool",
                    "result?": (*Consultation.Result.values, None),
                    "yes?": "int?",
                    "no?": "int?",
                    "abstain?": "int?",
                    "note?": TEXT,
                }
            ],
        }
    ],
    "kim?": {
        "posts?": [
            {
                "kind": tuple(PostKind.values),
                "title": NAME,
                "fte": "number",
                "state": tuple(Post.State.values),
                "since?": "date?",
                "employer": tuple(Post.Employer.values),
                "employer_name?": TEXT,
                "municipality?": "name?",
                "funded?": "bool",
                "annual_cost?": "number?",
            }
        ],
        "post_changes?": [
            {
                "kind": tuple(PostKind.values),
                "fte_before": "number",
                "fte_after": "number",
                "decision": NAME,
                "effective_on?": "date?",
                "decided_on?": "date?",
                "note?": TEXT,
            }
        ],
        "groups?": [
            {
                "name": NAME,
                "kind": ("lenkungsgruppe", "projektgruppe"),
                "meetings?": ["date"],
                "seats?": [{"actor": NAME, "rechtskreis": tuple(Rechtskreis.values)}],
            }
        ],
        "figure_topics?": [NAME],
        # [municipality, year, quarter, opened, active, closed, [count per figure_topics]]
        "case_figures?": [list],
        "findings?": [
            {
                "title": NAME,
                "description": NAME,
                "rechtskreise": [tuple(Rechtskreis.values)],
                "municipality?": "name?",
                "reported_by": NAME,
                "reported_on": "date",
                "state": tuple(Finding.State.values),
                "project_group?": "name?",
                "proposal?": TEXT,
                "decided_at?": {"group": NAME, "date": "date"},
                "decision?": TEXT,
                "implemented_on?": "date?",
            }
        ],
    },
    "priority_rounds?": [
        {
            "title": NAME,
            "period": PERIOD,
            "instructions?": TEXT,
            "opens_on": "date",
            "closes_on": "date",
            "voting_rule": tuple(PriorityRound.VotingRule.values),
            "max_choices": "int",
            "points_total": "int",
            "status": tuple(PriorityRound.Status.values),
            "adopted_at?": "datetime?",
            "adopted_by?": tuple(ADOPTERS),
            "options": [{"title": NAME, "focus": FOCUS, "field?": "name?", "description?": TEXT}],
            "adopted?": [NAME],
            "submissions": [
                {
                    "municipality": NAME,
                    "on_paper?": "bool",
                    "comment?": TEXT,
                    "committee_name?": TEXT,
                    "committee_date?": "date?",
                    "choices": [
                        {"option": NAME, "points?": "int?", "rank?": "int?", "comment?": TEXT}
                    ],
                }
            ],
        }
    ],
}

# The key that names a list entry in an error message.
LABEL_KEYS = ("title", "name", "term", "reference", "municipality", "option")


def _is_number(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if isinstance(value, str):
        try:
            Decimal(value)
        except InvalidOperation:
            return False
        return True
    return False


TYPE_CHECKS = {
    TEXT: (lambda v: isinstance(v, str), "Text"),
    NAME: (lambda v: isinstance(v, str) and v.strip() != "", "nicht leerer Text"),
    "bool": (lambda v: isinstance(v, bool), "true oder false"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "ganze Zahl"),
    "number": (_is_number, "Zahl (Dezimalwerte in Anführungszeichen)"),
    "date": (
        lambda v: isinstance(v, datetime.date) and not isinstance(v, datetime.datetime),
        "Datum (JJJJ-MM-TT)",
    ),
    "datetime": (lambda v: isinstance(v, datetime.datetime), "Zeitpunkt (JJJJ-MM-TT HH:MM:SS)"),
}


def _label(item) -> str:
    if isinstance(item, dict):
        for key in LABEL_KEYS:
            if isinstance(item.get(key), str):
                return f" „{item[key]}“"
    return ""


class _Checker:
    def __init__(self):
        self.problems: list[tuple[str, str]] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append((path or "(Datei)", message))

    def structure(self, value, spec, path: str) -> None:
        if isinstance(spec, dict):
            if not isinstance(value, dict):
                self.fail(path, "erwartet eine Zuordnung (Schlüssel: Wert)")
                return
            known = {key.rstrip("?") for key in spec}
            for key in value:
                if key not in known:
                    self.fail(_join(path, key), "unbekannter Schlüssel")
            for key, sub in spec.items():
                name = key.rstrip("?")
                if name in value:
                    self.structure(value[name], sub, _join(path, name))
                elif not key.endswith("?"):
                    self.fail(_join(path, name), "Pflichtangabe fehlt")
        elif isinstance(spec, list):
            if not isinstance(value, list):
                self.fail(path, "erwartet eine Liste")
                return
            for i, item in enumerate(value):
                self.structure(item, spec[0], f"{path}[{i}]{_label(item)}")
        elif spec is list:
            if not isinstance(value, list):
                self.fail(path, "erwartet eine Liste")
        elif isinstance(spec, tuple):
            if value not in spec:
                allowed = ", ".join(repr(v) for v in spec)
                self.fail(path, f"{value!r} ist keiner der Werte {allowed}")
        else:
            nullable = spec.endswith("?")
            if nullable and value is None:
                return
            check, wanted = TYPE_CHECKS[spec.rstrip("?")]
            if not check(value):
                self.fail(
                    path, f"erwartet {wanted}{' oder null' if nullable else ''}, nicht {value!r}"
                )

    # -- references and consistency -----------------------------------------------------------

    def unique(self, entries: Iterable, path: str, what: str) -> set:
        entries = list(entries)
        for value, count in Counter(entries).items():
            if count > 1:
                self.fail(path, f"{what} „{value}“ kommt {count}-mal vor")
        return set(entries)

    def refer(self, names, known: set, path: str, what: str) -> None:
        if isinstance(names, str | int):
            names = [names]
        for name in names:
            if name not in known:
                self.fail(path, f"unbekannte(r) {what} „{name}“")

    def references(self, d: dict) -> None:
        key = d["official_key"]
        if not (len(key) == 5 and key.isdigit()):
            self.fail("official_key", f"„{key}“ ist kein fünfstelliger Kreisschlüssel")
        known = {
            "municipalities": self.municipalities(d["municipalities"], key),
            "fields": self.unique(
                [f["name"] for f in d["fields_of_action"]], "fields_of_action", "Handlungsfeld"
            ),
            "groups": self.unique(d["target_groups"], "target_groups", "Zielgruppe"),
            "versions": self.concept_versions(d["concept_versions"]),
            "priorities": self.work_periods(d["work_periods"], d.get("priority_rounds", [])),
        }
        known["actors"] = self.actors(d["actors"], known)
        self.staff_posts(d.get("staff_posts", []))
        meetings = self.committees(d.get("committees", []), known)
        events = d.get("participation_events", [])
        self.unique([e["title"] for e in events], "participation_events", "Termin")
        for i, e in enumerate(events):
            where = f"participation_events[{i}]{_label(e)}"
            self.refer_optional(e, "field_of_action", known["fields"], where, "Handlungsfeld")
            self.refer(e.get("actors", []), known["actors"], f"{where}.actors", "Akteur")
            if (e.get("institutions") or 0) > (e.get("participants") or 0):
                self.fail(where, "mehr Institutionen als Teilnehmende")
        self.unique([m["title"] for m in d["measures"]], "measures", "Maßnahme")
        for i, m in enumerate(d["measures"]):
            self.measure(m, f"measures[{i}]{_label(m)}", known)
        self.unique([g["term"] for g in d.get("glossary", [])], "glossary", "Begriff")
        reports = d.get("progress_reports", [])
        self.unique([r["title"] for r in reports], "progress_reports", "Sachstandsbericht")
        for i, r in enumerate(reports):
            if r["period_start"] > r["period_end"]:
                self.fail(f"progress_reports[{i}]{_label(r)}", "Zeitraum endet vor dem Beginn")
        self.decision_papers(d.get("decision_papers", []), known["versions"], meetings)
        if d.get("kim"):
            self.kim(d["kim"], known)
        rounds = d.get("priority_rounds", [])
        self.unique([r["title"] for r in rounds], "priority_rounds", "Abstimmungsrunde")
        for i, r in enumerate(rounds):
            self.priority_round(r, f"priority_rounds[{i}]{_label(r)}", known)

    def kim(self, kim: dict, known: dict) -> None:
        """Issue 19: posts in the District's municipalities, seats of known actors, case
        figures as whole numbers per known municipality and quarter, a finding's group and the
        meeting of its decision."""
        towns = known["municipalities"]
        for i, p in enumerate(kim.get("posts", [])):
            self.refer_optional(p, "municipality", towns, f"kim.posts[{i}]", "Kommune")
        groups = {}
        for i, g in enumerate(kim.get("groups", [])):
            where = f"kim.groups[{i}]{_label(g)}"
            groups[g["name"]] = (g["kind"], set(g.get("meetings", [])))
            self.refer([s["actor"] for s in g.get("seats", [])], known["actors"], where, "Akteur")
        topics = kim.get("figure_topics", [])
        seen = Counter()
        for i, row in enumerate(kim.get("case_figures", [])):
            where = f"kim.case_figures[{i}]"
            numbers = row[1:6] if len(row) == 7 else []
            if len(row) != 7 or not all(type(n) is int and n >= 0 for n in numbers):
                self.fail(
                    where, "erwartet [Kommune, Jahr, Quartal, neu, aktiv, abgeschlossen, [...]]"
                )
                continue
            self.refer(row[0], towns, where, "Kommune")
            if not 1 <= row[2] <= 4:
                self.fail(where, f"Quartal {row[2]} gibt es nicht")
            counts = row[6]
            if not (isinstance(counts, list) and len(counts) == len(topics)):
                self.fail(where, "je Thema aus figure_topics eine Zahl")
            elif not all(type(n) is int and n >= 0 for n in counts):
                self.fail(where, "Fälle je Thema: ganze Zahlen ab 0")
            seen[(row[0], row[1], row[2])] += 1
        for key, count in seen.items():
            if count > 1:
                self.fail("kim.case_figures", f"{key[0]}, {key[2]}. Quartal {key[1]} {count}-mal")
        for i, f in enumerate(kim.get("findings", [])):
            where = f"kim.findings[{i}]{_label(f)}"
            self.refer_optional(f, "municipality", towns, where, "Kommune")
            if (
                f.get("project_group")
                and groups.get(f["project_group"], ("",))[0] != "projektgruppe"
            ):
                self.fail(where, f"„{f['project_group']}“ ist keine Projektgruppe in kim.groups")
            decided = f.get("decided_at")
            if decided:
                kind, days = groups.get(decided["group"], ("", set()))
                if kind != "lenkungsgruppe" or decided["date"] not in days:
                    self.fail(where, "decided_at: keine Sitzung der Lenkungsgruppe an diesem Tag")

    def refer_optional(self, entry: dict, key: str, known: set, where: str, what: str) -> None:
        if entry.get(key) is not None:
            self.refer(entry[key], known, f"{where}.{key}", what)

    def municipalities(self, municipalities: list, district_key: str) -> set:
        names = self.unique([m["name"] for m in municipalities], "municipalities", "Kommune")
        for i, m in enumerate(municipalities):
            ags = m.get("ags", "")
            if ags and not (len(ags) == 8 and ags.isdigit() and ags.startswith(district_key)):
                self.fail(
                    f"municipalities[{i}]{_label(m)}.ags",
                    f"„{ags}“ ist kein achtstelliger Gemeindeschlüssel des Kreises {district_key}",
                )
        return names

    def concept_versions(self, versions: list) -> set:
        """The version numbers; other entries refer to a version by its number."""
        numbers = [v["number"] for v in versions]
        if numbers != list(range(1, len(versions) + 1)):
            self.fail(
                "concept_versions", f"Nummern müssen 1, 2, 3 … der Reihe nach sein: {numbers}"
            )
        self.unique([v["title"] for v in versions], "concept_versions", "Fassung")
        if sum(1 for v in versions if v["status"] == ConceptVersion.Status.ADOPTED) > 1:
            self.fail("concept_versions", "mehr als eine beschlossene (gültige) Fassung")
        for i, v in enumerate(versions):
            decided = v["status"] in (
                ConceptVersion.Status.ADOPTED,
                ConceptVersion.Status.SUPERSEDED,
            )
            # Constraint conceptversion_adopted_has_decision_date
            if decided and v.get("decided_on") is None:
                self.fail(
                    f"concept_versions[{i}]{_label(v)}.decided_on",
                    "eine beschlossene oder abgelöste Fassung braucht ein Beschlussdatum",
                )
            # Issue 14: an assumed day says what the source does give.
            assumed = v.get("decided_on_assumed") or v.get("submitted_on_assumed")
            if assumed and not v.get("dates_source"):
                self.fail(
                    f"concept_versions[{i}]{_label(v)}.dates_source",
                    "ein angenommener Tag braucht die Herkunft der Daten (was die Quelle sagt)",
                )
        days = [v["decided_on"] for v in versions if v.get("decided_on")]
        if days != sorted(days):
            self.fail(
                "concept_versions", "Beschlussdaten nicht aufsteigend (älteste Fassung zuerst)"
            )
        return set(numbers)

    def work_periods(self, periods: list, rounds: list) -> dict:
        """Title -> (focus, period span) of every Arbeitsschwerpunkt."""
        spans: dict = {}
        entries = [(f"work_periods[{i}]", p) for i, p in enumerate(periods)]
        entries += [
            (f"priority_rounds[{i}]{_label(r)}.period", r["period"]) for i, r in enumerate(rounds)
        ]
        for where, p in entries:
            span = WorkPeriod.span(p["kind"], p["start_year"])
            for other, other_where in spans.items():
                if other != span and span[0] <= other[1] and other[0] <= span[1]:
                    self.fail(where, f"überschneidet sich mit {other_where}")
            spans.setdefault(span, where)
        priorities = {}
        for i, p in enumerate(periods):
            span = WorkPeriod.span(p["kind"], p["start_year"])
            for j, item in enumerate(p.get("priorities", [])):
                if item["title"] in priorities:
                    self.fail(
                        f"work_periods[{i}].priorities[{j}]{_label(item)}",
                        "Arbeitsschwerpunkt kommt schon in einer anderen Periode vor",
                    )
                priorities[item["title"]] = (item["focus"], span)
        return priorities

    def actors(self, actors: list, known: dict) -> set:
        names = self.unique([a["name"] for a in actors], "actors", "Akteur")
        for i, a in enumerate(actors):
            where = f"actors[{i}]{_label(a)}"
            self.refer_optional(a, "municipality", known["municipalities"], where, "Kommune")
            self.refer(
                a.get("fields_of_action", []),
                known["fields"],
                f"{where}.fields_of_action",
                "Handlungsfeld",
            )
            self.refer(
                a.get("target_groups", []), known["groups"], f"{where}.target_groups", "Zielgruppe"
            )
            offers = a.get("offers", [])
            self.unique([o["title"] for o in offers], f"{where}.offers", "Angebot")
            for j, o in enumerate(offers):
                sub = f"{where}.offers[{j}]{_label(o)}"
                self.refer(
                    o.get("target_groups", []),
                    known["groups"],
                    f"{sub}.target_groups",
                    "Zielgruppe",
                )
                self.refer(
                    o.get("municipalities", []),
                    known["municipalities"],
                    f"{sub}.municipalities",
                    "Kommune",
                )
            contacts = a.get("contacts", [])
            self.unique([c["name"] for c in contacts], f"{where}.contacts", "Ansprechperson")
            for j, c in enumerate(contacts):
                # Demo people are made up: no address or number that could reach anyone.
                if c.get("email") and not c["email"].endswith("@example.org"):
                    self.fail(f"{where}.contacts[{j}].email", "nur Adressen unter example.org")
                if c.get("phone") and not c["phone"].startswith("+49 "):
                    self.fail(f"{where}.contacts[{j}].phone", "Telefonnummer mit +49 angeben")
        return names

    def staff_posts(self, posts: list) -> None:
        self.unique([s["title"] for s in posts], "staff_posts", "Stelle")
        # Eckpunktepapier (seed 002): the lead is tied to one post, the deputy comes from
        # another profession; the loader names the demo users leitung.* and ki.* after them.
        heads = [s for s in posts if s.get("head")]
        deputies = [s for s in posts if s.get("deputy")]
        if len(heads) > 1 or len(deputies) > 1:
            self.fail("staff_posts", "höchstens eine Leitung (head) und eine Vertretung (deputy)")
        elif heads and deputies and heads[0]["profession"] == deputies[0]["profession"]:
            self.fail("staff_posts", "die Vertretung muss eine andere Profession haben")

    def committees(self, committees: list, known: dict) -> dict:
        """Committee name -> its meeting days."""
        self.unique([c["name"] for c in committees], "committees", "Gremium")
        meetings = {}
        for i, c in enumerate(committees):
            where = f"committees[{i}]{_label(c)}"
            self.refer(c.get("members", []), known["actors"], f"{where}.members", "Akteur")
            self.unique(c.get("readers", []), f"{where}.readers", "Zugang")
            meetings[c["name"]] = self.unique(
                [m["date"] for m in c.get("meetings", [])], f"{where}.meetings", "Sitzung am"
            )
        return meetings

    def measure(self, m: dict, where: str, known: dict) -> None:
        self.refer_optional(m, "field_of_action", known["fields"], where, "Handlungsfeld")
        start = m.get("start") or datetime.date.min
        end = m.get("end") or datetime.date.max
        if start > end:
            self.fail(f"{where}.end", "Ende liegt vor dem Beginn")
        for title in m.get("priorities", []):
            if title not in known["priorities"]:
                self.refer(title, known["priorities"], f"{where}.priorities", "Arbeitsschwerpunkt")
                continue
            focus, (first, last) = known["priorities"][title]
            if focus != m["focus"]:
                self.fail(f"{where}.priorities", f"„{title}“ gehört zum Schwerpunkt {focus}")
            if start > last or end < first:
                self.fail(f"{where}.priorities", f"läuft nicht in der Periode von „{title}“")
        for key, kind, what in (
            ("target_groups", "groups", "Zielgruppe"),
            ("municipalities", "municipalities", "Kommune"),
            ("partners", "actors", "Akteur"),
            ("in_versions", "versions", "Fassung"),
        ):
            self.refer(m.get(key, []), known[kind], f"{where}.{key}", what)
        self.refer_optional(m, "lead", known["actors"], where, "Akteur")
        indicators = m.get("indicators", [])
        self.unique([ind["name"] for ind in indicators], f"{where}.indicators", "Kennzahl")
        for j, ind in enumerate(indicators):
            sub = f"{where}.indicators[{j}]{_label(ind)}"
            seen = set()
            for k, x in enumerate(ind.get("measurements", [])):
                at = f"{sub}.measurements[{k}]"
                self.refer_optional(x, "municipality", known["municipalities"], at, "Kommune")
                place = x.get("municipality")
                if (x["date"], place) in seen:
                    self.fail(at, f"zweiter Messwert am {x['date']} für {place or 'den Kreis'}")
                seen.add((x["date"], place))

    def decision_papers(self, papers: list, versions: set, meetings: dict) -> None:
        self.unique([p["reference"] for p in papers], "decision_papers", "Vorlage")
        for i, p in enumerate(papers):
            where = f"decision_papers[{i}]{_label(p)}"
            self.refer_optional(p, "concept_version", versions, where, "Fassung")
            for j, a in enumerate(p.get("attachments", [])):
                self.refer(a["version"], versions, f"{where}.attachments[{j}].version", "Fassung")
            consultations = p.get("consultations", [])
            for j, c in enumerate(consultations):
                sub = f"{where}.consultations[{j}]"
                if c["committee"] not in meetings:
                    self.refer(c["committee"], set(meetings), f"{sub}.committee", "Gremium")
                elif c["meeting_date"] not in meetings[c["committee"]]:
                    self.fail(
                        f"{sub}.meeting_date",
                        f"„{c['committee']}“ hat am {c['meeting_date']} keine Sitzung",
                    )
            # Issue 14: results follow the Beratungsfolge; seed 001 gives none, so a result in
            # the demo is an assumption and must say so in its note (shown in the UI).
            open_step = None
            for j, c in enumerate(consultations):
                sub = f"{where}.consultations[{j}]"
                if not c.get("result"):
                    open_step = open_step if open_step is not None else j
                    continue
                if open_step is not None:
                    self.fail(f"{sub}.result", f"Ergebnis, obwohl Beratung {open_step} offen ist")
                if c.get("yes") is None and "angenommen" not in (c.get("note") or ""):
                    self.fail(
                        f"{sub}.note",
                        "Ergebnis ohne Stimmen: die Anmerkung muss sagen, dass es angenommen ist",
                    )
            if consultations and sum(1 for c in consultations if c.get("authoritative")) != 1:
                self.fail(f"{where}.consultations", "genau eine Beratung ist federführend")

    def priority_round(self, r: dict, where: str, known: dict) -> None:
        if r["opens_on"] > r["closes_on"]:
            self.fail(f"{where}.closes_on", "Runde schließt vor dem Öffnen")
        options = self.unique([o["title"] for o in r["options"]], f"{where}.options", "Option")
        for j, o in enumerate(r["options"]):
            sub = f"{where}.options[{j}]{_label(o)}"
            self.refer_optional(o, "field", known["fields"], sub, "Handlungsfeld")
        self.refer(r.get("adopted", []), options, f"{where}.adopted", "Option")
        submissions = r["submissions"]
        self.unique([a["municipality"] for a in submissions], f"{where}.submissions", "Antwort von")
        for j, a in enumerate(submissions):
            sub = f"{where}.submissions[{j}]{_label(a)}"
            self.refer(a["municipality"], known["municipalities"], f"{sub}.municipality", "Kommune")
            choices = a["choices"]
            self.unique([c["option"] for c in choices], f"{sub}.choices", "Option")
            for k, c in enumerate(choices):
                self.refer(c["option"], options, f"{sub}.choices[{k}].option", "Option")
            if r["voting_rule"] == PriorityRound.VotingRule.POINTS:
                if any(c.get("points") is None for c in choices):
                    self.fail(f"{sub}.choices", "jede Wahl braucht Punkte (points)")
                elif sum(c["points"] for c in choices) > r["points_total"]:
                    self.fail(f"{sub}.choices", f"mehr als {r['points_total']} Punkte")
            else:
                ranks = [c.get("rank") for c in choices]
                if None in ranks or len(set(ranks)) != len(ranks):
                    self.fail(f"{sub}.choices", "jede Wahl braucht einen eigenen Rang (rank)")
                elif len(ranks) > r["max_choices"]:
                    self.fail(f"{sub}.choices", f"mehr als {r['max_choices']} Wahlen")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def validate(data, source: str) -> None:
    """Raise ``ContentError`` naming ``source`` and each bad entry if ``data`` (one parsed
    content file) cannot be loaded; references are checked only once the structure holds."""
    checker = _Checker()
    checker.structure(data, SCHEMA, "")
    if not checker.problems:
        checker.references(data)
    if checker.problems:
        raise ContentError(source, checker.problems)
