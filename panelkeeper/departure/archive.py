"""The export archive: one ZIP holding every record of an organisation, as JSON and as
CSV (a file of each per kind of record), and its files (logo, scans, papers, letters).

Records are read a batch at a time and written straight into the archive, so an
organisation of any size is exported in little memory. Values are written as they are
stored: dates and times in ISO 8601 (times in UTC), references to other records by id.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING, Any

from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

from panelkeeper.departure.kinds import KINDS, Kind
from panelkeeper.rules.dates import long_date

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Organisation

BATCH = 500
# A kind's JSON and CSV are kept in memory up to this size each, then on disk.
SPOOLED = 8 * 1024 * 1024


def value(raw: Any) -> Any:
    """A stored value as JSON holds it."""
    if isinstance(raw, dt.datetime | dt.date | dt.time):
        return raw.isoformat()
    if isinstance(raw, decimal.Decimal | uuid.UUID):
        return str(raw)
    return raw


def cell(json_value: Any) -> str:
    """A value of the JSON files as the CSV files hold it."""
    if json_value is None:
        return ""
    if isinstance(json_value, bool):
        return "true" if json_value else "false"
    if isinstance(json_value, dict | list):
        return json.dumps(json_value, ensure_ascii=False, sort_keys=True)
    return str(json_value)


def _columns(kind: Kind) -> list[models.Field[Any, Any]]:
    return [field for field in kind.model._meta.concrete_fields if field.name not in kind.secret]


def _file_name(kind: Kind, row: models.Model, field: models.Field[Any, Any]) -> str:
    """Where the archive keeps a file a record holds or names."""
    pk = row.pk
    if isinstance(field, models.FileField) or field.name == kind.stored_file:
        return f"files/{kind.stem}/{pk}-{PurePosixPath(str(getattr(row, field.attname))).name}"
    given = getattr(row, "file_name", "")
    suffix = ".pdf" if kind.model_label == "letters.Letter" else ""
    return f"files/{kind.stem}/{pk}-{given}" if given else f"files/{kind.stem}/{pk}{suffix}"


def _spool() -> IO[str]:
    return tempfile.SpooledTemporaryFile(SPOOLED, mode="w+", encoding="utf-8", newline="")


def _is_file(kind: Kind, field: models.Field[Any, Any]) -> bool:
    return isinstance(field, models.FileField | models.BinaryField) or (
        field.name == kind.stored_file
    )


class _Writer:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.missing: list[str] = []
        self.counts: dict[str, int] = {}

    def records(self, kind: Kind, organisation: Organisation) -> Iterator[dict[str, Any]]:
        """Each record of ``kind`` as the JSON file holds it; its files go in the archive."""
        columns = _columns(kind)
        for row in kind.rows(organisation).iterator(chunk_size=BATCH):
            record: dict[str, Any] = {}
            for field in columns:
                raw = getattr(row, field.attname)
                if _is_file(kind, field):
                    record[field.attname] = self._file(kind, row, field, raw)
                else:
                    record[field.attname] = value(raw)
            if kind.text_file is not None:
                name, suffix = kind.text_file
                path = f"files/{kind.stem}/{row.pk}{suffix}"
                self.archive.writestr(path, getattr(row, name))
            yield record

    def _file(self, kind: Kind, row: models.Model, field: models.Field[Any, Any], raw: Any) -> str:
        if not raw:
            return ""
        path = _file_name(kind, row, field)
        if isinstance(field, models.BinaryField):
            self.archive.writestr(path, bytes(raw))
            return path
        name = str(getattr(raw, "name", raw))
        if not default_storage.exists(name):
            self.missing.append(f"{kind.label}, record {row.pk}: {PurePosixPath(name).name}")
            return ""
        with default_storage.open(name, "rb") as source, self.archive.open(path, "w") as out:
            for chunk in iter(lambda: source.read(1 << 16), b""):
                out.write(chunk)
        return path

    def kind(self, kind: Kind, organisation: Organisation) -> None:
        """The kind's JSON file and its CSV file, with the same rows and columns, written
        in one reading of the records. Both wait in temporary files meanwhile, as the
        records' own files go into the archive as they are read."""
        count = 0
        with _spool() as json_text, _spool() as csv_text:
            rows = csv.writer(csv_text)
            rows.writerow(field.attname for field in _columns(kind))
            json_text.write("[")
            for record in self.records(kind, organisation):
                json_text.write(",\n" if count else "\n")
                json_text.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
                rows.writerow(cell(item) for item in record.values())
                count += 1
            json_text.write("\n]\n" if count else "]\n")
            for spool, suffix in ((json_text, "json"), (csv_text, "csv")):
                spool.seek(0)
                with self._text(f"records/{kind.stem}.{suffix}") as out:
                    shutil.copyfileobj(spool, out)
        self.counts[kind.stem] = count

    def _text(self, name: str) -> IO[str]:
        return io.TextIOWrapper(self.archive.open(name, "w"), encoding="utf-8", newline="")


def write_archive(
    organisation: Organisation, out: IO[bytes], *, made: dt.datetime
) -> dict[str, int]:
    """Write the archive of everything ``organisation`` holds to ``out``; how many
    records of each kind it holds, by file name."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        writer = _Writer(archive)
        for kind in KINDS:
            writer.kind(kind, organisation)
        archive.writestr("README.txt", readme(organisation, writer.counts, writer.missing, made))
    return writer.counts


def readme(
    organisation: Organisation, counts: dict[str, int], missing: list[str], made: dt.datetime
) -> str:
    """What the archive holds, in plain words, for whoever opens it."""
    day = long_date(timezone.localtime(made).date())
    lines = [
        f"Everything {organisation.name} held in panelkeeper on {day}.",
        "",
        "Each kind of record is in the folder records twice: as JSON (a .json file) and",
        "as a spreadsheet (a .csv file), with the same rows and columns. A column ending",
        "in _id holds the number (id) of a record in another file: member_id is the id",
        "of a row in members, case_id of a row in cases, and a column ending in _by_id",
        "or user_id is a row in accounts. Dates are written year-month-day, and times",
        "in UTC (Greenwich Mean Time), as computers read them.",
        "",
        "Files (the logo, scans of signed papers, meeting papers, letters as PDFs,",
        "email attachments and each version of the code of conduct as a TOML file) are",
        "in the folder files, and the record that holds each names it.",
        "",
        "Codes, passwords and secret links are never exported: only who made them and when.",
        "",
        "The files:",
        "",
    ]
    for kind in KINDS:
        count = counts.get(kind.stem, 0)
        records = "1 record" if count == 1 else f"{count} records"
        lines.append(f"records/{kind.stem}.json and .csv: {kind.label} ({records}): {kind.holds}.")
    if missing:
        lines += ["", "These files were named in the records but could not be found:", ""]
        lines += missing
    return "\n".join(lines) + "\n"
