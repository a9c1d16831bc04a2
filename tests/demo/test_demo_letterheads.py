"""The demo organisations' letterheads: an invented address, contact details and a logo
drawn from their initials, stored as an officer's upload is, so demo letters look whole."""

from __future__ import annotations

import io

from django.test import override_settings
from PIL import Image

from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.models import Case
from panelkeeper.letters.issuing import issue_case_letter
from panelkeeper.letters.letterhead import letterhead_of
from panelkeeper.organisations.demo import DEMO_DETAILS, initials, initials_logo
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.policy.presets import PRESETS
from tests.demo.test_demo import run_demo


def test_initials_leave_out_words_in_brackets_and_small_words() -> None:
    assert initials("Vela Group (Housing Hartlepool and Tristar Homes)") == "VG"
    assert initials("Great Places Housing Group") == "GPH"
    assert initials("lower case only") == "L"


def test_the_logo_is_a_png_of_the_initials_in_the_colour_asked() -> None:
    with Image.open(io.BytesIO(initials_logo("Thirteen Group", "#3a3f47"))) as image:
        assert (image.format, image.size) == ("PNG", (360, 120))
        assert image.getpixel((2, 2)) == (0x3A, 0x3F, 0x47)
        colours = {colour for _, colour in image.getcolors(maxcolors=100_000) or []}
        assert (255, 255, 255) in colours  # the initials


@override_settings(DEMO=True, DEBUG=True)
def test_every_demo_organisation_has_a_whole_letterhead_of_invented_details(db: None) -> None:
    run_demo()
    assert set(DEMO_DETAILS) == set(PRESETS)
    for organisation in Organisation.objects.all():
        head = letterhead_of(organisation)
        details = DEMO_DETAILS[organisation.slug]
        assert head.address == details.address and details.address[-1].startswith("XX")
        assert head.telephone.startswith("01632 960")  # Ofcom's numbers for drama
        assert head.email == f"involvement@{organisation.slug}.example.org"
        assert head.logo_uri.startswith("data:image/png;base64,")
        assert organisation.logo.name.startswith("logos/")
    # Through the settings page's own functions: checked and audited like an officer's.
    for action in ("organisation.details_changed", "organisation.logo_changed"):
        assert AuditEntry.objects.filter(action=action).count() == len(PRESETS)


@override_settings(DEMO=True, DEBUG=True)
def test_a_demo_letter_shows_the_logo_address_and_contact_details(db: None) -> None:
    """The letter's page and its PDF carry the same letterhead (tests/letters checks the
    PDF's text and the logo's alternative text)."""
    run_demo()
    case = Case.objects.filter(organisation__slug="vela").order_by("id").first()
    assert case is not None, "the vela demo has breach cases"
    letter = issue_case_letter(case=case, kind="investigation", actor=None)
    for line in (*DEMO_DETAILS["vela"].address, "01632 960 101", "involvement@vela.example.org"):
        assert line in letter.html
    assert 'src="data:image/png;base64,' in letter.html
    assert "Vela Group (Housing Hartlepool and Tristar Homes) logo" in letter.html
