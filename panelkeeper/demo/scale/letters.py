"""Letters telling members of an investigation, for some of the cases in their formal
stage, each as issued and sent on the day the stage opened.

Subject, text and HTML come from the letters app itself (the organisation's wording,
letterhead and signatory; the case's values, through the same value builders as
:func:`~panelkeeper.letters.case_letters.case_letter_values`), so a generated letter
reads as one issued by hand. Asking the letters app for each letter would cost seven
queries a letter; the generator reads instead, once for a batch of organisations, what
those queries read (the cases' events and the members' other cases, which the ladder
counts) and, once for each organisation, what is the same for all its letters (its
calendar, the signatory, the clauses cited and the titles a breach is routed to: every
case of an organisation cites the same clauses, and its officer holds every title from
before the first case began). ``tests/demo/test_scale.py`` holds each letter to what
the letters app composes for its case.

Rendering a PDF/UA document takes WeasyPrint a good part of a second, which thousands of
letters cannot afford: each keeps a plain PDF of its text instead, marked untagged
(``tagged``), as a letter from before tagging would be.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from collections.abc import Sequence

from django.db.models import prefetch_related_objects

from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import as_earlier, events_of
from panelkeeper.demo.scale.bulk import Trail, insert
from panelkeeper.demo.scale.people import Made, moment
from panelkeeper.letters import facts as f
from panelkeeper.letters.case_letters import case_facts
from panelkeeper.letters.issuing import addressee, common_values
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.letterhead import letterhead_of
from panelkeeper.letters.models import Dispatch, Letter
from panelkeeper.letters.rendering import compose_html
from panelkeeper.letters.signatories import signatory_for
from panelkeeper.letters.wording import wording_for
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.rules.ladder.case import StepRefused, assess_policy

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


def letters(made: Sequence[Made]) -> int:
    """Investigation letters for the first of each organisation's cases in their formal
    stage; how many were issued."""
    chosen = [case for one in made for case in one.formal[:PER_ORGANISATION]]
    subjects = {case.member_id for case in chosen}
    # Each letter's case and the subject's other cases, with their events, in one query.
    theirs = [case for one in made for case in one.cases if case.member_id in subjects]
    prefetch_related_objects(theirs, "events")
    by_member: defaultdict[int, list[Case]] = defaultdict(list)
    for case in theirs:
        by_member[case.member_id].append(case)
    rows: list[Letter] = []
    addresses: list[str] = []
    trails: list[Trail] = []
    for one in made:
        for letter, address in _organisation_letters(one, by_member):
            rows.append(letter)
            addresses.append(address)
            trails.append(one.trail)
    issued = insert(rows)
    for letter, trail in zip(issued, trails, strict=True):
        trail.add(letter, action="letter.issued", fields=_LOGGED, at=letter.issued_at)
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
    return len(issued)


def _organisation_letters(made: Made, by_member: dict[int, list[Case]]) -> list[tuple[Letter, str]]:
    """The organisation's letters (not yet saved), each with the address it went to."""
    cases = made.formal[:PER_ORGANISATION]
    ladder = made.policy.breach
    if not cases or ladder is None:
        return []
    kind = LetterKind.INVESTIGATION
    first = cases[0]
    first_sent = max(event.effective for event in first.events.all())
    wording = wording_for(made.organisation, kind)
    letterhead = letterhead_of(made.organisation)
    calendar = calendar_for(made.organisation)
    signatory = signatory_for(made.organisation, kind, on=first_sent, case=first)
    facts = case_facts(first, on=first_sent)
    made_letters: list[tuple[Letter, str]] = []
    for case in cases:
        events = events_of(case)
        sent_on = max(event.effective for event in events)
        earlier = [as_earlier(other) for other in by_member[case.member_id] if other != case]
        try:
            view = assess_policy(
                made.policy,
                events,
                as_of=sent_on,
                case_id=case.reference,
                earlier_cases=earlier,
                calendar=calendar,
            )
        except StepRefused:
            continue  # a code whose ladder cannot read the case has nothing to tell of it
        own = dataclasses.replace(
            facts,
            reference=case.reference,
            case_id=case.reference,
            began_on=case.began_on,
            description=case.description.strip(),
        )
        to = addressee(case.member, channel=None)
        values = common_values(case.member, on=sent_on)
        values |= f.case_values(own) | f.investigation_values(view, ladder)
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
        letter = Letter(
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
        made_letters.append((letter, to.address))
    return made_letters
