"""The installation administrators' pages for an organisation that leaves."""

from django.urls import path

from panelkeeper.departure.views import installation

app_name = "departure"

ORG = "installation/organisations/<slug:org>/"

urlpatterns = [
    path(f"{ORG}leaving/", installation.leaving, name="leaving"),
    path(f"{ORG}exports/", installation.prepare_export, name="prepare_export"),
    path(f"{ORG}remove/", installation.remove, name="remove"),
    path("installation/exports/<int:pk>/file/", installation.export_file, name="export_file"),
]
