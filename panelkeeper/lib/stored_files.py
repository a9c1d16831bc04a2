"""Files on the default storage that go with the rows naming them."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.core.files.storage import default_storage
from django.db import transaction


def delete_after_commit(names: Iterable[str]) -> None:
    """Delete the files ``names`` (blank ones skipped) from the default storage once the
    transaction that removed the rows naming them commits: a removal rolled back keeps
    its files, and a file is never deleted while a row still names it."""
    chosen = [name for name in names if name]
    transaction.on_commit(functools.partial(_delete, chosen))


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)
