"""`panelkeeper backup` and `panelkeeper restore`, run as an operator runs them.

The demo installation (the suite's own scratch database, loaded by the demo loader, with
uploaded papers in a scratch var directory) is backed up by the console command and
restored into a new, empty installation: a database the test creates and drops and a
var directory of its own. Every table and every file must come back the same. Runs on
SQLite, and on PostgreSQL when the suite does (``DATABASE_URL``).
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from panelkeeper.accounts.models import User
from panelkeeper.core.backups import BackupError
from panelkeeper.core.backups.archive import MANIFEST, ManifestHead, unpack, write_archive
from panelkeeper.core.backups.tables import model_tables, quote, transient_tables
from panelkeeper.meetings.models import Meeting, MeetingStatus
from panelkeeper.meetings.papers import attach_paper
from panelkeeper.organisations.models import Organisation

ROOT = Path(__file__).resolve().parents[2]
POSTGRESQL = connection.vendor == "postgresql"


def panelkeeper(*args: str, var_dir: Path, database_url: str) -> subprocess.CompletedProcess[str]:
    """Run the console command as a separate process, in the installation given."""
    environment = {
        **os.environ,
        "PANELKEEPER_VAR_DIR": str(var_dir),
        "PANELKEEPER_BACKUP_DIR": str(var_dir / "archives"),
        "DATABASE_URL": database_url,
    }
    return subprocess.run(
        [sys.executable, "-m", "panelkeeper.cli", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def url_for(name: str) -> str:
    """A DATABASE_URL for database ``name`` (a file on SQLite) on the suite's server."""
    if not POSTGRESQL:
        return f"sqlite:///{name}"
    db = connection.settings_dict
    user = url_quote(str(db["USER"] or ""), safe="")
    password = f":{url_quote(str(db['PASSWORD']), safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{name}"


def server(dbname: str) -> psycopg.Connection[tuple[Any, ...]]:
    db = connection.settings_dict
    return psycopg.connect(
        dbname=dbname,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        autocommit=True,
    )


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    """A new database for the restored installation, dropped afterwards; its URL."""
    if not POSTGRESQL:
        yield url_for(str(tmp_path / "restored.sqlite3"))
        return
    name = f"{connection.settings_dict['NAME']}_restored"[:63]
    with server("postgres") as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {quote(name)} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {quote(name)}")
    try:
        yield url_for(name)
    finally:
        with server("postgres") as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {quote(name)} WITH (FORCE)")


def tables_of(url: str) -> dict[str, list[str]]:
    """Every row of every model's table (transient ones aside), in a stable order."""
    tables = sorted(set(model_tables().values()) - set(transient_tables()))
    if POSTGRESQL:
        opened: Any = server(url.rsplit("/", 1)[1])
    else:
        opened = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return {
            table: sorted(repr(row) for row in opened.execute(f"SELECT * FROM {quote(table)}"))
            for table in tables
        }
    finally:
        opened.close()


def files_under(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def read_manifest(archive: Path) -> dict[str, Any]:
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile(MANIFEST)
        assert member is not None
        manifest: dict[str, Any] = json.load(member)
        return manifest


def rewrite(archive: Path, target: Path, change: dict[str, bytes]) -> None:
    """A copy of ``archive`` with the members named in ``change`` given new bytes."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for info in source:
            member = source.extractfile(info)
            assert member is not None
            data = change.get(info.name, member.read())
            info.size = len(data)
            copy.addfile(info, io.BytesIO(data))


@pytest.fixture
def demo(transactional_db: None, tmp_path: Path) -> Iterator[Path]:
    """The demo installation (its five organisations' logos) with two uploaded papers added;
    its var directory."""
    var_dir = tmp_path / "demo"
    with override_settings(DEMO=True, DEBUG=True, MEDIA_ROOT=var_dir / "media"):
        call_command("demo", stdout=io.StringIO())
        meeting = Meeting.objects.exclude(status=MeetingStatus.CANCELLED).earliest("id")
        officer = User.objects.get(email=f"officer.{meeting.group.organisation.slug}@example.org")
        for title, content in [("Repairs report", os.urandom(40_000)), ("Budget", b"%PDF-1.7")]:
            upload = SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.pdf", content)
            attach_paper(meeting=meeting, title=title, file=upload, actor=officer)
        yield var_dir


def test_a_backup_of_the_demo_restores_into_an_empty_installation_with_the_same_records_and_files(
    demo: Path, empty_database: str, tmp_path: Path
) -> None:
    source_url = url_for(str(connection.settings_dict["NAME"]))
    made = panelkeeper("backup", var_dir=demo, database_url=source_url)
    assert made.returncode == 0, made.stderr
    (archive,) = (demo / "archives").glob("panelkeeper-*.tar.gz")
    assert f"to {archive}" in made.stdout
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    source_tables, source_files = tables_of(source_url), files_under(demo / "media")
    logos = [row for row in source_tables["organisations_organisation"] if "'logos/" in row]
    assert len(logos) == 5 and len(source_tables["meetings_paper"]) == 2
    assert len(source_files) == 7
    manifest = read_manifest(archive)
    assert manifest["format"] == 1
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"]["organisations.Organisation"] == Organisation.objects.count() == 5
    assert manifest["counts"]["meetings.Paper"] == 2
    assert "0001_initial" in manifest["migrations"]["members"]
    assert {name for name in manifest["members"] if name.startswith("media/")} == {
        f"media/{name}" for name in source_files
    }

    restored_dir = tmp_path / "restored"
    restored = panelkeeper(
        "restore", str(archive), var_dir=restored_dir, database_url=empty_database
    )
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout and "7 uploaded files" in restored.stdout

    restored_tables = tables_of(empty_database)
    assert {table: len(rows) for table, rows in restored_tables.items()} == {
        table: len(rows) for table, rows in source_tables.items()
    }
    for table, rows in source_tables.items():
        assert restored_tables[table] == rows, table
    assert files_under(restored_dir / "media") == source_files

    # A second restore, into the installation that now holds the records, is refused.
    again = panelkeeper("restore", str(archive), var_dir=restored_dir, database_url=empty_database)
    assert again.returncode == 1
    assert "This installation is not empty: its database already holds records" in again.stderr
    assert "media already holds files" in again.stderr
    assert "Point DATABASE_URL at a new, empty database" in again.stderr
    assert tables_of(empty_database) == restored_tables

    # A damaged copy is refused before anything is written.
    damaged = tmp_path / "damaged.tar.gz"
    paper = next(name for name in manifest["members"] if name.startswith("media/"))
    rewrite(archive, damaged, {paper: b"not the paper that was uploaded"})
    fresh_dir = tmp_path / "fresh"
    refused = panelkeeper("restore", str(damaged), var_dir=fresh_dir, database_url=source_url)
    assert refused.returncode == 1
    assert f"{paper} in the archive does not match its checksum" in refused.stderr
    assert "use another copy" in refused.stderr
    assert not (fresh_dir / "media").exists()
    assert tables_of(source_url) == source_tables


def test_an_archive_from_the_other_database_system_is_refused(
    db: None, empty_database: str, tmp_path: Path
) -> None:
    other = "sqlite" if POSTGRESQL else "postgresql"
    database = tmp_path / "copy"
    database.write_bytes(b"a database copy")
    head: ManifestHead = {
        "format": 1,
        "created_at": "2026-11-23T10:00:00+00:00",
        "panelkeeper_version": "0.1.0",
        "database": {"vendor": other, "member": "database/copy", "server_version": "1"},
        "migrations": {},
        "counts": {},
    }
    write_archive(tmp_path / "b.tar.gz", head=head, database=database, media_root=tmp_path / "no")

    refused = panelkeeper(
        "restore", str(tmp_path / "b.tar.gz"), var_dir=tmp_path / "new", database_url=empty_database
    )
    assert refused.returncode == 1
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    assert (
        f"This archive holds a {names[other]} database and this installation uses "
        f"{names[connection.vendor]}. Restore it into an installation on {names[other]}"
    ) in refused.stderr
    if POSTGRESQL:
        with server(empty_database.rsplit("/", 1)[1]) as restored:
            tables = restored.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            assert tables.fetchone() == (0,)
    else:
        assert not Path(empty_database.removeprefix("sqlite:///")).exists()


def test_members_outside_the_archive_layout_are_refused_before_anything_is_unpacked(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("media/../../outside.txt")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"hi"))
    (tmp_path / "staging").mkdir()
    with pytest.raises(BackupError, match="which a panelkeeper backup never holds"):
        unpack(archive, tmp_path / "staging")
    assert not (tmp_path / "outside.txt").exists()


@pytest.mark.skipif(not POSTGRESQL, reason="pg_dump serves PostgreSQL installations only")
def test_a_missing_pg_dump_is_named_with_what_to_install(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from panelkeeper.core.backups import postgresql

    monkeypatch.setattr(postgresql.shutil, "which", lambda name: None)
    with pytest.raises(BackupError, match=r"pg_dump was not found\. Install PostgreSQL's client"):
        postgresql.snapshot(Path("/nonexistent"))
