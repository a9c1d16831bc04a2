from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "panelkeeper.organisations"
    label = "organisations"
