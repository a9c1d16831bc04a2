"""The apps stand in layers, and a lower app never imports a higher one.

Each module's imports are read from its source (``ast``), so the test sees lazy imports
inside functions too: a lazy import is still a dependency, only a hidden one. Imports
under ``if TYPE_CHECKING:`` are allowed in any direction: they never run, so they add no
import-time or run-time dependency; they only name a type in an annotation (audit.log
takes the actor and the organisation it records, both from apps above it).

Apps in the same layer do not import each other either. A new app must be given a layer
in ``LAYERS`` before this test passes.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "panelkeeper"

# Lowest first. ``panelkeeper`` stands for the top-level modules (settings, urls, cli).
LAYERS: list[set[str]] = [
    {"rules"},
    {"lib"},
    {"core", "outbox"},
    {"audit"},  # above core and outbox: its daily job joins core.daily.JOBS and posts mail
    {"accounts"},
    {"organisations"},
    {"members"},
    {"registers"},
    {"meetings"},
    {"cases"},
    {"concerns", "letters"},
    {"retention"},  # removes and anonymises the records of the apps below it
    {"subject_access"},  # gathers what every domain app holds about a person
    {"departure"},  # exports and removes everything an organisation holds, when it leaves
    {"today"},  # reads every domain app for the officers' day and the menus; changes none
    {"api", "demo", "pages"},
    {"panelkeeper"},
]
LAYER_OF = {app: index for index, apps in enumerate(LAYERS) for app in apps}

# Known exceptions: (importing module, imported module). accounts.permissions resolves
# the access policies of every app (an organisation's grants, a member's own record, a
# case's participants), and the token command finds an organisation by slug. Removing
# these means each app registering its own policy look-up with accounts, and the token
# command moving above organisations: a change of its own. An entry that no longer
# applies fails the test, so the list only shrinks.
KNOWN: set[tuple[str, str]] = {
    ("panelkeeper.accounts.permissions", "panelkeeper.organisations.models"),
    ("panelkeeper.accounts.permissions", "panelkeeper.members.models"),
    ("panelkeeper.accounts.permissions", "panelkeeper.cases.models"),
    ("panelkeeper.accounts.management.commands.token", "panelkeeper.organisations.models"),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _app_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 2 or not (PACKAGE / parts[1]).is_dir():
        return "panelkeeper"
    return parts[1]


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(id(child) for statement in node.body for child in ast.walk(statement))
    return inside


def _imports(path: Path) -> list[str]:
    """Every ``panelkeeper`` module ``path`` imports at run time (absolute imports only)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    skipped = _type_checking_nodes(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "panelkeeper":
                found += [f"panelkeeper.{alias.name}" for alias in node.names]
            else:
                found.append(node.module)
    return [name for name in found if name.split(".")[0] == "panelkeeper"]


def _upward_imports() -> set[tuple[str, str]]:
    upward: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        if "static" in path.relative_to(PACKAGE).parts:
            continue
        module = _module_name(path)
        app = _app_of(module)
        for imported in _imports(path):
            target = _app_of(imported)
            if target != app and LAYER_OF[target] >= LAYER_OF[app]:
                upward.add((module, imported))
    return upward


def test_every_app_has_a_layer() -> None:
    apps = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert apps - LAYER_OF.keys() == set(), "give each new app a place in LAYERS"


def test_no_app_imports_an_app_in_its_layer_or_above() -> None:
    unexpected = sorted(_upward_imports() - KNOWN)
    assert unexpected == [], "a lower app imports a higher one (or one beside it)"


def test_the_known_exceptions_still_apply() -> None:
    stale = sorted(KNOWN - _upward_imports())
    assert stale == [], "remove these from KNOWN: they no longer import upwards"


def test_the_test_sees_lazy_imports_and_skips_type_checking_ones(tmp_path: Path) -> None:
    source = tmp_path / "example.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from panelkeeper.rules import policy\n"
        "if TYPE_CHECKING:\n"
        "    from panelkeeper.cases.models import Case\n"
        "def f():\n"
        "    from panelkeeper.members.models import Member\n"
    )
    assert _imports(source) == ["panelkeeper.rules", "panelkeeper.members.models"]
