"""One Django form per part of the code, built from the editor's catalogue.

A :class:`PartForm` draws each entry of a :class:`~panelkeeper.rules.policy.editing.
entries.Part` with GOV.UK components: a field as one control (or, for a duration or a
deadline, a figure with its unit and the event it runs from), a list of rows as
repeated fieldsets, a table of names as repeated titles. Rows are added with an "Add
another" button and removed with a "Remove" box, so the form needs no JavaScript:
adding posts the form back with one more empty row and saves nothing.

The form validates what a form can (whole numbers, a deadline of at least 1, what must
be filled in) and gives :meth:`PartForm.part_values` for the editor's ``with_values``;
the loader checks the whole text afterwards, and :meth:`PartForm.show_problems` puts each
of its problems on the field it concerns. Field names are the dotted keys with ``__`` for
dots, ``-<n>-`` for a row's position and ``-unit``, ``-from``, ``-target`` for a
duration's or deadline's other boxes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.utils import ErrorDict

from panelkeeper.accounts.models import User
from panelkeeper.organisations.part_fields import LISTS, controls, field_name, initial
from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.ladder.model import Anchor, Deadline
from panelkeeper.rules.policy.editing.document import (
    TOMLDocument,
    problem_target,
    values,
)
from panelkeeper.rules.policy.editing.entries import (
    ORIGIN,
    Entry,
    Field,
    Kind,
    Names,
    Part,
    Row,
    Rows,
    Value,
)
from panelkeeper.rules.policy.editing.form_words import form_message, missing_words
from panelkeeper.rules.policy.editing.writing import keyed_names, with_duties
from panelkeeper.rules.policy.problems import Problem as PolicyProblem

# More rows than any code has; a posted count above it is cut down to it.
MOST_ROWS = 60
STAFF_TITLES = "roles.staff"


@dataclass
class Slot:
    """What the template draws for one entry: its controls, or its rows."""

    entry: Entry
    prefix: str
    names: list[str] = field(default_factory=list)
    rows: list[RowSlot] = field(default_factory=list)
    bound: list[forms.BoundField] = field(default_factory=list)
    count: forms.BoundField | None = None

    @property
    def label(self) -> str:
        return self.entry.label

    @property
    def hint(self) -> str:
        return self.entry.hint

    @property
    def is_list(self) -> bool:
        return not isinstance(self.entry, Field)

    @property
    def item_label(self) -> str:
        return "" if isinstance(self.entry, Field) else self.entry.item_label

    @property
    def grouped(self) -> bool:
        """Whether its controls share a fieldset (a duration, a deadline)."""
        return len(self.names) > 1


@dataclass
class RowSlot:
    prefix: str
    number: int
    slots: list[Slot] = field(default_factory=list)
    hidden: list[forms.BoundField] = field(default_factory=list)
    remove: forms.BoundField | None = None
    holder: forms.BoundField | None = None
    duties: forms.BoundField | None = None
    added: bool = False


class PartForm(forms.Form):
    """The form of one part of a draft, its controls made from the part's entries.

    ``people`` (for the staff titles part) offers a holder for each title, starting from
    ``holders`` (title key to its current holder).
    """

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        part: Part,
        document: TOMLDocument,
        people: QuerySet[User] | None = None,
        holders: Mapping[str, User] | None = None,
    ) -> None:
        super().__init__(data)
        self.part = part
        self.document = document
        self.people = people
        self.holders = holders or {}
        self.adding = self.is_bound and bool(self.data.get("add"))
        current = values(document, part)
        self.slots = [self._slot(e, field_name(e.key), current.get(e.key)) for e in part.entries]
        self._bind(self.slots)
        if self.adding:
            # Adding a row shows the form again, saving nothing and finding no fault yet.
            self._errors = ErrorDict()

    # -- building ------------------------------------------------------------------

    def _slot(self, entry: Entry, prefix: str, value: Value) -> Slot:
        slot = Slot(entry, prefix)
        if isinstance(entry, Field):
            for name, control in controls(entry, prefix, self.document).items():
                self.fields[name] = control
                slot.names.append(name)
            self.initial.update(initial(entry, prefix, value))
            return slot
        existing = _listed(entry, value)
        count = len(existing)
        if self.is_bound:
            count = _count(self.data.get(f"{prefix}-count"), default=count)
            if self.data.get("add") == prefix:
                count = min(count + 1, MOST_ROWS)
        self.fields[f"{prefix}-count"] = forms.IntegerField(widget=forms.HiddenInput)
        self.initial[f"{prefix}-count"] = count
        for index in range(count):
            here = existing[index] if index < len(existing) else None
            slot.rows.append(self._row(entry, f"{prefix}-{index}", index, here))
        return slot

    def _row(self, entry: Rows | Names, prefix: str, index: int, here: Any) -> RowSlot:
        row = RowSlot(prefix, index + 1)
        origin = f"{prefix}-origin"
        self.fields[origin] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields[f"{prefix}-remove"] = forms.BooleanField(
            required=False, label=f"Remove this {entry.item_label}"
        )
        if isinstance(entry, Names):
            key, title = here if here is not None else ("", "")
            self.initial[origin] = key
            title_name = f"{prefix}-title"
            self.fields[title_name] = forms.CharField(
                required=False, label=f"{entry.item_label.capitalize()} {index + 1}", max_length=200
            )
            self.initial[title_name] = title
            title_field = Field("title", entry.item_label, Kind.TEXT)
            row.slots.append(Slot(title_field, title_name, [title_name]))
            if entry.key == STAFF_TITLES and self.people is not None:
                self.fields[f"{prefix}-holder"] = forms.ModelChoiceField(
                    queryset=self.people,
                    required=False,
                    label="Who holds it",
                    empty_label="Nobody yet",
                    error_messages={
                        "invalid_choice": "Choose one of this organisation's people, or "
                        "invite someone new from the role holders page"
                    },
                )
                self.initial[f"{prefix}-holder"] = self.holders.get(key)
            if entry.key == STAFF_TITLES and self.part.duties and (here is None or self.is_bound):
                # A title added here is used by nothing yet: it gets its duties with it.
                # (Shown on an added row; read from any row sent without a key.)
                row.added = here is None
                self.fields[f"{prefix}-duties"] = forms.MultipleChoiceField(
                    required=False,
                    label="What it does",
                    choices=[(duty.key, duty.duty) for duty in self.part.duties],
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={"invalid_choice": "Choose what it does from the list"},
                )
            return row
        self.initial[origin] = "" if here is None else here.get(ORIGIN, "")
        for inner in entry.fields:
            row.slots.append(
                self._slot(inner, f"{prefix}-{inner.key}", (here or {}).get(inner.key))
            )
        return row

    def _bind(self, slots: Sequence[Slot]) -> None:
        """Give each slot its bound fields, once every field exists."""
        for slot in slots:
            slot.bound = [self[name] for name in slot.names]
            if slot.is_list:
                slot.count = self[f"{slot.prefix}-count"]
            for row in slot.rows:
                row.hidden = [self[f"{row.prefix}-origin"]]
                row.remove = self[f"{row.prefix}-remove"]
                if f"{row.prefix}-holder" in self.fields:
                    row.holder = self[f"{row.prefix}-holder"]
                if row.added:
                    row.duties = self[f"{row.prefix}-duties"]
                self._bind(row.slots)

    # -- reading what was sent ----------------------------------------------------------

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._require(self.slots, in_row=False)
        return cleaned

    def _require(self, slots: Sequence[Slot], *, in_row: bool) -> None:
        """What a kept row must have. A setting outside rows is required only where its
        table is used at all, which the loader knows: it reports those."""
        for slot in slots:
            entry = slot.entry
            if isinstance(entry, Field):
                if in_row and entry.required and _empty(self._field_value(entry, slot.prefix)):
                    self.add_error(slot.names[0], missing_words(entry))
                elif entry.kind is Kind.DEADLINE and self._no_start(slot.prefix):
                    self.add_error(
                        f"{slot.prefix}-from", f"Choose what “{entry.label}” is counted from"
                    )
                continue
            kept = [row for row in slot.rows if not self._removed(row)]
            for row in kept:
                self._require(row.slots, in_row=True)
            if entry.required and not kept:
                self.add_error(
                    f"{slot.prefix}-count",
                    f"Keep at least one {entry.item_label}: “{entry.label}” cannot be empty",
                )

    def _no_start(self, name: str) -> bool:
        data = self.cleaned_data
        return data.get(name) is not None and not data.get(f"{name}-from")

    def _removed(self, row: RowSlot) -> bool:
        data = getattr(self, "cleaned_data", {})
        if data.get(f"{row.prefix}-remove"):
            return True
        # An added row left empty is not a row.
        return not data.get(f"{row.prefix}-origin") and all(
            _empty(self._slot_value(inner)) for inner in row.slots
        )

    def _field_value(self, entry: Field, name: str) -> Value:
        data = getattr(self, "cleaned_data", {})
        raw = data.get(name)
        kind = entry.kind
        if kind in (Kind.DURATION, Kind.DEADLINE):
            if raw is None:
                return None
            unit = data.get(f"{name}-unit") or Unit.WORKING_DAYS.value
            within = Duration(int(raw), Unit(unit))
            if kind is Kind.DURATION:
                return within
            start = data.get(f"{name}-from")
            if not start:
                return None
            return Deadline(within, Anchor(start), bool(data.get(f"{name}-target")))
        if kind is Kind.TEXTS:
            return tuple(line.strip() for line in str(raw or "").splitlines() if line.strip())
        if kind in LISTS:
            # Boxes come back in the order they are drawn; keep the order the file had.
            chosen = [str(v) for v in raw or ()]
            before = [str(v) for v in self.initial.get(name) or ()]
            kept = [v for v in before if v in chosen]
            return tuple(kept + [v for v in chosen if v not in kept])
        if kind is Kind.YES_NO:
            return bool(raw)
        if isinstance(raw, str):
            return raw.strip() or None
        return raw if isinstance(raw, (int, dt.date)) else None

    def _slot_value(self, slot: Slot) -> Value:
        entry = slot.entry
        if isinstance(entry, Field):
            return self._field_value(entry, slot.prefix)
        kept = [row for row in slot.rows if not self._removed(row)]
        if isinstance(entry, Names):
            data = self.cleaned_data
            return tuple(
                (self._name_key(row), str(data.get(row.slots[0].prefix) or "").strip())
                for row in kept
            )
        result: list[Row] = []
        for row in kept:
            origin = self._origin(row)
            values_of: Row = {ORIGIN: origin}
            for inner in row.slots:
                values_of[inner.entry.key] = self._slot_value(inner)
            result.append(values_of)
        return tuple(result)

    def _origin(self, row: RowSlot) -> int | None:
        raw = str(getattr(self, "cleaned_data", {}).get(f"{row.prefix}-origin") or "")
        return int(raw) if raw.isdigit() else None

    def _name_key(self, row: RowSlot) -> str:
        """The key of a posted name: one the document holds, or "" for a new name."""
        raw = str(getattr(self, "cleaned_data", {}).get(f"{row.prefix}-origin") or "")
        return raw if raw in self._known_names(row) else ""

    def _known_names(self, row: RowSlot) -> set[str]:
        entry_prefix = row.prefix.rsplit("-", 1)[0]
        for slot in self.slots:
            if slot.prefix == entry_prefix and isinstance(slot.entry, Names):
                named = values(self.document, self.part).get(slot.entry.key)
                return {key for key, _ in _listed(slot.entry, named)}
        return set()

    def part_values(self) -> dict[str, Value]:
        """The part's values as sent, for ``with_values``; only after ``is_valid()``.

        A staff title added on the form gets its key here, so that the duties ticked
        under it can name it in the same save."""
        found = {slot.entry.key: self._slot_value(slot) for slot in self.slots}
        keyed = self._staff_keys()
        if not keyed:
            return found
        found[STAFF_TITLES] = tuple((key, title) for _, key, title in keyed)
        duties = {
            key: [str(d) for d in self.cleaned_data.get(f"{row.prefix}-duties") or ()]
            for row, key, _ in keyed
            if key and not self._name_key(row)
        }
        return with_duties(self.part, found, duties)

    def _staff_keys(self) -> list[tuple[RowSlot, str, str]]:
        """Each kept staff title row with its key (made now for a new title) and title."""
        slot = next((s for s in self.slots if s.entry.key == STAFF_TITLES), None)
        if slot is None:
            return []
        data = getattr(self, "cleaned_data", {})
        kept = [row for row in slot.rows if not self._removed(row)]
        sent = [
            (self._name_key(row), str(data.get(row.slots[0].prefix) or "").strip()) for row in kept
        ]
        return [
            (row, key, title) for row, (key, title) in zip(kept, keyed_names(sent), strict=True)
        ]

    def chosen_holders(self) -> list[tuple[str, str, User]]:
        """(title key or "" for a new title, its title, person) for each title given a
        holder other than its current one."""
        chosen: list[tuple[str, str, User]] = []
        for slot in self.slots:
            for row in slot.rows:
                if row.holder is None or self._removed(row):
                    continue
                person = self.cleaned_data.get(f"{row.prefix}-holder")
                key = self._name_key(row)
                title = str(self.cleaned_data.get(f"{row.prefix}-title") or "").strip()
                if isinstance(person, User) and self.holders.get(key) != person:
                    chosen.append((key, title, person))
        return chosen

    # -- the loader's problems on the fields ------------------------------------------

    def show_problems(self, problems: Sequence[PolicyProblem]) -> list[PolicyProblem]:
        """Put each problem on the field it concerns, in a form user's words; return
        those that concern none (see :func:`form_message` to word them)."""
        elsewhere: list[PolicyProblem] = []
        for problem in problems:
            name = self._field_for(problem.key)
            if name is None:
                elsewhere.append(problem)
            else:
                self.add_error(name, form_message(problem, self.part))
        return elsewhere

    def _field_for(self, key: str) -> str | None:
        target = problem_target(self.part, key)
        if target is None:
            return None
        slot = next(s for s in self.slots if s.entry.key == target.entry)
        if not slot.is_list:
            return slot.names[0]
        kept = [row for row in slot.rows if not self._removed(row)]
        if target.name is not None:
            keys = {r.prefix: k for r, k, _ in self._staff_keys()}
            # A staff title added here is found by the key this save gives it.
            row = next(
                (r for r in kept if keys.get(r.prefix, self._name_key(r)) == target.name), None
            )
            if (
                row is not None
                and not self._name_key(row)
                and f"{row.prefix}-duties" in self.fields
            ):
                return f"{row.prefix}-duties"
        else:
            row = kept[target.row] if target.row is not None and target.row < len(kept) else None
        if row is None:
            return f"{slot.prefix}-count"
        inner = next((s for s in row.slots if s.entry.key == target.field), row.slots[0])
        return inner.names[0] if inner.names else f"{inner.prefix}-count"


def _listed(entry: Rows | Names, value: Value) -> list[Any]:
    return list(value) if isinstance(value, tuple) else []


def _count(raw: object, *, default: int) -> int:
    text = str(raw or "")
    return min(int(text), MOST_ROWS) if text.isdigit() else default


def _empty(value: Value) -> bool:
    return value is None or value == () or value == ""
