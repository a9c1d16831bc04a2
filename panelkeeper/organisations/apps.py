from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "panelkeeper.organisations"

    def ready(self) -> None:
        from panelkeeper.accounts.invitations import register_kind
        from panelkeeper.accounts.models import Invitation
        from panelkeeper.organisations.title_invitations import TITLE_KIND

        # Accepting an invitation to a staff title makes its holder.
        register_kind(Invitation.Role.TITLE, TITLE_KIND)
