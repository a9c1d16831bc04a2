"""Two organisations with records of many kinds, and an export of one of them."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from panelkeeper.accounts.models import User
from panelkeeper.departure.exports import build, request_export
from panelkeeper.departure.models import Export
from panelkeeper.meetings.papers import attach_paper
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.exports import build as build_register_file
from panelkeeper.registers.exports import start_export
from panelkeeper.retention.holds import lift_hold, place_hold
from tests.factory import Factory

OTHER_MEMBER = "Olwen Otherside"


def fill_home(factory: Factory) -> Organisation:
    """``home`` with a decided case and its letter, a signature with a scanned paper copy,
    a meeting with a paper, a gift, a concern, an email, a lifted legal hold, a logo and
    a file of its gifts register."""
    home = factory.home
    officer = factory.officer()
    case = factory.decided_case()
    factory.letter(case)
    member = factory.member_record
    version = factory.document_version("privacy_notice", published_on=dt.date(2026, 2, 2))
    scan = SimpleUploadedFile("paper-copy.pdf", b"%PDF-1.4 a scanned signature")
    factory.countersignature(factory.signature(member, version, scan=scan), officer)
    meeting = factory.meeting()
    attach_paper(
        meeting=meeting,
        title="Budget",
        file=SimpleUploadedFile("budget.pdf", b"%PDF-1.4 the budget"),
        actor=officer,
    )
    factory.gift(member)
    factory.interest(member)
    factory.concern(home, preset="vela")
    factory.undelivered_email(home)
    hold = place_hold(organisation=home, reason="A claim.", actor=officer, member=member)
    lift_hold(hold=hold, reason="The claim was settled.", actor=officer)
    home.logo.save("home.png", ContentFile(b"\x89PNG a logo"))
    register = start_export(organisation=home, kind="gifts_csv", data={}, actor=officer)
    build_register_file(register.pk, today=dt.date(2026, 11, 23))
    return home


def fill_other(factory: Factory) -> Member:
    """A member of the other organisation, who signed a paper copy too."""
    member = factory.panel_member(factory.panel(factory.other), full_name=OTHER_MEMBER)
    version = factory.document_version("code_of_conduct", factory.other)
    scan = SimpleUploadedFile("other-copy.pdf", b"%PDF-1.4 another organisation's scan")
    factory.signature(member, version, scan=scan)
    return member


@dataclass
class Archive:
    export: Export
    files: dict[str, bytes]

    def records(self, stem: str) -> list[dict[str, object]]:
        loaded: list[dict[str, object]] = json.loads(self.files[f"records/{stem}.json"])
        return loaded

    def text(self) -> str:
        return "\n".join(content.decode("utf-8", "replace") for content in self.files.values())


def exported(organisation: Organisation, admin: User) -> Archive:
    """An export of ``organisation`` asked for by ``admin`` and built, opened."""
    export = request_export(organisation=organisation, actor=admin)
    assert build(export.pk)
    export.refresh_from_db()
    with default_storage.open(export.file, "rb") as stored:
        content = stored.read()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return Archive(export, files)
