"""Typed requests: what the access decorators of :mod:`panelkeeper.accounts.permissions`
put on a request, so views and operations read them without casts or ignores.

Annotate a view's ``request`` parameter with the class its decorator guarantees:
``@staff(...)`` gives a :class:`StaffRequest`, ``@member_self`` a :class:`MemberRequest`,
``@case_participant`` and ``@appeal_officer`` a :class:`CaseRequest`; ``@signed_in`` a
:class:`SignedInRequest`. The classes only describe; no request is ever built from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from panelkeeper.accounts.models import ApiToken, User
    from panelkeeper.cases.models import Case
    from panelkeeper.members.models import Member
    from panelkeeper.organisations.models import Organisation


class SignedInRequest(HttpRequest):
    """A request from a signed-in user (by session, or by API token)."""

    user: User
    api_token: ApiToken | None


class StaffRequest(SignedInRequest):
    """A staff page or operation: the organisation in the URL and the user's roles there."""

    organisation: Organisation
    roles: frozenset[str]


class MemberRequest(SignedInRequest):
    """A member's own page, opened by the member or by their advocate."""

    member: Member


class CaseRequest(SignedInRequest):
    """A page of one case for the people on it: the case and the user's roles in it."""

    case: Case
    case_roles: frozenset[str]
