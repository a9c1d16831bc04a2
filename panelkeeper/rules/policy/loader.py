"""One version of an organisation's code of conduct, loaded from TOML and checked.

``load_policy(text, source=...)`` returns a frozen :class:`Policy` or raises
:class:`PolicyError` carrying every problem in the file at once, each with the file,
the dotted key and what to write instead; ``check_policy`` returns the problems only.
What only the database knows (a holder for every declared staff role) is checked when
a version is published, not here.

Top-level tables: ``[code]``, ``[groups]``, ``[roles]``, ``[calendar]`` (read from stored
versions only; a new draft may not set it),
``[interpretations]``, ``[governance]``, ``[behaviours]``, ``[documents]``,
``[membership]``, ``[attendance]``, ``[meetings]``, ``[interests]``,
``[confidentiality]``, ``[gifts]``, ``[conduct]``, ``[[not_modelled]]`` and ``[breach]``
(the ladder, read by :mod:`panelkeeper.rules.ladder`).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar
from panelkeeper.rules.ladder import Ladder, parse_breach
from panelkeeper.rules.policy.clauses import INTERPRETATIONS, clauses
from panelkeeper.rules.policy.conduct import Conduct, parse_conduct
from panelkeeper.rules.policy.problems import (
    PolicyError,
    Problem,
    ProblemCode,
    Problems,
    Table,
    suggestion,
)
from panelkeeper.rules.policy.roles import Role, Roles, parse_roles
from panelkeeper.rules.policy.sections import (
    Attendance,
    Cites,
    Confidentiality,
    Documents,
    Gifts,
    Interests,
    Meetings,
    Membership,
    parse_attendance,
    parse_confidentiality,
    parse_documents,
    parse_gifts,
    parse_interests,
    parse_meetings,
    parse_membership,
    read_cites,
)

_SLUG = re.compile(r"^[a-z][a-z0-9-]*$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Group:
    """A group the code governs, such as the Customer Scrutiny Panel."""

    key: str
    name: str


@dataclass(frozen=True)
class Code:
    slug: str
    organisation: str
    version: str
    title: str | None


@dataclass(frozen=True)
class CalendarSettings:
    """Interpretation 1: the working-day calendar deadlines are counted on."""

    region: Region
    closure_days: tuple[dt.date, ...]


@dataclass(frozen=True)
class Governance:
    """GOV-1, GOV-2, MEM-6: approval, review and revision of the code itself."""

    cites: Cites
    approved_on: dt.date | None
    review_every: Duration | None
    review_due: dt.date | None
    reviewed_by: tuple[Role, ...]
    early_review_proposed_by: Role | None
    revisions_jointly_agreed: bool
    equality_impact_assessment: bool
    equality_impact_assessed_on: dt.date | None


@dataclass(frozen=True)
class Behaviours:
    """Switches for what the product applies where the codes are silent (POLICY)."""

    cites: Cites
    eligibility_needs_signatures: bool  # MEM-2: no part in the work until all is signed
    resign_new_versions: bool  # MEM-6: a new version outdates earlier signatures
    conflict_check_every_seat: bool  # COI-4: no conflicted or implicated decider anywhere


@dataclass(frozen=True)
class NotModelled:
    rule: str
    reason: str


@dataclass(frozen=True)
class Policy:
    """A code of conduct version: everything the rules engine needs, as values."""

    source: str
    code: Code
    groups: tuple[Group, ...]
    roles: Roles
    calendar: CalendarSettings
    interpretations: tuple[int, ...]
    governance: Governance | None
    behaviours: Behaviours
    documents: Documents | None
    membership: Membership | None
    attendance: Attendance | None
    meetings: Meetings | None
    interests: Interests | None
    confidentiality: Confidentiality | None
    gifts: Gifts | None
    conduct: Conduct | None
    not_modelled: tuple[NotModelled, ...]
    breach: Ladder | None

    @property
    def staff_roles(self) -> tuple[Role, ...]:
        """The declared staff titles; each needs a holder before publication."""
        return self.roles.staff

    @property
    def review_every(self) -> Duration | None:
        return self.governance.review_every if self.governance else None

    def role(self, key: str) -> Role:
        """The role a file refers to by ``key``; KeyError if it is not declared."""
        return self.roles[key]

    def role_title(self, key: str) -> str:
        return self.roles.title(key)

    def working_calendar(self, extra_closure_days: Iterable[dt.date] = ()) -> WorkingCalendar:
        """The calendar deadlines count on: the region's bank holidays, the closure days
        in the file, and any the organisation has added since (kept in the database)."""
        return WorkingCalendar(
            self.calendar.region, (*self.calendar.closure_days, *extra_closure_days)
        )

    def group(self, key: str) -> Group | None:
        return next((g for g in self.groups if g.key == key), None)


def _code(root: Table) -> Code | None:
    table = root.required_table("code")
    if table is None:
        return None
    slug = table.required_str("slug", example='"vela"')
    if slug is not None and not _SLUG.match(slug):
        table.problem("slug", f'Write lower-case letters, digits and hyphens, not "{slug}".')
        slug = None
    organisation = table.required_str("organisation", example='"Vela Group"')
    version = table.required_str("version", example='"2026-1"')
    title = table.optional_str("title")
    table.finish()
    if slug is None or organisation is None or version is None:
        return None
    return Code(slug, organisation, version, title)


def _groups(root: Table) -> tuple[Group, ...]:
    table = root.required_table("groups")
    if table is None:
        return ()
    groups: list[Group] = []
    for key in list(table.data):
        name = table.required_str(key, example='"Customer Scrutiny Panel"')
        if not _KEY.match(key):
            table.problem(key, "Write a key in lower case with underscores, such as panel.")
        elif name is not None:
            groups.append(Group(key, name))
    if not table.data:
        table.problem(
            "",
            'Name at least one group, such as panel = "Customer Scrutiny Panel".',
            on_form="Add at least one group.",
        )
    table.finish()
    return tuple(groups)


def _calendar(root: Table, *, new_draft: bool) -> CalendarSettings:
    # The region and closure days now belong to the organisation (its settings and closure
    # days pages). Versions published before that keep their table, and their text can
    # never change, so reading a stored text accepts it; a new draft may not set it.
    if new_draft and root.has("calendar"):
        root.problem(
            "calendar",
            "Remove [calendar]. The bank holiday region is set on the organisation's "
            "settings page and closure days on its closure days page.",
        )
        return CalendarSettings(Region.ENG, ())
    table = root.optional_table("calendar")
    if table is None:
        return CalendarSettings(Region.ENG, ())
    region = table.required_choice("region", Region) or Region.ENG
    closure_days = table.date_list("closure_days")
    table.finish()
    return CalendarSettings(region, closure_days)


def _interpretations(root: Table) -> tuple[int, ...]:
    table = root.optional_table("interpretations")
    if table is None:
        return ()
    good = table.list_items(
        "relies_on",
        table.int_list("relies_on"),
        read=lambda number: number if number in INTERPRETATIONS else None,
        complaint=lambda number: (
            f"There is no Interpretation {number}; write numbers from 1 to {max(INTERPRETATIONS)}."
        ),
    )
    table.finish()
    return tuple(sorted(set(good)))


def _governance(table: Table, roles: Roles) -> Governance:
    return Governance(
        cites=read_cites(table),
        approved_on=table.optional_date("approved_on"),
        review_every=table.optional_duration("review_every"),
        review_due=table.optional_date("review_due"),
        reviewed_by=roles.many(table, "reviewed_by"),
        early_review_proposed_by=roles.optional(table, "early_review_proposed_by"),
        revisions_jointly_agreed=table.optional_bool("revisions_jointly_agreed", False),
        equality_impact_assessment=table.optional_bool("equality_impact_assessment", False),
        equality_impact_assessed_on=table.optional_date("equality_impact_assessed_on"),
    )


_SWITCHES = {
    "eligibility_needs_signatures": "MEM-2",
    "resign_new_versions": "MEM-6",
    "conflict_check_every_seat": "COI-4",
}


def _behaviours(root: Table) -> Behaviours:
    table = root.optional_table("behaviours")
    if table is None:
        # Every POLICY behaviour is on unless a preset switches it off (CLAUSES "kinds").
        return Behaviours(Cites(), True, True, True)
    cites = read_cites(table)
    values = {name: table.optional_bool(name, True) for name in _SWITCHES}
    for name, rule_id in _SWITCHES.items():
        if values[name] and table.data.get(name) is True and rule_id not in cites.all:
            table.problem(name, f"Cite {rule_id} in rules or adopted for this behaviour.")
    table.finish()
    return Behaviours(cites, **values)


def _not_modelled(root: Table) -> tuple[NotModelled, ...]:
    known = clauses()
    entries: list[NotModelled] = []
    for entry in root.table_list("not_modelled"):
        rule = entry.required_str("rule", example='"MEM-1"')
        reason = entry.required_str("reason", example='"Recorded on paper."')
        if rule is not None and rule not in known:
            entry.problem(
                "rule", f'"{rule}" is not a rule id of CLAUSES.md.' + suggestion(rule, list(known))
            )
        elif rule is not None and reason is not None:
            entries.append(NotModelled(rule, reason))
        entry.finish()
    return tuple(entries)


def _section[T](root: Table, name: str, read: Callable[[Table], T]) -> T | None:
    table = root.optional_table(name)
    if table is None:
        return None
    result = read(table)
    table.finish()
    return result


def _read(text: str, source: str, *, new_draft: bool = False) -> tuple[Policy | None, Problems]:
    problems = Problems(source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.add("(file)", f"This is not valid TOML: {error}. Fix the line it names.")
        return None, problems
    root = Table(data, "", problems)
    code = _code(root)
    groups = _groups(root)
    roles = parse_roles(root.optional_table("roles"))
    calendar = _calendar(root, new_draft=new_draft)
    slug = code.slug if code else None
    interpretations = _interpretations(root)
    governance = _section(root, "governance", lambda t: _governance(t, roles))
    behaviours = _behaviours(root)
    documents = _section(root, "documents", lambda t: parse_documents(t, roles))
    membership = _section(root, "membership", lambda t: parse_membership(t, roles))
    attendance = _section(root, "attendance", lambda t: parse_attendance(t, roles))
    meetings = _section(root, "meetings", lambda t: parse_meetings(t, roles))
    interests = _section(root, "interests", lambda t: parse_interests(t, roles))
    confidentiality = _section(root, "confidentiality", lambda t: parse_confidentiality(t, roles))
    gifts = _section(root, "gifts", lambda t: parse_gifts(t, roles))
    conduct = _section(root, "conduct", lambda t: parse_conduct(t, slug))
    not_modelled = _not_modelled(root)
    # The ladder reader finishes its own table (reports its unknown keys).
    breach = parse_breach(root.optional_table("breach"), roles)
    for role in roles.unreferenced_staff():
        problems.add(
            f"roles.staff.{role.key}",
            f'"{role.title}" is declared but nothing in the file refers to it, so it would '
            "need a holder for no purpose. Name it where it acts, or remove it.",
            code=ProblemCode.UNUSED_TITLE,
            on_form=f"Nothing in the code uses “{role.title}”, so it would need a holder for "
            "no purpose. Choose what it does, or remove it.",
        )
    root.finish()
    if problems or code is None:
        return None, problems
    policy = Policy(
        source=source,
        code=code,
        groups=groups,
        roles=roles,
        calendar=calendar,
        interpretations=interpretations,
        governance=governance,
        behaviours=behaviours,
        documents=documents,
        membership=membership,
        attendance=attendance,
        meetings=meetings,
        interests=interests,
        confidentiality=confidentiality,
        gifts=gifts,
        conduct=conduct,
        not_modelled=not_modelled,
        breach=breach,
    )
    return policy, problems


def check_policy(text: str, *, source: str, new_draft: bool = False) -> tuple[Problem, ...]:
    """Every problem in the file, in the order found; empty when the file is sound.

    ``new_draft`` checks a text about to become a new version, which may not set
    ``[calendar]``; a stored version's text is read without it.
    """
    return _read(text, source, new_draft=new_draft)[1].as_tuple()


def load_policy(text: str, *, source: str, new_draft: bool = False) -> Policy:
    """The policy the file describes; PolicyError with every problem if it has any.

    ``new_draft`` as for :func:`check_policy`.
    """
    policy, problems = _read(text, source, new_draft=new_draft)
    if policy is None:
        raise PolicyError(problems.as_tuple())
    return policy
