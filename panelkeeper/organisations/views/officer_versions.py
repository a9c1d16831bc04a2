"""Pages for the versions of the code: list, new drafts, upload, publish, download."""

from __future__ import annotations

import contextlib

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.api import PAGE_SIZE
from panelkeeper.lib.downloads import download
from panelkeeper.lib.forms import add_refusal, bound, form_result
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.draft_forms import StartDraftForm
from panelkeeper.organisations.drafting import start_draft
from panelkeeper.organisations.forms import PublishForm, UploadForm
from panelkeeper.organisations.in_force import policy_of_version
from panelkeeper.organisations.lookups import version_in
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.organisations.policies import (
    InvalidPolicy,
    MissingRoleHolders,
    discard_draft,
    missing_role_holders,
    publish_policy_version,
    upload_draft,
)
from panelkeeper.organisations.rulebooks import rulebook_of


@staff(*READERS)
@require_GET
def version_list(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    versions = PolicyVersion.objects.filter(organisation=organisation).select_related(
        "published_by"
    )
    in_force = PolicyVersion.objects.in_force(organisation, on=timezone.localdate())
    in_force_id = in_force.pk if in_force else None
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    return staff_page(
        request, "organisations/version_list.html", page_obj=page, in_force_id=in_force_id
    )


@staff(*READERS)
@require_GET
def version_detail(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """A version's dates, then every problem in it or the rulebook it would publish."""
    version = version_in(request.organisation, pk=pk)
    context: dict[str, object] = {"problems": (), "rulebook": None, "missing": ()}
    try:
        context["rulebook"] = rulebook_of(version)
        if not version.is_published:
            context["missing"] = missing_role_holders(version)
    except InvalidPolicy as error:
        context["problems"] = error.file_problems
    return staff_page(request, "organisations/version_detail.html", version=version, **context)


@staff(*READERS)
@require_GET
def version_download(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """The version's TOML text, byte for byte as it was uploaded or loaded."""
    version = version_in(request.organisation, pk=pk)
    return download(version.source.encode("utf-8"), _download_name(version), "application/toml")


def _stated_approval(version: PolicyVersion) -> dict[str, object]:
    """The approval date the file states, if any, to start the publish form with."""
    try:
        governance = policy_of_version(version).governance
    except InvalidPolicy:
        return {}
    if governance is None or governance.approved_on is None:
        return {}
    return {"approved_on": governance.approved_on}


def _download_name(version: PolicyVersion) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in version.version)
    return f"{version.organisation.slug}-{safe}.toml"


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def start(request: StaffRequest, org: str) -> HttpResponse:
    """Start a draft from a preset, the version in force or an earlier version."""
    organisation = request.organisation
    form = StartDraftForm(**bound(request), organisation=organisation, initial=_start(request))
    version = form_result(
        request,
        form,
        lambda: start_draft(
            organisation=organisation,
            actor=request.user,
            today=timezone.localdate(),
            **form.cleaned_data,
        ),
    )
    if version is not None:
        messages.success(request, _started(version))
        return redirect("organisations:version", org=org, pk=version.pk)
    return staff_page(
        request,
        "organisations/start_draft.html",
        form=form,
        page_title="Start a draft",
        back_url=reverse("organisations:versions", kwargs={"org": org}),
        back_text="Back to versions",
        submit="Start the draft",
    )


def _started(version: PolicyVersion) -> str:
    made = f"Draft version “{version.version}” created"
    if version.based_on is None or version.version == version.based_on.version:
        return made
    return (
        f"{made}, named after version “{version.based_on.version}”. "
        "Change its name under Names and words if you wish"
    )


def _start(request: StaffRequest) -> dict[str, str]:
    """The choice a link asked for ("?from=version:12"), to start the form with."""
    start_from = request.GET.get("from", "")
    return {"start_from": start_from} if start_from else {}


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def upload(request: StaffRequest, org: str) -> HttpResponse:
    """Upload a TOML file as a draft; a file with problems is shown with all of them, unsaved."""
    organisation = request.organisation
    form = UploadForm(**bound(request))
    problems: tuple[object, ...] = ()
    if request.method == "POST" and form.is_valid():
        try:
            version = upload_draft(
                organisation=organisation,
                text=form.text,
                file_name=form.file_name,
                actor=request.user,
                today=timezone.localdate(),
            )
        except InvalidPolicy as refusal:
            problems = refusal.file_problems
            form.add_error("file", refusal.message)
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Draft version “{version.version}” uploaded")
            return redirect("organisations:version", org=org, pk=version.pk)
    return staff_page(request, "organisations/upload.html", form=form, problems=problems)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def publish(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Publish a draft with its approval and in-force dates (GOV-1)."""
    version = version_in(request.organisation, pk=pk)
    if version.is_published:
        messages.info(request, "This version is already published and cannot be changed")
        return redirect("organisations:version", org=org, pk=pk)
    form = PublishForm(**bound(request), initial=_stated_approval(version))
    missing: tuple[object, ...] = ()
    if request.method == "GET":
        # Say before the dates are typed in, not after, which titles still need a holder.
        with contextlib.suppress(InvalidPolicy):
            missing = missing_role_holders(version)
    if request.method == "POST" and form.is_valid():
        try:
            publish_policy_version(
                version=version, actor=request.user, today=timezone.localdate(), **form.cleaned_data
            )
        except MissingRoleHolders as refusal:
            # Not form_applied: the page lists the titles still without a holder.
            missing = refusal.missing
            add_refusal(form, refusal)
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Version “{version.version}” published")
            return redirect("organisations:version", org=org, pk=pk)
    return staff_page(
        request, "organisations/publish.html", version=version, form=form, missing=missing
    )


@staff(OFFICER)
@require_POST
def discard(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Delete a draft; a published version stays and says why."""
    version = version_in(request.organisation, pk=pk)
    try:
        discard_draft(version=version, actor=request.user)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("organisations:version", org=org, pk=pk)
    messages.success(request, f"Draft version “{version.version}” discarded")
    return redirect("organisations:versions", org=org)
