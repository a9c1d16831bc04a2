"""Pages for changing a draft of the code on forms: its parts, one form per part, and
what changes from the version it came from (GOV-1)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.people import known_to
from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import add_refusal
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.drafting import base_name, base_text, save_part
from panelkeeper.organisations.lookups import version_in
from panelkeeper.organisations.models import PolicyVersion, RoleHolder
from panelkeeper.organisations.part_forms import STAFF_TITLES, PartForm
from panelkeeper.organisations.policies import InvalidPolicy
from panelkeeper.rules.policy.editing.catalogue import PARTS, part
from panelkeeper.rules.policy.editing.differences import described, differences
from panelkeeper.rules.policy.editing.document import TOMLDocument, parse, problem_target
from panelkeeper.rules.policy.editing.entries import Part
from panelkeeper.rules.policy.editing.form_words import form_message


def _part(slug: str) -> Part:
    try:
        return part(slug)
    except KeyError:
        raise Http404("No such part of the code") from None


def _document(version: PolicyVersion) -> TOMLDocument:
    # A stored version is always TOML (the loader checked it); parse cannot fail here.
    return parse(version.source)


def _part_of(key: str) -> Part | None:
    """The part whose form holds the setting at ``key``, if any."""
    return next((p for p in PARTS if problem_target(p, key) is not None), None)


@staff(*READERS)
@require_GET
def draft_parts(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """The parts of a version, as the rulebook groups them, each with its values in words."""
    version = version_in(request.organisation, pk=pk)
    document = _document(version)
    parts = [(p, described(document, p)) for p in PARTS]
    return staff_page(
        request,
        "organisations/draft_parts.html",
        version=version,
        parts=parts,
        base=base_name(version),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def draft_part(request: StaffRequest, org: str, pk: int, part: str) -> HttpResponse:
    """One part's form; saved only when the whole draft still loads, else every problem
    is shown on its field."""
    version = version_in(request.organisation, pk=pk)
    if version.is_published:
        messages.info(request, "A published version cannot be changed. Start a new draft from it")
        return redirect("organisations:version", org=org, pk=pk)
    chosen = _part(part)
    organisation = request.organisation
    titles = chosen.entry(STAFF_TITLES) is not None
    holders = {
        h.role_key: h.user
        for h in RoleHolder.objects.current()
        .filter(organisation=organisation)
        .select_related("user")
    }
    form = PartForm(
        request.POST if request.method == "POST" else None,
        part=chosen,
        document=_document(version),
        people=known_to(organisation) if titles else None,
        holders=holders,
    )
    elsewhere: list[tuple[str, Part | None]] = []
    if request.method == "POST" and not form.adding and form.is_valid():
        try:
            save_part(
                version=version,
                slug=chosen.slug,
                values=form.part_values(),
                holders=form.chosen_holders(),
                actor=request.user,
                today=timezone.localdate(),
            )
        except InvalidPolicy as refusal:
            elsewhere = [
                (form_message(p), _part_of(p.key))
                for p in form.show_problems(refusal.file_problems)
            ]
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"{chosen.title} saved")
            return redirect("organisations:draft_parts", org=org, pk=pk)
    return staff_page(
        request,
        "organisations/draft_part.html",
        version=version,
        part=chosen,
        form=form,
        elsewhere=elsewhere,
    )


@staff(*READERS)
@require_GET
def draft_changes(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """What a draft changes from the version or preset it started from, in words."""
    version = version_in(request.organisation, pk=pk)
    before = base_text(version)
    changes = differences(before, version.source) if before is not None else ()
    return staff_page(
        request,
        "organisations/draft_changes.html",
        version=version,
        changes=changes,
        base=base_name(version),
    )
