from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "panelkeeper.audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        # The daily trigger runs every job in its JOBS table; ours joins it here so the
        # platform's module need not know about the audit log.
        from panelkeeper.audit.tasks import record_chain_heads
        from panelkeeper.core.daily import JOBS

        JOBS.setdefault("audit_chain_heads", record_chain_heads)
