"""A meeting's papers, for members to read beforehand (MTG-6): attached, and removed when
one was uploaded by mistake."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.audited import create_logged, save_logged
from panelkeeper.meetings.models import Meeting, MeetingStatus, Paper

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def attach_paper(*, meeting: Meeting, title: str, file: UploadedFile[bytes], actor: User) -> Paper:
    """Attach a paper to a meeting for members to read beforehand (MTG-6)."""
    title = " ".join(title.split())
    if not title:
        raise Refused("Enter the title of the paper.", field="title")
    if meeting.status == MeetingStatus.CANCELLED:
        raise Refused("This meeting was cancelled. Papers are not added to it.")
    return create_logged(
        Paper,
        action="meeting_paper.attached",
        actor=actor,
        logged={"meeting": meeting, "title": title[:200], "file": file},
        uploaded_at=timezone.now(),
        uploaded_by=actor,
    )


def remove_paper(*, paper: Paper, actor: User) -> Paper:
    """Take a paper off its meeting: members no longer see or download it (MTG-6).

    For a paper uploaded by mistake, such as the wrong file or a draft. Papers of a
    meeting already held or cancelled may be removed too: a wrong file should not stay
    in front of members because the meeting has passed. The stored file is deleted once
    the removal is saved, but the row stays, without its file, so the meeting's record
    and the audit trail still show which paper (by its title) was on which meeting, who
    uploaded it, and who removed it and when. Refuses a paper already removed.
    """
    with transaction.atomic():
        locked = (
            Paper.objects.select_for_update(of=("self",))
            .select_related("meeting__group__organisation")
            .get(pk=paper.pk)
        )
        if locked.removed_at is not None:
            raise Refused("This paper has already been removed from the meeting.")
        storage, stored = locked.file.storage, locked.file.name
        locked.file = ""
        locked.removed_at = timezone.now()
        locked.removed_by = actor
        fields = ["file", "removed_at", "removed_by"]
        save_logged(obj=locked, fields=fields, action="meeting_paper.removed", actor=actor)
        if stored:
            # Only once the removal is saved: a rollback must not lose the file.
            transaction.on_commit(lambda: storage.delete(stored))
    paper.file, paper.removed_at, paper.removed_by = locked.file, locked.removed_at, actor
    return locked
