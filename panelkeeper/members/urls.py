"""Officers' member pages under an organisation, and the member portal under /my/."""

from django.urls import path

from panelkeeper.members.views import (
    officer,
    officer_documents,
    officer_import,
    officer_invitations,
    officer_support,
    portal,
)

app_name = "members"

ORG = "organisations/<slug:org>/"
MEMBER = f"{ORG}members/<int:pk>/"
MY = "my/<int:member>/"

urlpatterns = [
    path(f"{ORG}members/", officer.member_list, name="list"),
    path(f"{ORG}members/add/", officer.add, name="add"),
    path(f"{ORG}members/import/", officer_import.upload, name="import"),
    path(f"{ORG}members/import/confirm/", officer_import.confirm, name="import_confirm"),
    path(f"{ORG}members/export.csv", officer_import.export, name="export"),
    path(f"{ORG}members/invite/", officer_invitations.invite_chosen, name="invite_chosen"),
    path(f"{ORG}members/invite-all/", officer_invitations.invite_everyone, name="invite_everyone"),
    path(f"{MEMBER}invite/", officer_invitations.invite, name="invite"),
    path(f"{MEMBER}invite-advocate/", officer_invitations.advocate, name="invite_advocate"),
    path(
        f"{ORG}member-invitations/<int:pk>/resend/",
        officer_invitations.resend_invitation,
        name="resend_invitation",
    ),
    path(
        f"{ORG}member-invitations/<int:pk>/withdraw/",
        officer_invitations.withdraw_invitation,
        name="withdraw_invitation",
    ),
    path(MEMBER, officer.detail, name="detail"),
    path(f"{MEMBER}edit/", officer.edit, name="edit"),
    path(f"{MEMBER}status/", officer.change_status, name="status"),
    path(f"{MEMBER}paper-signature/", officer_documents.paper_signature, name="paper_signature"),
    path(f"{MEMBER}appraisals/add/", officer_support.add_appraisal, name="add_appraisal"),
    path(f"{MEMBER}expenses/add/", officer_support.add_expense, name="add_expense"),
    path(f"{ORG}expenses/<int:pk>/decide/", officer_support.decide, name="decide_expense"),
    path(f"{ORG}documents/", officer_documents.document_list, name="documents"),
    path(f"{ORG}documents/add-version/", officer_documents.add_version, name="add_version"),
    path(f"{ORG}documents/<slug:key>/", officer_documents.document_detail, name="document"),
    path(
        f"{ORG}signatures/<int:pk>/countersign/",
        officer_documents.countersign_signature,
        name="countersign",
    ),
    path(f"{ORG}signatures/<int:pk>/pdf/", officer_documents.signature_pdf, name="signature_pdf"),
    path(
        f"{ORG}signatures/<int:pk>/scan/", officer_documents.signature_scan, name="signature_scan"
    ),
    path("my/", portal.portal, name="portal"),
    path(MY, portal.my_record, name="my_record"),
    path(f"{MY}sign/<int:version>/", portal.sign, name="sign"),
    path(f"{MY}signatures/<int:signature>/pdf/", portal.my_signature_pdf, name="my_pdf"),
    path(f"{MY}group/", portal.my_group, name="my_group"),
    path(f"{MY}contact-sharing/", portal.contact_sharing, name="contact_sharing"),
    path(f"{MY}expenses/", portal.my_expenses, name="my_expenses"),
    path(f"{MY}expenses/claim/", portal.claim_expense, name="claim_expense"),
]
