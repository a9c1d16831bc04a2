"""A case event's words (its reason, whom a notice went to) live in a row of their own:
changed only by a name giving way to the erasure mark, removed only after their event,
which itself stays append-only. Migration 0010 carried the words across and left every
trigger in place, on SQLite as on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from panelkeeper.cases.changes.steps import record_notice, withdraw_case
from panelkeeper.cases.models import Case, CaseEvent, CaseEventText
from panelkeeper.retention.removal import remove_case
from tests.factory import Factory

D = dt.date(2026, 11, 23)
WHY = "Withdrawn: Walter Witness took back what he said."
WORDED = "reason <> '' OR \"to\" <> ''"


def _withdrawn(factory: Factory) -> CaseEvent:
    return withdraw_case(case=factory.the_case, reason=WHY, actor=None, effective=D, today=D)


def _execute(sql: str, *params: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _trigger_names() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {name for (name,) in cursor.fetchall()}


def _expected_triggers() -> set[str]:
    tables = ["cases_caseevent", "cases_seat", "cases_seatrelease", "cases_caseeventtext"]
    if connection.vendor == "sqlite":
        return {f"{table}_no_{action}" for table in tables for action in ("update", "delete")}
    return {f"{table}_append_only" for table in tables[:3]} | {"cases_caseeventtext_redact_only"}


def test_the_event_writer_keeps_the_words_in_the_events_text(factory: Factory) -> None:
    event = _withdrawn(factory)
    text = CaseEventText.objects.get()
    assert (event.text, text.reason, text.to) == (text, WHY, "")
    assert CaseEvent.objects.get(pk=event.pk).reason == WHY
    assert CaseEvent.objects.filter(case=factory.the_case, text__isnull=True).count() == 1


def test_the_triggers_are_all_there_after_every_migration(db: None) -> None:
    assert _expected_triggers() <= _trigger_names()


def test_an_event_still_refuses_every_change_and_its_text_any_but_an_erasure(
    factory: Factory,
) -> None:
    event = _withdrawn(factory)
    with pytest.raises(DatabaseError, match="case events cannot be changed"), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).update(step="changed")
    texts = CaseEventText.objects.filter(pk=event.text_id)
    for rewritten in (
        "Withdrawn: nobody took back anything.",  # no mark: a rewrite
        "Withdrawn: [name erased] took back what he said, and a great deal more.",  # longer
        "Withdrew: [name erased] took back what he said.",  # changed before the mark
    ):
        with pytest.raises(DatabaseError, match="only when a name"), transaction.atomic():
            texts.update(reason=rewritten)
    with pytest.raises(DatabaseError, match="only when a name"), transaction.atomic():
        texts.update(to="Someone else")
    texts.update(reason="Withdrawn: [name erased] took back what he said.")
    assert CaseEvent.objects.get(pk=event.pk).reason.startswith("Withdrawn: [name erased] took")


def test_a_text_goes_only_once_its_event_has_gone_with_its_case(factory: Factory) -> None:
    event = _withdrawn(factory)
    with pytest.raises(DatabaseError, match="goes only with its event"), transaction.atomic():
        # In SQL, past Django's own PROTECT, to the trigger.
        _execute("DELETE FROM cases_caseeventtext WHERE id = %s", event.text_id)
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).delete()
    remove_case(Case.objects.get(pk=event.case_id))
    assert not CaseEvent.objects.exists() and not CaseEventText.objects.exists()


def test_a_case_not_marked_keeps_its_texts_when_another_goes(factory: Factory) -> None:
    kept = _withdrawn(factory)
    other = factory.breach_case(factory.member_record)
    withdraw_case(case=other, reason="Raised in error.", actor=None, effective=D, today=D)
    remove_case(Case.objects.get(pk=other.pk))
    assert list(CaseEventText.objects.values_list("reason", flat=True)) == [kept.reason]


def test_reading_events_brings_their_words_in_the_same_query(factory: Factory) -> None:
    _withdrawn(factory)
    with CaptureQueriesContext(connection) as queries:
        case = Case.objects.prefetch_related("events").get(pk=factory.the_case.pk)
        said = [(e.reason, e.to) for e in case.events.all()]
    assert said == [("", ""), (WHY, "")]
    assert len(queries.captured_queries) == 2


def _migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return [node for node in executor.loader.graph.leaf_nodes() if node[0] == "cases"]


@pytest.mark.django_db(transaction=True)
def test_migration_0010_carries_the_words_across_both_ways_and_keeps_the_triggers() -> None:
    factory = Factory()
    notice = record_notice(
        case=factory.decided_case(), sent_on=D, channel="email", actor=None, today=D
    )
    event = withdraw_case(
        case=factory.breach_case(factory.member_record), reason=WHY, actor=None, today=D
    )
    _migrate([("cases", "0009_setting_raised_by_labels")])
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT id, reason, "to" FROM cases_caseevent WHERE {WORDED}')
            before = sorted(cursor.fetchall())
        assert (event.pk, WHY, "") in before and (notice.pk, "", "Sam Subject") in before
        with pytest.raises(DatabaseError, match="case events cannot"), transaction.atomic():
            _execute("UPDATE cases_caseevent SET reason = 'x'")
    finally:
        _migrate(_latest())
    assert _expected_triggers() <= _trigger_names()
    after = sorted((e.pk, e.reason, e.to) for e in CaseEvent.objects.exclude(text=None))
    assert after == before
    written = withdraw_case(
        case=factory.breach_case(factory.panel_member()),
        reason="Raised in error.",
        actor=None,
        effective=D,
        today=D,
    )
    assert written.text_id is not None and written.text_id > max(pk for pk, _, _ in before)
    with pytest.raises(DatabaseError, match="case events cannot"), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).update(step="changed")
