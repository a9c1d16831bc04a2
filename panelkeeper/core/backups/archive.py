"""The archive file: written under a temporary name and renamed into place, read back
only after every member has matched its checksum."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
import zlib
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO, TypedDict, cast

from panelkeeper.core.backups import BackupError

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_DIR = "database"
MEDIA_DIR = "media"
_CHUNK = 1024 * 1024
_MANIFEST_LIMIT = 64 * 1024 * 1024
_DAMAGED = "The archive is damaged or was changed after it was made: use another copy."


class Member(TypedDict):
    sha256: str
    size: int


class DatabaseInfo(TypedDict):
    vendor: str
    member: str
    server_version: str


class ManifestHead(TypedDict):
    """The manifest without its list of members, which writing the archive fills in."""

    format: int
    created_at: str
    panelkeeper_version: str
    database: DatabaseInfo
    migrations: dict[str, list[str]]
    counts: dict[str, int]


class Manifest(ManifestHead):
    members: dict[str, Member]


class _HashingReader:
    """Reads a file for tarfile, hashing exactly the bytes that go into the archive."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self.digest = hashlib.sha256()

    def read(self, size: int = -1, /) -> bytes:
        data = self._source.read(size)
        self.digest.update(data)
        return data


def media_files(root: Path) -> list[tuple[str, Path]]:
    """Every regular file under ``root`` (symbolic links are not followed), by archive name."""
    found: list[tuple[str, Path]] = []
    for directory, _, names in os.walk(root):
        for name in names:
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink():
                found.append((f"{MEDIA_DIR}/{path.relative_to(root).as_posix()}", path))
    return sorted(found)


def _add_file(tar: tarfile.TarFile, name: str, path: Path) -> Member:
    with path.open("rb") as source:
        info = tarfile.TarInfo(name)
        stat = os.fstat(source.fileno())
        info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
        reader = _HashingReader(source)
        tar.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.size}


def write_archive(
    target: Path, *, head: ManifestHead, database: Path, media_root: Path
) -> Manifest:
    """Write the database copy, the uploaded files and the manifest to ``target``.

    The archive is written beside ``target`` under a hidden temporary name (readable by
    its owner only), flushed to disk and then renamed: ``target`` is either absent or
    whole, never half-written.
    """
    members: dict[str, Member] = {}
    partial = tempfile.NamedTemporaryFile(  # noqa: SIM115 (kept past the block, renamed)
        dir=target.parent, prefix=f".{target.name}.", suffix=".partial", delete=False
    )
    try:
        with partial as raw:
            with tarfile.open(fileobj=raw, mode="w:gz") as tar:
                members[head["database"]["member"]] = _add_file(
                    tar, head["database"]["member"], database
                )
                for name, path in media_files(media_root):
                    members[name] = _add_file(tar, name, path)
                manifest: Manifest = {**head, "members": members}
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
                tar.addfile(info, io.BytesIO(data))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial.name, target)
    except BaseException:
        Path(partial.name).unlink(missing_ok=True)
        raise
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return manifest


def _member_name(info: tarfile.TarInfo) -> str:
    path = PurePosixPath(info.name)
    parts = path.parts
    allowed = parts == (MANIFEST,) or (len(parts) > 1 and parts[0] in (DATABASE_DIR, MEDIA_DIR))
    if path.is_absolute() or ".." in parts or not allowed:
        raise BackupError(
            f"The archive holds {info.name!r}, which a panelkeeper backup never holds: it is "
            "not an archive made by `panelkeeper backup`. Nothing was restored."
        )
    return path.as_posix()


def _copy_out(source: IO[bytes], destination: Path) -> Member:
    digest, size = hashlib.sha256(), 0
    destination.parent.mkdir(parents=True, exist_ok=True)
    with destination.open("wb") as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"sha256": digest.hexdigest(), "size": size}


def unpack(archive: Path, staging: Path) -> Manifest:
    """Unpack ``archive`` into ``staging`` and check every member against the manifest.

    Only plain files under ``database/`` and ``media/`` and the manifest are accepted
    (no links, no paths leading out of ``staging``). Raises :class:`BackupError` unless
    the manifest lists exactly the members found, each with its size and checksum.
    """
    found: dict[str, Member] = {}
    manifest_data: bytes | None = None
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for info in tar:
                name = _member_name(info)
                if info.isdir():
                    continue
                if not info.isfile() or name in found or (name == MANIFEST and manifest_data):
                    raise BackupError(
                        f"The archive holds {name} twice, or not as a file. {_DAMAGED}"
                    )
                source = tar.extractfile(info)
                if source is None:  # pragma: no cover - isfile() members always have data
                    raise BackupError(f"{name} cannot be read from the archive. {_DAMAGED}")
                if name == MANIFEST:
                    manifest_data = source.read(_MANIFEST_LIMIT)
                else:
                    found[name] = _copy_out(source, staging / name)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(
            f"{archive} cannot be read as a panelkeeper backup ({error}). It may be cut short "
            "or damaged: use another copy."
        ) from None
    if manifest_data is None:
        raise BackupError(
            f"{archive} has no manifest: it is cut short, or was not made by "
            "`panelkeeper backup`. Use another copy."
        )
    manifest = parse_manifest(manifest_data)
    for name, expected in sorted(manifest["members"].items()):
        if name not in found:
            raise BackupError(f"The archive lacks {name}, which its manifest lists. {_DAMAGED}")
        if found[name] != expected:
            raise BackupError(f"{name} in the archive does not match its checksum. {_DAMAGED}")
    for name in sorted(set(found) - set(manifest["members"])):
        raise BackupError(f"The archive holds {name}, which its manifest does not list. {_DAMAGED}")
    return manifest


def parse_manifest(data: bytes) -> Manifest:
    """The manifest, with its shape checked; a newer format is refused with what to do."""
    try:
        raw = json.loads(data)
    except ValueError:
        raw = None
    if not isinstance(raw, dict) or not isinstance(raw.get("format"), int):
        raise BackupError(f"The archive's manifest cannot be read. {_DAMAGED}")
    if raw["format"] != FORMAT:
        raise BackupError(
            f"This archive is in backup format {raw['format']}, made by panelkeeper "
            f"{raw.get('panelkeeper_version', '(unknown)')}; this installation reads format "
            f"{FORMAT}. Restore it with the panelkeeper version that made it, or a newer one."
        )
    shape = {
        "created_at": str,
        "panelkeeper_version": str,
        "database": dict,
        "migrations": dict,
        "counts": dict,
        "members": dict,
    }
    database, members = raw.get("database"), raw.get("members")
    if (
        any(not isinstance(raw.get(key), kind) for key, kind in shape.items())
        or not isinstance(database, dict)
        or not isinstance(members, dict)
        or not all(isinstance(database.get(key), str) for key in DatabaseInfo.__annotations__)
        or database["member"] not in members
        or not all(
            isinstance(entry, dict)
            and isinstance(entry.get("sha256"), str)
            and isinstance(entry.get("size"), int)
            for entry in members.values()
        )
    ):
        raise BackupError(f"The archive's manifest is incomplete. {_DAMAGED}")
    return cast(Manifest, raw)


def summary(manifest: Manifest) -> str:
    """What an archive holds, in words: "946 records and 2 uploaded files"."""
    files = sum(name.startswith(f"{MEDIA_DIR}/") for name in manifest["members"])
    records = sum(manifest["counts"].values())
    return (
        f"{records:,} record{'' if records == 1 else 's'} and "
        f"{files:,} uploaded file{'' if files == 1 else 's'}"
    )
