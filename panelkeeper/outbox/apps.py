from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "panelkeeper.outbox"
    verbose_name = "Outbox"
