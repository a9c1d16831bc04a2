from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "panelkeeper.cases"
    verbose_name = "Breach cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from panelkeeper.accounts.invitations import register_kind
        from panelkeeper.accounts.models import Invitation
        from panelkeeper.cases.invitations import CASE_KIND
        from panelkeeper.cases.recount import recount_due_dates
        from panelkeeper.organisations.in_force import when_calendar_changes

        # A case row's copy of its next due date is counted in working days: count it
        # again whenever the organisation's calendar changes.
        when_calendar_changes(
            lambda organisation, today: recount_due_dates(organisation=organisation, today=today)
        )
        # Accepting an invitation to one case gives a part in that case alone.
        register_kind(Invitation.Role.CASE, CASE_KIND)
