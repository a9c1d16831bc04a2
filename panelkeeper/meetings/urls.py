"""Pages for meetings: staff pages under the organisation, the member's portal, feeds."""

from django.urls import path

from panelkeeper.meetings.views import (
    officer,
    officer_attendance,
    officer_business,
    officer_reports,
    portal,
)

app_name = "meetings"

ORG = "organisations/<slug:org>/"
M = f"{ORG}meetings/<int:pk>/"
PORTAL = "portal/members/<int:member>/meetings/"

urlpatterns = [
    path(f"{ORG}meetings/", officer.meeting_list, name="list"),
    path(f"{ORG}groups/<int:group>/meetings/new/", officer.schedule, name="schedule"),
    path(M, officer.detail, name="detail"),
    path(f"{M}change/", officer.reschedule, name="reschedule"),
    path(f"{M}chair/", officer.change_chair, name="change_chair"),
    path(f"{M}cancel/", officer.cancel, name="cancel"),
    path(f"{M}attendance/", officer_attendance.attendance, name="attendance"),
    path(f"{M}attendance/rest/", officer_attendance.record_rest, name="record_rest"),
    path(
        f"{M}apologies/<int:member>/withdraw/",
        officer.withdraw_apologies_for,
        name="withdraw_apologies_for",
    ),
    path(f"{M}meeting.ics", officer.ics, name="ics"),
    path(f"{M}items/new/", officer_business.add_item, name="add_item"),
    path(f"{M}papers/new/", officer_business.add_paper, name="add_paper"),
    path(f"{M}decisions/new/", officer_business.new_decision, name="new_decision"),
    path(f"{M}actions/new/", officer_business.new_action, name="new_action"),
    path(f"{M}asked-to-leave/", officer_business.asked_to_leave, name="asked_to_leave"),
    path(f"{ORG}papers/<int:pk>/", officer_business.paper, name="paper"),
    path(f"{ORG}papers/<int:pk>/remove/", officer_business.take_off_paper, name="remove_paper"),
    path(f"{ORG}decisions/<int:pk>/vote/", officer_business.vote, name="vote"),
    path(f"{ORG}decisions/<int:pk>/close/", officer_business.close, name="close_decision"),
    path(f"{ORG}actions/", officer_reports.actions, name="actions"),
    path(f"{ORG}actions/<int:pk>/done/", officer_business.action_done, name="action_done"),
    path(f"{ORG}missed-meetings/<int:pk>/", officer_business.decide_missed, name="decide_missed"),
    path(
        f"{ORG}groups/<int:group>/attendance/",
        officer_reports.group_attendance,
        name="group_attendance",
    ),
    path(
        f"{ORG}members/<int:member>/attendance/",
        officer_reports.member_attendance,
        name="member_attendance",
    ),
    path(f"{ORG}calendar-feeds/", officer_reports.feeds, name="feeds"),
    path(
        f"{ORG}groups/<int:group>/calendar-feeds/new/",
        officer_reports.new_group_feed,
        name="new_group_feed",
    ),
    path(f"{ORG}calendar-feeds/<int:pk>/revoke/", officer_reports.revoke, name="revoke_feed"),
    path("calendars/<str:secret>.ics", officer_reports.feed, name="feed"),
    path(PORTAL, portal.meetings, name="portal"),
    path(f"{PORTAL}<int:pk>/", portal.meeting, name="portal_meeting"),
    path(f"{PORTAL}<int:pk>/apologies/", portal.apologies, name="apologies"),
    path(f"{PORTAL}<int:pk>/apologies/withdraw/", portal.withdraw, name="withdraw_apologies"),
    path(f"{PORTAL}<int:pk>/papers/<int:paper>/", portal.paper, name="portal_paper"),
    path(f"{PORTAL}calendar-feed/", portal.new_feed, name="portal_feed"),
    path(f"{PORTAL}calendar-feed/<int:pk>/off/", portal.revoke_my_feed, name="portal_feed_off"),
]
