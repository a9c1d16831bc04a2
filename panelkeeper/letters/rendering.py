"""Turning filled wording into a letter: HTML, then PDF through the platform's render_pdf.

The frame (``templates/letters/letter.html``) is ours and trusted: the organisation's
letterhead, the recipient's address where a DL window envelope shows it, the date and
reference, then the wording, closed with the name and job title of who signs it. The
officer's wording is filled by :mod:`panelkeeper.letters.placeholders`, escaped, and
placed in the frame as finished HTML. Letters are PDF/UA-1 documents (tagged, with their
language and title), so screen readers can follow them; a member who asked for large
print gets the large-print frame.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from panelkeeper.letters.letterhead import Letterhead, Signatory
from panelkeeper.letters.placeholders import fill, fill_html
from panelkeeper.letters.wording import Wording, without_closing
from panelkeeper.lib.pdf import ACCESSIBLE, render_pdf


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    pdf: bytes
    sha256: str


def closing_text(letterhead: Letterhead, signatory: Signatory) -> str:
    """The close of a letter as plain text: "Yours sincerely," then who signs it."""
    lines = [signatory.name, signatory.title]
    if signatory.title != letterhead.name:
        lines.append(letterhead.name)
    return "Yours sincerely,\n\n" + "\n".join(line for line in lines if line) + "\n"


def compose_html(
    wording: Wording,
    values: Mapping[str, str],
    *,
    to_name: str,
    to_address: str,
    large_print: bool,
    letterhead: Letterhead | None = None,
    signatory: Signatory | None = None,
) -> tuple[str, str, str]:
    """The subject, the plain text and the full HTML of a letter (no PDF yet).

    ``to_address`` is printed under the name for the envelope's window (a posted letter).
    Without a ``letterhead`` the organisation's name from ``values`` heads the letter;
    without a ``signatory`` it is signed with that name.
    """
    name = values.get("organisation_name", "")
    letterhead = letterhead or Letterhead(name)
    signatory = signatory or Signatory("", name)
    body_text = without_closing(wording.body)
    subject = " ".join(fill(wording.subject, values).split())
    text = fill(body_text, values).rstrip() + "\n\n" + closing_text(letterhead, signatory)
    body = fill_html(body_text, values)
    to_lines = [to_name, *(line.strip() for line in to_address.splitlines() if line.strip())]
    html = render_to_string(
        "letters/letter.html",
        {
            "subject": subject,
            "body": mark_safe(body),  # filled by our engine: literals and values escaped
            "to_lines": to_lines,
            "large_print": large_print,
            "letter_date": values.get("letter_date", ""),
            "reference": values.get("reference", ""),
            "letterhead": letterhead,
            "signatory": signatory,
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
    letterhead: Letterhead | None = None,
    signatory: Signatory | None = None,
) -> Rendered:
    """The letter's subject, text, HTML and PDF/UA-1 document, with the PDF's hash."""
    subject, text, html = compose_html(
        wording,
        values,
        to_name=to_name,
        to_address=to_address,
        large_print=large_print,
        letterhead=letterhead,
        signatory=signatory,
    )
    pdf = render_pdf(html, variant=ACCESSIBLE)
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
    return render_pdf(html, variant=ACCESSIBLE)


def article_of(html: str) -> str:
    """The letter itself from a stored HTML document, to show inside a page."""
    match = _ARTICLE.search(html)
    return match[1] if match else ""


def letter_as_html(html: str) -> SafeString:
    """A letter's stored HTML as it is shown on a page (officers', or the member's own):
    the letter as sent, letterhead and signature included, without the print styles."""
    return mark_safe(article_of(html))  # our own frame: the wording and values escaped
