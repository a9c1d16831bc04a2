"""CSV import (all rows or none, problems by line and column) and export (MEM-1)."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.csv_io import check, import_members
from panelkeeper.members.models import Member
from tests.factory import Factory

HEADER = "full_name,customer_type,group,started_on,role,email,large_print\n"
GOOD = (
    HEADER
    + "Zoë Brontë,tenant,Customer Scrutiny Panel,2026-01-31,chair,zoe@example.org,yes\n"
    + "Sam Smith,Leaseholder,customer scrutiny panel,31/01/2026,,,no\n"
)


def test_a_good_file_imports_every_row(factory: Factory) -> None:
    factory.panel()
    added = import_members(text=GOOD, organisation=factory.home, actor=factory.officer())
    assert [m.full_name for m in added] == ["Zoë Brontë", "Sam Smith"]
    zoe = Member.objects.get(full_name="Zoë Brontë")
    assert zoe.role == "chair" and zoe.large_print and zoe.email == "zoe@example.org"
    assert Member.objects.get(full_name="Sam Smith").customer_type == "leaseholder"
    assert AuditEntry.objects.filter(action="member.added").count() == 2


@pytest.mark.parametrize(
    "raw",
    [GOOD.encode("utf-8"), GOOD.encode("utf-8-sig"), GOOD.encode("cp1252")],
    ids=["utf-8", "utf-8 with a byte-order mark", "windows-1252"],
)
def test_every_encoding_a_spreadsheet_saves_is_read(
    factory: Factory, officer_client: Client, raw: bytes
) -> None:
    factory.panel()
    url = reverse("members:import", kwargs={"org": factory.home.slug})
    preview = officer_client.post(url, {"file": SimpleUploadedFile("m.csv", raw)})
    page = preview.content.decode()
    assert "Check the 2 members to import" in page and "Zoë Brontë" in page
    assert not Member.objects.exists()  # a preview saves nothing
    text = preview.context["text"]
    confirm = reverse("members:import_confirm", kwargs={"org": factory.home.slug})
    response = officer_client.post(confirm, {"text": text})
    assert response.status_code == 302
    assert set(Member.objects.values_list("full_name", flat=True)) == {"Zoë Brontë", "Sam Smith"}


def test_missing_columns_are_named(factory: Factory) -> None:
    checked = check("full_name,group\nPat,Panel\n", factory.home)
    assert [str(p) for p in checked.problems] == [
        "Line 1: Add the missing columns: customer_type, started_on"
    ]


def test_a_bad_last_row_stops_every_row_and_is_named_by_line_and_column(
    factory: Factory, officer_client: Client
) -> None:
    factory.panel()
    text = GOOD + "Last Person,landlord,Customer Scrutiny Panel,2026-02-30,,,maybe\n"
    with pytest.raises(Refused) as refusal:
        import_members(text=text, organisation=factory.home, actor=factory.officer())
    assert [p.message for p in refusal.value.problems] == [
        "Line 4, column customer_type: Write one of: tenant, leaseholder, applicant, "
        "service_user, resident, homebuyer",
        "Line 4, column large_print: Write yes or no",
        "Line 4, column started_on: Write the date like 2026-01-31 or 31/01/2026",
    ]
    assert not Member.objects.exists()
    url = reverse("members:import", kwargs={"org": factory.home.slug})
    page = officer_client.post(url, {"file": SimpleUploadedFile("m.csv", text.encode())})
    assert "Line 4, column large_print: Write yes or no" in page.content.decode()
    assert "Nothing has been imported" in page.content.decode()


def test_an_unknown_group_and_a_refused_row_are_problems(factory: Factory) -> None:
    factory.panel()
    text = (
        HEADER
        + "Pat,tenant,No Such Group,2026-01-31,,,\n,tenant,Customer Scrutiny Panel,2026-01-31,,,\n"
    )
    checked = check(text, factory.home)
    assert [(p.line, p.column) for p in checked.problems] == [(2, "group"), (3, "full_name")]
    assert checked.problems[1].message == "Enter the member's full name"


def test_rows_changed_between_preview_and_import_save_nothing(
    factory: Factory, officer_client: Client
) -> None:
    factory.panel()
    confirm = reverse("members:import_confirm", kwargs={"org": factory.home.slug})
    response = officer_client.post(
        confirm, {"text": HEADER + "Pat,alien,Nowhere,x,,,\n"}, follow=True
    )
    assert "The file has 3 problems" in response.content.decode()
    assert not Member.objects.exists()


def test_the_export_lists_the_organisations_members_safely(
    factory: Factory, officer_client: Client
) -> None:
    factory.panel_member(full_name="=HYPERLINK(1)")
    factory.panel_member(factory.group(factory.other), full_name="Not Ours")
    response = officer_client.get(reverse("members:export", kwargs={"org": factory.home.slug}))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["full_name"] for row in rows] == ["'=HYPERLINK(1)"]
    assert rows[0]["customer_type"] == "tenant" and rows[0]["started_on"] == "2026-01-05"


def test_an_exported_file_imports_again(factory: Factory, officer_client: Client) -> None:
    factory.panel_member(full_name="Round Trip", email="rt@example.org", large_print=True)
    exported = officer_client.get(reverse("members:export", kwargs={"org": factory.home.slug}))
    other_panel = factory.group(name="Second Panel")
    text = exported.content.decode().replace("Customer Scrutiny Panel", other_panel.name)
    added = import_members(text=text, organisation=factory.home, actor=factory.officer())
    assert added[0].large_print and added[0].group == other_panel


def test_a_file_that_is_not_csv_is_refused_with_a_message(factory: Factory) -> None:
    factory.panel()
    text = HEADER + "Pat,tenant,Customer Scrutiny Panel,2026-01-31,,," + "x" * 200_000 + "\n"
    checked = check(text, factory.home)
    assert [str(p) for p in checked.problems] == [
        "Line 1: The file could not be read as CSV; save it from a spreadsheet as CSV"
    ]
    assert checked.rows == []
