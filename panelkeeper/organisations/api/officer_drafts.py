"""API operations for changing a draft of the code part by part, as on the draft's pages:
read every part as structured data, change one part, and list what changes in words.

A change is checked by the part's own form and then, whole, by the loader; a refusal
answers 422 with each problem at its dotted key, and nothing is saved.
"""

from __future__ import annotations

from typing import Literal

from django.utils import timezone
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import api_officers, api_readers
from panelkeeper.lib.api import out_of, read_body
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.api.officer import router, rulebook_out
from panelkeeper.organisations.api.schemas import (
    DifferenceOut,
    DraftPartsOut,
    EntryOut,
    PartIn,
    PartOut,
    PolicyVersionOut,
    RulebookOut,
)
from panelkeeper.organisations.drafting import base_name, base_text, save_part
from panelkeeper.organisations.lookups import version_in
from panelkeeper.organisations.part_data import as_json, form_for_json, refusal_of
from panelkeeper.organisations.policies import InvalidPolicy
from panelkeeper.rules.policy.editing.catalogue import PARTS, part
from panelkeeper.rules.policy.editing.differences import described, differences
from panelkeeper.rules.policy.editing.document import TOMLDocument, parse, values
from panelkeeper.rules.policy.editing.entries import Entry, Field, Kind, Names, Part


def _kind(entry: Entry) -> Kind | Literal["names", "rows"]:
    if isinstance(entry, Field):
        return entry.kind
    return "names" if isinstance(entry, Names) else "rows"


def _part_out(chosen: Part, document: TOMLDocument) -> PartOut:
    current = values(document, chosen)
    return PartOut(
        slug=chosen.slug,
        title=chosen.title,
        says=chosen.says,
        rules=list(chosen.rules),
        entries=[
            EntryOut(
                key=entry.key,
                label=entry.label,
                kind=_kind(entry),
                value=as_json(current.get(entry.key)),
                words=words,
            )
            for entry, (_, words) in zip(chosen.entries, described(document, chosen), strict=True)
        ],
    )


@api_readers.get(router, "/{org}/policy-versions/{version_id}/parts", DraftPartsOut)
def get_parts(request: StaffRequest, org: str, version_id: int) -> DraftPartsOut:
    """Every part of a version, as the rulebook groups them, with each setting's value."""
    version = version_in(request.organisation, pk=version_id)
    document = parse(version.source)
    return DraftPartsOut(
        version=PolicyVersionOut.model_validate(version, from_attributes=True),
        compared_with=base_name(version),
        parts=[_part_out(p, document) for p in PARTS],
    )


@api_officers.put(router, "/{org}/policy-versions/{version_id}/parts/{slug}", PartOut, body=PartIn)
def change_part(request: StaffRequest, org: str, version_id: int, slug: str) -> PartOut:
    """Change some settings of one part of a draft.

    Settings left out keep their values. Refused with 422, saving nothing, listing each
    problem at its dotted key, if the part's form or the whole code does not accept it."""
    version = version_in(request.organisation, pk=version_id)
    try:
        chosen = part(slug)
    except KeyError:
        raise HttpError(404, "There is no such part of the code.") from None
    sent = read_body(request, PartIn)
    form = form_for_json(part=chosen, document=parse(version.source), sent=sent.values)
    if not form.is_valid():
        raise refusal_of(form)
    try:
        saved = save_part(
            version=version,
            slug=chosen.slug,
            values=form.part_values(),
            actor=request.user,
            today=timezone.localdate(),
        )
    except InvalidPolicy as refusal:
        # Each problem at the key the API sent, worded as on the form.
        raise refusal_of(form, elsewhere=form.show_problems(refusal.file_problems)) from None
    return _part_out(chosen, parse(saved.source))


@api_readers.get(router, "/{org}/policy-versions/{version_id}/rulebook", RulebookOut)
def get_version_rulebook(request: StaffRequest, org: str, version_id: int) -> RulebookOut:
    """The rulebook a version gives members: for a draft, what publishing it would give."""
    return rulebook_out(version_in(request.organisation, pk=version_id))


@api_readers.get(router, "/{org}/policy-versions/{version_id}/differences", list[DifferenceOut])
def get_differences(request: StaffRequest, org: str, version_id: int) -> list[DifferenceOut]:
    """What a version changes from the version or preset it started from, in words."""
    version = version_in(request.organisation, pk=version_id)
    before = base_text(version)
    if before is None:
        return []
    return [out_of(DifferenceOut, d, text=str(d)) for d in differences(before, version.source)]
