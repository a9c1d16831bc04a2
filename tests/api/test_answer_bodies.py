"""Every body the API answers with is an :class:`~panelkeeper.lib.api.Out`: built once, read
from a row's attributes in pydantic's own code, and taken as it is inside a larger body.

An answer on ninja's ``Schema`` would be read again, field by field through ninja's getter,
wherever it is put inside another (each row of a page), and its ``resolve_*`` methods would
hide values worked out where the answer is built."""

from __future__ import annotations

import typing
from typing import Any

from ninja import Schema
from ninja.constants import NOT_SET
from pydantic import BaseModel

from panelkeeper.api import api
from panelkeeper.cases.api.schemas import CasePageOut, CaseRowOut, EventOut
from panelkeeper.lib.api import Out, ProblemOut, RefusalOut

ON_NINJAS_SCHEMA: dict[type[BaseModel], str] = {}
"""Answers that must stay on ninja's ``Schema``, each with the reason: one that needs its
getter to list a manager or give a file's URL. None does; a value worked out is given when
the answer is built (:func:`panelkeeper.lib.api.out_of`)."""


def answers() -> dict[type[BaseModel], str]:
    """Each model an operation of the API may answer with, the models inside it included,
    with the first operation found that answers it."""
    found: dict[type[BaseModel], str] = {}

    def walk(annotation: Any, where: str) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in found:
                return
            found[annotation] = where
            for field in annotation.model_fields.values():
                walk(field.annotation, where)
        for inner in typing.get_args(annotation):
            walk(inner, where)

    for bound in api._get_bound_routers():
        for path_view in bound.path_operations.values():
            for operation in path_view.operations:
                for status, model in operation.response_models.items():
                    if model is not None and model is not NOT_SET:
                        where = f"{operation.view_func.__name__} ({status})"
                        walk(model.model_fields["response"].annotation, where)
    return found


def test_every_answer_of_the_api_is_an_out_and_not_a_ninja_schema() -> None:
    on_schema = sorted(
        f"{model.__module__}.{model.__qualname__}, answered by {where}"
        for model, where in answers().items()
        if (issubclass(model, Schema) or not issubclass(model, Out))
        and model not in ON_NINJAS_SCHEMA
    )
    assert on_schema == []


def test_no_answer_has_a_resolver_which_only_ninjas_schema_would_call() -> None:
    """A ``resolve_*`` method on an ``Out`` would be passed over, and its field read from
    the row's attribute of that name instead."""
    resolving = sorted(
        f"{model.__module__}.{model.__qualname__}.{name}"
        for model in answers()
        if model not in ON_NINJAS_SCHEMA
        for name in dir(model)
        if name.startswith("resolve_")
    )
    assert resolving == []


def test_the_answers_include_those_inside_others_and_the_refusal() -> None:
    found = answers()
    assert len(found) > 100
    assert {CasePageOut, CaseRowOut, EventOut, RefusalOut, ProblemOut} <= set(found)
    assert all(issubclass(model, Schema) for model in ON_NINJAS_SCHEMA)
    assert set(ON_NINJAS_SCHEMA) <= set(found)
