"""Turning filled wording into a letter: HTML, then PDF through the platform's render_pdf.

The frame (``templates/letters/letter.html``) is ours and trusted; the officer's wording
is filled by :mod:`panelkeeper.letters.placeholders`, escaped, and placed in the frame as
finished HTML. Letters are tagged PDFs by default, so screen readers can follow them; a
member who asked for large print gets the large-print frame.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from panelkeeper.letters.placeholders import fill, fill_html
from panelkeeper.letters.wording import Wording
from panelkeeper.lib.pdf import render_pdf


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    pdf: bytes
    sha256: str


def compose_html(
    wording: Wording,
    values: Mapping[str, str],
    *,
    to_name: str,
    to_address: str,
    large_print: bool,
) -> tuple[str, str, str]:
    """The subject, the plain text and the full HTML of a letter (no PDF yet)."""
    subject = " ".join(fill(wording.subject, values).split())
    text = fill(wording.body, values)
    body = fill_html(wording.body, values)
    html = render_to_string(
        "letters/letter.html",
        {
            "subject": subject,
            "body": mark_safe(body),  # filled by our engine: literals and values escaped
            "to_name": to_name,
            "to_address": to_address,
            "large_print": large_print,
            "letter_date": values.get("letter_date", ""),
            "reference": values.get("reference", ""),
            "organisation_name": values.get("organisation_name", ""),
        },
    )
    return subject, text, html


def render_letter(
    wording: Wording,
    values: Mapping[str, str],
    *,
    to_name: str,
    to_address: str = "",
    large_print: bool = False,
    tagged: bool = True,
) -> Rendered:
    subject, text, html = compose_html(
        wording, values, to_name=to_name, to_address=to_address, large_print=large_print
    )
    pdf = render_pdf(html, tagged=tagged)
    return Rendered(subject, text, html, pdf, hashlib.sha256(pdf).hexdigest())


_ARTICLE = re.compile(r"<!--letter-->(.*?)<!--/letter-->", re.S)
_HEAD = re.compile(r"^(.*?)<!--letter-->", re.S)


def batch_pdf(htmls: Sequence[str]) -> bytes:
    """One PDF of several letters, each starting on a new page, for the day's post.

    The stored HTML of each letter is printed as issued; each letter's own PDF (the one
    whose hash is kept) is what the member receives by email or download.
    """
    if not htmls:
        raise ValueError("There are no letters to print.")
    head = _HEAD.match(htmls[0])
    assert head is not None
    articles = [m[1] for h in htmls if (m := _ARTICLE.search(h)) is not None]
    html = head[1] + "\n".join(articles) + "\n</body>\n</html>\n"
    return render_pdf(html, tagged=True)


def article_of(html: str) -> str:
    """The letter itself from a stored HTML document, to show inside a page."""
    match = _ARTICLE.search(html)
    return match[1] if match else ""
