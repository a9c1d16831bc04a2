"""Pages of the registers: officers' (under the organisation), a member's own, and public."""

from django.urls import path

from panelkeeper.registers.views import (
    officer,
    officer_decisions,
    officer_exports,
    portal,
    public,
)

app_name = "registers"
at_once = officer_exports.at_once

ORG = "organisations/<slug:org>/registers/"
MINE = "my/registers/<int:member>/"

urlpatterns = [
    path(f"{ORG}interests/", officer.interests, name="interests"),
    path(f"{ORG}interests.csv", at_once, {"kind": "interests_csv"}, name="interests_csv"),
    path(f"{ORG}interests.pdf", at_once, {"kind": "interests_pdf"}, name="interests_pdf"),
    path(f"{ORG}interests/<int:pk>/close/", officer.close_interest, name="close_interest"),
    path(f"{ORG}gifts/", officer.gifts, name="gifts"),
    path(f"{ORG}gifts.csv", at_once, {"kind": "gifts_csv"}, name="gifts_csv"),
    path(f"{ORG}gifts.pdf", at_once, {"kind": "gifts_pdf"}, name="gifts_pdf"),
    path(f"{ORG}exports/", officer_exports.prepare_export, name="prepare_export"),
    path(f"{ORG}exports/<int:pk>/", officer_exports.export, name="export"),
    path(f"{ORG}exports/<int:pk>/file/", officer_exports.export_file, name="export_file"),
    path(f"{ORG}reviews-due/", officer.reviews_due, name="reviews_due"),
    path(f"{ORG}gifts/<int:pk>/decide/", officer_decisions.decide_gift, name="decide_gift"),
    path(f"{ORG}members/<int:member>/", officer.member, name="member"),
    path(
        f"{ORG}members/<int:member>/interests/add/",
        officer.declare_interest,
        name="declare_interest",
    ),
    path(f"{ORG}members/<int:member>/confirm/", officer.confirm, name="confirm"),
    path(f"{ORG}members/<int:member>/gifts/add/", officer.declare_gift, name="declare_gift"),
    path(f"{ORG}settings/", officer.register_settings, name="settings"),
    path(f"{ORG}work/", officer_decisions.work_items, name="work_items"),
    path(f"{ORG}work/add/", officer_decisions.add_work_item, name="add_work_item"),
    path(f"{ORG}work/<int:pk>/", officer_decisions.work_item, name="work_item"),
    path(
        f"{ORG}work/<int:pk>/members/<int:member>/",
        officer_decisions.decide_conflict,
        name="decide_conflict",
    ),
    path(
        f"{ORG}work/<int:pk>/members/<int:member>/revise/",
        officer_decisions.revise_conflict,
        name="revise_conflict",
    ),
    path("my/registers/", portal.my_registers, name="my_registers"),
    path(MINE, portal.mine, name="mine"),
    path(f"{MINE}interests/add/", portal.my_interest, name="my_interest"),
    path(f"{MINE}interests/<int:pk>/close/", portal.my_close, name="my_close"),
    path(f"{MINE}confirm/", portal.my_confirm, name="my_confirm"),
    path(f"{MINE}gifts/add/", portal.my_gift, name="my_gift"),
    path("registers/<slug:org>/", public.public_page, name="public"),
]
