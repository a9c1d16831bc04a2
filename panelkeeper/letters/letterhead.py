"""What frames every letter: the organisation's letterhead, and who signs it.

The letterhead comes from the organisation's details (its settings page): name, logo,
postal address, telephone and contact email. The signatory is a person and their job
title (:mod:`panelkeeper.letters.signatories` finds who, from the code in force).
"""

from __future__ import annotations

from dataclasses import dataclass

from panelkeeper.organisations.details import letterhead_logo
from panelkeeper.organisations.models import Organisation

#: The most room, in CSS pixels, the logo takes where a letter is shown on a page (a phone
#: included); in print, the letter's own style sets its size in millimetres.
ON_SCREEN = (240, 60)


def on_screen(width: int, height: int) -> tuple[int, int]:
    """The logo's size on a page: within :data:`ON_SCREEN`, in proportion."""
    if not width or not height:
        return 0, 0
    scale = min(ON_SCREEN[0] / width, ON_SCREEN[1] / height, 1)
    return max(1, round(width * scale)), max(1, round(height * scale))


@dataclass(frozen=True)
class Letterhead:
    name: str
    address: tuple[str, ...] = ()
    telephone: str = ""
    email: str = ""
    logo_uri: str = ""
    logo_width: int = 0
    """The logo's size on a page, in CSS pixels (:func:`on_screen`)."""
    logo_height: int = 0

    @property
    def logo_alt(self) -> str:
        """The logo's alternative text, which screen readers read out."""
        return f"{self.name} logo"


@dataclass(frozen=True)
class Signatory:
    """Who signs a letter: a person's name (empty when nobody holds the title) and the
    job title they sign with."""

    name: str
    title: str
    email: str = ""

    @property
    def words(self) -> str:
        """The signatory in a sentence: "Jo Bloggs, Customer Involvement Manager"."""
        return ", ".join(part for part in (self.name, self.title) if part)


def letterhead_of(organisation: Organisation) -> Letterhead:
    """The organisation's letterhead as its details stand now."""
    logo = letterhead_logo(organisation)
    lines = tuple(line for line in organisation.postal_address.splitlines() if line.strip())
    width, height = on_screen(logo.width, logo.height) if logo else (0, 0)
    return Letterhead(
        name=organisation.name,
        address=lines,
        telephone=organisation.telephone,
        email=organisation.contact_email,
        logo_uri=logo.uri if logo else "",
        logo_width=width,
        logo_height=height,
    )
