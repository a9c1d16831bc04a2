from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "panelkeeper.members"
    verbose_name = "Members and their signed documents"

    def ready(self) -> None:
        from panelkeeper.members.invitations import register

        register()
