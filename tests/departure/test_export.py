"""The export: every kind of record as JSON and CSV, the files, nothing of another
organisation; built by a task that may run twice."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django_tasks_db.models import DBTaskResult

from panelkeeper.departure.archive import cell
from panelkeeper.departure.exports import build, request_export
from panelkeeper.departure.kinds import KINDS
from panelkeeper.departure.models import Export
from tests.departure.records import OTHER_MEMBER, exported, fill_home, fill_other
from tests.factory import Factory


def test_the_export_holds_every_kind_as_json_and_csv_that_agree(factory: Factory) -> None:
    home = fill_home(factory)
    archive = exported(home, factory.admin())
    for kind in KINDS:
        records = archive.records(kind.stem)
        text = archive.files[f"records/{kind.stem}.csv"].decode()
        header, *rows = list(csv.reader(io.StringIO(text)))
        assert header == [
            field.attname
            for field in kind.model._meta.concrete_fields
            if field.name not in kind.secret
        ]
        assert rows == [[cell(record[name]) for name in header] for record in records], kind
        assert len(records) == kind.rows(home).count(), kind
    held = {kind.stem for kind in KINDS if archive.records(kind.stem)}
    assert held >= {
        "organisation", "accounts", "groups", "code-versions", "staff-roles", "members",
        "member-statuses", "documents", "document-versions", "signatures", "countersignatures",
        "declarations", "gifts", "meetings", "meeting-papers", "cases", "case-events",
        "concerns", "letters", "letter-dispatches", "emails", "legal-holds", "audit-trail",
    }  # fmt: skip


def test_the_export_holds_the_files_and_no_secrets(factory: Factory) -> None:
    home = fill_home(factory)
    archive = exported(home, factory.admin())
    (organisation,) = archive.records("organisation")
    assert archive.files[str(organisation["logo"])] == b"\x89PNG a logo"
    (signature,) = [s for s in archive.records("signatures") if s["scan"]]
    assert archive.files[str(signature["scan"])] == b"%PDF-1.4 a scanned signature"
    (paper,) = archive.records("meeting-papers")
    assert archive.files[str(paper["file"])] == b"%PDF-1.4 the budget"
    (register,) = archive.records("register-files")
    assert archive.files[str(register["stored_as"])].decode("utf-8-sig").startswith("Member")
    (letter,) = archive.records("letters")
    assert archive.files[str(letter["pdf"])].startswith(b"%PDF")
    (version, *_) = archive.records("code-versions")
    assert archive.files[f"files/code-versions/{version['id']}.toml"].decode() == version["source"]
    assert "receipt_digest" not in archive.records("concerns")[0]
    assert all("password" not in account for account in archive.records("accounts"))
    readme = archive.files["README.txt"].decode()
    assert f"Everything {home.name} held in panelkeeper on" in readme
    assert "records/letters.json and .csv: Letters (1 record): every letter issued" in readme


def test_the_export_holds_nothing_of_another_organisation(factory: Factory) -> None:
    home = fill_home(factory)
    other_member = fill_other(factory)
    officer, outsider = factory.officer(), factory.outsider()
    archive = exported(home, factory.admin())
    assert OTHER_MEMBER not in archive.text()
    assert other_member.pk not in {member["id"] for member in archive.records("members")}
    assert b"another organisation's scan" not in b"".join(archive.files.values())
    assert officer.email in {account["email"] for account in archive.records("accounts")}
    assert outsider.email not in archive.text()


def test_asking_for_an_export_queues_the_task_once_the_request_is_saved(
    factory: Factory, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        export = request_export(organisation=factory.home, actor=factory.admin())
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "panelkeeper.departure.tasks.build_export"
    assert queued.args_kwargs["args"] == [export.pk]
    assert not export.is_ready


def test_building_twice_is_harmless(factory: Factory) -> None:
    export = request_export(organisation=factory.home, actor=factory.admin())
    assert build(export.pk) is True
    export.refresh_from_db()
    first = (export.file, export.ready_at, default_storage.open(export.file).read())
    assert build(export.pk) is False
    export.refresh_from_db()
    assert (export.file, export.ready_at, default_storage.open(export.file).read()) == first
    assert default_storage.listdir("leaving")[1] == [export.file.removeprefix("leaving/")]
    assert Export.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_build_outside_any_transaction_reads_in_one_of_its_own() -> None:
    """As the task worker runs it: on PostgreSQL in a read-only, repeatable-read
    transaction of its own, on SQLite query by query."""
    factory = Factory()
    export = request_export(organisation=factory.home, actor=factory.admin())
    assert build(export.pk) is True
    export.refresh_from_db()
    assert export.is_ready and default_storage.exists(export.file)
