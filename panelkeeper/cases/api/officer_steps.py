"""API operations that take a step on a case, add or take off its people, release its
seats, or open a case from a meeting's records (see :mod:`.api` for the rest).

Each step of :data:`panelkeeper.cases.actions.ACTIONS` is one operation,
``POST /{org}/{case_id}/steps/<slug>``, reading its own body (``STEP_BODIES``) and taking
the step through the action's domain function, as the case's pages do."""

from typing import Any

from ninja import Schema, Status

from panelkeeper.accounts.models import User
from panelkeeper.accounts.people import choosable_for
from panelkeeper.accounts.permissions import api_officers
from panelkeeper.cases.actions import ACTIONS, Action
from panelkeeper.cases.api.common import case_today, router, step_operation
from panelkeeper.cases.api.schemas import (
    CaseOut,
    PartyContactIn,
    PartyOut,
    ReasonIn,
)
from panelkeeper.cases.api.step_schemas import STEP_BODIES
from panelkeeper.cases.changes.people import release_seat as release_held_seat
from panelkeeper.cases.changes.people import remove_party as remove_person
from panelkeeper.cases.changes.people import set_party_contact as set_contact
from panelkeeper.cases.lookups import case_row, staff_case
from panelkeeper.cases.models import PartyRole
from panelkeeper.cases.pending import open_for_asked_to_leave, open_for_missed_meetings
from panelkeeper.lib.api import named_as_sent, read_body
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import Member


def _step_values(request: StaffRequest, data: Schema) -> dict[str, Any]:
    """The body's values by the names the step inputs use, with its ids resolved to the
    organisation's people; an id of anyone else is refused on the field as sent."""
    organisation = request.organisation
    values: dict[str, Any] = data.model_dump()
    member_id, user_id = values.pop("member_id", None), values.pop("user_id", None)
    if member_id is not None:
        values["member"] = Member.objects.of(organisation).filter(pk=member_id).first()
        if values["member"] is None:
            raise Refused("Choose a member of this organisation.", rule="BR-6", field="member_id")
    if user_id is not None:
        # Whether they may be named on this case is the domain function's to say.
        values["user"] = User.objects.filter(pk=user_id, is_active=True).first()
        if values["user"] is None:
            raise Refused("Choose a person of this organisation.", rule="BR-6", field="user_id")
    # Who gave an informal step (BR-3).
    user_ids = set(values.pop("given_by_user_ids", []))
    users = list(choosable_for(organisation).filter(pk__in=user_ids))
    if len(users) != len(user_ids):
        raise Refused("Choose people of this organisation.", rule="BR-3", field="given_by_user_ids")
    member_ids = set(values.pop("given_by_member_ids", []))
    members = list(Member.objects.of(organisation).filter(pk__in=member_ids))
    if len(members) != len(member_ids):
        raise Refused(
            "Choose members of this organisation.", rule="BR-3", field="given_by_member_ids"
        )
    values["given_by_users"], values["given_by_members"] = users, members
    return values


def _declare_step(slug: str, action: Action, body: type[Schema]) -> None:
    """Declare the operation that takes step ``slug``, reading ``body``."""

    def take_step(request: StaffRequest, org: str, case_id: int) -> CaseOut:
        case = staff_case(request, case_id)
        data = read_body(request, body)
        with named_as_sent(body):
            action.take(case, _step_values(request, data), request.user)
        return case_today(case)

    take_step.__doc__ = body.__doc__
    api_officers.post(
        router,
        f"/{{org}}/{{case_id}}/steps/{slug}",
        CaseOut,
        body=body,
        summary=f"{action.title} ({slug})",
        operation_id=step_operation(slug),
        url_name=step_operation(slug),
    )(take_step)


for _slug, _action in ACTIONS.items():
    _declare_step(_slug, _action, STEP_BODIES[_slug])


@api_officers.post(
    router, "/{org}/{case_id}/people/{party_id}/contact", PartyOut, body=PartyContactIn
)
def set_party_contact(request: StaffRequest, org: str, case_id: int, party_id: int) -> PartyOut:
    """Record where a person known by name only agreed to be written to (BR-11)."""
    case = staff_case(request, case_id)
    party = case_row(case, case.parties.current(), party_id)
    data = read_body(request, PartyContactIn)
    set_contact(party=party, actor=request.user, **data.model_dump())
    return PartyOut(
        id=party.pk,
        role=PartyRole(party.role),
        name=party.display_name,
        contact=party.contact,
        agreed_to_letters=party.agreed_to_letters,
    )


@api_officers.post(router, "/{org}/{case_id}/seats/{seat_id}/release", CaseOut, body=ReasonIn)
def release_seat(request: StaffRequest, org: str, case_id: int, seat_id: int) -> CaseOut:
    """Release a seat on the investigating group before it is convened (BR-6).

    Refused (422) without a ``reason`` and once the group is convened; a seat already
    released, or of another case, answers 404."""
    case = staff_case(request, case_id)
    seat = case_row(case, case.seats.current().select_related("member", "user"), seat_id)
    data = read_body(request, ReasonIn)
    release_held_seat(seat=seat, actor=request.user, **data.model_dump())
    return case_today(case)


@api_officers.post(router, "/{org}/{case_id}/people/{party_id}/remove", CaseOut, body=ReasonIn)
def remove_party(request: StaffRequest, org: str, case_id: int, party_id: int) -> CaseOut:
    """Take someone added by mistake off the case (Interpretation 11).

    Refused (422) without a ``reason`` and for whoever raised the breach; someone
    already taken off, or of another case, answers 404."""
    case = staff_case(request, case_id)
    party = case_row(case, case.parties.current().select_related("member", "user"), party_id)
    data = read_body(request, ReasonIn)
    remove_person(party=party, actor=request.user, **data.model_dump())
    return case_today(case)


@api_officers.post(router, "/{org}/asked-to-leave/{record}/open", CaseOut, status=201)
def open_from_meeting(request: StaffRequest, org: str, record: int) -> Status[CaseOut]:
    """Open a serious-breach case from a chair's asked-to-leave record (MTG-5)."""
    organisation, actor = request.organisation, request.user
    case = open_for_asked_to_leave(organisation=organisation, record=record, actor=actor)
    return Status(201, case_today(case, people=False))


@api_officers.post(router, "/{org}/missed-meetings/{decision}/open", CaseOut, status=201)
def open_exclusion(request: StaffRequest, org: str, decision: int) -> Status[CaseOut]:
    """Open an exclusion case from a decision that ended membership (MTG-2)."""
    organisation, actor = request.organisation, request.user
    case = open_for_missed_meetings(organisation=organisation, decision=decision, actor=actor)
    return Status(201, case_today(case, people=False))
