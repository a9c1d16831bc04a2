"""Views that show a confidential record, and the one place their reading is noticed.

A page or API operation that shows one confidential record (a case, a concern, a
member's file, a letter) is marked with ``@confidential(kind, key)`` beneath its access
decorator: ``kind`` names the kind of record, ``key`` the URL argument holding its id.
Each time the marked view answers a read (GET or HEAD) with the record, every reader
registered with :func:`when_read` is told who read which record. The subject access app
registers the access log's writer here, so the apps below it need not know of it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from django.http import HttpRequest
from django.http.response import HttpResponseBase

type Reader = Callable[[HttpRequest, str, int], None]
_READERS: list[Reader] = []

KINDS = ("case", "concern", "member", "letter")


def when_read(reader: Reader) -> Reader:
    """Tell ``reader`` of every read of a confidential record (once, however often it is
    registered)."""
    if reader not in _READERS:
        _READERS.append(reader)
    return reader


def _shown(result: object) -> bool:
    # A page answers a response; an API operation answers its data (an error is raised).
    if isinstance(result, HttpResponseBase):
        return result.status_code == 200
    return True


def confidential[V: Callable[..., Any]](kind: str, key: str) -> Callable[[V], V]:
    """Mark a view that shows one record of ``kind`` whose id is the URL argument ``key``."""
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of confidential record: {kind}.")

    def decorator(view: V) -> V:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            result = view(request, *args, **kwargs)
            if request.method in ("GET", "HEAD") and _shown(result):
                for reader in _READERS:
                    reader(request, kind, int(kwargs[key]))
            return result

        wrapper.confidential_kind = kind  # type: ignore[attr-defined]  # functions take any attribute
        return cast(V, wrapper)

    return decorator
