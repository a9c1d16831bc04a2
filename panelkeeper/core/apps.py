from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "panelkeeper.core"
    verbose_name = "Daily work"
