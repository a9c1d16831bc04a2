"""Importing members from CSV (preview, then all rows or none) and exporting them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.lib.downloads import CSV, download
from panelkeeper.lib.forms import bound, button_change
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.csv_io import check, decode, export_members, import_members
from panelkeeper.members.forms import ImportForm
from panelkeeper.members.models import Member

MAX_BYTES = 2 * 1024 * 1024


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def upload(request: StaffRequest, org: str) -> HttpResponse:
    """Upload a CSV file and see what would be imported, or every problem in it."""
    organisation = request.organisation
    form = ImportForm(**bound(request))
    context: dict[str, object] = {"organisation": organisation, "form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_BYTES:
            form.add_error("file", "The selected file must be smaller than 2 MB")
        else:
            text = decode(upload.read())
            invite = form.cleaned_data["invite"]
            checked = check(text, organisation, invite=invite)
            context.update(checked=checked, text=text, invite=invite)
            if checked.problems:
                form.add_error(
                    "file", "The file has problems. Correct each one and upload it again"
                )
    return render(request, "members/import.html", context)


class ConfirmForm(forms.Form):
    text = forms.CharField(widget=forms.HiddenInput, strip=False)
    invite = forms.BooleanField(widget=forms.HiddenInput, required=False)


@staff(OFFICER)
@require_POST
def confirm(request: StaffRequest, org: str) -> HttpResponse:
    """Import the previewed rows (and invite them, if that was chosen): all of them or, if
    anything changed since, none."""
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Upload the CSV file again")
        return redirect("members:import", org=org)
    added = button_change(
        request,
        lambda: import_members(
            text=form.cleaned_data["text"],
            organisation=request.organisation,
            actor=request.user,
            invite=form.cleaned_data["invite"],
        ),
    )
    if added is None:
        return redirect("members:import", org=org)
    imported = f"{len(added)} member{'s' * (len(added) != 1)} imported"
    messages.success(request, imported + (" and invited" if form.cleaned_data["invite"] else ""))
    return redirect("members:list", org=org)


@staff(*READERS)
@require_GET
def export(request: StaffRequest, org: str) -> HttpResponse:
    members = Member.objects.of(request.organisation).select_related("group")
    return download(export_members(members), f"members-{org}.csv", CSV)
