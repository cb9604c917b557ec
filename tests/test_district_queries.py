"""Queries on District-owned models start from the District (STYLE.md "Scoped by construction").

A model is District-owned when its default manager's QuerySet has ``for_district()`` (built by
``core.models.district_queryset``). This test reads the code of every app of the project
(migrations and tests aside) and fails on a chain ``Model.objects.<method>(…)`` on such a model
that does not begin with ``.for_district(…)``, and on ``get_object_or_404(Model, …)``.

Counted as scoped, because the tenant is already in the query or nothing is read:
- a related manager of a District or of a District-owned object (``district.measures…``,
  ``version.sections…``): the scan only looks at ``Model.objects``;
- ``filter``/``get``/``get_or_create``/``update_or_create`` with the model's own district path
  (``DecisionPaper.objects.filter(district=district)``): the query ``for_district`` makes;
- a correlated subquery, ``Model.objects.filter(paper=OuterRef("pk"))``, and a ``Prefetch``
  queryset: they only narrow an outer query that is itself scoped;
- re-reading or locking an object already in hand, ``….get(pk=paper.pk)``;
- ``none()``, ``create()`` and ``bulk_create()``, which read no rows.

Anything else goes into ``ALLOWED`` with its reason: the Land's cross-District views, public
pages and OParl that resolve the District from the URL themselves, services that receive an
object already scoped, and the like. An entry that no longer matches an offender fails too, so
the list does not rot.

Not seen by a static scan: ``model._default_manager`` reached through a variable, and generic
views with ``model = …`` but no ``get_queryset`` (the views here use ``DistrictMixin`` and
start from ``request.district``).
"""

import ast
import pathlib
import textwrap

from django.apps import apps
from django.conf import settings

ROOT = pathlib.Path(settings.BASE_DIR)
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}

# "path::function": why this query may leave out for_district().
ALLOWED: dict[str, str] = {
    "coordination/management/commands/remind_reviews.py::Command.handle": (
        "the daily reminder job walks the Beteiligungen of every District"
    ),
    "actors/receivers.py::_refresh": (
        "issue 16: a signal receiver recomputes the directory's search text of the actors an "
        "edit touched, chosen by the edited object (offer, type, municipality), not by a request"
    ),
    "actors/search.py::refresh_search_texts": (
        "issue 16: writes back the search text of the actors it was given, already narrowed by "
        "its caller (receivers, seed_scale, the migration)"
    ),
    "measures/bulk.py::insert_measurements": (
        "issue 16: reads back the ids of the measurements it has just inserted, by their "
        "Kennzahlen; the import service checked every Kennzahl's District by id before"
    ),
    "measures/tasks.py::run_measurement_import": (
        "the task worker: no request and no tenant, it imports the file whose id was queued "
        "by a District's import page (measures/views/imports.py)"
    ),
    "measures/latest.py::refresh_latest_values": (
        "issue 16: recomputes the stored latest value of Kennzahlen given by id, which the "
        "callers took from measurements they just wrote (signals, the District's import)"
    ),
    "documents/recovery.py::recover_documents": (
        "crash recovery (issue 15) for `manage.py worker` and `recover_tasks`: every District's "
        "lost documents; pages pass a queryset already scoped to the visitor's document"
    ),
    "papers/recovery.py::recover_releases": (
        "crash recovery (issue 15) for `manage.py worker` and `recover_tasks`: every District's "
        "lost release requests; pages pass the requests of a paper they have checked"
    ),
    "papers/services.py::complete_release": (
        "background task: it receives only the id of a release request a KI-Leitung made within "
        "her District (papers.views checks that), and works on that request's own paper"
    ),
    "oparl/queries.py::paper_modified": (
        "OParl: the querysets go into _newest(), which correlates them with the outer paper "
        "(filter(paper=OuterRef('pk'))); the papers are scoped by public_papers(district)"
    ),
    "documents/services.py::_documents_of": (
        "service called with a concept version or Sachstandsbericht the caller already "
        "resolved within the District; its documents are found through it"
    ),
    "documents/concept.py::concept_fingerprint": (
        "the Kennzahlen of the version's own measures (version.measures), the version being "
        "the District's"
    ),
    "documents/tasks.py::render_document": (
        "the task worker: no request and no tenant, it renders the document whose id was "
        "queued by a District's page (documents/services.py)"
    ),
    "land/overview.py::overview_rows": (
        "the Land's table of all KIs (issue 17, LandMixin: Land and operator only): periods, "
        "mandatory actors and latest reports of every District in one query each"
    ),
    "land/overview.py::_kim": (
        "the Land's table: KIM posts and case figures of all listed Districts in two queries "
        "(issue 19)"
    ),
    "land/overview.py::_agreements": (
        "the Land's table of all KIs (issue 18): the Einvernehmen rule for every District at once"
    ),
    "land/overview.py::_measures_lacking_target": (
        "the Land's table of all KIs (issue 17): the Kennzahlen rule for every District at once"
    ),
    "demo/management/commands/seed_scale.py::Command.handle": (
        "issue 16: seed_scale grows the whole installation to NRW scale for benchmarks; it "
        "works across all Districts on purpose and refuses to run outside a demo database"
    ),
    "demo/scale.py::_Seeder.actors": (
        "issue 16: seed_scale grows the whole installation to NRW scale for benchmarks; it "
        "works across all Districts on purpose and refuses to run outside a demo database"
    ),
    "demo/scale.py::_Seeder.fields_and_groups": (
        "issue 16: seed_scale grows the whole installation to NRW scale for benchmarks; it "
        "works across all Districts on purpose and refuses to run outside a demo database"
    ),
    "demo/scale.py::_Seeder.measures": (
        "issue 16: seed_scale grows the whole installation to NRW scale for benchmarks; it "
        "works across all Districts on purpose and refuses to run outside a demo database"
    ),
    "demo/scale.py::_Seeder.municipalities": (
        "issue 16: seed_scale grows the whole installation to NRW scale for benchmarks; it "
        "works across all Districts on purpose and refuses to run outside a demo database"
    ),
    "demo/scale.py::_Seeder.papers": (
        "issue 16: seed_scale grows the whole installation to NRW scale for benchmarks; it "
        "works across all Districts on purpose and refuses to run outside a demo database"
    ),
    "demo/management/commands/load_demo.py::Command.handle": (
        "management command: counts what the demo loaded across all demo Districts"
    ),
}


def district_owned_models() -> dict[str, set[str]]:
    """Class name -> district paths of the models whose default QuerySet has ``for_district``."""
    models: dict[str, set[str]] = {}
    for model in apps.get_models():
        queryset = model._default_manager.get_queryset()
        if hasattr(queryset, "for_district"):
            models.setdefault(model.__name__, set()).add(queryset.district_path)
    return models


def project_files() -> list[pathlib.Path]:
    files = []
    for config in apps.get_app_configs():
        path = pathlib.Path(config.path)
        if not path.is_relative_to(ROOT) or ".venv" in path.parts:
            continue  # Django's and third-party apps
        for file in sorted(path.rglob("*.py")):
            if "migrations" not in file.parts and "tests" not in file.parts:
                files.append(file)
    return files


# Methods after which a chain reads nothing of another District.
HARMLESS = {
    "for_district",  # the point of it all
    "none",  # no rows
    "create",  # writes one row the caller built, reads nothing
    "bulk_create",
}

# Methods that, given the model's own district path as a keyword, query as for_district() does.
BY_DISTRICT_PATH = {"filter", "get", "get_or_create", "update_or_create"}


class _Scanner(ast.NodeVisitor):
    def __init__(self, models: dict[str, set[str]], label: str):
        self.models = models
        self.label = label
        self.scope: list[str] = []
        self.prefetched: list[set[str]] = [set()]  # per function: names used as Prefetch querysets
        self.found: list[tuple[str, int, str]] = []  # (key, line, code)

    def _key(self) -> str:
        return f"{self.label}::{'.'.join(self.scope) or '<module>'}"

    def _nested(self, node) -> None:
        self.scope.append(node.name)
        self.prefetched.append(_prefetch_names(node))
        self.generic_visit(node)
        self.prefetched.pop()
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _nested

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Name)
            and func.id in SHORTCUTS
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in self.models
        ):
            self.found.append((self._key(), node.lineno, ast.unparse(node)))
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if (
            node.attr == "objects"
            and isinstance(node.value, ast.Name)
            and node.value.id in self.models
            and not self._scoped(node)
        ):
            self.found.append((self._key(), node.lineno, ast.unparse(_chain(node))))
        self.generic_visit(node)

    def _scoped(self, manager: ast.Attribute) -> bool:
        calls = _calls(manager)
        if not calls:
            return False  # the bare manager handed on
        first_name, first = calls[0]
        if first_name in HARMLESS:
            return True
        arguments = [*first.args, *(k.value for k in first.keywords)]
        # A correlated subquery only narrows its outer query, which is scoped itself.
        if any(_is_outer_ref(argument) for argument in arguments):
            return True
        # filter(<the model's district path>=…) is the very query for_district() makes.
        paths = self.models[manager.value.id]
        if first_name in BY_DISTRICT_PATH and {k.arg for k in first.keywords} & paths:
            return True
        # Re-reading (or locking) an object already in hand: ….get(pk=obj.pk).
        for _name, call in calls:
            for keyword in call.keywords:
                value = keyword.value
                if keyword.arg == "pk" and isinstance(value, ast.Attribute) and value.attr == "pk":
                    return True
        # A Prefetch queryset is narrowed to the rows of the query it hangs on, also when a
        # helper annotates it first (with_latest_value(Indicator.objects…)).
        chain = _chain(manager)
        parent = getattr(chain, "parent", None)
        while isinstance(parent, ast.Call) and chain in parent.args:
            chain, parent = parent, getattr(parent, "parent", None)
        if _is_prefetch_queryset(chain, parent):
            return True
        return isinstance(parent, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in self.prefetched[-1] for t in parent.targets
        )


def _calls(manager: ast.Attribute) -> list[tuple[str, ast.Call]]:
    """The method calls chained onto ``Model.objects``, in order."""
    calls, node = [], manager
    while True:
        attribute = getattr(node, "parent", None)
        if not isinstance(attribute, ast.Attribute) or attribute.value is not node:
            return calls
        call = getattr(attribute, "parent", None)
        if not isinstance(call, ast.Call) or call.func is not attribute:
            return calls
        calls.append((attribute.attr, call))
        node = call


def _chain(node: ast.AST) -> ast.AST:
    """The whole ``Model.objects.a(…).b(…)`` expression around ``node``."""
    while True:
        parent = getattr(node, "parent", None)
        if (
            isinstance(parent, ast.Attribute)
            and parent.value is node
            or isinstance(parent, ast.Call)
            and parent.func is node
        ):
            node = parent
        else:
            return node


def _is_outer_ref(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and _name(n.func) == "OuterRef" for n in ast.walk(node))


def _name(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_prefetch_queryset(chain: ast.AST, parent) -> bool:
    if isinstance(parent, ast.keyword) and parent.arg == "queryset":
        parent = getattr(parent, "parent", None)
        return isinstance(parent, ast.Call) and _name(parent.func) == "Prefetch"
    return (
        isinstance(parent, ast.Call)
        and _name(parent.func) == "Prefetch"
        and len(parent.args) > 1
        and parent.args[1] is chain
    )


def _prefetch_names(function: ast.AST) -> set[str]:
    """Local names handed to ``Prefetch`` as its queryset inside ``function``."""
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and _name(node.func) == "Prefetch":
            candidates = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "queryset")]
            names |= {c.id for c in candidates if isinstance(c, ast.Name)}
    return names


def scan(source: str, label: str, models: dict[str, set[str]]) -> list[tuple[str, int, str]]:
    """Unscoped queries in ``source`` as (``path::function``, line, code)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child.parent = node
    scanner = _Scanner(models, label)
    scanner.visit(tree)
    return scanner.found


def unscoped_queries() -> list[tuple[str, int, str]]:
    models = district_owned_models()
    found = []
    for file in project_files():
        label = file.relative_to(ROOT).as_posix()
        found += scan(file.read_text(encoding="utf-8"), label, models)
    return found


def test_queries_on_district_owned_models_start_from_the_district():
    found = unscoped_queries()
    offenders = [f"{key} (line {line}): {code}" for key, line, code in found if key not in ALLOWED]
    assert not offenders, (
        "Queries on District-owned models must start with .for_district(district) or from a "
        "District's related manager (request.district.measures…); if one really may not, add "
        "it to ALLOWED with the reason:\n" + "\n".join(offenders)
    )


def test_every_allowed_exception_is_still_needed():
    keys = {key for key, _line, _code in unscoped_queries()}
    assert not set(ALLOWED) - keys, "ALLOWED names functions without unscoped queries"


def test_the_guard_knows_the_district_owned_models():
    models = district_owned_models()
    assert {"Measure", "Actor", "DecisionPaper", "ConceptVersion", "PriorityRound"} <= set(models)
    assert models["Indicator"] == {"measure__district"}
    assert "District" not in models and "FocusArea" not in models  # not owned by a District


def test_a_planted_unscoped_query_is_caught():
    source = textwrap.dedent(
        """
        from django.db.models import OuterRef
        from django.shortcuts import get_object_or_404

        def leaky(request, pk):
            return Measure.objects.filter(pk=pk).first()

        class View:
            def get_object(self):
                return get_object_or_404(Actor, pk=self.kwargs["pk"])

            def handed_on(self):
                return Form(queryset=Measure.objects)

        def scoped(request, pk):
            Measure.objects.for_district(request.district).get(pk=pk)
            request.district.measures.filter(pk=pk)
            Indicator.objects.filter(measure=OuterRef("pk"))
            return FocusArea.objects.all()
        """
    )
    models = {"Measure": {"district"}, "Actor": {"district"}, "Indicator": {"measure__district"}}
    found = scan(source, "planted.py", models)
    assert [(key, code) for key, _line, code in found] == [
        ("planted.py::leaky", "Measure.objects.filter(pk=pk).first()"),
        ("planted.py::View.get_object", "get_object_or_404(Actor, pk=self.kwargs['pk'])"),
        ("planted.py::View.handed_on", "Measure.objects"),
    ]
