from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "panelkeeper.core"
    label = "core"
    verbose_name = "Daily work"
