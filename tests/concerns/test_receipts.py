"""Receipt codes: readable, at least 60 bits, stored only as a keyed hash."""

from __future__ import annotations

import hashlib
import math

import pytest
from django.test import override_settings

from panelkeeper.concerns import receipts


def test_a_code_carries_at_least_60_bits_in_a_readable_grouped_alphabet() -> None:
    code = receipts.new_code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    assert all(c in receipts.ALPHABET for c in "".join(groups))
    assert len(receipts.ALPHABET) == 32 and not set("ILOU") & set(receipts.ALPHABET)
    assert len("".join(groups)) * math.log2(len(receipts.ALPHABET)) >= 60


def test_codes_do_not_repeat() -> None:
    assert len({receipts.new_code() for _ in range(2000)}) == 2000


def test_typing_is_forgiving_about_case_spaces_hyphens_and_look_alikes() -> None:
    code = "7KQ2-M9XD-4TPB-HC30"
    assert receipts.normalise(" 7kq2 m9xd 4tpb hc3o ") == "7KQ2M9XD4TPBHC30"
    assert receipts.digest("7kq2m9xd4tpbhc3O") == receipts.digest(code)
    assert receipts.normalise("7KQ2-M9XD-4TPB-HC3I") == receipts.normalise("7KQ2M9XD4TPBHC31")


@pytest.mark.parametrize("typed", ["", "7KQ2", "7KQ2-M9XD-4TPB-HC3U", "7KQ2-M9XD-4TPB-HC30-X"])
def test_what_cannot_be_a_code_normalises_to_nothing(typed: str) -> None:
    assert receipts.normalise(typed) is None
    assert not receipts.matches(typed, "0" * 64)


def test_the_digest_is_keyed_not_a_plain_hash_of_the_code() -> None:
    code = receipts.new_code()
    bare = code.replace("-", "")
    stored = receipts.digest(code)
    plain = {
        getattr(hashlib, name)(form.encode()).hexdigest()
        for name in ("sha256", "sha1", "md5")
        for form in (code, bare, code.lower(), bare.lower())
    }
    assert stored not in plain
    assert receipts.matches(code, stored)


def test_the_digest_changes_with_the_secret_key() -> None:
    code = receipts.new_code()
    with override_settings(SECRET_KEY="a" * 60):
        first = receipts.digest(code)
    with override_settings(SECRET_KEY="b" * 60):
        second = receipts.digest(code)
    assert first != second
