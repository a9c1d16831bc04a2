from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "panelkeeper.letters"
    verbose_name = "Letters and reminders"

    def ready(self) -> None:
        # The daily trigger runs every job in its JOBS table; ours join it here so the
        # platform's module need not know about letters. The outbox stands in core's
        # layer and may not import it, so its daily sweep is registered here too.
        from panelkeeper.core.daily import JOBS
        from panelkeeper.letters.tasks import send_daily_reminders, sweep_outbox

        JOBS.setdefault("letters_reminders", send_daily_reminders)
        JOBS.setdefault("outbox_sweep", sweep_outbox)
