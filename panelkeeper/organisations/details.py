"""An organisation's details: name, postal address, contact email, telephone, and the
logo for its letters. Officers change them on the settings page and through the settings
API, both through the functions here, so both refuse the same things.

The logo is kept on the record (``MEDIA_ROOT/logos/``) and shown to staff on the settings
page. Letters print it from :func:`letterhead_logo`: a small PNG copy carried inside the
letter itself as a ``data:`` URI, as a PDF is drawn only from the static directories
(``lib.pdf``), which an uploaded file is not in, and a letter keeps the logo it was sent
with when the organisation changes its logo later.
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from panelkeeper.accounts.invitations import normalise_email
from panelkeeper.audit.log import save_changed, save_recorded
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.founding import NAME_LIMIT
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

LOGO_LIMIT = 1024 * 1024
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg"}
_TELEPHONE = re.compile(r"^\+?[0-9 ()-]+$")
DETAILS = ("name", "postal_address", "contact_email", "telephone")


def checked_details(
    *, name: str, postal_address: str, contact_email: str, telephone: str
) -> dict[str, str]:
    """The details trimmed, or a refusal on the first field that is wrong."""
    name = name.strip()
    if not name:
        raise Refused("Enter the organisation's name", field="name")
    if len(name) > NAME_LIMIT:
        raise Refused(f"Enter a name of {NAME_LIMIT} characters or fewer", field="name")
    address = "\n".join(line.strip() for line in postal_address.strip().splitlines())
    if len(address) > 500:
        raise Refused("Enter an address of 500 characters or fewer", field="postal_address")
    email = contact_email.strip()
    if email:
        try:
            email = normalise_email(email)
        except Refused as refused:
            raise Refused(refused.message, field="contact_email") from None
    telephone = telephone.strip()
    digits = sum(c.isdigit() for c in telephone)
    if telephone and (not _TELEPHONE.match(telephone) or not 7 <= digits <= 15):
        raise Refused(
            "Enter a telephone number, like 01632 960 001 or +44 808 157 0192",
            field="telephone",
        )
    return {
        "name": name,
        "postal_address": address,
        "contact_email": email,
        "telephone": telephone,
    }


def change_details(
    *,
    organisation: Organisation,
    actor: User,
    name: str,
    postal_address: str,
    contact_email: str,
    telephone: str,
) -> Organisation:
    """Set the organisation's name, postal address, contact email and telephone; saving
    the same details records nothing. Refuses, saving nothing, any that is malformed."""
    details = checked_details(
        name=name, postal_address=postal_address, contact_email=contact_email, telephone=telephone
    )
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        save_changed(
            locked, details, action="organisation.details_changed", actor=actor, organisation=locked
        )
    for field in DETAILS:
        setattr(organisation, field, getattr(locked, field))
    return locked


def _image_format(upload: UploadedFile[bytes]) -> str:
    if upload.size is not None and upload.size > LOGO_LIMIT:
        raise Refused("The selected file must be smaller than 1 MB", field="logo")
    try:
        with Image.open(upload) as image:
            image.verify()
            kind = image.format or ""
    except (UnidentifiedImageError, OSError, SyntaxError):
        kind = ""
    if kind not in LOGO_FORMATS:
        raise Refused("The selected file must be a PNG or JPG image", field="logo")
    upload.seek(0)
    return LOGO_FORMATS[kind]


def change_logo(
    *, organisation: Organisation, actor: User, upload: UploadedFile[bytes]
) -> Organisation:
    """Keep ``upload`` as the organisation's logo for letters: a PNG or JPG image (read
    by Pillow, not judged by its name) of at most 1 MB; anything else is refused."""
    extension = _image_format(upload)
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        locked.logo.save(f"{locked.slug}.{extension}", upload, save=False)
        save_recorded(
            obj=locked,
            fields=["logo"],
            action="organisation.logo_changed",
            actor=actor,
            organisation=locked,
        )
    organisation.logo = locked.logo
    return locked


#: The largest size, in pixels, of the logo's copy in a letter: sharp at about 20 mm
#: high in print, and small enough to keep inside every letter issued.
LETTERHEAD_PIXELS = (600, 240)


@dataclass(frozen=True)
class Logo:
    """The logo as a letter carries it: a ``data:`` URI of a PNG and its size in pixels."""

    uri: str
    width: int
    height: int


def letterhead_logo(organisation: Organisation) -> Logo | None:
    """A small PNG copy of ``organisation``'s logo for its letters; None without a logo,
    or when the stored file can no longer be read (the letter goes without it)."""
    if not organisation.logo:
        return None
    try:
        with organisation.logo.open("rb") as stored, Image.open(stored) as image:
            image.thumbnail(LETTERHEAD_PIXELS)
            copy = image.convert("RGBA")
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    out = io.BytesIO()
    copy.save(out, format="PNG", optimize=True)
    encoded = base64.b64encode(out.getvalue()).decode("ascii")
    return Logo(f"data:image/png;base64,{encoded}", copy.width, copy.height)
