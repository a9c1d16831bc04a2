"""Letter pages under an organisation, and a member's own letters under /my/."""

from django.urls import path

from panelkeeper.letters import portal_views, views, waiting_views

app_name = "letters"

ORG = "organisations/<slug:org>/letters/"

urlpatterns = [
    path(ORG, views.letter_list, name="list"),
    path(f"{ORG}<int:pk>/", views.letter_detail, name="detail"),
    path(f"{ORG}<int:pk>/pdf/", views.letter_download, name="download"),
    path(f"{ORG}<int:pk>/tell-others/", views.tell_others_view, name="tell_others"),
    path(f"{ORG}post/<str:day>/", views.post_batch, name="post_batch"),
    path(f"{ORG}cases/<int:case>/new/", views.issue, name="issue"),
    path(f"{ORG}to-send/", waiting_views.to_send, name="to_send"),
    path(f"{ORG}gifts/<int:gift>/send/", waiting_views.send_gift, name="send_gift"),
    path(
        f"{ORG}members/<int:member>/re-sign/<int:version>/send/",
        waiting_views.send_resign,
        name="send_resign",
    ),
    path(f"{ORG}wording/", views.template_list, name="templates"),
    path(f"{ORG}wording/<slug:kind>/", views.edit_template, name="edit_template"),
    path(f"{ORG}wording/<slug:kind>/restore/", views.restore_template, name="restore_template"),
    path("my/<int:member>/letters/", portal_views.my_letters, name="mine"),
    path(
        "my/<int:member>/letters/<int:letter>/pdf/",
        portal_views.my_letter_download,
        name="my_download",
    ),
]
