"""The meetings rows of the persona matrix (tests/permissions/matrix.py adds them to ROWS).

Staff pages follow the ladder: anonymous → sign in (API 401), outsider and members → 404,
auditor → 403 on changes. Portal pages answer only the member themself. The calendar
feed is public but answers 404 without a live secret.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import (
    SIGN_IN,
    Expected,
    Row,
    api_officers,
    api_readers,
    everyone,
    not_allowed,
    officers,
    readers,
)

API = "/api/v1/meetings"


def _meeting(factory: Factory, **fields: Any) -> Any:
    return factory.meeting(**fields)


def org(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug}


def meeting_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": _meeting(factory).pk}


def held_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": _meeting(factory, date=dt.date(2026, 11, 12)).pk}


def group_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "group": factory.panel().pk}


def member_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "member": factory.member_record.pk}


def decision_kw(factory: Factory) -> dict[str, Any]:
    from panelkeeper.meetings.decisions import open_decision

    meeting = _meeting(factory, date=dt.date(2026, 11, 12))
    decision = open_decision(
        meeting=meeting, motion="Adopt the report", method="vote", actor=factory.officer()
    )
    return {"org": factory.home.slug, "pk": decision.pk}


def action_kw(factory: Factory) -> dict[str, Any]:
    from panelkeeper.meetings.actions import allocate_action

    meeting = _meeting(factory, date=dt.date(2026, 11, 12))
    action = allocate_action(
        meeting=meeting,
        description="Draft the letter",
        due_on=dt.date(2026, 12, 1),
        owner_member=factory.member_record,
        actor=factory.officer(),
    )
    return {"org": factory.home.slug, "pk": action.pk}


def missed_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.missed_meetings().pk}


def paper_kw(factory: Factory) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from panelkeeper.meetings.papers import attach_paper

    paper = attach_paper(
        meeting=_meeting(factory),
        title="Draft report",
        file=SimpleUploadedFile("report.txt", b"Report"),
        actor=factory.officer(),
    )
    return {"org": factory.home.slug, "pk": paper.pk}


def api_paper(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "paper_id": paper_kw(factory)["pk"]}


def feed_kw(factory: Factory) -> dict[str, Any]:
    from panelkeeper.meetings.calendars import create_feed

    feed = create_feed(group=factory.panel(), actor=factory.officer()).feed
    return {"org": factory.home.slug, "pk": feed.pk}


def secret_kw(factory: Factory) -> dict[str, Any]:
    from panelkeeper.meetings.calendars import create_feed

    _meeting(factory)
    return {"secret": create_feed(group=factory.panel(), actor=factory.officer()).secret}


def wrong_secret_kw(factory: Factory) -> dict[str, Any]:
    from panelkeeper.meetings.calendars import create_feed

    create_feed(group=factory.panel(), actor=factory.officer())
    return {"secret": "cal_not-the-secret"}


def portal_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk}


def portal_meeting_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk, "pk": _meeting(factory).pk}


def portal_paper_kw(factory: Factory) -> dict[str, Any]:
    paper = paper_kw(factory)["pk"]
    from panelkeeper.meetings.models import Paper

    found = Paper.objects.get(pk=paper)
    return {"member": factory.member_record.pk, "pk": found.meeting_id, "paper": paper}


def my_feed_kw(factory: Factory) -> dict[str, Any]:
    from panelkeeper.meetings.calendars import create_feed

    member = factory.member_record
    feed = create_feed(member=member, actor=factory.member()).feed
    return {"member": member.pk, "pk": feed.pk}


def _with_apologies(factory: Factory) -> Any:
    """A meeting to come for which the member has sent apologies."""
    from django.utils import timezone

    from panelkeeper.meetings.attendance import send_apologies

    meeting, member, today = _meeting(factory), factory.member_record, timezone.localdate()
    send_apologies(meeting=meeting, member=member, actor=factory.member(), today=today)
    return meeting


def withdraw_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk, "pk": _with_apologies(factory).pk}


def withdraw_for_kw(factory: Factory) -> dict[str, Any]:
    meeting = _with_apologies(factory)
    return {"org": factory.home.slug, "pk": meeting.pk, "member": factory.member_record.pk}


def api_withdraw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk, "meeting_id": _with_apologies(factory).pk}


def api_withdraw_for(factory: Factory) -> dict[str, Any]:
    meeting = _with_apologies(factory)
    return {
        "org": factory.home.slug,
        "meeting_id": meeting.pk,
        "member_id": factory.member_record.pk,
    }


def api_nothing_to_withdraw(factory: Factory) -> dict[str, Any]:
    return {**api_meeting(factory), "member_id": factory.member_record.pk}


def member_only(ok: Expected) -> dict[str, Expected]:
    """Only the member themself; everyone else signed in gets 404, as for a missing record."""
    return {
        "anonymous": SIGN_IN,
        "officer": 404,
        "auditor": 404,
        "outsider": 404,
        "chair": 404,
        "member": ok,
        "advocate": 404,
    }


def api_member_only(ok: Expected) -> dict[str, Expected]:
    return {**member_only(ok), "anonymous": 401}


def api_org(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug}


def api_meeting(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "meeting_id": _meeting(factory).pk}


def api_held(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "meeting_id": held_kw(factory)["pk"]}


def api_attendance(factory: Factory) -> dict[str, Any]:
    return {**api_held(factory), "member_id": factory.member_record.pk}


def api_member(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "member_id": factory.member_record.pk}


def api_group(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "group_id": factory.panel().pk}


def api_decision(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "decision_id": decision_kw(factory)["pk"]}


def api_action(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "action_id": action_kw(factory)["pk"]}


def api_missed(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "decision_id": missed_kw(factory)["pk"]}


def api_feed(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "feed_id": feed_kw(factory)["pk"]}


def api_portal(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk}


def api_portal_meeting(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk, "meeting_id": _meeting(factory).pk}


def moved_later(factory: Factory) -> dict[str, Any]:
    """A valid form moving the meeting (ten days ahead of the real today) ten days on."""
    from django.utils import timezone

    later = timezone.localdate() + dt.timedelta(days=20)
    return {
        "date_day": str(later.day),
        "date_month": str(later.month),
        "date_year": str(later.year),
        "starts_at": "18:00",
        "place": "Town Hall",
    }


def everyone_present(factory: Factory) -> dict[str, Any]:
    """Everyone not yet recorded, marked present (the panel has its member to record)."""
    return {"presence": "present"}


EMPTY = "an empty form: shown again with its errors"

MEETING_ROWS: list[Row] = [
    Row("meetings:list", "GET", readers(), org),
    Row("meetings:list", "POST", not_allowed(), org),
    Row("meetings:schedule", "GET", officers(), group_kw),
    Row("meetings:schedule", "POST", officers(200), group_kw, note=EMPTY),
    Row("meetings:detail", "GET", readers(), meeting_kw),
    Row("meetings:detail", "POST", not_allowed(), meeting_kw),
    Row("meetings:reschedule", "GET", officers(), meeting_kw),
    Row("meetings:reschedule", "POST", officers(200), meeting_kw, note=EMPTY),
    Row("meetings:reschedule", "POST", officers(302), meeting_kw, moved_later, note="moved"),
    Row("meetings:change_chair", "GET", officers(), meeting_kw),
    Row("meetings:change_chair", "POST", officers(200), meeting_kw, note=EMPTY),
    Row("meetings:cancel", "GET", officers(), meeting_kw),
    Row("meetings:cancel", "POST", officers(200), meeting_kw, note=EMPTY),
    Row("meetings:attendance", "GET", officers(), held_kw),
    Row("meetings:attendance", "POST", officers(200), held_kw, note=EMPTY),
    Row("meetings:record_rest", "POST", officers(200), held_kw, note=EMPTY),
    Row("meetings:record_rest", "POST", officers(302), held_kw, everyone_present, note="recorded"),
    Row("meetings:record_rest", "GET", {**not_allowed(), "auditor": 403}, held_kw),
    Row("meetings:ics", "GET", readers(), meeting_kw),
    Row("meetings:add_item", "GET", officers(), meeting_kw),
    Row("meetings:add_item", "POST", officers(200), meeting_kw, note=EMPTY),
    Row("meetings:add_paper", "GET", officers(), meeting_kw),
    Row("meetings:add_paper", "POST", officers(200), meeting_kw, note=EMPTY),
    Row("meetings:paper", "GET", readers(), paper_kw),
    Row("meetings:remove_paper", "GET", officers(), paper_kw, note="asks to confirm"),
    Row("meetings:remove_paper", "POST", officers(302), paper_kw, note="removed"),
    Row("meetings:new_decision", "GET", officers(), held_kw),
    Row("meetings:new_decision", "POST", officers(200), held_kw, note=EMPTY),
    Row("meetings:new_action", "GET", officers(), held_kw),
    Row("meetings:new_action", "POST", officers(200), held_kw, note=EMPTY),
    Row("meetings:asked_to_leave", "GET", officers(), held_kw),
    Row("meetings:asked_to_leave", "POST", officers(200), held_kw, note=EMPTY),
    Row("meetings:vote", "GET", officers(), decision_kw),
    Row("meetings:vote", "POST", officers(200), decision_kw, note=EMPTY),
    Row("meetings:close_decision", "POST", officers(302), decision_kw),
    Row("meetings:close_decision", "GET", {**not_allowed(), "auditor": 403}, decision_kw),
    Row("meetings:actions", "GET", readers(), org),
    Row("meetings:action_done", "POST", officers(302), action_kw),
    Row("meetings:action_done", "GET", {**not_allowed(), "auditor": 403}, action_kw),
    Row("meetings:decide_missed", "GET", officers(), missed_kw),
    Row("meetings:decide_missed", "POST", officers(200), missed_kw, note=EMPTY),
    Row("meetings:group_attendance", "GET", readers(), group_kw),
    Row("meetings:member_attendance", "GET", readers(), member_kw),
    Row("meetings:feeds", "GET", readers(), org),
    Row("meetings:new_group_feed", "POST", officers(200), group_kw, note="shows the URL once"),
    Row("meetings:new_group_feed", "GET", {**not_allowed(), "auditor": 403}, group_kw),
    Row("meetings:revoke_feed", "POST", officers(302), feed_kw),
    Row("meetings:revoke_feed", "GET", {**not_allowed(), "auditor": 403}, feed_kw),
    Row("meetings:feed", "GET", everyone(200), secret_kw, note="the secret is the key"),
    Row("meetings:feed", "GET", everyone(404), wrong_secret_kw, note="nothing without it"),
    Row("meetings:portal", "GET", member_only(200), portal_kw),
    Row("meetings:portal_meeting", "GET", member_only(200), portal_meeting_kw),
    Row("meetings:apologies", "GET", member_only(200), portal_meeting_kw),
    Row("meetings:apologies", "POST", member_only(302), portal_meeting_kw, note="sent"),
    Row("meetings:withdraw_apologies", "POST", member_only(302), withdraw_kw, note="withdrawn"),
    Row("meetings:withdraw_apologies", "GET", member_only(405), withdraw_kw),
    Row("meetings:withdraw_apologies_for", "POST", officers(302), withdraw_for_kw),
    Row(
        "meetings:withdraw_apologies_for",
        "GET",
        {**not_allowed(), "auditor": 403},
        withdraw_for_kw,
    ),
    Row("meetings:portal_paper", "GET", member_only(200), portal_paper_kw),
    Row("meetings:portal_feed_off", "POST", member_only(302), my_feed_kw),
    Row("meetings:portal_feed_off", "GET", {**member_only(405)}, my_feed_kw),
    Row("meetings:portal_feed", "POST", member_only(200), portal_kw, note="shows the URL once"),
    # API
    Row(API + "/{org}/meetings", "GET", api_readers(), api_org),
    Row(API + "/{org}/groups/{group_id}/meetings", "POST", api_officers(422), api_group),
    Row(API + "/{org}/meetings/{meeting_id}", "GET", api_readers(), api_meeting),
    Row(
        API + "/{org}/meetings/{meeting_id}/chair",
        "POST",
        api_officers(422),
        api_meeting,
        note="an empty body is refused",
    ),
    Row(
        API + "/{org}/meetings/{meeting_id}/reschedule",
        "POST",
        api_officers(422),
        api_meeting,
        note="no body: nothing to change",
    ),
    Row(API + "/{org}/meetings/{meeting_id}/cancel", "POST", api_officers(422), api_meeting),
    Row(
        API + "/{org}/meetings/{meeting_id}/attendance/{member_id}",
        "PUT",
        api_officers(422),
        api_attendance,
        note="no body",
    ),
    Row(API + "/{org}/meetings/{meeting_id}/attendance", "GET", api_readers(), api_held),
    Row(
        API + "/{org}/meetings/{meeting_id}/not-yet-recorded",
        "POST",
        api_officers(422),
        api_held,
        note="no body",
    ),
    Row(
        API + "/{org}/meetings/{meeting_id}/not-yet-recorded",
        "POST",
        api_officers(200),
        api_held,
        everyone_present,
        note="everyone recorded present",
    ),
    Row(
        API + "/{org}/meetings/{meeting_id}/apologies/{member_id}",
        "DELETE",
        api_officers(204),
        api_withdraw_for,
        note="withdrawn for the member",
    ),
    Row(
        API + "/{org}/meetings/{meeting_id}/apologies/{member_id}",
        "DELETE",
        api_officers(422),
        api_nothing_to_withdraw,
        note="no apologies sent",
    ),
    Row(API + "/{org}/meetings/{meeting_id}/items", "POST", api_officers(422), api_meeting),
    Row(API + "/{org}/meetings/{meeting_id}/decisions", "POST", api_officers(422), api_held),
    Row(API + "/{org}/decisions/{decision_id}/votes", "POST", api_officers(422), api_decision),
    Row(API + "/{org}/decisions/{decision_id}/close", "POST", api_officers(200), api_decision),
    Row(API + "/{org}/meetings/{meeting_id}/actions", "POST", api_officers(422), api_held),
    Row(API + "/{org}/actions", "GET", api_readers(), api_org),
    Row(API + "/{org}/actions/{action_id}/done", "POST", api_officers(200), api_action),
    Row(API + "/{org}/meetings/{meeting_id}/asked-to-leave", "POST", api_officers(422), api_held),
    Row(API + "/{org}/missed-meetings", "GET", api_readers(), api_org),
    Row(API + "/{org}/missed-meetings/{decision_id}/decide", "POST", api_officers(422), api_missed),
    Row(API + "/{org}/groups/{group_id}/attendance", "GET", api_readers(), api_group),
    Row(API + "/{org}/members/{member_id}/attendance", "GET", api_readers(), api_member),
    Row(API + "/{org}/meetings/{meeting_id}/papers", "POST", api_officers(422), api_meeting),
    Row(API + "/{org}/papers/{paper_id}", "DELETE", api_officers(204), api_paper),
    Row(API + "/{org}/meetings/{meeting_id}/ics", "GET", api_readers(), api_meeting),
    Row(API + "/{org}/groups/{group_id}/calendar-feeds", "POST", api_officers(201), api_group),
    Row(API + "/{org}/calendar-feeds/{feed_id}", "DELETE", api_officers(204), api_feed),
    Row(API + "/portal/{member}/meetings", "GET", api_member_only(200), api_portal),
    Row(
        API + "/portal/{member}/meetings/{meeting_id}/apologies",
        "POST",
        api_member_only(201),
        api_portal_meeting,
        note="an empty body: apologies with no reason",
    ),
    Row(
        API + "/portal/{member}/meetings/{meeting_id}/apologies",
        "DELETE",
        api_member_only(204),
        api_withdraw,
        note="withdrawn",
    ),
    Row(
        API + "/portal/{member}/meetings/{meeting_id}/apologies",
        "DELETE",
        api_member_only(422),
        api_portal_meeting,
        note="no apologies sent",
    ),
]
