"""The code editor's catalogue against the schema the loader reads (issue 16).

Every key a form writes is a key the loader reads, and every key the loader reads is on
a form or on the catalogue's list of keys landlords do not change, with its reason: so
the forms cannot fall behind the schema. Every fixed vocabulary offers exactly the
values the loader accepts, and every default is what an absent key means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum

import pytest
import tomlkit

from panelkeeper.rules.calendar.durations import Unit
from panelkeeper.rules.ladder.model import (
    Anchor,
    AppealScope,
    Effect,
    EscalationMode,
    Opening,
    Party,
    Raiser,
    Requirement,
)
from panelkeeper.rules.policy import loader
from panelkeeper.rules.policy.clauses import clauses
from panelkeeper.rules.policy.editing import words
from panelkeeper.rules.policy.editing.catalogue import FIXED_KEYS, PARTS, part
from panelkeeper.rules.policy.editing.entries import Field, Kind, Names, Rows
from panelkeeper.rules.policy.presets import PRESETS, preset_text
from panelkeeper.rules.policy.problems import Table
from panelkeeper.rules.policy.sections import (
    ApologiesFor,
    ChairBy,
    DecisionMaking,
    Disclose,
    GiftsDeclared,
    GiftsDiscussed,
    OnConflict,
)
from tests.rules.copying import copied_runs
from tests.rules.golden import plain

# A document with every table and list the loader reads, so that it asks for every key.
EVERY_TABLE = """
[breach.group]
seats = [{ role = "chair" }]
[attendance.consecutive_absences]
limit = 2
[governance]
[calendar]
[[not_modelled]]
rule = "MEM-1"
"""


def _read_keys(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every dotted key the loader asks for while reading the presets, rows as ``[]``."""
    asked: set[str] = set()
    mark = Table._mark

    def recording(table: Table, name: str) -> None:
        asked.add(re.sub(r"\[\d+\]", "[]", table.key(name)))
        mark(table, name)

    monkeypatch.setattr(Table, "_mark", recording)
    for slug in PRESETS:
        document = tomlkit.parse(preset_text(slug))
        extra = tomlkit.parse(EVERY_TABLE).unwrap()
        for name, table in extra.items():
            merged = document.setdefault(name, {})
            if isinstance(table, dict):
                for inner, value in table.items():
                    merged.setdefault(inner, value)
            else:
                document[name] = table
        loader.check_policy(tomlkit.dumps(document), source=f"{slug}.toml")
    return asked


def _entry_keys(entry: Field | Rows | Names, prefix: str = "") -> Iterator[str]:
    key = f"{prefix}{entry.key}"
    yield key
    if isinstance(entry, Rows):
        if entry.key_field:
            yield f"{key}[].{entry.key_field}"
        for field in entry.fields:
            yield from _entry_keys(field, f"{key}[].")
    if isinstance(entry, Names):
        yield f"{key}.*"
    if isinstance(entry, Field) and entry.kind is Kind.DEADLINE:
        yield from (f"{key}.{inner}" for inner in ("within", "from", "target"))


def _catalogue_keys() -> set[str]:
    return {k for p in PARTS for e in p.entries for k in _entry_keys(e)}


def _fixed(key: str) -> bool:
    last = key.rsplit(".", 1)[-1]
    first = key.split(".")[0].removesuffix("[]")
    holds_fixed = any(fixed.startswith(f"{key}.") for fixed in FIXED_KEYS)
    return key in FIXED_KEYS or last in FIXED_KEYS or first in FIXED_KEYS or holds_fixed


def _tables(keys: set[str]) -> set[str]:
    """The tables that hold the keys: ``breach``, ``breach.appeal``, ``breach.levels[]``..."""
    result: set[str] = set()
    for key in keys:
        parts = key.split(".")
        for end in range(1, len(parts)):
            table = ".".join(parts[:end])
            result.add(table)
            result.add(table.removesuffix("[]"))
    return result


def test_every_key_on_a_form_is_a_key_the_loader_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _read_keys(monkeypatch)
    names = {k for k in _catalogue_keys() if k.endswith(".*")}
    assert _catalogue_keys() - names - read == set()


def test_every_key_the_loader_reads_is_on_a_form_or_fixed_with_a_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalogue = _catalogue_keys()
    by_names = tuple(k.removesuffix("*") for k in catalogue if k.endswith(".*"))
    missing = {
        key
        for key in _read_keys(monkeypatch)
        if key not in catalogue
        and not _fixed(key)
        and not key.startswith(by_names)
        and key not in _tables(catalogue)
    }
    assert missing == set()


def test_the_fixed_keys_each_give_a_reason_in_a_sentence() -> None:
    assert set(FIXED_KEYS) == {
        "code.slug",
        "rules",
        "adopted",
        "calendar",
        "interpretations.relies_on",
        "not_modelled",
    }
    for reason in FIXED_KEYS.values():
        assert reason[0].isupper()
        assert reason.endswith(".")


@pytest.mark.parametrize(
    ("choices", "kind"),
    [
        (words.ANCHORS, Anchor),
        (words.PARTIES, Party),
        (words.RAISERS, Raiser),
        (words.EFFECTS, Effect),
        (words.OPENINGS, Opening),
        (words.REQUIREMENTS, Requirement),
        (words.ESCALATION_MODES, EscalationMode),
        (words.APPEAL_SCOPES, AppealScope),
        (words.APOLOGIES_FOR, ApologiesFor),
        (words.DECISIONS, DecisionMaking),
        (words.CHAIR_BY, ChairBy),
        (words.DISCLOSE, Disclose),
        (words.ON_CONFLICT, OnConflict),
        (words.GIFTS_DECLARED, GiftsDeclared),
        (words.GIFTS_DISCUSSED, GiftsDiscussed),
        (words.UNITS, Unit),
    ],
)
def test_each_vocabulary_offers_exactly_the_values_the_loader_accepts(
    choices: tuple[tuple[str, str], ...], kind: type[StrEnum]
) -> None:
    assert [value for value, _ in choices] == [member.value for member in kind]
    for _, label in choices:
        assert label[0].isupper() or kind is Unit
        assert "_" not in label


def test_an_informal_step_offers_only_the_effects_that_neither_suspend_nor_end_membership() -> None:
    assert [v for v, _ in words.INFORMAL_EFFECTS] == [
        "none",
        "reminder",
        "guidance",
        "warning",
        "training",
    ]


def test_the_words_of_anchors_parties_and_raisers_are_the_rules_own_with_a_capital() -> None:
    assert dict(words.ANCHORS)["notice_received"] == (
        "The member receives written notice of the decision"
    )
    assert dict(words.PARTIES)["reporter"] == "Whoever raised the breach"
    assert dict(words.RAISERS)["board_member"] == "Board members"
    assert dict(words.UNITS)["days"] == "calendar days"


def _fields(entries: tuple[Field | Rows | Names, ...]) -> Iterator[tuple[str, Field]]:
    for entry in entries:
        if isinstance(entry, Rows):
            for key, field in _fields(entry.fields):
                yield f"{entry.key}[0].{key}", field
        elif isinstance(entry, Field):
            yield entry.key, entry


DEFAULTED = sorted(
    {(k, f) for p in PARTS for k, f in _fields(p.entries) if f.default is not None},
    key=lambda pair: pair[0],
)


def _set_at(document: tomlkit.TOMLDocument, key: str, value: object) -> bool:
    """Set (or with ``value`` None, remove) ``key``; False when its table is absent."""
    table: object = document
    *path, name = key.split(".")
    for step in path:
        match = re.fullmatch(r"(\w+)\[0\]", step)
        inner = table.get(match.group(1) if match else step) if isinstance(table, dict) else None
        if match and isinstance(inner, list) and inner:
            inner = inner[0]
        if not isinstance(inner, dict):
            return False
        table = inner
    assert isinstance(table, dict)
    if value is None:
        table.pop(name, None)
    else:
        table[name] = value
    return True


@pytest.mark.parametrize(("key", "field"), DEFAULTED, ids=[k for k, _ in DEFAULTED])
def test_a_default_on_a_form_is_what_the_loader_reads_for_an_absent_key(
    key: str, field: Field
) -> None:
    for slug in PRESETS:
        absent = tomlkit.parse(preset_text(slug))
        written = tomlkit.parse(preset_text(slug))
        value = field.default
        text = str(value) if not isinstance(value, (bool, int, tuple)) else value
        if not _set_at(absent, key, None):
            continue
        _set_at(written, key, list(text) if isinstance(text, tuple) else text)
        try:
            with_default = loader.load_policy(tomlkit.dumps(written), source="x")
        except loader.PolicyError:
            continue  # an explicit switch must cite its rule; the absent one need not
        assert plain(loader.load_policy(tomlkit.dumps(absent), source="x")) == plain(with_default)
        return  # one preset with the table is proof enough
    pytest.fail(f"No preset has the table of {key}.")


def _wording() -> Iterator[str]:
    for p in PARTS:
        yield p.title
        yield p.says
        for entry in p.entries:
            yield from _entry_words(entry)


def _entry_words(entry: Field | Rows | Names) -> Iterator[str]:
    yield entry.label
    if isinstance(entry, Rows):
        yield entry.item_label
        for field in entry.fields:
            yield from _entry_words(field)
    elif isinstance(entry, Names):
        yield entry.item_label
    else:
        yield entry.hint
        yield from (label for _, label in entry.choices)


def test_no_wording_on_the_forms_shows_a_machine_name() -> None:
    snake = [w for w in _wording() if re.search(r"[a-z]_[a-z]", w)]
    assert snake == []


def test_no_wording_on_the_forms_copies_a_sentence_from_the_source_codes() -> None:
    assert copied_runs("\n".join(_wording())) == []


def test_every_part_names_rule_ids_that_exist_and_says_what_it_governs_in_a_sentence() -> None:
    known = clauses()
    for p in PARTS:
        assert all(rule in known for rule in p.rules), p.slug
        assert p.says.endswith(".")
        assert p.title[0].isupper()


def test_parts_are_found_by_their_slug_in_the_rulebook_order() -> None:
    assert [p.slug for p in PARTS] == [
        "names",
        "titles",
        "governance",
        "documents",
        "membership",
        "attendance",
        "meetings",
        "interests",
        "confidentiality",
        "gifts",
        "conduct",
        "raising",
        "informal",
        "levels",
        "group",
        "outcomes",
        "deadlines",
        "appeals",
    ]
    assert part("appeals").title == "Appeals"
    with pytest.raises(KeyError):
        part("nothing")
