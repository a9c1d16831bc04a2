"""The QR code on the poster for raising a concern, drawn as SVG by the ``qrcode`` library.

The SVG goes into the page itself: no image file, nothing fetched, and no inline style,
so the page keeps to the content security policy.
"""

from __future__ import annotations

import qrcode
import qrcode.constants
from django.utils.safestring import SafeString, mark_safe
from qrcode.image.svg import SvgPathImage


def qr_code(address: str) -> SafeString:
    """An SVG QR code that opens ``address``, named for screen readers.

    Medium error correction, so a poster that is creased or partly covered still scans.
    """
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        image_factory=SvgPathImage,
        border=2,
    )
    code.add_data(address)
    image = code.make_image(
        **{"class": "pk-poster__qr", "role": "img", "aria-label": f"QR code that opens {address}"}
    )
    svg: str = image.to_string(encoding="unicode")
    # ElementTree escaped the address in the label; nothing else in the SVG comes from outside.
    return mark_safe(svg)
