"""Previews: wording on a real case before it is saved, and a letter before it is sent.

Nothing is stored or sent: a preview is the letter as it would be issued today, with
the same values, letterhead, address and signatory, without its PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Unpack

from panelkeeper.cases.models import Case
from panelkeeper.letters.case_letters import case_letter_values, outcome_kind
from panelkeeper.letters.dispatch import how_sent
from panelkeeper.letters.issuing import (
    Addressee,
    Chosen,
    addressee,
    case_letter_inputs,
    channel_for,
    common_values,
    party_values,
)
from panelkeeper.letters.kinds import CASE_KINDS, PARTY_KINDS, LetterKind, placeholders
from panelkeeper.letters.letterhead import Signatory, letterhead_of
from panelkeeper.letters.others import others_to_tell
from panelkeeper.letters.rendering import article_of, compose_html
from panelkeeper.letters.signatories import signatory_for
from panelkeeper.letters.wording import Wording, wording_for
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation


def sample_values(kind: str) -> dict[str, str]:
    """Each placeholder shown as what it holds, in square brackets."""
    return {name: f"[{what}]" for name, what in placeholders(kind).items()}


def preview(
    organisation: Organisation, kind: str, wording: Wording, *, case: Case | None, today: dt.date
) -> str:
    """The letter's HTML for ``case`` (or sample values); raises Refused if it cannot."""
    values = sample_values(kind)
    member = case.member if case is not None else None
    if case is not None and (kind in CASE_KINDS or kind in PARTY_KINDS):
        try:
            channel = channel_for(case.member)
        except Refused:
            channel = "post"
        values |= common_values(case.member, on=today)
        if kind in CASE_KINDS:
            values |= case_letter_values(case, kind, send_on=today, channel=channel)
        else:
            member_kind = (
                outcome_kind(case, on=today)
                if kind == LetterKind.OUTCOME_FOR_PARTY
                else LetterKind.APPEAL_DECIDED
            )
            values |= party_values(case, member_kind, sent_on=today, channel=channel)
            others = others_to_tell(case, member_kind)
            if others:
                values |= {"recipient_name": others[0].name, "your_part": others[0].your_part}
    elif case is not None:
        raise Refused(
            "This letter is not about a case: preview it with sample values", field="case"
        )
    if kind in PARTY_KINDS:
        name = values["recipient_name"]
    else:
        name = member.full_name if isinstance(member, Member) else values["member_name"]
    _, _, html = compose_html(
        wording,
        values,
        to_name=name,
        to_address="",
        large_print=False,
        letterhead=letterhead_of(organisation),
        signatory=signatory_for(organisation, kind, on=today, case=case),
    )
    return article_of(html)


@dataclass(frozen=True)
class LetterPreview:
    """A letter about a case as it would be sent today: nothing is kept or sent."""

    kind: str
    subject: str
    text: str
    html: str
    """The letter's whole HTML document, as it would be kept (show it with
    :func:`~panelkeeper.letters.rendering.letter_as_html`)."""
    to: Addressee
    signatory: Signatory

    @property
    def going(self) -> str:
        """ "It will be sent by email to Sam Subject at sam@example.org." """
        return f"It will be sent {how_sent(self.to.channel, self.to.name, self.to.address)}."


def preview_case_letter(
    *, case: Case, kind: str | None, today: dt.date, **chosen: Unpack[Chosen]
) -> LetterPreview:
    """The letter ``issue_case_letter`` would send with these choices today; it refuses
    exactly what sending would refuse, and stores and sends nothing."""
    kind, channel, values = case_letter_inputs(case, kind, today=today, **chosen)
    organisation = case.organisation
    to = addressee(case.member, channel=channel)
    signatory = signatory_for(organisation, kind, on=today, case=case)
    subject, text, html = compose_html(
        wording_for(organisation, kind),
        values,
        to_name=to.name,
        to_address=to.window,
        large_print=to.large_print,
        letterhead=letterhead_of(organisation),
        signatory=signatory,
    )
    return LetterPreview(kind, subject, text, html, to, signatory)
