"""The purge takes the records of a part that can go together in batches, each still with
its own audit entry: as many queries for 30 records as for 3."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from panelkeeper.audit.chain import verify_chain
from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.changes.steps import withdraw_case
from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.retention import purge as purging
from panelkeeper.retention.kinds import BY_KEY
from panelkeeper.retention.purge import DueRecord, purge
from panelkeeper.retention.schedule import Period
from tests.factory import Factory
from tests.retention.clock import clock_at

WITHDRAWN_ON = dt.date(2026, 11, 24)
# Withdrawn cases are kept a year after their last step.
A_YEAR_ON = dt.date(2027, 11, 24)


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(dt.date(2026, 11, 25)):
        yield


def withdrawn_cases(factory: Factory, n: int) -> list[int]:
    ids = []
    for _ in range(n):
        case = factory.breach_case(factory.panel_member())
        withdraw_case(
            case=case,
            reason="Raised in error.",
            actor=None,
            effective=WITHDRAWN_ON,
            today=WITHDRAWN_ON,
        )
        ids.append(case.pk)
    return ids


def test_withdrawn_cases_go_together_each_with_its_entry_in_as_many_queries_for_30_as_3(
    factory: Factory,
) -> None:
    counts = []
    for n in (3, 30):
        ids = withdrawn_cases(factory, n)
        with CaptureQueriesContext(connection) as queries:
            assert purge(factory.home, today=A_YEAR_ON) == {"cases_not_upheld": n}
        counts.append(len(queries))
        assert not Case.objects.filter(pk__in=ids).exists()
        assert not CaseEvent.objects.filter(case_id__in=ids).exists()
        entries = AuditEntry.objects.filter(action="retention.cases_not_upheld")
        assert set(entries.values_list("object_id", flat=True)) >= {str(pk) for pk in ids}
        assert entries.filter(object_id__in=[str(pk) for pk in ids]).count() == n
    assert counts[0] == counts[1]
    assert verify_chain(factory.home.pk).mismatch is None


def test_a_batch_is_one_part_of_one_row_of_the_schedule_and_at_most_batch_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(purging, "BATCH", 2)
    cases, apologies = BY_KEY["cases_not_upheld"], BY_KEY["apologies"]
    expenses = BY_KEY["expenses"]

    def due(kind_key: str, n: int) -> DueRecord:
        kind = BY_KEY[kind_key]
        part = kind.parts[0]
        return DueRecord(
            Period(kind, kind.default_months),
            f"{kind_key} {n}",
            WITHDRAWN_ON,
            A_YEAR_ON,
            None,
            part.remove,
            remove_all=part.remove_all,
        )

    listed = [
        due(cases.key, 1),
        due(cases.key, 2),
        due(cases.key, 3),
        due(expenses.key, 1),
        due(expenses.key, 2),
        due(apologies.key, 1),
    ]
    runs = [[item.label for item in run] for run in purging._batches(listed)]
    assert runs == [
        ["cases_not_upheld 1", "cases_not_upheld 2"],
        ["cases_not_upheld 3"],
        ["expenses 1"],
        ["expenses 2"],
        ["apologies 1"],
    ]
