"""Starting an organisation: its record, a draft of its code from a preset, and an
invitation for its first officer, made together or not at all.

``panelkeeper setup``, the installation administrators' page and the API all call
:func:`found_organisation`, so they check exactly the same things.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction

from panelkeeper.accounts.invitations import Sent, invite, normalise_email
from panelkeeper.audit.log import record
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.policies import load_preset_draft
from panelkeeper.rules.policy.presets import PRESETS

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

NAME_LIMIT = Organisation._meta.get_field("name").max_length or 200
SLUG_LIMIT = Organisation._meta.get_field("slug").max_length or 50


@dataclass(frozen=True)
class Founded:
    organisation: Organisation
    draft: PolicyVersion
    officer_invitation: Sent


def check_details(*, name: str, slug: str, region: str, preset: str) -> tuple[str, str]:
    """The name and short name trimmed, or a refusal naming the first field that is wrong."""
    name = entered(
        name,
        field="name",
        most=NAME_LIMIT,
        missing="Enter the organisation's name",
        too_long=f"Enter a name of {NAME_LIMIT} characters or fewer",
    )
    slug = slug.strip().lower()
    try:
        validate_slug(slug)
    except ValidationError:
        raise Refused(
            "Enter a short name of letters, numbers, hyphens or underscores, like kestrel",
            field="slug",
        ) from None
    if len(slug) > SLUG_LIMIT:
        raise Refused(f"Enter a short name of {SLUG_LIMIT} characters or fewer", field="slug")
    if Organisation.objects.filter(slug=slug).exists():
        raise _taken(slug)
    if region not in Organisation.Region.values:
        codes = ", ".join(f"{r.value} ({r.label})" for r in Organisation.Region)
        raise Refused(f"Choose a region: {codes}", field="region")
    if preset not in PRESETS:
        raise Refused(f"Choose a preset: {', '.join(PRESETS)}", field="preset")
    return name, slug


def _taken(slug: str) -> Refused:
    return Refused(
        f"The short name {slug} is taken by another organisation. Choose another",
        field="slug",
    )


def found_organisation(
    *,
    name: str,
    slug: str,
    region: str,
    preset: str,
    officer_email: str,
    actor: User,
    base_url: str | None = None,
) -> Founded:
    """Create the organisation, a draft of its code from ``preset`` and an invitation for
    its first officer (emailed through the outbox), all audited, in one transaction.

    Refuses, saving nothing, a missing or long name, a malformed or taken short name, an
    unknown region or preset, and a malformed officer email address.
    """
    name, slug = check_details(name=name, slug=slug, region=region, preset=preset)
    normalise_email(officer_email)  # refuse a bad address before anything is saved
    with transaction.atomic():
        try:
            # Someone may have taken the short name since it was checked: the unique
            # constraint decides, and the refusal is the same as the check's.
            with transaction.atomic():
                organisation = Organisation.objects.create(name=name, slug=slug, region=region)
        except IntegrityError:
            raise _taken(slug) from None
        record(
            actor=actor,
            organisation=organisation,
            action="organisation.created",
            obj=organisation,
            fields=["name", "slug", "region"],
        )
        draft = load_preset_draft(organisation=organisation, preset=preset, actor=actor)
        sent = invite(
            email=officer_email,
            role="officer",
            organisation=organisation,
            actor=actor,
            base_url=base_url,
        )
    return Founded(organisation, draft, sent)
