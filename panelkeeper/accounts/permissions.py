"""Who may open which page or API operation: the one place access is decided.

Every view and API operation declares a policy with one of the decorators below, and
the persona-matrix test (tests/permissions/) fails on any URL pattern or operation
that has none. The ladder is the same everywhere:

- anonymous visitors are sent to sign in (the API answers 401 in JSON);
- an organisation the user holds no grant on answers 404, whether or not it exists,
  so its existence is never revealed;
- the user's own organisation without one of the required roles answers 403.

Staff views carry the organisation's slug in the URL as ``<slug:org>``; the decorator
puts the organisation on ``request.organisation`` and the user's roles there on
``request.roles``. Each decorator's view annotates ``request`` with the class of
:mod:`panelkeeper.lib.requests` it guarantees (``@staff`` a ``StaffRequest``, ...).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from ninja.errors import HttpError

from panelkeeper.accounts.models import Grant
from panelkeeper.lib.api import Audience
from panelkeeper.lib.requests import CaseRequest, MemberRequest, StaffRequest

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Organisation


@dataclass(frozen=True)
class AccessPolicy:
    """What a view or operation requires: ``name`` is public, signed_in or staff."""

    name: str
    roles: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.roles:
            return f"{self.name}({', '.join(self.roles)})"
        return self.name


# A page's view: whatever its request type and URL arguments, it answers a response.
type View = Callable[..., HttpResponseBase]

PUBLIC = AccessPolicy("public")
SIGNED_IN = AccessPolicy("signed_in")


def policy_of(view: object) -> AccessPolicy | None:
    """The policy a view or operation declared, or None if it declared none."""
    policy = getattr(view, "access_policy", None)
    return policy if isinstance(policy, AccessPolicy) else None


def _declare[V: Callable[..., Any]](view: V, policy: AccessPolicy) -> V:
    view.access_policy = policy  # type: ignore[attr-defined]  # functions take any attribute
    return view


def public[V: Callable[..., Any]](view: V) -> V:
    """Anyone may open this view, signed in or not."""
    return _declare(view, PUBLIC)


def _login_first[V: View](view: V) -> V:
    """The view for signed-in users; anonymous visitors are sent to sign in first."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return cast(V, wrapper)


def signed_in[V: View](view: V) -> V:
    """Any signed-in user may open this view; anonymous visitors are sent to sign in."""
    return _declare(_login_first(view), SIGNED_IN)


def roles_at(user: Any, slug: str) -> tuple[Organisation, frozenset[str]]:
    """The organisation with this slug and the user's roles there.

    Raises Http404 when the organisation does not exist or the user holds no grant on
    it: the two cases must look the same from outside.
    """
    from panelkeeper.organisations.models import Organisation

    # Asked on every staff request: in no order (the roles are a set), so not joined to
    # the users to sort by name.
    grants = list(
        Grant.objects.filter(user=user, organisation__slug=slug)
        .select_related("organisation")
        .order_by()
    )
    if not grants:
        raise Http404("No such organisation.")
    organisation: Organisation = grants[0].organisation
    assert isinstance(organisation, Organisation)
    return organisation, frozenset(grant.role for grant in grants)


def _put_staff(request: HttpRequest, organisation: Organisation, roles: frozenset[str]) -> None:
    # The request becomes the StaffRequest the view is annotated with.
    staff_request = cast(StaffRequest, request)
    staff_request.organisation = organisation
    staff_request.roles = roles


# The roles staff pages and operations admit: officers and auditors read, only officers
# change. ``@staff(*READERS)`` for a read-only page, ``@staff(OFFICER)`` for a change.
READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
OFFICER = Grant.Role.OFFICER


def _staff_policy(decorator: str, roles: tuple[str, ...]) -> AccessPolicy:
    if not roles:
        raise ValueError(f"{decorator}() needs at least one role.")
    for role in roles:
        Grant.Role(role)  # refuses a misspelt role at import time
    return AccessPolicy("staff", tuple(str(role) for role in roles))


def staff[V: View](*roles: str) -> Callable[[V], V]:
    """Staff of the organisation in the URL (``<slug:org>``) holding one of ``roles``.

    ``@staff(OFFICER)`` for changes; ``@staff(*READERS)`` for read-only pages.
    """
    policy = _staff_policy("staff", roles)

    def decorator(view: V) -> V:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            organisation, held = roles_at(request.user, kwargs["org"])
            if held.isdisjoint(policy.roles):
                raise PermissionDenied("Your role does not allow this.")
            _put_staff(request, organisation, held)
            return view(request, *args, **kwargs)

        return _declare(_login_first(cast(V, wrapper)), policy)

    return decorator


# Installation administrators create organisations and invite their first officers. They
# see no casework unless they also hold a grant (DESIGN "Who uses it"). This predicate is
# the one place that says who they are; pages and operations declare it with
# ``@installation_admin`` and ``@api_installation_admin``.

INSTALLATION_ADMIN = AccessPolicy("installation_admin")


def is_installation_admin(user: Any) -> bool:
    """Whether ``user`` administers this installation (an active, signed-in account)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and getattr(user, "administers_installation", False)
    )


def installation_admin[V: View](view: V) -> V:
    """Installation administrators only; anonymous → sign in, anyone else → 403."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_installation_admin(request.user):
            raise PermissionDenied("Only an installation administrator can do this.")
        return view(request, *args, **kwargs)

    return _declare(_login_first(cast(V, wrapper)), INSTALLATION_ADMIN)


def api_installation_admin[V: Callable[..., Any]](operation: V) -> V:
    """The API's :func:`installation_admin`: anyone else → 403. A token acts for one
    organisation, so it never acts as an installation administrator."""

    @functools.wraps(operation)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if getattr(request, "api_token", None) is not None or not is_installation_admin(
            request.user
        ):
            raise HttpError(403, "Only an installation administrator can do this.")
        return operation(request, *args, **kwargs)

    return _declare(cast(V, wrapper), INSTALLATION_ADMIN)


def get_object_for[M: Model](
    organisation: Organisation,
    queryset: QuerySet[M],
    *,
    via: str = "organisation",
    **lookup: Any,
) -> M:
    """The object matching ``lookup`` that belongs to ``organisation``, or 404.

    ``via`` is the lookup path from the model to its organisation, e.g.
    ``via="group__organisation"``. Another organisation's object answers 404 exactly
    like a missing one.
    """
    return get_object_or_404(queryset, **{via: organisation}, **lookup)


# The API's vocabulary. Authentication (bearer token or session) is the NinjaAPI's job
# and answers 401 before these run; they decide what an authenticated caller may do.
# A token acts only for its own organisation, whatever else its user may hold.


def api_public[V: Callable[..., Any]](operation: V) -> V:
    """Anyone may call this operation; its audience, ``api_anyone``, registers it with
    ``auth=None``."""
    return _declare(operation, PUBLIC)


def api_signed_in[V: Callable[..., Any]](operation: V) -> V:
    """Any authenticated caller may call this operation."""
    return _declare(operation, SIGNED_IN)


def api_staff[V: Callable[..., Any]](*roles: str) -> Callable[[V], V]:
    """Staff of the organisation in the path (``{org}``) holding one of ``roles``.

    Other organisation (or a token made for another one) → 404; own organisation
    without the role → 403. Sets ``request.organisation`` and ``request.roles``.
    Operations take it through their audience, ``api_readers`` or ``api_officers``.
    """
    policy = _staff_policy("api_staff", roles)

    def decorator(operation: V) -> V:
        @functools.wraps(operation)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            slug = kwargs["org"]
            token = getattr(request, "api_token", None)
            if token is not None and token.organisation.slug != slug:
                raise HttpError(404, "Not Found")
            try:
                organisation, held = roles_at(request.user, slug)
            except Http404:
                raise HttpError(404, "Not Found") from None
            if held.isdisjoint(policy.roles):
                raise HttpError(403, "Your role does not allow this.")
            _put_staff(request, organisation, held)
            return operation(request, *args, **kwargs)

        return _declare(cast(V, wrapper), policy)

    return decorator


# Members (the portal): a member's own record, or one their advocate acts for. The
# record's id is in the URL as ``<int:member>``; any other record answers 404, whether
# or not it exists, exactly like another organisation's.

MEMBER_SELF = AccessPolicy("member_self")


def _own_member(user: Any, member_id: int, token: Any = None) -> Any:
    from panelkeeper.members.models import Member

    # One record by its id: no order to sort it into.
    member = (
        Member.objects.for_person(user)
        .select_related("group__organisation")
        .filter(pk=member_id)
        .order_by()
        .first()
    )
    if member is None or (
        token is not None and token.organisation_id != member.group.organisation_id
    ):
        return None
    return member


def member_self[V: View](view: V) -> V:
    """The member themself, or the advocate who acts for them (``<int:member>`` in the URL).

    Anonymous → sign in; anyone else's record → 404. Sets ``request.member``.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        member = _own_member(request.user, kwargs["member"])
        if member is None:
            raise Http404("No such member.")
        cast(MemberRequest, request).member = member
        return view(request, *args, **kwargs)

    return _declare(_login_first(cast(V, wrapper)), MEMBER_SELF)


def api_member_self[V: Callable[..., Any]](operation: V) -> V:
    """The API's :func:`member_self`: ``{member}`` in the path; anyone else's → 404."""

    @functools.wraps(operation)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        member = _own_member(request.user, kwargs["member"], getattr(request, "api_token", None))
        if member is None:
            raise HttpError(404, "Not Found")
        cast(MemberRequest, request).member = member
        return operation(request, *args, **kwargs)

    return _declare(cast(V, wrapper), MEMBER_SELF)


# Breach cases: people with a part in one case, who see that case and nothing else. The
# case's id is in the URL as ``<int:case>``; anything else answers 404, exactly like a
# case that does not exist. The member a case is about (or their advocate) is its
# "subject"; a seat on its investigating group makes an "investigator"; the appeal put
# to someone makes them its "appeal_officer"; the holder of the title the code routes a
# breach to is its "handler" (DESIGN "Confidentiality by design").

CASE_PARTICIPANT = AccessPolicy("case_participant")
APPEAL_OFFICER = AccessPolicy("appeal_officer")


def case_roles(user: Any, case_id: int, token: Any = None) -> tuple[Any, frozenset[str]]:
    """The case and the parts ``user`` has in it; (None, empty) when they have none."""
    from panelkeeper.cases.models import Case

    case = Case.objects.select_related("member", "organisation").filter(pk=case_id).first()
    if case is None or not user.is_authenticated:
        return None, frozenset()
    if token is not None and token.organisation_id != case.organisation_id:
        return None, frozenset()
    roles = set()
    if user.pk in (case.member.user_id, case.member.advocate_id):
        roles.add("subject")
    if case.seats.current().filter(Q(user=user) | Q(member__user=user)).exists():
        roles.add("investigator")
    if case.appeal_officer_id == user.pk:
        roles.add("appeal_officer")
    if case.handler_id == user.pk:
        roles.add("handler")
    return (case, frozenset(roles)) if roles else (None, frozenset())


def _put_case(request: HttpRequest, case: Any, roles: frozenset[str]) -> None:
    # The request becomes the CaseRequest the view is annotated with.
    case_request = cast(CaseRequest, request)
    case_request.case = case
    case_request.case_roles = roles


def _case_view[V: View](policy: AccessPolicy, needs: str | None) -> Callable[[V], V]:
    def decorator(view: V) -> V:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            case, roles = case_roles(request.user, kwargs["case"])
            if case is None or (needs is not None and needs not in roles):
                raise Http404("No such case.")
            _put_case(request, case, roles)
            return view(request, *args, **kwargs)

        return _declare(_login_first(cast(V, wrapper)), policy)

    return decorator


def case_participant[V: View](view: V) -> V:
    """The case's subject, a seated investigator, its handler or its appeal officer
    (``<int:case>``).

    Anonymous → sign in; anyone else → 404. Sets ``request.case`` and ``request.case_roles``.
    """
    return _case_view(CASE_PARTICIPANT, None)(view)


def appeal_officer[V: View](view: V) -> V:
    """Only the person the case's appeal is put to (``<int:case>``); anyone else → 404."""
    return _case_view(APPEAL_OFFICER, "appeal_officer")(view)


def _api_case[V: Callable[..., Any]](policy: AccessPolicy, needs: str | None) -> Callable[[V], V]:
    def decorator(operation: V) -> V:
        @functools.wraps(operation)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            token = getattr(request, "api_token", None)
            case, roles = case_roles(request.user, kwargs["case"], token)
            if case is None or (needs is not None and needs not in roles):
                raise HttpError(404, "Not Found")
            _put_case(request, case, roles)
            return operation(request, *args, **kwargs)

        return _declare(cast(V, wrapper), policy)

    return decorator


def api_case_participant[V: Callable[..., Any]](operation: V) -> V:
    """The API's :func:`case_participant`: ``{case}`` in the path; anyone else → 404."""
    return _api_case(CASE_PARTICIPANT, None)(operation)


def api_appeal_officer[V: Callable[..., Any]](operation: V) -> V:
    """The API's :func:`appeal_officer`: ``{case}`` in the path; anyone else → 404."""
    return _api_case(APPEAL_OFFICER, "appeal_officer")(operation)


# Who may call an API operation, each with the decorator that declares an operation for
# them in one line: ``@api_officers.post(router, "/{org}/things", ThingOut)`` (see
# :class:`panelkeeper.lib.api.Audience`). ``api_users`` is any signed-in caller,
# ``api_readers`` the officers and auditors of ``{org}``, ``api_members`` the member of
# ``{member}`` or their advocate; the others are named after their policy.

api_anyone = Audience(api_public, auth=None)
api_users = Audience(api_signed_in)
api_readers = Audience(api_staff(*READERS))
api_officers = Audience(api_staff(OFFICER))
api_installation_admins = Audience(api_installation_admin)
api_members = Audience(api_member_self)
api_participants = Audience(api_case_participant)
api_appeal_officers = Audience(api_appeal_officer)


# Second factors (DESIGN "Who uses it"): who must set one up before reaching any
# organisation's page, and who may use an emailed code at sign-in instead.


def decides() -> Q:
    """Users who hold a grant (staff) or decide a case or an appeal (seated on a case's
    investigating group as themself, or hearing an appeal): with installation
    administrators, those whose sign-in needs an authenticator app, a passkey or a
    security key. A condition on users, so one query can ask it with others."""
    from panelkeeper.cases.models import Case

    user = OuterRef("pk")
    deciding = Case.objects.filter(
        Q(appeal_officer=user) | Q(seats__user=user, seats__release__isnull=True)
    )
    return Q(Exists(Grant.objects.filter(user=user))) | Q(Exists(deciding))


def decides_as_member(user: Any) -> bool:
    """An involved customer seated on a case's investigating group: an emailed code at
    sign-in counts as their second factor."""
    from panelkeeper.cases.models import Seat

    return bool(user.is_authenticated and Seat.objects.current().filter(member__user=user).exists())
