"""Letters telling members of an investigation, for some of the cases in their formal
stage, each as issued and sent on the day the stage opened.

Subject, text and HTML come from the letters app itself (the organisation's wording,
letterhead and signatory; the case's own values), so a generated letter reads as one
issued by hand. Rendering a PDF/UA document takes WeasyPrint a good part of a second,
which thousands of letters cannot afford: each keeps a plain PDF of its text instead,
marked untagged (``tagged``), as a letter from before tagging would be.
"""

from __future__ import annotations

import hashlib

from panelkeeper.cases.models import Case
from panelkeeper.demo.scale.bulk import Trail, insert
from panelkeeper.demo.scale.people import Made, moment
from panelkeeper.letters.case_letters import case_letter_values
from panelkeeper.letters.issuing import addressee, common_values
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.letterhead import letterhead_of
from panelkeeper.letters.models import Dispatch, Letter
from panelkeeper.letters.rendering import compose_html
from panelkeeper.letters.signatories import signatory_for
from panelkeeper.letters.wording import wording_for
from panelkeeper.lib.refusals import Refused

#: The most investigation letters generated for one organisation.
PER_ORGANISATION = 10
_LOGGED = ["kind", "member", "case", "channel", "addressed_to", "sha256", "corrects"]


def plain_pdf(text: str) -> bytes:
    """A one-page PDF (A4, Helvetica) of ``text``, lines cut to fit."""
    lines = [line[:95] for line in text.splitlines()][:60]

    def escaped(line: str) -> str:
        line = line.encode("latin-1", "replace").decode("latin-1")
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = (
        "BT /F1 10 Tf 12 TL 56 790 Td " + " ".join(f"({escaped(line)}) '" for line in lines) + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    table = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n".encode()
    )
    return bytes(out)


def letters(made: Made, formal: list[Case], *, trail: Trail) -> int:
    """Investigation letters for the first of ``formal`` cases; how many were issued."""
    kind = LetterKind.INVESTIGATION
    wording = wording_for(made.organisation, kind)
    letterhead = letterhead_of(made.organisation)
    rows: list[Letter] = []
    addresses: list[str] = []
    for case in formal[:PER_ORGANISATION]:
        sent_on = case.events.order_by("-effective").values_list("effective", flat=True)[0]
        to = addressee(case.member, channel=None)
        try:
            values = common_values(case.member, on=sent_on)
            values |= case_letter_values(case, kind, send_on=sent_on, channel=to.channel)
        except Refused:
            continue  # a code whose ladder has no investigation to tell of
        signatory = signatory_for(made.organisation, kind, on=sent_on, case=case)
        subject, text, html = compose_html(
            wording,
            values,
            to_name=to.name,
            to_address=to.window,
            large_print=to.large_print,
            letterhead=letterhead,
            signatory=signatory,
        )
        pdf = plain_pdf(text)
        rows.append(
            Letter(
                organisation=made.organisation,
                member=case.member,
                case=case,
                kind=kind,
                subject=subject,
                text=text,
                html=html,
                pdf=pdf,
                sha256=hashlib.sha256(pdf).hexdigest(),
                large_print=to.large_print,
                tagged=False,
                channel=to.channel,
                issued_on=sent_on,
                issued_at=moment(sent_on, 15),
                issued_by=made.officer,
                addressed_to=to.recipient,
                to_name=to.name[:200],
            )
        )
        addresses.append(to.address)
    issued = insert(rows)
    insert(
        [
            Dispatch(
                letter=letter,
                recipient=letter.addressed_to,
                channel=letter.channel,
                to_name=letter.to_name,
                to_address=address,
                sent_on=letter.issued_on,
                sent_at=letter.issued_at,
            )
            for letter, address in zip(issued, addresses, strict=True)
        ]
    )
    for letter in issued:
        trail.add(letter, action="letter.issued", fields=_LOGGED, at=letter.issued_at)
    return len(issued)
