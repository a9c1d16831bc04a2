from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "panelkeeper.outbox"
    label = "outbox"
    verbose_name = "Outbox"
