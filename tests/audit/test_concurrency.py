"""Two writers in one organisation take turns at the head of its chain (PostgreSQL;
SQLite runs one writer at a time anyway)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, transaction

from panelkeeper.audit.chain import seal, verify_chain
from panelkeeper.audit.log import record
from panelkeeper.audit.models import AuditEntry
from panelkeeper.organisations.models import Organisation
from tests.factory import Factory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite takes one writer at a time"
    ),
]


def _record(organisation: Organisation) -> AuditEntry:
    return record(
        actor=None, organisation=organisation, action="group.renamed", obj=organisation, fields=[]
    )


def _in_thread(work: Callable[[], None]) -> threading.Thread:
    def run() -> None:
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_second_writer_waits_for_the_first_and_chains_onto_its_entry() -> None:
    home = Factory().home
    with transaction.atomic():
        _record(home)  # the chain's head row exists
    holding, release = threading.Event(), threading.Event()
    made: dict[str, AuditEntry] = {}

    def first() -> None:
        with transaction.atomic():
            made["first"] = _record(home)
            holding.set()
            release.wait(30)

    def second() -> None:
        holding.wait(30)
        with transaction.atomic():
            made["second"] = _record(home)

    threads = [_in_thread(first), _in_thread(second)]
    threads[1].join(timeout=1)
    assert threads[1].is_alive(), "the second writer went ahead while the first held the head"
    release.set()
    for thread in threads:
        thread.join(30)
    assert made["second"].digest == seal(made["first"].digest, made["second"])
    assert verify_chain(home.pk).entries == 3


def test_many_writers_at_once_leave_one_unbroken_chain_per_organisation() -> None:
    factory = Factory()
    organisations = [factory.home, factory.other]

    def write(organisation: Organisation) -> Callable[[], None]:
        def work() -> None:
            for _ in range(15):
                with transaction.atomic():
                    _record(organisation)

        return work

    # Four writers per organisation, two of them starting each chain at the same moment.
    threads = [_in_thread(write(org)) for org in organisations * 4]
    for thread in threads:
        thread.join(60)
    for organisation in organisations:
        report = verify_chain(organisation.pk)
        assert report.intact and report.entries == 60, report
