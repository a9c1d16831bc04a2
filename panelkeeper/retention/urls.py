"""Pages of the retention schedule, legal holds and erasure, under an organisation."""

from django.urls import path

from panelkeeper.retention.views import officer

app_name = "retention"

ORG = "organisations/<slug:org>/"

urlpatterns = [
    path(f"{ORG}retention/", officer.schedule, name="schedule"),
    path(f"{ORG}retention/due/", officer.due, name="due"),
    path(f"{ORG}retention/periods/<slug:kind>/", officer.change_period, name="change_period"),
    path(
        f"{ORG}retention/outcomes/<slug:outcome>/",
        officer.change_outcome_period,
        name="change_outcome_period",
    ),
    path(f"{ORG}legal-holds/", officer.holds, name="holds"),
    path(f"{ORG}legal-holds/place/", officer.hold, name="hold"),
    path(f"{ORG}legal-holds/<int:pk>/lift/", officer.lift, name="lift"),
    path(f"{ORG}members/<int:pk>/erase/", officer.erase, name="erase"),
]
