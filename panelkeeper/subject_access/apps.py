from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    name = "panelkeeper.subject_access"
    verbose_name = "Subject access"

    def ready(self) -> None:
        # Confidential views below this app mark themselves (lib.confidential); the
        # access log's writer joins them here, the reminders join the daily trigger and
        # the access log and answered requests join the retention schedule.
        from panelkeeper.core.daily import JOBS
        from panelkeeper.lib.confidential import when_read
        from panelkeeper.retention.kinds import register
        from panelkeeper.subject_access.kept import KINDS
        from panelkeeper.subject_access.reading import record_read
        from panelkeeper.subject_access.tasks import send_request_reminders

        when_read(record_read)
        for kind in KINDS:
            register(kind)
        JOBS.setdefault("subject_access_reminders", send_request_reminders)
