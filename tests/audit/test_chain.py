"""The audit log as a chain per organisation: sealed entries, and `panelkeeper audit verify`."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from panelkeeper.accounts.models import User
from panelkeeper.audit.chain import HASHED, NOT_HASHED, append_all, seal, verify_chain
from panelkeeper.audit.log import record, record_each
from panelkeeper.audit.models import AuditChain, AuditEntry
from panelkeeper.organisations.models import Organisation
from tests.audit.tampering import WRONG_KEY, reseal_from, rewrite, triggers_dropped
from tests.factory import Factory


def entry(organisation: Organisation | None, actor: User | None = None) -> AuditEntry:
    obj = organisation or Factory().organisation()
    with transaction.atomic():
        return record(
            actor=actor, organisation=organisation, action="group.renamed", obj=obj, fields=["name"]
        )


def chain(organisation: Organisation | None, count: int) -> list[AuditEntry]:
    return [entry(organisation) for _ in range(count)]


def verify(*args: str) -> str:
    out = StringIO()
    call_command("audit", "verify", *args, stdout=out)
    return out.getvalue()


def verify_fails(*args: str) -> str:
    out = StringIO()
    with pytest.raises(CommandError, match="audit chains do not match"):
        call_command("audit", "verify", *args, stdout=out)
    return out.getvalue()


def test_each_entry_is_sealed_onto_the_one_before_it_in_its_organisation(
    factory: Factory,
) -> None:
    first, second, third = chain(factory.home, 3)
    assert first.digest == seal("", first)
    assert second.digest == seal(first.digest, second)
    assert third.digest == seal(second.digest, third)
    assert len(third.digest) == 64 and len({first.digest, second.digest, third.digest}) == 3
    head = AuditChain.objects.get(organisation=factory.home)
    assert (head.head, head.last_entry_id) == (third.digest, third.pk)


def test_entries_recorded_together_are_sealed_one_onto_the_next_after_the_chain(
    factory: Factory,
) -> None:
    first = entry(factory.home)
    groups = [factory.group(name=f"Panel {n}") for n in range(3)]
    with transaction.atomic():
        together = record_each(
            actor=None,
            organisation=factory.home,
            done=[("group.renamed", g) for g in groups],
            fields=["name"],
        )
    after = entry(factory.home)

    saved = list(AuditEntry.objects.filter(pk__in=[e.pk for e in together]).order_by("id"))
    assert [e.object_id for e in saved] == [str(g.pk) for g in groups]
    previous = first.digest
    for one in saved:
        assert one.digest == seal(previous, one)
        previous = one.digest
    assert after.digest == seal(saved[-1].digest, after)
    assert "intact" in verify()


def test_entries_of_two_chains_are_not_recorded_together(factory: Factory) -> None:
    with transaction.atomic(), pytest.raises(ValueError, match="one chain at a time"):
        append_all([AuditEntry(organisation=factory.home), AuditEntry(organisation=factory.other)])


def test_entries_in_two_organisations_chain_separately(factory: Factory) -> None:
    home_first = entry(factory.home)
    other_first = entry(factory.other)
    home_second = entry(factory.home)
    nobody_first = entry(None)
    assert other_first.digest == seal("", other_first)
    assert home_second.digest == seal(home_first.digest, home_second)
    assert nobody_first.digest == seal("", nobody_first)
    assert AuditChain.objects.count() == 3
    assert verify_chain(factory.home.pk).entries == 2
    assert verify_chain(factory.other.pk).entries == 1
    assert verify_chain(None).entries == 1


def test_an_untouched_log_verifies_with_each_chain_counted(factory: Factory) -> None:
    chain(factory.home, 3)
    chain(factory.other, 2)
    chain(None, 1)
    output = verify()
    assert "Home Housing (home): 3 entries, intact." in output
    assert "Other Homes (other): 2 entries, intact." in output
    assert "Entries with no organisation: 1 entry, intact." in output
    assert "Every chain is intact: 3 chains, 6 entries." in output
    assert verify("--organisation", "other").splitlines() == [
        "Other Homes (other): 2 entries, intact.",
        "Every chain is intact: 1 chain, 2 entries.",
    ]


def test_an_entry_rewritten_behind_the_triggers_back_and_resealed_without_the_key_is_named(
    factory: Factory,
) -> None:
    entries = chain(factory.home, 5)
    chain(factory.other, 2)
    changed = entries[2]
    rewrite(changed, action="group.created")
    assert AuditEntry.objects.get(pk=changed.pk).action == "group.created"
    output = verify_fails()
    assert f"Home Housing (home): entry {changed.pk} does not match" in output
    assert "It says group.created, recorded" in output
    assert "the 2 entries before it match" in output
    assert "Other Homes (other): 2 entries, intact." in output
    verify_fails("--organisation", "home")
    verify("--organisation", "other")


def test_changing_who_acted_is_found_too(factory: Factory, officer: User) -> None:
    first, _second = chain(factory.home, 2)
    rewrite(first, actor=officer)
    assert f"entry {first.pk} does not match" in verify_fails()


def test_an_entry_removed_from_the_middle_is_found(factory: Factory) -> None:
    _first, removed, after, _last = chain(factory.home, 4)
    with triggers_dropped():
        AuditEntry.objects.filter(pk=removed.pk).delete()
    output = verify_fails()
    assert f"entry {after.pk} does not match: it was changed, or an entry before it" in output


def test_an_entry_removed_from_the_middle_and_the_rest_resealed_is_found(
    factory: Factory,
) -> None:
    _first, removed, after, _last = chain(factory.home, 4)
    with triggers_dropped():
        AuditEntry.objects.filter(pk=removed.pk).delete()
        reseal_from(after.pk, factory.home.pk)
    assert f"entry {after.pk} does not match" in verify_fails()


def test_entries_cut_from_the_end_are_found_by_the_head(factory: Factory) -> None:
    _first, second, cut = chain(factory.home, 3)
    with triggers_dropped():
        AuditEntry.objects.filter(pk=cut.pk).delete()
    output = verify_fails()
    assert f"the chain ends at entry {second.pk}, but its head is entry {cut.pk}" in output


def test_with_another_key_nothing_verifies(factory: Factory) -> None:
    first, _ = chain(factory.home, 2)
    with override_settings(AUDIT_KEY=WRONG_KEY.decode()):
        assert f"entry {first.pk} does not match" in verify_fails()
        with pytest.raises(CommandError, match="or AUDIT_KEY is not the key it was written"):
            call_command("audit", "verify", stdout=StringIO())


def test_erasing_a_persons_details_leaves_the_chain_intact(factory: Factory) -> None:
    person = factory.user(first_name="Ada", last_name="Lovelace", email="ada@example.org")
    entry(factory.home, actor=person)
    User.objects.filter(pk=person.pk).update(
        first_name="", last_name="", email=f"erased-{person.pk}@invalid", is_active=False
    )
    assert verify_chain(factory.home.pk).intact


def test_every_column_of_an_entry_is_hashed_or_deliberately_not() -> None:
    """A new column must be put on one side: hashed (it can never change), or not (for
    values that may be erased, which belong in a side table anyway)."""
    columns = {field.name for field in AuditEntry._meta.concrete_fields}
    assert columns == set(HASHED) | set(NOT_HASHED)
    assert set(HASHED) & set(NOT_HASHED) == set()


def test_verify_names_an_organisation_it_does_not_know(db: None) -> None:
    with pytest.raises(CommandError, match="No organisation has the slug nowhere"):
        call_command("audit", "verify", "--organisation", "nowhere")


def test_an_organisation_with_no_entries_verifies_empty(factory: Factory) -> None:
    factory.organisation(slug="quiet", name="Quiet Homes")
    assert (
        verify("--organisation", "quiet").splitlines()[0]
        == "Quiet Homes (quiet): 0 entries, intact."
    )
