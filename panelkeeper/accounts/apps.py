from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "panelkeeper.accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from panelkeeper.accounts.sessions import started

        user_logged_in.connect(started, dispatch_uid="panelkeeper.accounts.sessions.started")
