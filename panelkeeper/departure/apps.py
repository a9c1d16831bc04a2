from django.apps import AppConfig


class DepartureConfig(AppConfig):
    name = "panelkeeper.departure"
    verbose_name = "Leaving the installation"

    def ready(self) -> None:
        # The daily trigger runs every job in its JOBS table; ours joins it here so the
        # exports left behind are deleted once past their time.
        from panelkeeper.core.daily import JOBS
        from panelkeeper.departure.tasks import delete_expired_exports

        JOBS.setdefault("delete_expired_exports", delete_expired_exports)
