"""Subject access: officers' pages under the organisation, a member's own, and the
public privacy notice."""

from django.urls import path

from panelkeeper.subject_access.views import access_log, erasure, officer, portal, public

app_name = "subject_access"

ORG = "organisations/<slug:org>/subject-access/"
REQUEST = f"{ORG}<int:pk>/"

urlpatterns = [
    path("privacy/<slug:org>/", public.privacy_notice, name="privacy"),
    path(ORG, officer.request_list, name="list"),
    path(f"{ORG}new/", officer.request_new, name="new"),
    path(f"{ORG}lead/", officer.lead, name="lead"),
    path(f"{ORG}who-read-what/", access_log.access_log, name="access_log"),
    path(f"{ORG}erase/", erasure.erase_person_page, name="erase_person"),
    path(REQUEST, officer.request_detail, name="detail"),
    path(f"{REQUEST}pause/", officer.pause, name="pause"),
    path(f"{REQUEST}restart/", officer.resume, name="resume"),
    path(f"{REQUEST}extend/", officer.extend, name="extend"),
    path(f"{REQUEST}build/", officer.build, name="build"),
    path(f"{REQUEST}release/", officer.release, name="release"),
    path(f"{REQUEST}pack/", officer.pack_view, name="pack"),
    path(f"{REQUEST}pack.pdf", officer.pack_download, name="pack_pdf"),
    path(f"{REQUEST}pack.json", officer.pack_data, name="pack_json"),
    path("my/<int:member>/copy-of-my-data/", portal.my_requests, name="mine"),
    path("my/<int:member>/copy-of-my-data/<int:pk>/", portal.my_pack, name="my_pack"),
    path("my/<int:member>/copy-of-my-data/<int:pk>/pdf/", portal.my_pack_pdf, name="my_pack_pdf"),
]
