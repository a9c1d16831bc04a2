"""Pages of an organisation: home, rulebook, code versions, role holders, closure days,
settings."""

from django.urls import path

from panelkeeper.organisations import (
    closure_views,
    role_views,
    settings_views,
    version_views,
    views,
)

app_name = "organisations"

ORG = "organisations/<slug:org>/"

urlpatterns = [
    path("", views.start, name="start"),
    path("organisations/", views.organisation_list, name="list"),
    path(ORG, views.home, name="home"),
    path(f"{ORG}rulebook/", views.rulebook, name="rulebook"),
    path(f"{ORG}versions/", version_views.version_list, name="versions"),
    path(f"{ORG}versions/preset/", version_views.load_preset, name="load_preset"),
    path(f"{ORG}versions/upload/", version_views.upload, name="upload"),
    path(f"{ORG}versions/<int:pk>/", version_views.version_detail, name="version"),
    path(f"{ORG}versions/<int:pk>/publish/", version_views.publish, name="publish"),
    path(f"{ORG}versions/<int:pk>/download/", version_views.version_download, name="download"),
    path(f"{ORG}versions/<int:pk>/discard/", version_views.discard, name="discard"),
    path(f"{ORG}role-holders/", role_views.role_holder_list, name="role_holders"),
    path(f"{ORG}role-holders/<slug:role>/", role_views.assign, name="assign_role_holder"),
    path(f"{ORG}closure-days/", closure_views.closure_day_list, name="closure_days"),
    path(f"{ORG}closure-days/add/", closure_views.add, name="add_closure_day"),
    path(f"{ORG}settings/", settings_views.settings_page, name="settings"),
    path(f"{ORG}settings/change/", settings_views.change_settings, name="change_settings"),
]
