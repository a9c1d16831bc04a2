from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "panelkeeper.audit"
    label = "audit"
    verbose_name = "Audit log"
