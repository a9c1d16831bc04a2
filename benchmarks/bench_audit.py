"""What sealing the audit log costs a write: an entry per transaction, chained and not.

Builds a throwaway test database (a file for SQLite, so WAL and its commits are real;
never the real database), then times ``audit.log.record`` (lock the chain's head, seal
the entry, insert it, move the head) against a bare insert of an entry (what recording
cost before the chains), each in its own transaction as a domain function's would be.
The two take turns, entry by entry. Prints the median and 95th percentile per entry
(wall-clock) and the median CPU time, the walk of ``verify_chain`` per
thousand entries, and on PostgreSQL the throughput of four writers in one organisation
(taking turns at its head) against four writers in four organisations.

Run on PostgreSQL with ``DATABASE_URL=postgres://... python -m benchmarks.bench_audit``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ENTRIES = 2_000
WRITERS = 4
PER_WRITER = 250


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panelkeeper.settings")
    import django

    django.setup()


def _per_entry(methods: dict[str, Callable[[], object]]) -> None:
    """Time each method ENTRIES times, taking turns so a busy machine slows all alike;
    wall-clock and this process's CPU time (which other load inflates far less)."""
    from django.db import transaction

    wall: dict[str, list[float]] = {label: [] for label in methods}
    cpu: dict[str, list[float]] = {label: [] for label in methods}
    for _ in range(ENTRIES):
        for label, write in methods.items():
            began, began_cpu = time.perf_counter(), time.process_time()
            with transaction.atomic():
                write()
            wall[label].append(time.perf_counter() - began)
            cpu[label].append(time.process_time() - began_cpu)
    for label in methods:
        times = sorted(wall[label])
        print(
            f"  {label:<34} median {statistics.median(times) * 1000:6.2f} ms"
            f"   95th percentile {times[int(len(times) * 0.95)] * 1000:6.2f} ms"
            f"   CPU median {statistics.median(cpu[label]) * 1000:6.2f} ms"
        )


def _threaded(label: str, organisation_ids: list[int]) -> float:
    """Entries per second from WRITERS threads, writer n appending to its organisation."""
    from django.db import connection, transaction

    from panelkeeper.audit.log import record
    from panelkeeper.organisations.models import Organisation

    def writer(organisation_id: int) -> None:
        organisation = Organisation.objects.get(pk=organisation_id)
        try:
            for _ in range(PER_WRITER):
                with transaction.atomic():
                    record(
                        actor=None,
                        organisation=organisation,
                        action="bench.written",
                        obj=organisation,
                        fields=["name"],
                    )
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(org,)) for org in organisation_ids]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rate = WRITERS * PER_WRITER / (time.perf_counter() - began)
    print(f"  {label:<34} {rate:8.0f} entries a second")
    return rate


def main() -> None:
    _setup()
    from django.db import connection
    from django.utils import timezone

    from panelkeeper.audit.chain import verify_chain
    from panelkeeper.audit.log import record
    from panelkeeper.audit.models import AuditEntry
    from panelkeeper.organisations.models import Organisation

    workdir = tempfile.TemporaryDirectory()
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(Path(workdir.name) / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        organisation = Organisation.objects.create(slug="bench", name="Bench Homes")
        plain = Organisation.objects.create(slug="plain", name="Plain Homes")

        def chained() -> AuditEntry:
            return record(
                actor=None,
                organisation=organisation,
                action="bench.written",
                obj=organisation,
                fields=["name"],
            )

        def bare() -> AuditEntry:
            # What record() did before the chains; the digest only satisfies the trigger.
            return AuditEntry.objects.create(
                at=timezone.now(),
                organisation=plain,
                action="bench.written",
                object_type="organisations.Organisation",
                object_id=str(plain.pk),
                fields=["name"],
                digest="0" * 64,
            )

        print(f"{connection.vendor}, {ENTRIES:,} entries each, one transaction per entry:")
        _per_entry(
            {"bare insert (before the chains)": bare, "record(): locked, sealed, chained": chained}
        )
        assert AuditEntry.objects.filter(organisation=plain).count() == ENTRIES

        began = time.perf_counter()
        report = verify_chain(organisation.pk)
        walked = time.perf_counter() - began
        assert report.intact and report.entries == ENTRIES, report
        print(f"  verify_chain: {walked / ENTRIES * 1000 * 1000:6.1f} ms per 1,000 entries")

        if connection.vendor == "postgresql":
            others = [
                Organisation.objects.create(slug=f"w{n}", name=f"Writer {n}").pk
                for n in range(WRITERS)
            ]
            print(f"{WRITERS} writers at once, {PER_WRITER} entries each:")
            _threaded("all in one organisation", [organisation.pk] * WRITERS)
            _threaded("each in its own organisation", others)
            assert verify_chain(organisation.pk).entries == ENTRIES + WRITERS * PER_WRITER
            assert all(verify_chain(org).intact for org in others)
    finally:
        connection.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)
        workdir.cleanup()


if __name__ == "__main__":
    main()
