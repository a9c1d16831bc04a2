"""Changing a draft of the code on forms, and what it is compared with (GOV-1).

A draft's text changes only through :func:`save_text` (and :func:`save_part`, which
writes one part's values into the text first). Each save checks the whole text as an
upload is checked, as a new draft's text; a text with any problem is not
saved, and the problems come back at their dotted keys for the form to show on its
fields. A published version is never changed here: start a new draft from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from django.db import transaction

from panelkeeper.audit.log import save_values
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.policies import (
    checked_draft_text,
    load_preset_draft,
    start_from_version,
)
from panelkeeper.organisations.role_holders import assign_role_holder
from panelkeeper.rules.policy.editing import catalogue
from panelkeeper.rules.policy.editing.document import parse, to_toml, with_values
from panelkeeper.rules.policy.editing.entries import Value
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
        locked = _locked_draft(version)
        return _replace(locked, text, actor)


def save_part(
    *,
    version: PolicyVersion,
    slug: str,
    values: Mapping[str, Value],
    actor: User,
    holders: Sequence[tuple[str, str, User]] = (),
    today: dt.date,
) -> PolicyVersion:
    """Write one part's ``values`` into a draft and save it, if the whole text still loads.

    As :func:`save_text`: every problem is raised at once (:class:`~.policies.
    InvalidPolicy`, each at its dotted key, for the form to put on its field) and nothing
    is saved. ``holders`` are (title key, or "" for a title this save adds; its title;
    person) for the staff titles part: each person holds their title from ``today``, in
    the same transaction, so a refused holder saves nothing either.
    """
    try:
        part = catalogue.part(slug)
    except KeyError:
        raise Refused("Choose a part of the code from the list.", field="part") from None
    with transaction.atomic():
        locked = _locked_draft(version)
        written = to_toml(with_values(parse(locked.source), part, values))
        saved = _replace(locked, written, actor)
        if holders:
            _assign(saved, holders, actor=actor, today=today)
    return saved


def _locked_draft(version: PolicyVersion) -> PolicyVersion:
    locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if locked.is_published:
        raise Refused(PUBLISHED)
    return locked


def _replace(locked: PolicyVersion, text: str, actor: User) -> PolicyVersion:
    policy = checked_draft_text(text, file_name=locked.file_name, message=NOT_SAVED)
    if text == locked.source:
        return locked
    save_values(
        locked,
        {"source": text, "version": policy.code.version},
        action="policy_version.draft_changed",
        actor=actor,
        organisation=locked.organisation,
    )
    return locked


def _assign(
    version: PolicyVersion,
    holders: Sequence[tuple[str, str, User]],
    *,
    actor: User,
    today: dt.date,
) -> None:
    """Give each title its holder; a title this save added is found by its title."""
    from panelkeeper.organisations.in_force import policy_of_version

    by_title = {role.title: role.key for role in policy_of_version(version).staff_roles}
    for key, title, person in holders:
        role_key = key or by_title.get(title, "")
        assign_role_holder(
            organisation=version.organisation,
            role_key=role_key,
            user=person,
            effective_from=today,
            actor=actor,
            today=today,
        )


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


def start_draft(
    *,
    organisation: Organisation,
    start_from: str,
    actor: User,
    today: dt.date,
    version_name: str = "",
) -> PolicyVersion:
    """Start a draft from a preset ("preset:thirteen") or a published version of
    ``organisation``'s own code ("version:12"); another organisation's is refused as if
    it did not exist. A draft from a version is named ``version_name``, or the name
    suggested after the version's; one from a preset keeps the preset's unless
    ``version_name`` is given."""
    kind, _, name = start_from.partition(":")
    if kind == "preset":
        # One transaction: a name the draft cannot take leaves no draft behind.
        with transaction.atomic():
            draft = load_preset_draft(organisation=organisation, preset=name, actor=actor)
            if not version_name.strip():
                return draft
            names = {"code.version": version_name.strip()}
            return save_part(version=draft, slug="names", values=names, actor=actor, today=today)
    version = (
        PolicyVersion.objects.published().filter(organisation=organisation, pk=name).first()
        if kind == "version" and name.isdigit()
        else None
    )
    if version is None:
        raise Refused("Choose a preset or a published version to start from.", field="start_from")
    return start_from_version(version=version, actor=actor, today=today, version_name=version_name)
