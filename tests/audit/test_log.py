"""The audit log: explicit entries, field names only, append-only in the database."""

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction

from panelkeeper.accounts.models import User
from panelkeeper.audit.log import (
    create_recorded,
    delete_recorded,
    record,
    save_changed,
    save_recorded,
    save_values,
)
from panelkeeper.audit.models import AuditEntry
from panelkeeper.organisations.models import ClosureDay
from tests.factory import Factory


def test_it_records_who_did_what_to_which_record_and_which_fields(
    factory: Factory, officer: User
) -> None:
    group = factory.group(name="Scrutiny Panel")
    entry = record(
        actor=officer, organisation=factory.home, action="group.renamed", obj=group, fields=["name"]
    )
    entry.refresh_from_db()
    assert entry.actor == officer and entry.organisation == factory.home
    assert (entry.object_type, entry.object_id) == ("organisations.Group", str(group.pk))
    assert entry.fields == ["name"]
    assert entry.at is not None


def test_it_keeps_values_out_and_has_nowhere_to_put_client_details() -> None:
    columns = {field.name for field in AuditEntry._meta.concrete_fields}
    assert columns == {
        "id", "at", "actor", "organisation", "action", "object_type", "object_id", "fields",
        "digest",
    }  # fmt: skip


def test_it_refuses_a_field_the_record_does_not_have(factory: Factory) -> None:
    with pytest.raises(ValueError, match="no field named colour"):
        record(
            actor=None,
            organisation=None,
            action="group.painted",
            obj=factory.group(),
            fields=["colour"],
        )


def test_it_refuses_an_action_that_is_not_a_dotted_name(factory: Factory) -> None:
    with pytest.raises(ValueError, match="dotted lower case"):
        record(
            actor=None, organisation=None, action="Renamed group!", obj=factory.group(), fields=[]
        )


@pytest.mark.django_db(transaction=True)
def test_it_must_run_inside_the_transaction_that_makes_the_change() -> None:
    factory = Factory()
    group = factory.group()
    with pytest.raises(RuntimeError, match="inside the transaction"):
        record(actor=None, organisation=None, action="group.renamed", obj=group, fields=["name"])
    with transaction.atomic():
        record(actor=None, organisation=None, action="group.renamed", obj=group, fields=["name"])
    assert AuditEntry.objects.count() == 1


def _entry(factory: Factory) -> AuditEntry:
    with transaction.atomic():
        return record(
            actor=None, organisation=None, action="group.created", obj=factory.group(), fields=[]
        )


def test_the_database_refuses_update_even_by_raw_sql(factory: Factory) -> None:
    entry = _entry(factory)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE audit_auditentry SET action = 'x' WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.action == "group.created"


def test_the_database_refuses_delete_even_by_raw_sql(factory: Factory) -> None:
    entry = _entry(factory)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_orm_is_refused_too(factory: Factory) -> None:
    entry = _entry(factory)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()


@pytest.mark.django_db(transaction=True)
def test_transactional_tests_can_still_be_cleaned_up_and_the_triggers_come_back() -> None:
    """Runs after the test above in file order; the refusal must survive the clean-up."""
    _entry(Factory())
    assert AuditEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_after_a_transactional_clean_up_the_log_is_still_append_only() -> None:
    entry = _entry(Factory())
    with pytest.raises(DatabaseError, match="append-only"):
        AuditEntry.objects.filter(pk=entry.pk).delete()


def test_create_recorded_saves_every_value_and_logs_the_logged_ones_in_order(
    factory: Factory, officer: User
) -> None:
    with transaction.atomic():
        day = create_recorded(
            ClosureDay,
            actor=officer,
            organisation=factory.home,
            action="closure_day.added",
            logged={"reason": "Staff training", "date": dt.date(2026, 3, 4)},
        )
    day.refresh_from_db()
    assert (day.organisation, day.date, day.reason) == (
        factory.home,
        dt.date(2026, 3, 4),
        "Staff training",
    )
    entry = AuditEntry.objects.get(action="closure_day.added")
    assert entry.fields == ["reason", "date"]


def test_create_recorded_refuses_a_value_given_both_logged_and_not(
    factory: Factory, officer: User
) -> None:
    with pytest.raises(TypeError, match="Give date once"):
        create_recorded(
            ClosureDay,
            actor=officer,
            organisation=factory.home,
            action="closure_day.added",
            logged={"date": dt.date(2026, 3, 4), "reason": "Staff training"},
            date=dt.date(2026, 3, 5),
        )
    assert not ClosureDay.objects.exists()


def test_save_recorded_files_a_record_without_an_organisation_under_the_installation(
    factory: Factory,
) -> None:
    group = factory.group(name="Scrutiny Panel")
    group.name = "Customer Panel"
    with transaction.atomic():
        save_recorded(
            obj=group, fields=["name"], action="group.renamed", actor=None, organisation=None
        )
    group.refresh_from_db()
    assert group.name == "Customer Panel"
    entry = AuditEntry.objects.get(action="group.renamed")
    assert entry.organisation is None and entry.fields == ["name"]


def test_save_changed_saves_and_logs_only_the_values_that_differ(factory: Factory) -> None:
    home = factory.home
    values = {"name": home.name, "telephone": "01632 960 001", "contact_email": "a@example.org"}
    with transaction.atomic():
        changed = save_changed(
            home, values, action="organisation.details_changed", actor=None, organisation=home
        )
    assert changed == ["telephone", "contact_email"]
    home.refresh_from_db()
    assert (home.telephone, home.contact_email) == ("01632 960 001", "a@example.org")
    entry = AuditEntry.objects.get(action="organisation.details_changed")
    assert entry.fields == ["telephone", "contact_email"]


def test_save_values_saves_and_logs_every_value_even_one_that_is_the_same(
    factory: Factory,
) -> None:
    home = factory.home
    values = {"telephone": "01632 960 002", "name": home.name}
    with transaction.atomic():
        save_values(
            home, values, action="organisation.details_changed", actor=None, organisation=home
        )
    home.refresh_from_db()
    assert home.telephone == "01632 960 002"
    entry = AuditEntry.objects.get(action="organisation.details_changed")
    assert entry.fields == ["telephone", "name"]


def test_save_changed_records_nothing_when_nothing_differs(factory: Factory) -> None:
    home = factory.home
    with transaction.atomic():
        changed = save_changed(
            home,
            {"name": home.name, "telephone": home.telephone},
            action="organisation.details_changed",
            actor=None,
            organisation=home,
        )
    assert changed == []
    assert not AuditEntry.objects.filter(action="organisation.details_changed").exists()


def test_delete_recorded_names_the_row_in_its_entry_before_the_row_goes(
    factory: Factory, officer: User
) -> None:
    closure = ClosureDay.objects.create(
        organisation=factory.home, date=dt.date(2026, 12, 29), reason="Office closed"
    )
    named = str(closure.pk)
    with transaction.atomic():
        delete_recorded(
            closure,
            action="closure_day.removed",
            actor=officer,
            organisation=factory.home,
            fields=["date"],
        )
    assert not ClosureDay.objects.filter(pk=named).exists()
    entry = AuditEntry.objects.get(action="closure_day.removed")
    assert (entry.object_type, entry.object_id, entry.fields) == (
        "organisations.ClosureDay",
        named,
        ["date"],
    )
    assert entry.actor == officer
