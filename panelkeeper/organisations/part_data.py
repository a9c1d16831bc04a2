"""A part of a draft as JSON for the API, and JSON values sent back as the part's form.

The API reads each entry's value as JSON (a duration as "10 working days", a deadline
as ``{"within", "from", "target"}``, a date as ISO, rows as objects keeping ``_from``,
names as ``{"key", "title"}``) and changes a part by sending some entries' values. A
staff title added (no key) may carry ``"duties"``: the keys of the part's settings naming
who does what (such as ``breach.investigated_by``) it takes on in the same save. Those
are turned into what the part's form posts, over what it holds now, and checked by the
same :class:`~.part_forms.PartForm` the page uses: the API validates exactly as the form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django import forms

from panelkeeper.lib.refusals import Problem, Refused
from panelkeeper.organisations.part_fields import field_name
from panelkeeper.organisations.part_forms import PartForm
from panelkeeper.rules.calendar.durations import Duration, parse_duration
from panelkeeper.rules.ladder.model import Deadline
from panelkeeper.rules.policy.editing.document import TOMLDocument
from panelkeeper.rules.policy.editing.entries import (
    ORIGIN,
    Entry,
    Field,
    Kind,
    Names,
    Part,
    Rows,
    Value,
)
from panelkeeper.rules.policy.editing.form_words import form_message
from panelkeeper.rules.policy.problems import Problem as PolicyProblem

type Json = str | int | bool | list[Any] | dict[str, Any] | None


def as_json(value: Value) -> Json:
    """``value`` as JSON: see the module's docstring."""
    if isinstance(value, Deadline):
        return {"within": str(value.within), "from": value.start.value, "target": value.target}
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_item(v) for v in value]
    return value


def _item(item: object) -> Json:
    if isinstance(item, dict):
        return {key: as_json(v) for key, v in item.items()}
    if isinstance(item, tuple):
        return {"key": item[0], "title": item[1]}
    # Lists of settings hold texts (keys of roles, levels, choices).
    return item if isinstance(item, (str, int, bool)) or item is None else str(item)


def posted(form: PartForm) -> dict[str, Any]:
    """What ``form`` (unbound) would post if nothing on it were changed, as a browser
    sends it: ticked boxes in the order they are drawn."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, list) and isinstance(field, forms.MultipleChoiceField):
            drawn = [str(box.data["value"]) for box in form[name].subwidgets]
            data[name] = [v for v in drawn if v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, dt.date):
            data.update({f"{name}_day": value.day, f"{name}_month": value.month})
            data[f"{name}_year"] = value.year
        elif value is not None:
            data[name] = getattr(value, "pk", value)
    return data


def form_for_json(*, part: Part, document: TOMLDocument, sent: Mapping[str, Json]) -> PartForm:
    """The part's form as if ``sent`` (entry key to JSON value) were typed over what the
    draft holds; an entry the part lacks, or a value of the wrong shape, is refused."""
    data = posted(PartForm(part=part, document=document))
    for key, value in sent.items():
        entry = part.entry(key)
        if entry is None:
            raise Refused(f"{part.title} has no setting called {key}.", field=key)
        prefix = field_name(key)
        for name in [n for n in data if n == prefix or n.startswith(f"{prefix}-")]:
            del data[name]
        for name in [n for n in data if n.startswith(f"{prefix}_")]:
            del data[name]
        _encode(entry, prefix, value, data, key)
    return PartForm(data, part=part, document=document)


def refusal_of(form: PartForm, *, elsewhere: Sequence[PolicyProblem] = ()) -> Refused:
    """The form's errors as one refusal, each problem at the key the API sent; then the
    loader's problems that concern no setting of the part, at their own keys."""
    problems = [
        Problem(str(message), api_key(name))
        for name, messages in form.errors.items()
        for message in messages
    ]
    problems += [Problem(form_message(p), p.key) for p in elsewhere]
    first = problems[0] if problems else Problem("Check the values sent.")
    return Refused(first.message, field=first.field, problems=problems)


def api_key(name: str) -> str:
    """A form field's name as the API's dotted key: ``breach__outcomes-0-levels`` is
    ``breach.outcomes[0].levels``."""
    parts = name.replace("__", ".").split("-")
    key = parts[0]
    for piece in parts[1:]:
        key += f"[{piece}]" if piece.isdigit() else f".{piece}"
    return key


def _shape(key: str, what: str) -> Refused:
    return Refused(f"Send {key} as {what}.", field=key)


def _objects(value: Json, key: str, what: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _shape(key, what)
    return value


def _encode(entry: Entry, name: str, value: Json, data: dict[str, Any], key: str) -> None:
    if isinstance(entry, Names):
        items = _objects(value, key, 'a list of {"key", "title"}')
        data[f"{name}-count"] = len(items)
        for index, item in enumerate(items):
            data[f"{name}-{index}-origin"] = str(item.get("key") or "")
            data[f"{name}-{index}-title"] = str(item.get("title") or "")
            duties = item.get("duties")
            if duties is None:
                continue
            where = f"{key}[{index}].duties"
            if item.get("key") or not isinstance(duties, list):
                raise _shape(where, "a list of settings' keys, for a title added without a key")
            data[f"{name}-{index}-duties"] = [str(d) for d in duties]
        return
    if isinstance(entry, Rows):
        rows = _objects(value, key, "a list of objects")
        data[f"{name}-count"] = len(rows)
        for index, row in enumerate(rows):
            prefix = f"{name}-{index}"
            origin = row.get(ORIGIN)
            data[f"{prefix}-origin"] = str(origin) if isinstance(origin, int) else ""
            for inner in entry.fields:
                if inner.key in row:
                    where = f"{key}[{index}].{inner.key}"
                    _encode(inner, f"{prefix}-{inner.key}", row[inner.key], data, where)
        return
    _encode_field(entry, name, value, data, key)


def _encode_field(field: Field, name: str, value: Json, data: dict[str, Any], key: str) -> None:
    if value is None:
        return
    kind = field.kind
    if kind is Kind.DEADLINE:
        if not isinstance(value, dict):
            raise _shape(key, 'an object with "within", "from" and "target"')
        _encode_duration(value.get("within"), name, data, key)
        data[f"{name}-from"] = str(value.get("from") or "")
        if value.get("target"):
            data[f"{name}-target"] = "on"
    elif kind is Kind.DURATION:
        _encode_duration(value, name, data, key)
    elif kind is Kind.YES_NO:
        if not isinstance(value, bool):
            raise _shape(key, "true or false")
        if value:
            data[name] = "on"
    elif kind is Kind.DATE:
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            raise _shape(key, "a date such as 2027-03-31") from None
        data.update({f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year})
    elif kind is Kind.TEXTS:
        if not isinstance(value, list):
            raise _shape(key, "a list of texts")
        data[name] = "\n".join(str(v) for v in value)
    elif isinstance(value, list):
        data[name] = [str(v) for v in value]
    else:
        data[name] = str(value)


def _encode_duration(value: Json, name: str, data: dict[str, Any], key: str) -> None:
    try:
        duration = parse_duration(str(value))
    except ValueError:
        raise _shape(key, "a duration such as “10 working days”") from None
    data[name] = duration.amount
    data[f"{name}-unit"] = duration.unit.value
