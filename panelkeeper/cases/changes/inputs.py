"""The typed input of each step the pages and the API offer on a case.

One frozen value per step, its fields named as the form's fields and the API body's, so
both build it the same way (:func:`input_from`) from cleaned form data or a read body, and
as the keywords of the step's domain function, which is called with them
(:class:`panelkeeper.cases.actions.Action`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, dataclass, fields
from typing import TYPE_CHECKING, Any

from panelkeeper.lib.refusals import VALIDATION, Refused

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from panelkeeper.accounts.models import User
    from panelkeeper.members.models import Member


@dataclass(frozen=True, kw_only=True)
class Dated:
    """A step that records only that it happened, and when."""

    effective: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class Informal(Dated):
    step: str
    given_by_users: Sequence[User] = ()
    given_by_members: Sequence[Member] = ()


@dataclass(frozen=True, kw_only=True)
class NewParty(Dated):
    role: str
    member: Member | None = None
    user: User | None = None
    name: str = ""
    contact: str = ""
    agreed_to_letters: bool = False


@dataclass(frozen=True, kw_only=True)
class NewSeat(Dated):
    role_key: str
    member: Member | None = None
    user: User | None = None
    impartial: bool = False


@dataclass(frozen=True, kw_only=True)
class Suspension(Dated):
    until: dt.date | None = None
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class Lifting(Dated):
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class Finding(Dated):
    level: str
    confidentiality: bool = False


@dataclass(frozen=True, kw_only=True)
class Outcome(Dated):
    outcome: str
    reason: str = ""
    until: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class Notice:
    sent_on: dt.date
    channel: str
    to: str = ""
    """The member's name, or empty for it: the notice goes to the member (BR-11)."""


@dataclass(frozen=True, kw_only=True)
class AppealReceived:
    received_on: dt.date


@dataclass(frozen=True, kw_only=True)
class LateAppealDecision(Dated):
    accepted: bool
    reason: str


@dataclass(frozen=True, kw_only=True)
class AppealDecision(Dated):
    result: str
    reason: str
    outcome: str | None = None


@dataclass(frozen=True, kw_only=True)
class Withdrawal(Dated):
    reason: str


@dataclass(frozen=True, kw_only=True)
class Closing(Dated):
    reason: str = ""


def input_from[I: DataclassInstance](kind: type[I], values: Mapping[str, Any]) -> I:
    """``kind`` from ``values`` (cleaned form data, or an API body with its ids resolved).

    Other keys are ignored; an absent value takes the field's default. A required field
    that is absent or empty is refused, naming it: the forms require theirs, so this is
    what an API body that leaves one out is told.
    """
    given: dict[str, Any] = {}
    for field in fields(kind):
        value = values.get(field.name)
        required = field.default is MISSING and field.default_factory is MISSING
        if value is None or value == "":
            if required:
                raise Refused(
                    f"Send {field.name} for this step.", rule=VALIDATION, field=field.name
                )
            if value is None:
                continue
        given[field.name] = value
    return kind(**given)
