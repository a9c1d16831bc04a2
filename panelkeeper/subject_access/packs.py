"""A subject access pack: built in one step, read by an officer, then released once.

Building again before release replaces the content with what is held now; once
released, the pack stays as it was sent. Building and releasing are in the audit trail.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_recorded, save_values
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.subject_access.gathering import about_member, about_someone_else
from panelkeeper.subject_access.models import Pack, SubjectAccessRequest

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def content_for(request: SubjectAccessRequest) -> dict[str, Any]:
    """What the pack holds: who it is for and every section about them."""
    if request.member is not None:
        sections = about_member(request.member)
    else:
        sections = about_someone_else(request.organisation_id, request.name, request.contact)
    return {
        "organisation": request.organisation.name,
        "request": request.reference,
        "person": request.person,
        "received_on": request.received_on.isoformat(),
        "sections": sections,
    }


def build_pack(*, request: SubjectAccessRequest, actor: User) -> Pack:
    """Gather everything held about the person into the request's pack."""
    with transaction.atomic():
        locked = SubjectAccessRequest.objects.select_for_update().get(pk=request.pk)
        pack = Pack.objects.filter(request=locked).first()
        if pack is not None and pack.released_on is not None:
            raise Refused("The pack was released, so it can no longer be built again.")
        content = content_for(request)
        if pack is None:
            return create_recorded(
                Pack,
                actor=actor,
                organisation=request.organisation,
                action="subject_access_pack.built",
                logged={"content": content},
                request=locked,
                built_at=timezone.now(),
                built_by=actor,
            )
        pack.content = content
        pack.built_at = timezone.now()
        pack.built_by = actor
        save_recorded(
            obj=pack,
            fields=["content", "built_at", "built_by"],
            action="subject_access_pack.rebuilt",
            actor=actor,
            organisation=request.organisation,
        )
    return pack


def release_pack(
    *, pack: Pack, reviewed: bool, released_on: dt.date, actor: User, today: dt.date
) -> Pack:
    """Record that ``actor`` read the pack and released it to the person on ``released_on``."""
    if not reviewed:
        raise Refused("Confirm you have read the whole pack before releasing it.", field="reviewed")
    refuse_future(released_on, today, what="The date it was released", field="released_on")
    with transaction.atomic():
        locked = (
            Pack.objects.select_for_update().select_related("request__organisation").get(pk=pack.pk)
        )
        if locked.released_on is not None:
            raise Refused("The pack was already released.")
        if released_on < locked.built_at.date():
            raise Refused(
                "Enter a date on or after the day the pack was built.", field="released_on"
            )
        save_values(
            locked,
            {"released_on": released_on, "released_by": actor},
            action="subject_access_pack.released",
            actor=actor,
            organisation=locked.request.organisation,
        )
    return locked


def pack_html(pack: Pack) -> str:
    """The pack as a document to read or print."""
    return render_to_string("subject_access/pack_document.html", {"pack": pack.content})
