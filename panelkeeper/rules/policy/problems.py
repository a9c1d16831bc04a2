"""Problems found in a code-of-conduct file, and the typed reader that finds them.

Every section parser reads its part of the parsed TOML through a :class:`Table`.
Reading never raises: a wrong type, a bad value, a missing key or an unknown key is
recorded as one :class:`Problem` at its dotted key, with a message saying what to write
instead, and parsing carries on. A file with N mistakes therefore yields N problems,
all reported at once (DESIGN "A code of conduct as data").
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from panelkeeper.rules.calendar.durations import Duration, parse_duration


class ProblemCode(StrEnum):
    """What kind of mistake a problem is, so that its words can suit who reads them.

    A problem's ``message`` is in a file's words ("Add levels = [...]"); the code
    editor's forms choose their own from the code and the field the problem is on
    (:func:`panelkeeper.rules.policy.editing.form_words.form_message`).
    """

    OTHER = "other"
    MISSING = "missing"  # a required setting is absent
    MISSING_TABLE = "missing table"  # a required table is absent
    EMPTY = "empty"  # a required text is blank
    TOO_SMALL = "too small"  # a whole number below its least
    UNUSED_TITLE = "unused title"  # a staff title nothing names
    UNKNOWN_ROLE = "unknown role"  # a role key no title or member role has


@dataclass(frozen=True)
class Problem:
    """One mistake in a file: where it is and what to write instead.

    ``on_form`` is what to do on a form, where the file's words would not serve and
    the code alone cannot say it ("" when ``message`` serves both).
    """

    source: str
    key: str
    message: str
    code: ProblemCode = ProblemCode.OTHER
    on_form: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.key}: {self.message}"


class Problems:
    """Collects the problems of one file, in the order they are found."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._items: list[Problem] = []

    def add(
        self, key: str, message: str, *, code: ProblemCode = ProblemCode.OTHER, on_form: str = ""
    ) -> None:
        self._items.append(Problem(self.source, key, message, code, on_form))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def as_tuple(self) -> tuple[Problem, ...]:
        return tuple(self._items)


class PolicyError(Exception):
    """Raised by a loader when a file has one or more problems; carries all of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the code of conduct"
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))


def join_key(prefix: str, key: str) -> str:
    """The dotted key of ``key`` inside the table at ``prefix``."""
    return f"{prefix}.{key}" if prefix else key


def _type_name(value: object) -> str:
    names: dict[type, str] = {
        str: "text",
        bool: "true or false",
        int: "a whole number",
        float: "a decimal number",
        list: "a list",
        dt.date: "a date",
        dt.datetime: "a date and time",
        dict: "a table",
    }
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return type(value).__name__


# What each kind of list item must be, and what to write instead of a wrong one.


def _as_date(value: object) -> dt.date | None:
    """``value`` if it is a TOML date with no time of day."""
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def _not_a_date(value: object) -> str:
    return f"Write a date without quotes, such as 2026-12-24, not {_type_name(value)}."


def _as_int(value: object) -> int | None:
    # bool is a subclass of int: a whole number must not accept true/false.
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _not_an_int(value: object) -> str:
    return f"Write a whole number, not {_type_name(value)}."


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _not_a_str(value: object) -> str:
    return f'Write text in quotes, such as "...", not {_type_name(value)}.'


def _not_allowed(text: str, options: Sequence[str]) -> str:
    listed = ", ".join(f'"{o}"' for o in options)
    return f'"{text}" is not allowed here. Write one of {listed}.' + suggestion(text, options)


def suggestion(word: str, known: Sequence[str]) -> str:
    """' Did you mean "x"?' for the closest known word, or an empty string."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f' Did you mean "{close[0]}"?' if close else ""


class Table:
    """A typed, problem-collecting view of one TOML table at a dotted ``prefix``.

    Each reader records the key it reads as known, so :meth:`finish` can report every
    other key as unknown. A required reader returns ``None`` after reporting a problem;
    an optional reader returns its default when the key is absent or wrong.
    """

    def __init__(self, data: Mapping[str, object], prefix: str, problems: Problems) -> None:
        self.data = data
        self.prefix = prefix
        self.problems = problems
        self._known: list[str] = []

    # -- plumbing -------------------------------------------------------------

    def key(self, name: str) -> str:
        """The dotted key of ``name`` in this table."""
        return join_key(self.prefix, name)

    def problem(
        self, name: str, message: str, *, code: ProblemCode = ProblemCode.OTHER, on_form: str = ""
    ) -> None:
        """Report a problem at ``name`` in this table (``""`` for the table itself)."""
        key = self.key(name) if name else self.prefix or "(top level)"
        self.problems.add(key, message, code=code, on_form=on_form)

    def has(self, name: str) -> bool:
        self._mark(name)
        return name in self.data

    def _mark(self, name: str) -> None:
        if name not in self._known:
            self._known.append(name)

    def _get(self, name: str, required: bool, what: str) -> object | None:
        self._mark(name)
        if name not in self.data:
            if required:
                self.problem(
                    name, f"This is missing. Add {name} = {what}.", code=ProblemCode.MISSING
                )
            return None
        return self.data[name]

    def _typed[T](
        self, name: str, required: bool, kind: type[T], what: str, example: str
    ) -> T | None:
        value = self._get(name, required, example)
        if value is None:
            return None
        # bool is a subclass of int: a number field must not accept true/false.
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        self.problem(name, f"Write {what}, such as {example}, not {_type_name(value)}.")
        return None

    # -- scalars --------------------------------------------------------------

    def required_str(self, name: str, *, example: str = '"..."') -> str | None:
        value = self._typed(name, True, str, "text in quotes", example)
        if value is not None and not value.strip():
            self.problem(
                name,
                f"This is empty. Write text in quotes, such as {example}.",
                code=ProblemCode.EMPTY,
            )
            return None
        return value

    def optional_str(self, name: str, default: str | None = None) -> str | None:
        value = self._typed(name, False, str, "text in quotes", '"..."')
        return default if value is None else value

    def required_int(self, name: str, *, minimum: int | None = None) -> int | None:
        return self._check_min(name, self._typed(name, True, int, "a whole number", "2"), minimum)

    def optional_int(
        self, name: str, default: int | None = None, *, minimum: int | None = None
    ) -> int | None:
        value = self._check_min(name, self._typed(name, False, int, "a whole number", "2"), minimum)
        return default if value is None else value

    def _check_min(self, name: str, value: int | None, minimum: int | None) -> int | None:
        if value is not None and minimum is not None and value < minimum:
            self.problem(
                name,
                f"Write a whole number of at least {minimum}, not {value}.",
                code=ProblemCode.TOO_SMALL,
                on_form=f"Enter {minimum} or more.",
            )
            return None
        return value

    def required_bool(self, name: str) -> bool | None:
        return self._typed(name, True, bool, "true or false", "true")

    def optional_bool(self, name: str, default: bool) -> bool:
        value = self._typed(name, False, bool, "true or false", "true")
        return default if value is None else value

    def _duration(self, name: str, required: bool) -> Duration | None:
        text = self._typed(name, required, str, "a duration in quotes", '"10 working days"')
        if text is None:
            return None
        try:
            return parse_duration(text)
        except ValueError as error:
            self.problem(name, str(error))
            return None

    def required_duration(self, name: str) -> Duration | None:
        return self._duration(name, True)

    def optional_duration(self, name: str) -> Duration | None:
        return self._duration(name, False)

    def _choice[E: StrEnum](self, name: str, required: bool, kind: type[E]) -> E | None:
        options = [str(member.value) for member in kind]
        listed = ", ".join(f'"{o}"' for o in options)
        text = self._typed(name, required, str, f"one of {listed}", f'"{options[0]}"')
        if text is None:
            return None
        if text in options:
            return kind(text)
        self.problem(name, _not_allowed(text, options))
        return None

    def required_choice[E: StrEnum](self, name: str, kind: type[E]) -> E | None:
        """One member of the string enum ``kind``, written as its value."""
        return self._choice(name, True, kind)

    def optional_choice[E: StrEnum](self, name: str, kind: type[E], default: E) -> E:
        value = self._choice(name, False, kind)
        return default if value is None else value

    def optional_date(self, name: str) -> dt.date | None:
        """A TOML date such as 2026-12-24 (no quotes, no time of day)."""
        value = self._get(name, False, "2026-12-24")
        if value is None:
            return None
        date = _as_date(value)
        if date is None:
            self.problem(name, _not_a_date(value))
        return date

    # -- lists and sub-tables -------------------------------------------------

    def list_items[V, T](
        self,
        name: str,
        items: Iterable[V],
        *,
        read: Callable[[V], T | None],
        complaint: Callable[[V], str],
    ) -> tuple[T, ...]:
        """What ``read`` makes of each of ``items``, the list at ``name``, in order.

        An item ``read`` refuses (returns ``None`` for) is left out and reported at
        ``name[index]`` with ``complaint(item)``; the others are still read.
        """
        result: list[T] = []
        for index, item in enumerate(items):
            value = read(item)
            if value is None:
                self.problems.add(f"{self.key(name)}[{index}]", complaint(item))
            else:
                result.append(value)
        return tuple(result)

    def date_list(self, name: str) -> tuple[dt.date, ...]:
        """A list of TOML dates; absent gives ``()``."""
        value = self._typed(name, False, list, "a list of dates", "[2026-12-24, 2026-12-31]")
        return self.list_items(name, value or (), read=_as_date, complaint=_not_a_date)

    def int_list(self, name: str) -> tuple[int, ...]:
        """A list of whole numbers; absent gives ``()``."""
        value = self._typed(name, False, list, "a list of whole numbers", "[1, 2]")
        return self.list_items(name, value or (), read=_as_int, complaint=_not_an_int)

    def choice_list[E: StrEnum](self, name: str, kind: type[E]) -> tuple[E, ...]:
        """A list of members of the string enum ``kind``; absent gives ``()``."""
        options = [str(member.value) for member in kind]
        return self.list_items(
            name,
            self.str_list(name),
            read=lambda text: kind(text) if text in options else None,
            complaint=lambda text: _not_allowed(text, options),
        )

    def str_list(self, name: str, *, required: bool = False) -> tuple[str, ...]:
        """A list of text; absent gives ``()`` (a problem too when ``required``)."""
        value = self._typed(name, required, list, "a list of text", '["...", "..."]')
        return self.list_items(name, value or (), read=_as_str, complaint=_not_a_str)

    def _table(self, name: str, required: bool) -> Table | None:
        if required and name not in self.data:
            self._mark(name)
            self.problem(
                name,
                f"This table is missing. Add a [{self.key(name)}] table.",
                code=ProblemCode.MISSING_TABLE,
            )
            return None
        value = self._typed(name, False, dict, "a table", f"[{self.key(name)}]")
        if value is None:
            return None
        return Table(value, self.key(name), self.problems)

    def required_table(self, name: str) -> Table | None:
        return self._table(name, True)

    def optional_table(self, name: str) -> Table | None:
        return self._table(name, False)

    def table_list(self, name: str, *, required: bool = False) -> tuple[Table, ...]:
        """A list of tables (``[[name]]`` or ``name = [{...}, ...]``), each at ``name[i]``."""
        value = self._typed(name, required, list, "a list of tables", f"[[{self.key(name)}]]")
        if value is None:
            return ()
        tables: list[Table] = []
        for index, item in enumerate(value):
            key = f"{self.key(name)}[{index}]"
            if isinstance(item, dict):
                tables.append(Table(item, key, self.problems))
            else:
                self.problems.add(key, f"Write a table, such as {{ ... }}, not {_type_name(item)}.")
        return tuple(tables)

    def table_map(self, name: str, *, required: bool = False) -> tuple[tuple[str, Table], ...]:
        """A table whose keys are names chosen by the file, each holding a table."""
        outer = self._table(name, required)
        if outer is None:
            return ()
        return outer.named_tables()

    def named_tables(self) -> tuple[tuple[str, Table], ...]:
        """Every key of this table as a sub-table; all keys count as known."""
        result: list[tuple[str, Table]] = []
        for name in list(self.data):
            table = self._table(name, True)
            if table is not None:
                result.append((name, table))
        return tuple(result)

    def finish(self) -> None:
        """Report every key this table holds that no reader asked for."""
        for name in self.data:
            if name not in self._known:
                self.problem(
                    name,
                    f'"{name}" is not a setting here. Remove it or correct its name.'
                    + suggestion(name, self._known),
                )
