"""Test data and the named personas, built by one plain class (STYLE 18).

``Factory`` makes one organisation ("home") with its officer and auditor, and an
outsider: the officer of another organisation. Other engineers add methods here for
their own records (append with str_replace; keep each method small).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from panelkeeper.accounts.models import Grant, User
from panelkeeper.accounts.tokens import NewToken, create_token
from panelkeeper.organisations.models import (
    ClosureDay,
    Group,
    Organisation,
    PolicyVersion,
    RoleHolder,
)
from panelkeeper.rules.presets import preset_text

PASSWORD = "correct horse battery staple"

_serial = itertools.count(1)


class Factory:
    """Builds saved records with sensible defaults; every argument can be overridden."""

    def __init__(self) -> None:
        self._home: Organisation | None = None
        self._other: Organisation | None = None

    # Organisations ---------------------------------------------------------------

    def organisation(self, **fields: Any) -> Organisation:
        n = next(_serial)
        fields.setdefault("slug", f"org-{n}")
        fields.setdefault("name", f"Housing Association {n}")
        return Organisation.objects.create(**fields)

    def group(self, organisation: Organisation | None = None, **fields: Any) -> Group:
        fields.setdefault("name", f"Scrutiny Panel {next(_serial)}")
        return Group.objects.create(organisation=organisation or self.home, **fields)

    @property
    def home(self) -> Organisation:
        """The organisation the officer and auditor work for."""
        if self._home is None:
            self._home = self.organisation(slug="home", name="Home Housing")
        return self._home

    @property
    def other(self) -> Organisation:
        """An organisation the personas hold no grant on (the outsider's)."""
        if self._other is None:
            self._other = self.organisation(slug="other", name="Other Homes")
        return self._other

    # People ----------------------------------------------------------------------

    def user(self, **fields: Any) -> User:
        n = next(_serial)
        fields.setdefault("email", f"person{n}@example.org")
        fields.setdefault("username", fields["email"])
        fields.setdefault("first_name", "Person")
        fields.setdefault("last_name", str(n))
        password = fields.pop("password", PASSWORD)
        return User.objects.create_user(password=password, **fields)

    def staff(self, role: str, organisation: Organisation | None = None, **fields: Any) -> User:
        user = self.user(**fields)
        Grant.objects.create(user=user, organisation=organisation or self.home, role=role)
        return user

    def officer(self, organisation: Organisation | None = None, **fields: Any) -> User:
        fields.setdefault("first_name", "Olive")
        fields.setdefault("last_name", "Officer")
        return self.staff(Grant.Role.OFFICER, organisation, **fields)

    def auditor(self, organisation: Organisation | None = None, **fields: Any) -> User:
        fields.setdefault("first_name", "Audrey")
        fields.setdefault("last_name", "Auditor")
        return self.staff(Grant.Role.AUDITOR, organisation, **fields)

    def outsider(self, **fields: Any) -> User:
        """The officer of another organisation: staff, but not of ``home``."""
        fields.setdefault("first_name", "Owen")
        fields.setdefault("last_name", "Outsider")
        return self.staff(Grant.Role.OFFICER, self.other, **fields)

    def token(
        self, user: User, organisation: Organisation | None = None, name: str = "test"
    ) -> NewToken:
        return create_token(user=user, organisation=organisation or self.home, name=name)

    # Versions of the code, role holders, closure days (organisations) -----------

    def draft_version(
        self, organisation: Organisation | None = None, preset: str = "vela", **fields: Any
    ) -> PolicyVersion:
        """A draft holding a preset's text exactly, saved without the domain function."""
        fields.setdefault("version", f"draft-{next(_serial)}")
        fields.setdefault("source", preset_text(preset))
        fields.setdefault("file_name", f"{preset}.toml")
        fields.setdefault("preset", preset)
        return PolicyVersion.objects.create(organisation=organisation or self.home, **fields)

    def published_version(
        self,
        organisation: Organisation | None = None,
        preset: str = "vela",
        in_force_from: dt.date = dt.date(2026, 2, 2),
        **fields: Any,
    ) -> PolicyVersion:
        """A published version in force from ``in_force_from`` (approved the same day)."""
        fields.setdefault("approved_on", in_force_from)
        return self.draft_version(
            organisation,
            preset,
            status=PolicyVersion.Status.PUBLISHED,
            in_force_from=in_force_from,
            published_at=timezone.now(),
            **fields,
        )

    def role_holder(
        self,
        role_key: str,
        user: User | None = None,
        organisation: Organisation | None = None,
        **fields: Any,
    ) -> RoleHolder:
        fields.setdefault("role_title", role_key.replace("_", " ").title())
        fields.setdefault("effective_from", dt.date(2026, 1, 5))
        return RoleHolder.objects.create(
            organisation=organisation or self.home,
            role_key=role_key,
            user=user or self.auditor(organisation),
            **fields,
        )

    def closure_day(self, organisation: Organisation | None = None, **fields: Any) -> ClosureDay:
        fields.setdefault("date", dt.date(2026, 1, 2) + dt.timedelta(days=next(_serial)))
        fields.setdefault("reason", "Staff training day")
        return ClosureDay.objects.create(organisation=organisation or self.home, **fields)
