from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "panelkeeper.registers"
    verbose_name = "Registers of interests and gifts"

    def ready(self) -> None:
        # The daily trigger runs every job in its JOBS table; ours joins it here so the
        # platform's module need not know about registers.
        from panelkeeper.core.daily import JOBS
        from panelkeeper.registers.exports import remove_old_exports
        from panelkeeper.registers.tasks import remind_overdue_declarations

        JOBS.setdefault("remind_overdue_declarations", remind_overdue_declarations)
        JOBS.setdefault("remove_old_exports", remove_old_exports)
