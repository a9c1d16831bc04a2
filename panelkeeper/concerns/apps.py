from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "panelkeeper.concerns"
    verbose_name = "Concerns"
