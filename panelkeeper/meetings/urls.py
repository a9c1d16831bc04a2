"""Pages for meetings: staff pages under the organisation, the member's portal, feeds."""

from django.urls import path

from panelkeeper.meetings import business_views, portal_views, report_views, views

app_name = "meetings"

ORG = "organisations/<slug:org>/"
M = f"{ORG}meetings/<int:pk>/"
PORTAL = "portal/members/<int:member>/meetings/"

urlpatterns = [
    path(f"{ORG}meetings/", views.meeting_list, name="list"),
    path(f"{ORG}groups/<int:group>/meetings/new/", views.schedule, name="schedule"),
    path(M, views.detail, name="detail"),
    path(f"{M}change/", views.reschedule, name="reschedule"),
    path(f"{M}chair/", views.change_chair, name="change_chair"),
    path(f"{M}cancel/", views.cancel, name="cancel"),
    path(f"{M}attendance/", views.attendance, name="attendance"),
    path(f"{M}meeting.ics", views.ics, name="ics"),
    path(f"{M}items/new/", business_views.add_item, name="add_item"),
    path(f"{M}papers/new/", business_views.add_paper, name="add_paper"),
    path(f"{M}decisions/new/", business_views.new_decision, name="new_decision"),
    path(f"{M}actions/new/", business_views.new_action, name="new_action"),
    path(f"{M}asked-to-leave/", business_views.asked_to_leave, name="asked_to_leave"),
    path(f"{ORG}papers/<int:pk>/", business_views.paper, name="paper"),
    path(f"{ORG}papers/<int:pk>/remove/", business_views.take_off_paper, name="remove_paper"),
    path(f"{ORG}decisions/<int:pk>/vote/", business_views.vote, name="vote"),
    path(f"{ORG}decisions/<int:pk>/close/", business_views.close, name="close_decision"),
    path(f"{ORG}actions/", report_views.actions, name="actions"),
    path(f"{ORG}actions/<int:pk>/done/", business_views.action_done, name="action_done"),
    path(f"{ORG}missed-meetings/<int:pk>/", business_views.decide_missed, name="decide_missed"),
    path(
        f"{ORG}groups/<int:group>/attendance/",
        report_views.group_attendance,
        name="group_attendance",
    ),
    path(
        f"{ORG}members/<int:member>/attendance/",
        report_views.member_attendance,
        name="member_attendance",
    ),
    path(f"{ORG}calendar-feeds/", report_views.feeds, name="feeds"),
    path(
        f"{ORG}groups/<int:group>/calendar-feeds/new/",
        report_views.new_group_feed,
        name="new_group_feed",
    ),
    path(f"{ORG}calendar-feeds/<int:pk>/revoke/", report_views.revoke, name="revoke_feed"),
    path("calendars/<str:secret>.ics", report_views.feed, name="feed"),
    path(PORTAL, portal_views.meetings, name="portal"),
    path(f"{PORTAL}<int:pk>/", portal_views.meeting, name="portal_meeting"),
    path(f"{PORTAL}<int:pk>/apologies/", portal_views.apologies, name="apologies"),
    path(f"{PORTAL}<int:pk>/papers/<int:paper>/", portal_views.paper, name="portal_paper"),
    path(f"{PORTAL}calendar-feed/", portal_views.new_feed, name="portal_feed"),
    path(
        f"{PORTAL}calendar-feed/<int:pk>/off/", portal_views.revoke_my_feed, name="portal_feed_off"
    ),
]
