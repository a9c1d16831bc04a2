from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "panelkeeper.letters"
    label = "letters"
    verbose_name = "Letters and reminders"

    def ready(self) -> None:
        # The daily trigger runs every job in its JOBS table; ours joins it here so the
        # platform's module need not know about letters.
        from panelkeeper.core.daily import JOBS
        from panelkeeper.letters.tasks import send_daily_reminders

        JOBS.setdefault("letters_reminders", send_daily_reminders)
