"""Breach cases: officers' pages under the organisation, and pages for one case's people."""

from django.urls import path

from panelkeeper.cases import participant_views, views

app_name = "cases"

ORG = "organisations/<slug:org>/cases/"

urlpatterns = [
    path(ORG, views.case_list, name="list"),
    path(f"{ORG}raise/", views.raise_breach, name="raise"),
    path(f"{ORG}<int:pk>/", views.case_detail, name="detail"),
    path(f"{ORG}<int:pk>/<slug:action>/", views.case_action, name="action"),
    path(f"{ORG}<int:pk>/people/<int:party>/contact/", views.party_contact, name="party_contact"),
    path(f"{ORG}<int:pk>/people/<int:party>/remove/", views.remove_party, name="remove_party"),
    path(f"{ORG}<int:pk>/seats/<int:seat>/release/", views.release_seat, name="release_seat"),
    path(f"{ORG}asked-to-leave/<int:record>/open/", views.open_from_meeting, name="open_mtg5"),
    path(f"{ORG}missed-meetings/<int:decision>/open/", views.open_exclusion, name="open_mtg2"),
    path("my-cases/", participant_views.my_cases, name="mine"),
    path("my-cases/<int:case>/", participant_views.my_case, name="my_case"),
    path("my-cases/<int:case>/appeal/", participant_views.decide_appeal, name="decide_appeal"),
]
