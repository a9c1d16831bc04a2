"""``panelkeeper rules deadlines``: the deadline planner on the command line, without Django.

``deadlines <preset-or-file> --from DATE [--step STEP] [--region ENG|WLS|SCT|NIR]
[--closed DATE ...]`` prints, for each step the code starts a clock from (or only
``--step``), when each deadline would fall if that step happened on ``--from``. Days are
counted over the region's bank holidays (England unless ``--region`` says otherwise) and
the ``--closed`` days, as :func:`panelkeeper.rules.ladder.planner.plan` counts them for
the web pages. A malformed date, an unknown region or a step the code sets no deadline
from is a usage error: a message saying what to write, and exit status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar
from panelkeeper.rules.dates import long_date
from panelkeeper.rules.ladder.planner import (
    PlannedDate,
    PlanRefused,
    counted,
    plan,
    plan_steps,
    read_step,
)
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.presets import PRESETS

_OPTIONS = {"step": "--step", "on": "--from"}
_DATE_HELP = "a date as YYYY-MM-DD, such as 2026-12-24"


def add_deadlines_parser(commands: Any) -> None:
    """Declare ``deadlines`` on the ``rules`` command's sub-parsers."""
    parser = commands.add_parser(
        "deadlines",
        help="when each deadline would fall if a step of a breach happened on a date",
    )
    parser.add_argument("code", help=f"a preset ({', '.join(PRESETS)}) or a TOML file")
    parser.add_argument("--from", dest="on", required=True, metavar="DATE", help=_DATE_HELP)
    parser.add_argument("--step", help="one step only (all the code's steps when left out)")
    regions = "|".join(r.value for r in Region)
    parser.add_argument("--region", default=Region.ENG.value, help=f"{regions} (default ENG)")
    parser.add_argument(
        "--closed", nargs="*", default=[], metavar="DATE", help="the organisation's closure days"
    )


def _date(option: str, text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        print(f'{option}: "{text}" is not a date: write {_DATE_HELP}.', file=sys.stderr)
        return None


def _region(text: str) -> Region | None:
    try:
        return Region(text.strip().upper())
    except ValueError:
        names = ", ".join(f"{r.value} ({r.label})" for r in Region)
        print(f'--region: "{text}" is not a region: write one of {names}.', file=sys.stderr)
        return None


def _line(date: PlannedDate) -> str:
    what = date.label
    if date.target:
        what += " (a target)"
    if date.applies_to:
        what += f", for {'; '.join(date.applies_to)}"
    return f"- {what}: {long_date(date.on)} ({counted(date)}) [{', '.join(date.rules)}]"


def _calendar_words(calendar: WorkingCalendar) -> str:
    closed = sorted(calendar.closure_days)
    days = "no closure days"
    if closed:
        days = "closure days on " + ", ".join(long_date(d) for d in closed)
    return f"Counted over the bank holidays of {calendar.region.label}, with {days}."


def print_deadlines(policy: Policy, args: argparse.Namespace) -> int:
    """Print the plan for ``args`` (parsed by :func:`add_deadlines_parser`); the exit status."""
    on = _date("--from", args.on)
    region = _region(args.region)
    closed = [_date("--closed", text) for text in args.closed]
    if on is None or region is None or None in closed:
        return 2
    ladder = policy.breach
    calendar = WorkingCalendar(region, [d for d in closed if d is not None])
    try:
        steps = (read_step(ladder, args.step),) if args.step is not None else plan_steps(ladder)
        plans = [(step, plan(ladder, calendar, step, on)) for step in steps if ladder]
    except PlanRefused as error:
        print(f"{_OPTIONS[error.field]}: {error.message}", file=sys.stderr)
        return 2
    code = policy.code
    print(f"{code.organisation}, code version {code.version}")
    print(_calendar_words(calendar))
    if not plans:
        print("This code sets no deadlines for a breach.")
    for step, dates in plans:
        print()
        print(f"If {step.label} on {long_date(on)}:")
        for date in dates:
            print(_line(date))
    return 0
