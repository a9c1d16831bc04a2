"""The API's plumbing, shared by every app's operations: declaring an operation for its
audience, the one refusal body, reading a JSON body after the access policy has passed,
giving a row as an output schema, and paging a list.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Protocol, cast

from django import forms
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from panelkeeper.lib.inputs import check_sent
from panelkeeper.lib.refusals import Problem, Refused


class Out(BaseModel):
    """The base of every response body: a plain pydantic model, reading a row's attributes
    (``from_attributes``) in pydantic's own compiled code.

    Ninja's :class:`~ninja.Schema` (which request bodies and queries keep) wraps whatever
    it validates in a getter that reads each field in Python, to call ``resolve_*``
    methods, list a manager, call a method or give a file's URL; and so it reads again,
    field by field, every body already built that is put inside another (each row of a
    page). A body of ours needs none of that: what a row does not hold as a plain attribute
    (a value worked out, a related manager's rows) is given when the body is built
    (:func:`out_of`), and a body built once is taken as it is inside another. The OpenAPI
    document is the same for either base.
    """

    model_config = ConfigDict(from_attributes=True)


class ProblemOut(Out):
    """One of several problems: what to do, the field as sent, and the line of a file
    sent as text (such as a CSV), counting the header as line 1."""

    detail: str
    field: str | None = None
    line: int | None = None


class RefusalOut(Out):
    """Every refusal the API gives: what to do, the rule it names, the field as sent."""

    detail: str
    rule: str | None = None
    field: str | None = None
    problems: list[ProblemOut] = []


REFUSED: dict[int, type[Out]] = {422: RefusalOut}
"""The refusal an operation may answer, for its ``response=`` mapping: ``{201: X, **REFUSED}``.

An operation raises :class:`Refused` (or lets a domain function raise it); the API's one
exception handler (:mod:`panelkeeper.api`) answers 422 with :func:`refusal_out`."""

ERRORS_ANYONE: dict[int, type[Out]] = {404: RefusalOut, 422: RefusalOut}
"""The errors every operation documents: 404 for a record (or organisation) that does not
exist or is not the caller's, 422 for a refusal or a value that does not validate."""

ERRORS_SIGNED_IN: dict[int, type[Out]] = {401: RefusalOut, 403: RefusalOut, **ERRORS_ANYONE}
"""The errors of an operation that needs a token or a session: also 401 without either,
and 403 where the caller's role does not allow it."""


def refusal_out(refused: Refused) -> RefusalOut:
    """The body of the answer to a refused change."""
    return RefusalOut(
        detail=refused.message,
        rule=refused.rule,
        field=refused.field,
        problems=[
            ProblemOut(detail=p.message, field=p.field, line=p.line) for p in refused.problems
        ],
    )


def refusal(refused: Refused, *, status: int = 422) -> Status[RefusalOut]:
    """The response to a refused change, where an operation answers with another status."""
    return Status(status, refusal_out(refused))


def out_of[S: Out](schema: type[S], row: object, **given: Any) -> S:
    """``row`` as ``schema``: each field from ``row``'s attribute of the same name, except
    those ``given`` (a value worked out, or named differently on the row)."""
    return schema.model_validate(values_of(schema, row, **given))


def values_of(schema: type[Out], row: object, **given: Any) -> dict[str, Any]:
    """What :func:`out_of` validates: for a list of rows that a larger body validates
    with everything else it holds."""
    read = {name: getattr(row, name) for name in schema.model_fields if name not in given}
    return {**read, **given}


def read_body[S: Schema](request: HttpRequest, schema: type[S]) -> S:
    """The JSON body as ``schema``, read only after the access policy has passed.

    A body that is not JSON raises :class:`BadRequest` (400); one that is JSON but not
    like ``schema`` is refused (422) with one problem per field, each named as it was
    sent, as is one holding what no form accepts (:func:`panelkeeper.lib.inputs.check_sent`,
    with the limits of the form fields the schema names in ``form_fields``)."""
    try:
        data = schema.model_validate_json(request.body or b"{}")
    except PydanticValidationError as error:
        if any(e["type"] == "json_invalid" for e in error.errors()):
            raise BadRequest("Send the body as JSON, like the example in the docs.") from None
        raise invalid(error.errors(), skip=0) from None
    check_sent(data, field="", limits=getattr(schema, "form_fields", None))
    return data


def sent_name(location: Sequence[Any]) -> str | None:
    """A field's name as the caller sent it: ``clauses[0]``, ``reporter.name``."""
    name = ""
    for part in location:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or None


def _problem(error: Mapping[str, Any], *, skip: int) -> Problem:
    field = sent_name(error["loc"][skip:])
    named = field or "the body"
    kind = error.get("type", "")
    if kind == "missing":
        return Problem(f"Send {named}.", field)
    if kind in {"enum", "literal_error"}:
        allowed = error.get("ctx", {}).get("expected", "")
        return Problem(f"Send {named} as one of {allowed}.", field)
    return Problem(f"Correct {named}: {error['msg']}.", field)


def invalid(errors: Sequence[Mapping[str, Any]], *, skip: int) -> Refused:
    """The refusal of input that does not validate, from pydantic's or ninja's ``errors``
    (whose locations start with ``skip`` parts that are not the caller's names)."""
    problems = [_problem(error, skip=skip) for error in errors]
    first = problems[0] if problems else Problem("Send a JSON body like the example in the docs.")
    if len(problems) == 1:
        return Refused(first.message, field=first.field)
    named = ", ".join(dict.fromkeys(p.field or "the body" for p in problems))
    return Refused(
        f"Correct the {len(problems)} problems listed ({named}).",
        field=first.field,
        problems=problems,
    )


def sent_as(body: type[Schema], field: str | None) -> str | None:
    """``field`` of a domain function as ``body`` names it: its ``SENT_AS`` mapping, or the
    field itself, or its id or ids (``member`` is sent as ``member_id``, ``given_by_users``
    as ``given_by_user_ids``)."""
    if field is None:
        return None
    renamed: Mapping[str, str] = getattr(body, "SENT_AS", {})
    if field in renamed:
        return renamed[field]
    sent = body.model_fields
    ids = f"{field.removesuffix('s')}_ids"
    return next((name for name in (field, f"{field}_id", ids) if name in sent), field)


@contextmanager
def named_as_sent(body: type[Schema]) -> Iterator[None]:
    """Refusals raised inside name their fields as the caller sent them in ``body``."""
    try:
        yield
    except Refused as refused:
        refused.field = sent_as(body, refused.field)
        refused.problems = tuple(
            replace(problem, field=sent_as(body, problem.field)) for problem in refused.problems
        )
        raise


VOCABULARY = "/api/v1/cases/{org}/vocabulary"
"""The operation that lists the values an organisation's code allows."""


def in_vocabulary(name: str, description: str, **options: Any) -> Any:
    """A body field whose values come from the organisation's code (its seats, levels,
    outcomes, clauses...), so the OpenAPI cannot list them: it names the list of the
    :data:`VOCABULARY` operation that does (``x-vocabulary``); a refusal lists them too."""
    return Field(
        description=f"{description} Allowed: the organisation's `{name}` from GET {VOCABULARY}.",
        json_schema_extra={"x-vocabulary": name},
        **options,
    )


type FormFields = dict[str, forms.Field]
"""A body's text fields that a form also has, by the name sent: a schema's ``form_fields``."""


def fields_of(form: type[forms.Form], *, renamed: Mapping[str, str] | None = None) -> FormFields:
    """The fields of ``form`` by the name a body sends each as (the form's own, unless
    ``renamed`` maps the body's name to the form's), for a schema's ``form_fields``: the
    API then holds each text field to the form's length limit and messages, and the docs
    give its ``maxLength``::

        class InterestIn(Schema):
            form_fields: ClassVar[FormFields] = fields_of(InterestForm)
    """
    fields = dict(form.base_fields)
    for sent, name in (renamed or {}).items():
        fields[sent] = form.base_fields[name]
    return fields


PAGE_SIZE = 50
"""Rows on a page of a list the API answers, unless it mirrors a page that shows more."""


class PageQuery(Schema):
    """The page of a list asked for: the first when left out, the last when past it."""

    page: int = 1


class PageOut(Out):
    """What a page of a list answers besides its rows (each list names its own): which
    page this is, how many pages there are, and how many rows in all."""

    page: int
    pages: int
    count: int


def paged[T](
    rows: QuerySet[Any, T] | Sequence[T],
    query: PageQuery,
    *,
    size: int = PAGE_SIZE,
    counted: QuerySet[Any] | None = None,
) -> tuple[list[T], dict[str, int]]:
    """The rows of the page ``query`` asks for, and the page's :class:`PageOut` fields.

    ``counted``, where given, is counted instead of ``rows``: the same rows without the
    joins only their columns need (a name read through a key that is never empty), so the
    count does not join a table for every row of a long list."""
    paginator = Paginator(rows, size)
    if counted is not None:
        paginator.count = counted.count()
    page = paginator.get_page(query.page)
    counts = {"page": page.number, "pages": page.paginator.num_pages, "count": page.paginator.count}
    return list(page), counts


def within_token[Q: QuerySet[Any]](request: HttpRequest, queryset: Q, *, via: str) -> Q:
    """``queryset`` as far as the caller may see it: a bearer token sees only the
    organisation it was made for, reached from each row by ``via``; a session sees all."""
    token = getattr(request, "api_token", None)
    return queryset if token is None else queryset.filter(**{via: token.organisation_id})


def body_doc(schema: type[Schema]) -> dict[str, Any]:
    """The OpenAPI description of a JSON body read by :func:`read_body`, with the length
    limit of each text field a form shares with it."""
    described = schema.model_json_schema()
    limits: FormFields = getattr(schema, "form_fields", {})
    for name, field in described.get("properties", {}).items():
        limit = getattr(limits.get(name), "max_length", None)
        if limit is not None:
            for option in field.get("anyOf", [field]):
                if option.get("type") == "string":
                    option["maxLength"] = limit
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": described}},
        }
    }


type Handler = Callable[..., Any]
type Guard = Callable[[Handler], Handler]


def checked_parameters(view: Handler) -> Handler:
    """``view``, refusing with 422 a path or query parameter no form would accept (a NUL
    character, a year such as 9999, an offset such as 10^20): checked after the access
    policy, as a body is."""

    @functools.wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        for name, value in kwargs.items():
            check_sent(value, field="" if isinstance(value, Schema) else name)
        return view(request, *args, **kwargs)

    return checked


class Declares(Protocol):
    """The decorator of one operation: it registers the operation and returns it."""

    def __call__[F: Handler](self, view: F) -> F: ...


class Audience:
    """Who may call an API operation, and the decorator that declares one for them.

    ``api_officers = Audience(api_staff(OFFICER))`` (the audiences are declared once, in
    :mod:`panelkeeper.accounts.permissions`), then above an operation
    ``@api_officers.post(router, "/{org}/things", ThingOut, status=201, body=ThingIn)``:
    the audience's ``policy`` guards it; it answers ``response`` with ``status``, and
    documents the errors every operation may answer in the one refusal body
    (:data:`ERRORS_SIGNED_IN`, or :data:`ERRORS_ANYONE` for ``auth=None``); ``body`` is the
    schema it reads with :func:`read_body`, for the docs. The first paragraph of its
    docstring is its summary in the docs (without the full stop), the rest its
    description; or ``summary``, where it is built from data, and the whole docstring.
    ``options`` (``auth=None`` for anyone) go to the router as they are.
    """

    def __init__(self, policy: Guard, **options: Any) -> None:
        self.policy = policy
        self.options = options

    def operation(
        self,
        method: str,
        router: Router,
        path: str,
        response: Any,
        *,
        status: int = 200,
        body: type[Schema] | None = None,
        summary: str | None = None,
        **options: Any,
    ) -> Declares:
        """The decorator of one operation; see the class."""
        answers = response if isinstance(response, dict) else {status: response}
        options = self.options | options
        errors = ERRORS_ANYONE if options.get("auth", True) is None else ERRORS_SIGNED_IN
        answers = answers | {code: out for code, out in errors.items() if code not in answers}
        if body is not None:
            options["openapi_extra"] = body_doc(body) | options.get("openapi_extra", {})

        def decorator[F: Handler](view: F) -> F:
            docstring = inspect.cleandoc(view.__doc__ or "")
            first, _, description = docstring.partition("\n\n")
            if summary is not None:
                first, description = summary, docstring
            guarded = self.policy(checked_parameters(view))

            # Ninja reads the description from the docstring of what it is given.
            @functools.wraps(guarded)
            def documented(*args: Any, **kwargs: Any) -> Any:
                return guarded(*args, **kwargs)

            documented.__doc__ = description
            router.add_api_operation(
                path,
                [method],
                documented,
                response=answers,
                summary=" ".join(first.split()).removesuffix(".") or None,
                **options,
            )
            return cast(F, documented)

        return decorator

    def get(self, router: Router, path: str, response: Any, **kw: Any) -> Declares:
        return self.operation("GET", router, path, response, **kw)

    def post(self, router: Router, path: str, response: Any, **kw: Any) -> Declares:
        return self.operation("POST", router, path, response, **kw)

    def put(self, router: Router, path: str, response: Any, **kw: Any) -> Declares:
        return self.operation("PUT", router, path, response, **kw)

    def patch(self, router: Router, path: str, response: Any, **kw: Any) -> Declares:
        return self.operation("PATCH", router, path, response, **kw)

    def delete(self, router: Router, path: str, response: Any, **kw: Any) -> Declares:
        return self.operation("DELETE", router, path, response, **kw)
