"""Demo details of an organisation: an invented postal address, contact email and telephone,
and a logo drawn from its initials, so that demo letters show a whole letterhead.

Everything here is made up: streets and towns that do not exist, postcodes in the XX area
(which no address uses), telephone numbers from the range Ofcom keeps for drama, and
addresses at example.org. Both go through the functions an officer's settings page uses,
so they are checked and audited as an officer's own would be. Details or a logo the
organisation already has are left as they are.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from panelkeeper.organisations.details import change_details, change_logo
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


@dataclass(frozen=True)
class DemoDetails:
    address: tuple[str, ...]
    telephone: str
    colour: str  # of the logo, dark enough for white initials


# Invented, every one.
DEMO_DETAILS = {
    "vela": DemoDetails(
        ("Larkspur House", "4 Quayside Walk", "Marrowby", "XX1 4VG"), "01632 960 101", "#1d4f91"
    ),
    "insight": DemoDetails(
        ("Unit 2, Fellgate Court", "Hollinbrook", "XX2 7GP"), "01632 960 202", "#5b2a86"
    ),
    "nexus": DemoDetails(
        ("The Exchange", "18 Copperfield Row", "Wrenbury Heath", "XX3 1WM"),
        "01632 960 303",
        "#0b6b5a",
    ),
    "herefordshire": DemoDetails(
        ("Orchard Chambers", "9 Mill Lane", "Ashcombe", "XX4 2HH"), "01632 960 404", "#8a3b12"
    ),
    "thirteen": DemoDetails(
        ("Riverside Point", "27 Tannery Street", "Stockmere", "XX5 3TG"),
        "01632 960 505",
        "#3a3f47",
    ),
}

LOGO_SIZE = (360, 120)


def initials(name: str) -> str:
    """Up to three capitals from ``name``'s words, leaving out any part in brackets:
    "Vela Group (Housing Hartlepool and Tristar Homes)" gives "VG"."""
    words = re.sub(r"\(.*?\)", " ", name).split()
    return "".join(word[0] for word in words if word[0].isupper())[:3] or name[:1].upper()


def initials_logo(name: str, colour: str) -> bytes:
    """A PNG logo: ``name``'s initials in white on a block of ``colour``."""
    image = Image.new("RGB", LOGO_SIZE, colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=72)
    text = initials(name)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = (LOGO_SIZE[0] - (right - left)) / 2 - left
    y = (LOGO_SIZE[1] - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=font, fill="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def load_demo_details(organisation: Organisation, *, officer: User) -> None:
    """Give a demo organisation its invented address, contact details and logo, through
    the same checks and audit entries as the settings page; what it has is kept."""
    details = DEMO_DETAILS[organisation.slug]
    if not organisation.postal_address:
        change_details(
            organisation=organisation,
            actor=officer,
            name=organisation.name,
            postal_address="\n".join(details.address),
            contact_email=f"involvement@{organisation.slug}.example.org",
            telephone=details.telephone,
        )
    if not organisation.logo:
        upload = SimpleUploadedFile(
            f"{organisation.slug}.png",
            initials_logo(organisation.name, details.colour),
            content_type="image/png",
        )
        change_logo(organisation=organisation, actor=officer, upload=upload)
