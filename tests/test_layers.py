"""The apps point one way (README "Aufbau"; the contract is in pyproject.toml).

`make lint` runs import-linter; these tests show that it passes on the code as it is and that
an upward import — also one hidden inside a function — breaks it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def root_packages() -> list[str]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(tree / "pyproject.toml")],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path) -> Path:
    """A copy of the apps' Python files, to plant imports in."""
    for package in root_packages():
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.html", "*.yaml", "*.json"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_apps_keep_the_contract(tree):
    result = lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, planted, message",
    [
        # The tenant layer reaching up into the papers, at module level …
        ("districts/models.py", "import papers.models  # noqa\n", "districts is not allowed"),
        # … or inside a function, as the dashboard once did.
        (
            "concepts/services.py",
            "\n\ndef _planted():\n    from measures.models import Measure  # noqa\n",
            "concepts is not allowed to import measures",
        ),
        # Siblings in one layer stay apart.
        ("actors/models.py", "import measures.models  # noqa\n", "actors is not allowed"),
        # The shared kit knows no app.
        ("core/forms.py", "import accounts.access  # noqa\n", "core is not allowed"),
    ],
)
def test_an_upward_import_breaks_the_build(tree, module, planted, message):
    path = tree / module
    path.write_text(path.read_text() + planted)
    result = lint(tree)
    assert result.returncode != 0
    assert message in result.stdout.replace("\n", " ")
