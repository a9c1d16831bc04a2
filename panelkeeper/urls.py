"""Top-level URL configuration: each app includes its own patterns."""

from django.urls import include, path

from panelkeeper import api

urlpatterns = [
    # First, so an API call is matched without trying every page's pattern before it
    # (no page's path starts with "api/" but the API guide's, which the API leaves alone).
    path("api/", api.urls()),
    path("", include("panelkeeper.accounts.urls")),
    path("", include("panelkeeper.accounts.allauth_urls")),
    path("", include("panelkeeper.pages.urls")),
    path("", include("panelkeeper.organisations.urls")),
    path("", include("panelkeeper.members.urls")),
    path("", include("panelkeeper.registers.urls")),
    path("", include("panelkeeper.meetings.urls")),
    path("", include("panelkeeper.concerns.urls")),
    path("", include("panelkeeper.cases.urls")),
    path("", include("panelkeeper.letters.urls")),
    path("", include("panelkeeper.retention.urls")),
    path("", include("panelkeeper.subject_access.urls")),
    path("", include("panelkeeper.departure.urls")),
    path("", include("panelkeeper.today.urls")),
]
