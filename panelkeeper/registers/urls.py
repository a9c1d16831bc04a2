"""Pages of the registers: officers' (under the organisation), a member's own, and public."""

from django.urls import path

from panelkeeper.registers import decision_views, member_views, public_views, views

app_name = "registers"

ORG = "organisations/<slug:org>/registers/"
MINE = "my/registers/<int:member>/"

urlpatterns = [
    path(f"{ORG}interests/", views.interests, name="interests"),
    path(f"{ORG}interests.csv", views.interests_export, name="interests_csv"),
    path(f"{ORG}interests.pdf", views.interests_pdf, name="interests_pdf"),
    path(f"{ORG}interests/<int:pk>/close/", views.close_interest, name="close_interest"),
    path(f"{ORG}gifts/", views.gifts, name="gifts"),
    path(f"{ORG}gifts.csv", views.gifts_export, name="gifts_csv"),
    path(f"{ORG}gifts.pdf", views.gifts_pdf, name="gifts_pdf"),
    path(f"{ORG}gifts/<int:pk>/decide/", decision_views.decide_gift, name="decide_gift"),
    path(f"{ORG}members/<int:member>/", views.member, name="member"),
    path(
        f"{ORG}members/<int:member>/interests/add/", views.declare_interest, name="declare_interest"
    ),
    path(f"{ORG}members/<int:member>/confirm/", views.confirm, name="confirm"),
    path(f"{ORG}members/<int:member>/gifts/add/", views.declare_gift, name="declare_gift"),
    path(f"{ORG}settings/", views.register_settings, name="settings"),
    path(f"{ORG}work/", decision_views.work_items, name="work_items"),
    path(f"{ORG}work/add/", decision_views.add_work_item, name="add_work_item"),
    path(f"{ORG}work/<int:pk>/", decision_views.work_item, name="work_item"),
    path(
        f"{ORG}work/<int:pk>/members/<int:member>/",
        decision_views.decide_conflict,
        name="decide_conflict",
    ),
    path(
        f"{ORG}work/<int:pk>/members/<int:member>/revise/",
        decision_views.revise_conflict,
        name="revise_conflict",
    ),
    path("my/registers/", member_views.my_registers, name="my_registers"),
    path(MINE, member_views.mine, name="mine"),
    path(f"{MINE}interests/add/", member_views.my_interest, name="my_interest"),
    path(f"{MINE}interests/<int:pk>/close/", member_views.my_close, name="my_close"),
    path(f"{MINE}confirm/", member_views.my_confirm, name="my_confirm"),
    path(f"{MINE}gifts/add/", member_views.my_gift, name="my_gift"),
    path("registers/<slug:org>/", public_views.public_page, name="public"),
]
