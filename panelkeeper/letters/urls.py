"""Letter pages under an organisation, and a member's own letters under /my/."""

from django.urls import path

from panelkeeper.letters.views import officer, officer_waiting, portal

app_name = "letters"

ORG = "organisations/<slug:org>/letters/"

urlpatterns = [
    path(ORG, officer.letter_list, name="list"),
    path(f"{ORG}<int:pk>/", officer.letter_detail, name="detail"),
    path(f"{ORG}<int:pk>/pdf/", officer.letter_download, name="download"),
    path(f"{ORG}<int:pk>/tell-others/", officer.tell_others_view, name="tell_others"),
    path(f"{ORG}post/<str:day>/", officer.post_batch, name="post_batch"),
    path(f"{ORG}cases/<int:case>/new/", officer.issue, name="issue"),
    path(f"{ORG}to-send/", officer_waiting.to_send, name="to_send"),
    path(f"{ORG}gifts/<int:gift>/send/", officer_waiting.send_gift, name="send_gift"),
    path(
        f"{ORG}members/<int:member>/re-sign/<int:version>/send/",
        officer_waiting.send_resign,
        name="send_resign",
    ),
    path(f"{ORG}wording/", officer.template_list, name="templates"),
    path(f"{ORG}wording/<slug:kind>/", officer.edit_template, name="edit_template"),
    path(f"{ORG}wording/<slug:kind>/restore/", officer.restore_template, name="restore_template"),
    path("my/<int:member>/letters/", portal.my_letters, name="mine"),
    path("my/<int:member>/letters/<int:letter>/", portal.my_letter, name="my_letter"),
    path(
        "my/<int:member>/letters/<int:letter>/pdf/",
        portal.my_letter_download,
        name="my_download",
    ),
]
