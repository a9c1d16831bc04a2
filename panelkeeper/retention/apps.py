from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "panelkeeper.retention"
    verbose_name = "Retention and erasure"

    def ready(self) -> None:
        from panelkeeper.core.daily import JOBS
        from panelkeeper.retention.tasks import apply_retention

        JOBS.setdefault("apply_retention", apply_retention)
