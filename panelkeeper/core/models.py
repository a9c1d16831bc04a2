"""The daily run: one row per job and day, so each day's work is enqueued once."""

from django.db import models


class DailyRun(models.Model):
    """A job enqueued for a day by ``panelkeeper daily``, and when it finished.

    The unique constraint is what makes the daily trigger idempotent: a second
    trigger on the same day finds the row and enqueues nothing, and the task itself
    does nothing once ``finished`` is set.
    """

    day = models.DateField()
    job = models.CharField(max_length=100)
    enqueued = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    outcome = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-day", "job"]
        constraints = [
            models.UniqueConstraint(fields=["day", "job"], name="one_run_per_job_and_day")
        ]

    def __str__(self) -> str:
        return f"{self.job} for {self.day:%Y-%m-%d}"


class TaskLease(models.Model):
    """When the worker running a task last said it was still at work on it.

    django-tasks-db marks a task ``RUNNING`` when a worker claims it and never looks at it
    again, so a worker killed mid-task leaves it ``RUNNING`` for ever. Our worker renews
    this row while the task runs (``panelkeeper.core.leases``); a task whose last sign of
    life (this row, or its start when the row was never written) is older than the lease
    is taken up again.
    """

    task = models.OneToOneField(
        "django_tasks_database.DBTaskResult",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="lease",
    )
    renewed = models.DateTimeField()

    class Meta:
        ordering = ["renewed"]

    def __str__(self) -> str:
        return f"lease of task {self.task_id} renewed {self.renewed:%Y-%m-%d %H:%M:%S}"


class Removal(models.Model):
    """A record of an append-only table marked for removal once past its time.

    The append-only triggers of cases and members refuse every DELETE except of rows
    whose record (a case, for its events and seats; a signature, for itself and its
    countersignatures) has a row here. Writing one is the retention schedule's job, in
    the transaction that removes the record; the row stays behind as a note that the
    record went on purpose. It holds no personal data: a table name and an id, which are
    never reused.
    """

    record_table = models.CharField(max_length=100)
    record_id = models.BigIntegerField()
    marked_at = models.DateTimeField()

    class Meta:
        ordering = ["record_table", "record_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_table", "record_id"], name="one_removal_a_record"
            )
        ]

    def __str__(self) -> str:
        return f"{self.record_table} {self.record_id} removed"
