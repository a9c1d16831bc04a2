"""Backups of a whole installation, and restoring one into an empty installation.

An archive is one gzip-compressed tar file holding:

- ``database/panelkeeper.sqlite3`` (a copy made with SQLite's online backup API) or
  ``database/panelkeeper.pgdump`` (``pg_dump``'s custom format), taken while the
  application runs;
- ``media/...``: every uploaded file under ``MEDIA_ROOT``, at its path there;
- ``manifest.json``, written last: the archive format, the panelkeeper version that made
  it, the database vendor, the migrations applied, the rows per model, and the size and
  SHA-256 checksum of every other member.

``panelkeeper backup`` writes it (:mod:`.create`); ``panelkeeper restore`` checks it and
brings it back (:mod:`.restore`). The vendor modules (:mod:`.sqlite`,
:mod:`.postgresql`) copy the database out and in; :mod:`.archive` reads and writes the
file; :mod:`.tables` counts rows and compares migrations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says what to do."""


@dataclass(frozen=True)
class Snapshot:
    """A consistent copy of the database, made by one vendor module, and what it holds."""

    path: Path
    server_version: str
    migrations: dict[str, list[str]]
    counts: dict[str, int]
