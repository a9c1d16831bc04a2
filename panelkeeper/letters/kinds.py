"""The letters a code puts in writing, and the placeholders each may use.

One kind per step a member is told of in writing (BR-4, BR-3, BR-10, BR-11, BR-12,
MTG-2, GIFT-2, MEM-6). Outcome letters are chosen by the outcome's effect, so an
organisation's own outcome names (a "final written warning", a "formal warning") share
the wording for warnings and show their own label through ``{outcome}``.
"""

from __future__ import annotations

from django.db import models

from panelkeeper.rules.ladder import Effect


class LetterKind(models.TextChoices):
    INVESTIGATION = "investigation", "Told of an investigation"
    GUIDANCE = "guidance", "Informal or firm guidance, or a verbal warning, confirmed"
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    TRAINING = "training", "Outcome: training and support"
    REMINDER = "reminder", "Outcome: a reminder of the code"
    WARNING = "warning", "Outcome: a warning (including a final written warning)"
    SUSPENSION = "suspension", "Outcome: suspension"
    REMOVAL = "removal", "Outcome: removal or exclusion"
    STEPPING_DOWN = "stepping_down", "Outcome: stepping down"
    MISSED_MEETINGS = "missed_meetings", "Membership ended after missed meetings"
    APPEAL_ACKNOWLEDGED = "appeal_acknowledged", "Appeal received"
    APPEAL_DECIDED = "appeal_decided", "Appeal decided"
    APPEAL_LATE_REFUSED = "appeal_late_refused", "Late appeal refused"
    GIFT_RESULT = "gift_result", "What happens to a gift or hospitality"
    RESIGN_REQUEST = "resign_request", "Please sign the new version of a document"
    OUTCOME_FOR_PARTY = "outcome_for_party", "Outcome, for others the code says are told"
    APPEAL_FOR_PARTY = "appeal_for_party", "Appeal decided, for others the code says are told"


#: The outcome letter for each effect an outcome can have (BR-10).
OUTCOME_KINDS: dict[Effect, LetterKind] = {
    Effect.NONE: LetterKind.NO_FURTHER_ACTION,
    Effect.REMINDER: LetterKind.REMINDER,
    Effect.GUIDANCE: LetterKind.GUIDANCE,
    Effect.WARNING: LetterKind.WARNING,
    Effect.TRAINING: LetterKind.TRAINING,
    Effect.SUSPENSION: LetterKind.SUSPENSION,
    Effect.MEMBERSHIP_ENDED: LetterKind.REMOVAL,
    Effect.STEPPING_DOWN: LetterKind.STEPPING_DOWN,
}

#: Outcome letters: sending one is the written notice of the decision (BR-11), which
#: starts the appeal window from its deemed receipt (BR-12, Interpretation 2).
NOTICE_KINDS = frozenset(
    {
        LetterKind.NO_FURTHER_ACTION,
        LetterKind.TRAINING,
        LetterKind.REMINDER,
        LetterKind.WARNING,
        LetterKind.SUSPENSION,
        LetterKind.REMOVAL,
        LetterKind.STEPPING_DOWN,
        LetterKind.MISSED_MEETINGS,
    }
)

#: Every letter about a case: the outcome letters, and those before and after them.
CASE_KINDS = NOTICE_KINDS | {
    LetterKind.INVESTIGATION,
    LetterKind.GUIDANCE,
    LetterKind.APPEAL_ACKNOWLEDGED,
    LetterKind.APPEAL_DECIDED,
    LetterKind.APPEAL_LATE_REFUSED,
}

#: Letters to people besides the member, where the code says every party is told in
#: writing (BR-11, BR-12): each member letter kind and the kind others are sent with it.
FOR_OTHERS: dict[LetterKind, LetterKind] = {
    **{kind: LetterKind.OUTCOME_FOR_PARTY for kind in NOTICE_KINDS},
    LetterKind.APPEAL_DECIDED: LetterKind.APPEAL_FOR_PARTY,
}
PARTY_KINDS = frozenset(FOR_OTHERS.values())

COMMON: dict[str, str] = {
    "member_name": "The member's full name",
    "organisation_name": "Your organisation's name",
    "group_name": "The member's group, for example the scrutiny panel",
    "letter_date": "The date the letter is sent",
    "contact": "Whom the member should contact with questions",
}

CASE: dict[str, str] = {
    "reference": "The case reference, for example C-00012",
    "began_on": "The date the case began",
    "description": "What the report says happened",
    "clauses": "The parts of the code the report cites",
}

OUTCOME: dict[str, str] = {
    "outcome": "The outcome decided, in the code's words",
    "decided_on": "The date of the decision",
    "level": 'The level of breach found, for example "minor breach"',
    "reasons": "Why it was decided",
    "what_happens_next": "What the outcome means for the member, with its dates",
    "how_to_appeal": "How to appeal and by when, from the code (or that no appeal is open)",
    "appeal_to": "The title of the person an appeal goes to",
    "appeal_closes": "The last day to appeal, worked out from the code; empty where none",
}

APPEAL: dict[str, str] = {
    "appeal_received_on": "The day the appeal was received",
    "appeal_to": "The title of the person considering the appeal",
    "appeal_decide_by": "The date by which the appeal is to be decided, where the code sets one",
    "appeal_result": "What the appeal decided: upheld, overturned or varied",
    "appeal_reason": "Why the appeal was decided that way",
    "window_closed": "The last day an appeal could have been made in time",
    "late_reason": "Why a late appeal was refused",
    "complaints_route": "The complaints route the code keeps open, if any",
}

GUIDANCE: dict[str, str] = {
    "step": "The informal step taken, in the code's words",
    "step_on": "The date of the step",
    "actions": "What the member agreed to do",
    "review_on": "When it will be reviewed",
    "on_file_until": "The last day it stays on the member's file, where the code says",
    "given_by": "Who gave it, as a sentence, where they were recorded",
}

INVESTIGATION: dict[str, str] = {
    "investigated_by": "Who looks into the report",
    "conclude_by": "The date the code says the matter should be dealt with by, if any",
}

GIFT: dict[str, str] = {
    "gift": "What the gift or hospitality was",
    "given_on": "When it was given",
    "gift_result": "What was decided: kept, returned, donated, shared or declined",
    "gift_note": "Any note recorded with the decision",
    "decided_on": "The date of the decision",
}

#: Letters to others involved say what the member's letters say, in the same words,
#: except where a placeholder speaks to the member.
PARTY: dict[str, str] = {
    "recipient_name": "The name of the person the letter is addressed to",
    "your_part": "How they were involved: raised the breach, or investigated it",
    **COMMON,
    "member_name": "The full name of the member the case is about",
    "contact": "Whom to contact with questions",
    "reference": CASE["reference"],
    "began_on": CASE["began_on"],
}

PARTY_OUTCOME: dict[str, str] = {
    "outcome": OUTCOME["outcome"],
    "decided_on": OUTCOME["decided_on"],
    "finding": "What was found, for example that it was a minor breach",
    "appeal_note": "Whether and until when the member may appeal",
}

PARTY_APPEAL: dict[str, str] = {
    "appeal_to": "The title of the person who considered the appeal",
    "appeal_received_on": APPEAL["appeal_received_on"],
    "appeal_result": APPEAL["appeal_result"],
}

RESIGN: dict[str, str] = {
    "document": "The document's title",
    "signed_version": "The version the member signed",
    "new_version": "The new version to sign",
}


def placeholders(kind: str) -> dict[str, str]:
    """Every placeholder ``kind`` may use, with what each holds (shown on the edit page)."""
    if kind == LetterKind.OUTCOME_FOR_PARTY:
        return PARTY | PARTY_OUTCOME
    if kind == LetterKind.APPEAL_FOR_PARTY:
        return PARTY | PARTY_APPEAL
    names = dict(COMMON)
    if kind in CASE_KINDS:
        names |= CASE
    if kind in NOTICE_KINDS:
        names |= OUTCOME
    if kind == LetterKind.GUIDANCE:
        names |= GUIDANCE
    if kind == LetterKind.INVESTIGATION:
        names |= INVESTIGATION
    if kind in (
        LetterKind.APPEAL_ACKNOWLEDGED,
        LetterKind.APPEAL_DECIDED,
        LetterKind.APPEAL_LATE_REFUSED,
    ):
        names |= APPEAL
    if kind == LetterKind.GIFT_RESULT:
        names |= GIFT
    if kind == LetterKind.RESIGN_REQUEST:
        names |= RESIGN
    return names
