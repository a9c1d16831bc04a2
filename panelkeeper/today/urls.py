"""Staff pages of an organisation: Today and the search."""

from django.urls import path

from panelkeeper.today.views import officer

app_name = "today"

ORG = "organisations/<slug:org>/"

urlpatterns = [
    path(f"{ORG}today/", officer.today, name="today"),
    path(f"{ORG}search/", officer.search_page, name="search"),
]
