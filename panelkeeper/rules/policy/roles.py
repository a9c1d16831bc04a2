"""Role titles a code of conduct names, and how a file refers to them.

Two kinds (DESIGN "A code of conduct as data"):

* staff roles, declared once under ``[roles.staff]`` as ``key = "Display Title"``; each
  needs a holder (a user) before a version is published;
* member roles, taken from the group's own members (the chair, the vice chair, the group
  as a body, another involved customer), and project roles, filled by the piece of work
  in hand (the officer leading a scrutiny project, the lead officer of the organisation
  scrutinised); neither needs a holder. Their keys are fixed; a file may give them
  display titles under ``[roles.members]``.

Everywhere else a file names a role by its key; a key that is neither declared nor a
member role is a problem listing the keys that are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from panelkeeper.rules.policy.problems import ProblemCode, Table

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class RoleKind(StrEnum):
    STAFF = "staff"
    MEMBER = "member"
    PROJECT = "project"


class MemberRole(StrEnum):
    """Roles filled from the group's members or the work in hand: no holder to assign."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    PANEL = "panel"
    INVOLVED_CUSTOMER = "involved_customer"
    # Filled by the piece of work in hand, not by a standing holder.
    PROJECT_LEAD = "project_lead"
    LEAD_OFFICER_SCRUTINISED = "lead_officer_scrutinised"

    @property
    def kind(self) -> RoleKind:
        if self in (MemberRole.PROJECT_LEAD, MemberRole.LEAD_OFFICER_SCRUTINISED):
            return RoleKind.PROJECT
        return RoleKind.MEMBER


MEMBER_ROLE_DEFAULT_TITLES: dict[MemberRole, str] = {
    MemberRole.CHAIR: "Chair",
    MemberRole.VICE_CHAIR: "Vice Chair",
    MemberRole.PANEL: "the Panel",
    MemberRole.INVOLVED_CUSTOMER: "another involved customer",
    MemberRole.PROJECT_LEAD: "the officer leading the scrutiny project",
    MemberRole.LEAD_OFFICER_SCRUTINISED: "the lead officer of the organisation scrutinised",
}


@dataclass(frozen=True)
class Role:
    """A role a file refers to: a stable ``key`` and the ``title`` shown to people."""

    key: str
    title: str
    kind: RoleKind

    @property
    def needs_holder(self) -> bool:
        """Staff roles need a named holder at publication; member roles never do."""
        return self.kind is RoleKind.STAFF

    def __str__(self) -> str:
        return self.title


class Roles:
    """The roles one file declares, with readers that report undeclared references."""

    def __init__(self, staff: Sequence[Role], member_titles: dict[MemberRole, str]) -> None:
        self.staff: tuple[Role, ...] = tuple(staff)
        self.members: tuple[Role, ...] = tuple(
            Role(m.value, member_titles.get(m, MEMBER_ROLE_DEFAULT_TITLES[m]), m.kind)
            for m in MemberRole
        )
        self._by_key = {r.key: r for r in (*self.staff, *self.members)}
        # Keys the file refers to; a staff role nobody refers to would need a holder
        # for nothing, so the loader reports it.
        self._referenced: set[str] = set()

    def get(self, key: str) -> Role | None:
        return self._by_key.get(key)

    def __getitem__(self, key: str) -> Role:
        return self._by_key[key]

    def title(self, key: str) -> str:
        """The display title of a declared role; KeyError if undeclared."""
        return self._by_key[key].title

    def unreferenced_staff(self) -> tuple[Role, ...]:
        """Declared staff roles no reference read so far has named.

        Empty while any reference names an undeclared role: that is most likely a
        misspelt declared one, and one mistake should be reported once.
        """
        if any(key not in self._by_key for key in self._referenced):
            return ()
        return tuple(r for r in self.staff if r.key not in self._referenced)

    @property
    def all(self) -> tuple[Role, ...]:
        return (*self.staff, *self.members)

    def _declared(self) -> str:
        staff = ", ".join(f'"{r.key}" ({r.title})' for r in self.staff) or "none"
        members = ", ".join(f'"{r.key}"' for r in self.members)
        return f"Declared staff roles: {staff}. Member roles: {members}."

    def _resolve(self, table: Table, key: str, text: str) -> Role | None:
        role = self._by_key.get(text)
        self._referenced.add(text)
        if role is None:
            table.problems.add(
                key,
                f'"{text}" is not a declared role. Declare it under [roles.staff] '
                f"or use one of the declared keys. {self._declared()}",
                code=ProblemCode.UNKNOWN_ROLE,
                on_form="This names a staff title the code no longer has. Choose another, "
                "or keep that title under Staff titles.",
            )
        return role

    def required(self, table: Table, name: str) -> Role | None:
        """Read the role key at ``name`` (required)."""
        text = table.required_str(name, example='"customer_involvement_manager"')
        return None if text is None else self._resolve(table, table.key(name), text)

    def optional(self, table: Table, name: str) -> Role | None:
        text = table.optional_str(name)
        return None if text is None else self._resolve(table, table.key(name), text)

    def many(self, table: Table, name: str, *, required: bool = False) -> tuple[Role, ...]:
        """Read a list of role keys; each undeclared one is its own problem."""
        found: list[Role] = []
        for index, text in enumerate(table.str_list(name, required=required)):
            role = self._resolve(table, f"{table.key(name)}[{index}]", text)
            if role is not None:
                found.append(role)
        return tuple(found)


def parse_roles(table: Table | None) -> Roles:
    """Read ``[roles]``: ``[roles.staff]`` key = title, ``[roles.members]`` key = title."""
    if table is None:
        return Roles((), {})
    staff: list[Role] = []
    staff_table = table.optional_table("staff")
    if staff_table is not None:
        for key in list(staff_table.data):
            title = staff_table.required_str(key, example='"Customer Involvement Manager"')
            if key in {m.value for m in MemberRole}:
                staff_table.problem(key, f'"{key}" is a member role; choose another key.')
            elif not _KEY.match(key):
                staff_table.problem(
                    key, "Write the key in lower case with underscores, such as director_of_homes."
                )
            elif title is not None and title in {r.title for r in staff}:
                staff_table.problem(key, f'"{title}" is declared twice; declare each title once.')
            elif title is not None:
                staff.append(Role(key, title, RoleKind.STAFF))
        staff_table.finish()
    titles: dict[MemberRole, str] = {}
    members_table = table.optional_table("members")
    if members_table is not None:
        for member in MemberRole:
            title = members_table.optional_str(member.value)
            if title is not None:
                titles[member] = title
        members_table.finish()
    table.finish()
    return Roles(staff, titles)
