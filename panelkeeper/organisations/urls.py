"""Pages of an organisation: home, rulebook, code versions, role holders, closure days,
emails not delivered, settings."""

from django.urls import path

from panelkeeper.organisations.views import (
    installation,
    officer,
    officer_closure_days,
    officer_details,
    officer_drafts,
    officer_messages,
    officer_roles,
    officer_settings,
    officer_staff,
    officer_versions,
)

app_name = "organisations"

ORG = "organisations/<slug:org>/"

urlpatterns = [
    path("", officer.start, name="start"),
    path("organisations/", officer.organisation_list, name="list"),
    path("installation/", installation.organisation_index, name="installation"),
    path("installation/new/", installation.found, name="found"),
    path(ORG, officer.home, name="home"),
    path(f"{ORG}rulebook/", officer.rulebook, name="rulebook"),
    path(f"{ORG}versions/", officer_versions.version_list, name="versions"),
    path(f"{ORG}versions/new/", officer_versions.start, name="start_draft"),
    path(f"{ORG}versions/upload/", officer_versions.upload, name="upload"),
    path(f"{ORG}versions/<int:pk>/", officer_versions.version_detail, name="version"),
    path(f"{ORG}versions/<int:pk>/publish/", officer_versions.publish, name="publish"),
    path(f"{ORG}versions/<int:pk>/download/", officer_versions.version_download, name="download"),
    path(f"{ORG}versions/<int:pk>/discard/", officer_versions.discard, name="discard"),
    path(f"{ORG}versions/<int:pk>/parts/", officer_drafts.draft_parts, name="draft_parts"),
    path(
        f"{ORG}versions/<int:pk>/parts/<slug:part>/", officer_drafts.draft_part, name="draft_part"
    ),
    path(f"{ORG}versions/<int:pk>/changes/", officer_drafts.draft_changes, name="draft_changes"),
    path(f"{ORG}role-holders/", officer_roles.role_holder_list, name="role_holders"),
    path(f"{ORG}role-holders/<slug:role>/", officer_roles.assign, name="assign_role_holder"),
    path(
        f"{ORG}role-holders/<slug:role>/invite/",
        officer_roles.invite_role_holder,
        name="invite_role_holder",
    ),
    path(
        f"{ORG}role-holders/invitations/<int:pk>/resend/",
        officer_roles.resend_title_invitation,
        name="resend_title_invitation",
    ),
    path(
        f"{ORG}role-holders/invitations/<int:pk>/withdraw/",
        officer_roles.withdraw_title_invitation,
        name="withdraw_title_invitation",
    ),
    path(f"{ORG}closure-days/", officer_closure_days.closure_day_list, name="closure_days"),
    path(f"{ORG}closure-days/add/", officer_closure_days.add, name="add_closure_day"),
    path(f"{ORG}emails-not-delivered/", officer_messages.message_list, name="messages"),
    path(f"{ORG}emails-not-delivered/<int:pk>/", officer_messages.resend, name="resend_message"),
    path(f"{ORG}settings/", officer_settings.settings_page, name="settings"),
    path(f"{ORG}settings/change/", officer_settings.change_settings, name="change_settings"),
    path(f"{ORG}settings/details/", officer_details.change, name="change_details"),
    path(f"{ORG}settings/logo/", officer_details.upload_logo, name="upload_logo"),
    path(f"{ORG}logo/", officer_details.logo, name="logo"),
    path(f"{ORG}staff/", officer_staff.staff_list, name="staff"),
    path(f"{ORG}staff/invite/", officer_staff.invite_staff, name="invite_staff"),
    path(f"{ORG}staff/<int:pk>/role/", officer_staff.change_staff_role, name="change_staff_role"),
    path(f"{ORG}staff/<int:pk>/remove/", officer_staff.remove, name="remove_staff"),
    path(
        f"{ORG}invitations/<int:pk>/resend/",
        officer_staff.resend_invitation,
        name="resend_invitation",
    ),
    path(
        f"{ORG}invitations/<int:pk>/withdraw/",
        officer_staff.withdraw_invitation,
        name="withdraw_invitation",
    ),
]
