"""Concern pages: public ones under /concerns/ (kept out of logs); officers' by the organisation."""

from django.urls import path

from panelkeeper.concerns.views import officer, public

app_name = "concerns"

PUBLIC = "concerns/<slug:org>/"
ORG = "organisations/<slug:org>/concerns/"

urlpatterns = [
    path(PUBLIC, public.raise_concern, name="raise"),
    path(f"{PUBLIC}sent/", public.submitted, name="submitted"),
    path(f"{PUBLIC}receipt/", public.receipt_pdf, name="receipt"),
    path(f"{PUBLIC}follow-up/", public.follow_up_page, name="follow_up"),
    path(f"{PUBLIC}follow-up/message/", public.follow_up_message, name="follow_up_message"),
    path(f"{PUBLIC}follow-up/finish/", public.follow_up_finish, name="follow_up_finish"),
    path(ORG, officer.concern_list, name="list"),
    path(f"{ORG}poster/", officer.poster, name="poster"),
    path(f"{ORG}<int:pk>/", officer.concern_detail, name="detail"),
    path(f"{ORG}<int:pk>/reply/", officer.reply, name="reply"),
    path(f"{ORG}<int:pk>/triage/", officer.triage, name="triage"),
    path(f"{ORG}<int:pk>/close/", officer.close, name="close"),
]
