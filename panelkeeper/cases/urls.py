"""Breach cases: officers' pages under the organisation, and pages for one case's people."""

from django.urls import path

from panelkeeper.cases.views import officer, officer_guests, participant

app_name = "cases"

ORG = "organisations/<slug:org>/cases/"
GUEST = f"{ORG}<int:pk>/guests/<int:guest>/"

urlpatterns = [
    path(ORG, officer.case_list, name="list"),
    path(f"{ORG}raise/", officer.raise_breach, name="raise"),
    path(f"{ORG}<int:pk>/", officer.case_detail, name="detail"),
    path(f"{ORG}<int:pk>/<slug:action>/", officer.case_action, name="action"),
    path(f"{ORG}<int:pk>/guests/invite/", officer_guests.invite_guest, name="invite_guest"),
    path(f"{GUEST}resend/", officer_guests.resend_guest, name="resend_guest"),
    path(f"{GUEST}withdraw/", officer_guests.withdraw_guest, name="withdraw_guest"),
    path(f"{GUEST}take-off/", officer_guests.take_off_guest, name="take_off_guest"),
    path(f"{ORG}<int:pk>/people/<int:party>/contact/", officer.party_contact, name="party_contact"),
    path(f"{ORG}<int:pk>/people/<int:party>/remove/", officer.remove_party, name="remove_party"),
    path(f"{ORG}<int:pk>/seats/<int:seat>/release/", officer.release_seat, name="release_seat"),
    path(f"{ORG}asked-to-leave/<int:record>/open/", officer.open_from_meeting, name="open_mtg5"),
    path(f"{ORG}missed-meetings/<int:decision>/open/", officer.open_exclusion, name="open_mtg2"),
    path("my-cases/", participant.my_cases, name="mine"),
    path("my-cases/<int:case>/", participant.my_case, name="my_case"),
    path("my-cases/<int:case>/appeal/", participant.decide_appeal, name="decide_appeal"),
    path("my-cases/<int:case>/appeal-online/", participant.appeal_online, name="appeal_online"),
]
