"""Removing a chain's oldest entries behind a checkpoint, and the triggers that allow
nothing else."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from panelkeeper.audit.chain import seal, seal_checkpoint, verify_chain
from panelkeeper.audit.models import AuditChain, AuditCheckpoint, AuditEntry
from panelkeeper.audit.retention import ChainBroken, remove_before
from tests.audit.tampering import rewrite, triggers_dropped
from tests.audit.test_chain import chain, entry, verify, verify_fails
from tests.factory import Factory


def test_removing_old_entries_records_a_checkpoint_and_the_rest_still_verifies(
    factory: Factory,
) -> None:
    old = chain(factory.home, 3)
    cut = timezone.now()
    kept = chain(factory.home, 2)
    others = chain(factory.other, 2)
    checkpoint = remove_before(organisation_id=factory.home.pk, before=cut)
    assert checkpoint is not None
    assert (checkpoint.removed, checkpoint.last_entry_id) == (3, old[-1].pk)
    assert checkpoint.digest == old[-1].digest
    assert checkpoint.seal == seal_checkpoint(checkpoint)
    remaining = AuditEntry.objects.filter(organisation=factory.home).order_by("id")
    assert list(remaining) == kept
    assert AuditEntry.objects.filter(organisation=factory.other).count() == len(others)
    assert verify_chain(factory.home.pk).entries == 2
    assert "Home Housing (home): 2 entries, intact." in verify()


def test_the_chain_goes_on_from_the_checkpoint_and_a_later_one(factory: Factory) -> None:
    chain(factory.home, 2)
    first_cut = timezone.now()
    middle = chain(factory.home, 2)
    second_cut = timezone.now()
    remove_before(organisation_id=factory.home.pk, before=first_cut)
    later = entry(factory.home)
    assert later.digest == seal(middle[-1].digest, later)
    second = remove_before(organisation_id=factory.home.pk, before=second_cut)
    assert second is not None and second.last_entry_id == middle[-1].pk
    assert verify_chain(factory.home.pk).entries == 1


def test_removing_every_entry_leaves_the_head_on_the_checkpoint(factory: Factory) -> None:
    old = chain(factory.home, 2)
    checkpoint = remove_before(organisation_id=factory.home.pk, before=timezone.now())
    assert checkpoint is not None and not AuditEntry.objects.filter(organisation=factory.home)
    assert AuditChain.objects.get(organisation=factory.home).head == old[-1].digest
    assert verify_chain(factory.home.pk).intact
    new = entry(factory.home)
    assert new.digest == seal(old[-1].digest, new)
    assert "Home Housing (home): 1 entry, intact." in verify()


def test_nothing_to_remove_makes_no_checkpoint(factory: Factory) -> None:
    before = timezone.now()
    chain(factory.home, 2)
    assert remove_before(organisation_id=factory.home.pk, before=before) is None
    assert remove_before(organisation_id=None, before=timezone.now()) is None
    assert not AuditCheckpoint.objects.exists()


def test_the_entries_with_no_organisation_are_a_chain_of_their_own(factory: Factory) -> None:
    chain(None, 2)
    cut = timezone.now()
    chain(None, 1)
    home = chain(factory.home, 1)
    checkpoint = remove_before(organisation_id=None, before=cut)
    assert checkpoint is not None and checkpoint.organisation_id is None
    assert AuditEntry.objects.filter(organisation__isnull=True).count() == 1
    assert AuditEntry.objects.filter(organisation=factory.home).get() == home[0]
    assert verify_chain(None).entries == 1


def test_a_chain_that_does_not_verify_is_not_cut(factory: Factory) -> None:
    old = chain(factory.home, 3)
    cut = timezone.now()
    chain(factory.home, 1)
    rewrite(old[1], action="group.created")
    with pytest.raises(ChainBroken, match=f"Entry {old[1].pk} does not match"):
        remove_before(organisation_id=factory.home.pk, before=cut)
    assert AuditEntry.objects.filter(organisation=factory.home).count() == 4
    assert not AuditCheckpoint.objects.exists()


def _execute(sql: str, params: list[object]) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_ordinary_deletes_are_still_refused_beside_a_checkpoint(factory: Factory) -> None:
    chain(factory.home, 1)
    cut = timezone.now()
    [kept] = chain(factory.home, 1)
    [elsewhere] = chain(factory.other, 1)
    remove_before(organisation_id=factory.home.pk, before=cut)
    for victim in (kept, elsewhere):
        with pytest.raises(DatabaseError, match="append-only"):
            _execute("DELETE FROM audit_auditentry WHERE id = %s", [victim.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == 2


def test_a_checkpoint_is_never_changed_or_removed(factory: Factory) -> None:
    chain(factory.home, 2)
    checkpoint = remove_before(organisation_id=factory.home.pk, before=timezone.now())
    assert checkpoint is not None
    with pytest.raises(DatabaseError, match="checkpoints are append-only"):
        _execute("UPDATE audit_auditcheckpoint SET removed = 0 WHERE id = %s", [checkpoint.pk])
    with pytest.raises(DatabaseError, match="checkpoints are append-only"):
        _execute("DELETE FROM audit_auditcheckpoint WHERE id = %s", [checkpoint.pk])


def test_a_checkpoint_forged_to_allow_deletes_is_found(factory: Factory) -> None:
    """A database writer may add a checkpoint, which lets the triggers delete; without
    the key its seal does not match."""
    old = chain(factory.home, 3)
    forged = AuditCheckpoint(
        organisation=factory.home,
        made_at=timezone.now(),
        removed_before=timezone.now(),
        removed=2,
        last_entry_id=old[1].pk,
        digest=old[1].digest,
    )
    forged.seal = seal_checkpoint(forged, key=b"not the key")
    forged.save()
    _execute("DELETE FROM audit_auditentry WHERE id <= %s AND organisation_id = %s",
             [old[1].pk, factory.home.pk])  # fmt: skip
    output = verify_fails()
    assert f"the checkpoint after entry {old[1].pk} does not match" in output


def test_an_entry_is_sealed_when_written(factory: Factory) -> None:
    [sealed] = chain(factory.home, 1)
    with pytest.raises(DatabaseError, match="sealed when written"):
        _execute(
            "INSERT INTO audit_auditentry (at, action, object_type, object_id, fields, digest)"
            " VALUES (%s, 'x.y', 'a.B', '1', '[]', '')",
            [sealed.at],
        )


def test_a_digest_is_written_once_from_empty_and_never_changed(factory: Factory) -> None:
    """How migration 0004 sealed the entries from before there were digests."""
    with triggers_dropped():
        _execute(
            "INSERT INTO audit_auditentry (at, action, object_type, object_id, fields, digest)"
            " VALUES (%s, 'x.y', 'a.B', '1', '[]', '')",
            [timezone.now()],
        )
    unsealed = AuditEntry.objects.get(digest="")
    with pytest.raises(DatabaseError, match="append-only"):
        _execute("UPDATE audit_auditentry SET digest = 'a', action = 'x.z' WHERE id = %s",
                 [unsealed.pk])  # fmt: skip
    _execute("UPDATE audit_auditentry SET digest = 'a' WHERE id = %s", [unsealed.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        _execute("UPDATE audit_auditentry SET digest = 'b' WHERE id = %s", [unsealed.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        _execute("UPDATE audit_auditentry SET digest = '' WHERE id = %s", [unsealed.pk])
    assert AuditEntry.objects.get(pk=unsealed.pk).digest == "a"
