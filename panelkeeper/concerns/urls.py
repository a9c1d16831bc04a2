"""Concern pages: public ones under /concerns/ (kept out of logs); officers' by the organisation."""

from django.urls import path

from panelkeeper.concerns import officer_views, public_views

app_name = "concerns"

PUBLIC = "concerns/<slug:org>/"
ORG = "organisations/<slug:org>/concerns/"

urlpatterns = [
    path(PUBLIC, public_views.raise_concern, name="raise"),
    path(f"{PUBLIC}sent/", public_views.submitted, name="submitted"),
    path(f"{PUBLIC}receipt/", public_views.receipt_pdf, name="receipt"),
    path(f"{PUBLIC}follow-up/", public_views.follow_up_page, name="follow_up"),
    path(f"{PUBLIC}follow-up/message/", public_views.follow_up_message, name="follow_up_message"),
    path(f"{PUBLIC}follow-up/finish/", public_views.follow_up_finish, name="follow_up_finish"),
    path(ORG, officer_views.concern_list, name="list"),
    path(f"{ORG}<int:pk>/", officer_views.concern_detail, name="detail"),
    path(f"{ORG}<int:pk>/reply/", officer_views.reply, name="reply"),
    path(f"{ORG}<int:pk>/triage/", officer_views.triage, name="triage"),
    path(f"{ORG}<int:pk>/close/", officer_views.close, name="close"),
]
