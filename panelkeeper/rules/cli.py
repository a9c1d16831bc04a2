"""``panelkeeper rules …``: the rulebook, the file checker and the deadline planner, without
Django.

``explain <preset-or-file>`` prints every rule in plain English; ``check <file>``
prints every problem in a code-of-conduct file and exits 1, or confirms it is sound
and exits 0; ``deadlines <preset-or-file> --from DATE`` prints when each deadline would
fall if a step of a breach happened on that date (see :mod:`.cli_deadlines`). The
platform's ``panelkeeper`` console command hands ``rules …`` here
without setting up Django, so nothing in this package may import it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from panelkeeper.rules.cli_deadlines import add_deadlines_parser, print_deadlines
from panelkeeper.rules.explain.rulebook import render_text, rulebook
from panelkeeper.rules.policy.loader import Policy, check_policy, load_policy
from panelkeeper.rules.policy.presets import PRESETS, load_preset
from panelkeeper.rules.policy.problems import PolicyError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="panelkeeper rules",
        description="Explain or check a code of conduct without starting the web application.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    explain = commands.add_parser("explain", help="print the rulebook of a preset or a file")
    explain.add_argument("code", help=f"a preset ({', '.join(PRESETS)}) or a TOML file")
    check = commands.add_parser("check", help="check a code-of-conduct file and list problems")
    check.add_argument("file", help="a TOML file")
    add_deadlines_parser(commands)
    return parser


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        print(f"{path}: cannot read the file: {error.strerror}", file=sys.stderr)
        return None
    except UnicodeDecodeError:
        print(f"{path}: the file is not UTF-8 text; save it as UTF-8", file=sys.stderr)
        return None


def _policy(code: str) -> Policy | int:
    """The preset or file ``code`` names, or the exit status after saying what is wrong."""
    if code in PRESETS:
        return load_preset(code)
    if not Path(code).exists():
        print(
            f'"{code}" is neither a preset nor a file: name one of {", ".join(PRESETS)}, '
            "or the path of a TOML file.",
            file=sys.stderr,
        )
        return 2
    text = _read(code)
    if text is None:
        return 2
    try:
        return load_policy(text, source=code)
    except PolicyError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1


def _explain(code: str) -> int:
    policy = _policy(code)
    if isinstance(policy, int):
        return policy
    sys.stdout.write(render_text(rulebook(policy)))
    return 0


def _check(path: str) -> int:
    text = _read(path)
    if text is None:
        return 2
    # A file is checked before it is uploaded, so as the text of a new draft.
    problems = check_policy(text, source=path, new_draft=True)
    for problem in problems:
        print(problem)
    if problems:
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found.")
        return 1
    print(f"{path}: no problems found.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``explain``, ``check`` or ``deadlines``; returns the exit status (0 good, 1
    problems, 2 misuse)."""
    args = _parser().parse_args(list(argv) if argv is not None else None)
    if args.command == "explain":
        return _explain(args.code)
    if args.command == "deadlines":
        policy = _policy(args.code)
        return policy if isinstance(policy, int) else print_deadlines(policy, args)
    return _check(args.file)
