"""Changing a draft of the code on forms, and what it is compared with (GOV-1).

A draft's text changes only through :func:`save_text` (and :func:`save_part`, which
writes one part's values into the text first). Each save checks the whole text as an
upload is checked, as a new draft's text; a text with any problem is not
saved, and the problems come back at their dotted keys for the form to show on its
fields. A published version is never changed here: start a new draft from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from panelkeeper.audit.log import save_recorded
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.policies import (
    checked_draft_text,
    load_preset_draft,
    start_from_version,
)
from panelkeeper.rules.policy.presets import PRESETS, preset_text

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

NOT_SAVED = "Nothing was saved. Correct each problem and save again."
PUBLISHED = "A published version cannot be changed. Start a new draft from it on the versions page."


def save_text(*, version: PolicyVersion, text: str, actor: User) -> PolicyVersion:
    """Replace a draft's text with ``text`` if the loader accepts it whole.

    Raises :class:`~.policies.InvalidPolicy` listing every problem, and saves nothing,
    if it does not; :class:`Refused` for a published version. A text equal to the saved
    one changes nothing and records nothing.
    """
    with transaction.atomic():
        locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if locked.is_published:
            raise Refused(PUBLISHED)
        policy = checked_draft_text(text, file_name=locked.file_name, message=NOT_SAVED)
        if text == locked.source:
            return locked
        locked.source = text
        locked.version = policy.code.version
        save_recorded(
            obj=locked,
            fields=["source", "version"],
            action="policy_version.draft_changed",
            actor=actor,
            organisation=locked.organisation,
        )
    return locked


def base_text(version: PolicyVersion) -> str | None:
    """The text ``version`` is compared with: the version it started from, else the
    preset it was loaded from; None when it came from neither."""
    if version.based_on is not None:
        return version.based_on.source
    if version.preset in PRESETS:
        return preset_text(version.preset)
    return None


def base_name(version: PolicyVersion) -> str:
    """What ``version`` is compared with, in words: "version “2026-1”", "the thirteen
    preset", or "" when it came from neither."""
    if version.based_on is not None:
        return f"version “{version.based_on.version}”"
    if version.preset in PRESETS:
        return f"the {version.preset} preset"
    return ""


# -- where a draft starts -------------------------------------------------------


def start_draft(*, organisation: Organisation, start_from: str, actor: User) -> PolicyVersion:
    """Start a draft from a preset ("preset:thirteen") or a published version of
    ``organisation``'s own code ("version:12"); another organisation's is refused as if
    it did not exist."""
    kind, _, name = start_from.partition(":")
    if kind == "preset":
        return load_preset_draft(organisation=organisation, preset=name, actor=actor)
    version = (
        PolicyVersion.objects.published().filter(organisation=organisation, pk=name).first()
        if kind == "version" and name.isdigit()
        else None
    )
    if version is None:
        raise Refused("Choose a preset or a published version to start from.", field="start_from")
    return start_from_version(version=version, actor=actor)
