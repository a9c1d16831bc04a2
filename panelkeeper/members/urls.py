"""Officers' member pages under an organisation, and the member portal under /my/."""

from django.urls import path

from panelkeeper.members import (
    document_views,
    import_views,
    portal_views,
    support_views,
    views,
)

app_name = "members"

ORG = "organisations/<slug:org>/"
MEMBER = f"{ORG}members/<int:pk>/"
MY = "my/<int:member>/"

urlpatterns = [
    path(f"{ORG}members/", views.member_list, name="list"),
    path(f"{ORG}members/add/", views.add, name="add"),
    path(f"{ORG}members/import/", import_views.upload, name="import"),
    path(f"{ORG}members/import/confirm/", import_views.confirm, name="import_confirm"),
    path(f"{ORG}members/export.csv", import_views.export, name="export"),
    path(MEMBER, views.detail, name="detail"),
    path(f"{MEMBER}edit/", views.edit, name="edit"),
    path(f"{MEMBER}status/", views.change_status, name="status"),
    path(f"{MEMBER}paper-signature/", document_views.paper_signature, name="paper_signature"),
    path(f"{MEMBER}appraisals/add/", support_views.add_appraisal, name="add_appraisal"),
    path(f"{MEMBER}expenses/add/", support_views.add_expense, name="add_expense"),
    path(f"{ORG}expenses/<int:pk>/decide/", support_views.decide, name="decide_expense"),
    path(f"{ORG}documents/", document_views.document_list, name="documents"),
    path(f"{ORG}documents/add-version/", document_views.add_version, name="add_version"),
    path(f"{ORG}documents/<slug:key>/", document_views.document_detail, name="document"),
    path(
        f"{ORG}signatures/<int:pk>/countersign/",
        document_views.countersign_signature,
        name="countersign",
    ),
    path(f"{ORG}signatures/<int:pk>/pdf/", document_views.signature_pdf, name="signature_pdf"),
    path(f"{ORG}signatures/<int:pk>/scan/", document_views.signature_scan, name="signature_scan"),
    path("my/", portal_views.portal, name="portal"),
    path(MY, portal_views.my_record, name="my_record"),
    path(f"{MY}sign/<int:version>/", portal_views.sign, name="sign"),
    path(f"{MY}signatures/<int:signature>/pdf/", portal_views.my_signature_pdf, name="my_pdf"),
    path(f"{MY}group/", portal_views.my_group, name="my_group"),
    path(f"{MY}expenses/", portal_views.my_expenses, name="my_expenses"),
    path(f"{MY}expenses/claim/", portal_views.claim_expense, name="claim_expense"),
]
