"""The daily declaration reminders for 100,000 members, posted and sent by SMTP.

Builds a throwaway test database (a file on SQLite, as the server's is; a test database
on PostgreSQL when DATABASE_URL names one), adds 100,000 members due a reminder in bulk
(active, with an email address, never asked to review their declaration), then runs the
daily job as the worker would: ``remind_overdue_declarations`` posts a message per
member to the outbox in batches, then the outbox's sender sends every message through
SMTP to a sink on loopback (aiosmtpd's Sink, in a process of its own so that it does not
compete with the sender for this process's interpreter lock). Prints the wall time and
this process's CPU time of each part (a busy machine inflates the second far less) and
the process's peak memory (its largest resident set). The aim is under 10 minutes on a
2-core machine.

``BENCH_MEMBERS`` sets another number of members, for a quick look.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.scratch import scratch_database, setup_django

MEMBERS = int(os.environ.get("BENCH_MEMBERS", "100000"))
DAY = "2026-11-23"


@contextmanager
def smtp_sink() -> Iterator[int]:
    """aiosmtpd's Sink (accepts every message, keeps none) on a free loopback port."""
    from tests.smtp_sink import free_port

    port = free_port()
    argv = [sys.executable, "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink"]
    sink = subprocess.Popen([*argv, "-l", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(300):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port
    finally:
        sink.terminate()
        sink.wait(timeout=10)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    """Wall and CPU time since it was started."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def report(self, label: str, count: int) -> None:
        wall, cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
        print(
            f"  {label:<34} {wall:8.1f} s wall {cpu:8.1f} s CPU "
            f"{count / wall:7.0f} a second   peak {peak_mib():5.0f} MiB",
            flush=True,
        )


def main() -> None:
    setup_django()
    from django.conf import settings

    db = settings.DATABASES["default"]
    folder = tempfile.TemporaryDirectory()
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db.setdefault("TEST", {})["NAME"] = str(Path(folder.name) / "bench.sqlite3")

    from panelkeeper.core.models import DailyRun
    from panelkeeper.outbox.models import Message, Status
    from panelkeeper.outbox.sending import send_due
    from panelkeeper.registers.tasks import remind_overdue_declarations
    from tests.factory import Factory
    from tests.smtp_sink import mailers_for

    try:
        with smtp_sink() as port, scratch_database():
            settings.MAILERS = mailers_for(port)
            print(f"{MEMBERS:,} members due a declaration reminder ({db['ENGINE']}):")
            clock = Clock()
            Factory().many_members(MEMBERS)
            clock.report("members added in bulk", MEMBERS)

            DailyRun.objects.create(job="remind_overdue_declarations", day=DAY)
            job, clock = Clock(), Clock()
            assert remind_overdue_declarations.call(DAY)
            clock.report("reminders posted to the outbox", MEMBERS)
            assert DailyRun.objects.get().outcome == {"sent": MEMBERS}

            clock = Clock()
            done = send_due()
            clock.report("messages sent by SMTP", MEMBERS)
            job.report("the daily reminders, end to end", MEMBERS)

            assert done.sent == MEMBERS, done
            assert Message.objects.filter(status=Status.SENT).count() == MEMBERS
    finally:
        folder.cleanup()


if __name__ == "__main__":
    main()
