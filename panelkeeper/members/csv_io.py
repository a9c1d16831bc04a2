"""Members in and out as CSV: a checked import (all rows or none) and an export.

The file may be UTF-8, UTF-8 with a byte-order mark, or Excel's Windows-1252. Each
problem names the line and the column and says what to write instead; when there is
any problem nothing is saved. Importing may also invite every member imported to sign
in: then each row needs its own email address, and the members and their invitations are
saved together or not at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction

from panelkeeper.lib.refusals import Problem as RefusalProblem
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.invitations import invite_members
from panelkeeper.members.models import ContactBy, CustomerType, GroupRole, Member
from panelkeeper.members.records import EDITABLE, FLAGS, PEOPLE, add_member, clean_fields
from panelkeeper.organisations.models import Group, Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

REQUIRED = ("full_name", "customer_type", "group", "started_on")
# Every other field an officer may set, in the same order, except the sign-ins: a file
# names no users.
OPTIONAL = tuple(name for name in EDITABLE if name not in REQUIRED and name not in PEOPLE)
COLUMNS = REQUIRED + OPTIONAL
MAX_ROWS = 5000
TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0", ""}


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where.capitalize()}: {self.message}"


@dataclass
class Checked:
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as Excel saves it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _date(text: str) -> dt.date:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError


def _choice(text: str, choices: Iterable[tuple[str, str]]) -> str | None:
    wanted = text.strip().lower().replace(" ", "_")
    for value, label in choices:
        if wanted in (value, label.lower().replace(" ", "_")):
            return value
    return None


def _row(
    line: int, raw: dict[str, str], groups: dict[str, Group], problems: list[Problem]
) -> dict[str, Any] | None:
    values = {name: (raw.get(name) or "").strip() for name in COLUMNS}
    before = len(problems)

    def problem(column: str, message: str) -> None:
        problems.append(Problem(line, column, message))

    row: dict[str, Any] = {"full_name": values["full_name"]}
    group = groups.get(values["group"].lower())
    if group is None:
        names = ", ".join(g.name for g in groups.values()) or "none yet"
        problem("group", f"Enter the name of one of your groups ({names})")
    kind = _choice(values["customer_type"], CustomerType.choices)
    if kind is None:
        problem("customer_type", f"Write one of: {', '.join(CustomerType.values)}")
    row["customer_type"] = kind
    row["role"] = _choice(values["role"] or "member", GroupRole.choices)
    if row["role"] is None:
        problem("role", "Write chair, vice_chair or member")
    row["contact_by"] = _choice(values["contact_by"] or "post", ContactBy.choices)
    if row["contact_by"] is None:
        problem("contact_by", "Write email or post")
    for name in FLAGS:
        if values[name].lower() not in TRUE | FALSE:
            problem(name, "Write yes or no")
        row[name] = values[name].lower() in TRUE
    for name, required in (("started_on", True), ("ended_on", False)):
        if not values[name]:
            row[name] = None
            if required:
                problem(name, "Enter the date they started, like 2026-01-31 or 31/01/2026")
            continue
        try:
            row[name] = _date(values[name])
        except ValueError:
            problem(name, "Write the date like 2026-01-31 or 31/01/2026")
    row.update(email=values["email"], phone=values["phone"], address=values["address"])
    if len(problems) > before or group is None:
        return None
    try:
        clean_fields(dict(row), group=group)
    except Refused as refusal:
        problem(refusal.field or "", refusal.message)
        return None
    return {"group": group, "line": line, **row}


def check(text: str, organisation: Organisation, *, invite: bool = False) -> Checked:
    """Read every row and name every problem; save nothing. With ``invite``, a row with no
    email address, or with one an earlier row of the same group has, is a problem too."""
    result = Checked()
    try:
        _check(text, organisation, result)
        if invite:
            _check_invitable(result)
        return result
    except csv.Error:
        # A field far too long, say: whatever this file is, it is not a list of members.
        result.rows.clear()
        result.problems.append(
            Problem(1, "", "The file could not be read as CSV; save it from a spreadsheet as CSV")
        )
        return result


def _check(text: str, organisation: Organisation, result: Checked) -> Checked:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        result.problems.append(
            Problem(
                1, "", f"Add the missing column{'s' * (len(missing) > 1)}: {', '.join(missing)}"
            )
        )
        return result
    reader.fieldnames = header
    groups = {g.name.lower(): g for g in Group.objects.filter(organisation=organisation)}
    for index, raw in enumerate(reader):
        line = index + 2
        if index >= MAX_ROWS:
            result.problems.append(Problem(line, "", f"Import at most {MAX_ROWS} rows at a time"))
            break
        if None in raw:
            result.problems.append(Problem(line, "", "This line has more values than the header"))
            continue
        row = _row(line, raw, groups, result.problems)
        if row is not None:
            result.rows.append(row)
    if not result.rows and not result.problems:
        result.problems.append(Problem(2, "", "Add at least one member below the header"))
    return result


def _check_invitable(result: Checked) -> None:
    groups = {row["group"].pk for row in result.rows}
    signing_in = {
        (group, email.lower())
        for group, email in Member.objects.filter(group__in=groups, user__isnull=False).values_list(
            "group_id", "user__email"
        )
    }
    seen: dict[tuple[int, str], int] = {}
    for row in result.rows:
        line, email = row["line"], row["email"].lower()
        if not email:
            result.problems.append(
                Problem(
                    line,
                    "email",
                    "Enter an email address to invite this member, or import without inviting",
                )
            )
            continue
        if (row["group"].pk, email) in signing_in:
            result.problems.append(
                Problem(
                    line,
                    "email",
                    f"A member of {row['group'].name} already signs in "
                    "with this email address. Each member of a group needs their own",
                )
            )
            continue
        first = seen.setdefault((row["group"].pk, email), line)
        if first != line:
            result.problems.append(
                Problem(
                    line,
                    "email",
                    f"Line {first} has the same email address. Each member "
                    "of a group needs their own to sign in",
                )
            )
    if result.problems:
        result.problems.sort(key=lambda problem: problem.line)


def import_members(
    *, text: str, organisation: Organisation, actor: User, invite: bool = False
) -> list[Member]:
    """Add every member in ``text``, or none: refuses with every problem when there is any.
    With ``invite``, invites each to sign in too (:func:`invite_members`), all or none."""
    checked = check(text, organisation, invite=invite)
    if checked.problems:
        count = len(checked.problems)
        raise Refused(
            f"The file has {count} problem{'s' * (count > 1)}. "
            "Correct each one and upload it again.",
            problems=[RefusalProblem(str(p), p.column or None) for p in checked.problems],
        )
    with transaction.atomic():
        added = [add_member(actor=actor, **_fields(row)) for row in checked.rows]
        if invite:
            invite_members(members=added, actor=actor)
    return added


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in row.items() if name != "line"}


def export_members(members: Iterable[Member]) -> str:
    """The members as CSV, with the columns the import reads plus their id."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", *COLUMNS])
    for member in members:
        writer.writerow([member.pk, *(_safe(_cell(member, name)) for name in COLUMNS)])
    return out.getvalue()


def _cell(member: Member, name: str) -> str:
    """The column ``name`` of ``member``, written the way the import reads it."""
    if name == "group":
        return member.group.name
    value = getattr(member, name)
    if name in FLAGS:
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _safe(value: str) -> str:
    """Stop a spreadsheet from running a cell as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
