"""The body of each step on a case: one operation each, in :mod:`.officer_steps`.

Required fields are declared; a field with a fixed set of values is an enum, and one
whose values come from the organisation's code names the list of the vocabulary
operation that gives them (:func:`panelkeeper.lib.api.in_vocabulary`). A body with words
in it holds them to the limits of its step's form on the case page (``form_fields``).
"""

import datetime as dt
from typing import ClassVar

from ninja import Schema

from panelkeeper.cases import step_forms as sf
from panelkeeper.cases.forms import PartyForm
from panelkeeper.cases.models import PartyRole
from panelkeeper.lib.api import FormFields, fields_of, in_vocabulary
from panelkeeper.rules.ladder.case_model import AppealResult
from panelkeeper.rules.ladder.model import Channel


class DatedIn(Schema):
    """A step that records only that it happened; ``effective`` defaults to today."""

    effective: dt.date | None = None


class InformalStepIn(DatedIn):
    """An informal step of the code's ladder (BR-3), and who gave it."""

    step: str = in_vocabulary("informal_steps", "The key of one of the code's informal steps.")
    given_by_user_ids: list[int] = []
    """The members of staff who gave it."""
    given_by_member_ids: list[int] = []
    """The members of the group who gave it, such as the Chair."""


class PersonIn(DatedIn):
    """A step that names one person: ``member_id``, a member of the organisation, or
    ``user_id``, someone with a sign-in."""

    member_id: int | None = None
    user_id: int | None = None


class NewPersonIn(PersonIn):
    """Someone else involved (Interpretation 11): a member, a user, or a name with where
    they agreed to be written to (BR-11)."""

    form_fields: ClassVar[FormFields] = fields_of(PartyForm)
    role: PartyRole
    name: str = ""
    contact: str = ""
    agreed_to_letters: bool = False


class SeatIn(PersonIn):
    """A seat on the investigating group (BR-6): a member or a member of staff."""

    role_key: str = in_vocabulary("seats", "One of the seats the code gives the group.")
    impartial: bool = False


class SuspensionIn(DatedIn):
    form_fields: ClassVar[FormFields] = fields_of(sf.SuspendForm)

    until: dt.date | None = None
    reason: str = ""


class LiftingIn(DatedIn):
    form_fields: ClassVar[FormFields] = fields_of(sf.LiftSuspensionForm)

    reason: str = ""


class FindingIn(DatedIn):
    """What was found (BR-7, BR-8): a level of the code, or ``no_breach``."""

    level: str = in_vocabulary("levels", "A level of breach of the code, or no_breach.")
    confidentiality: bool = False


class OutcomeIn(DatedIn):
    """The outcome (BR-10): one on offer for the level, or another with a ``reason``."""

    form_fields: ClassVar[FormFields] = fields_of(sf.OutcomeForm)
    outcome: str = in_vocabulary("outcomes", "The key of one of the code's outcomes.")
    reason: str = ""
    until: dt.date | None = None
    """The last day of a suspension."""


class NoticeIn(Schema):
    """Written notice of the decision sent to the member (BR-11)."""

    form_fields: ClassVar[FormFields] = fields_of(sf.NoticeForm)
    SENT_AS: ClassVar[dict[str, str]] = {"effective": "sent_on"}

    sent_on: dt.date
    channel: Channel
    to: str = ""
    """The member's name, or empty for it."""


class AppealReceivedIn(Schema):
    """The member's appeal, received on ``received_on`` (BR-12)."""

    SENT_AS: ClassVar[dict[str, str]] = {"effective": "received_on"}

    received_on: dt.date


class LateAppealIn(DatedIn):
    """Whether an appeal received after its window is heard, and why."""

    form_fields: ClassVar[FormFields] = fields_of(sf.LateAppealForm)
    accepted: bool
    reason: str


class AppealDecisionIn(DatedIn):
    """The appeal decided (BR-12); ``varied`` names the ``outcome`` it substitutes."""

    form_fields: ClassVar[FormFields] = fields_of(sf.AppealDecisionForm)
    result: AppealResult
    reason: str
    outcome: str | None = in_vocabulary(
        "outcomes", "For a varied result: the outcome it substitutes.", default=None
    )


class WithdrawalIn(DatedIn):
    form_fields: ClassVar[FormFields] = fields_of(sf.ReasonForm)

    reason: str


class ClosingIn(DatedIn):
    form_fields: ClassVar[FormFields] = fields_of(sf.OptionalReasonForm)

    reason: str = ""


STEP_BODIES: dict[str, type[Schema]] = {
    "informal-step": InformalStepIn,
    "open-investigation": DatedIn,
    "add-person": NewPersonIn,
    "seat": SeatIn,
    "convene": DatedIn,
    "suspend": SuspensionIn,
    "lift-suspension": LiftingIn,
    "training-refused": DatedIn,
    "determine": FindingIn,
    "outcome": OutcomeIn,
    "notice": NoticeIn,
    "appeal": AppealReceivedIn,
    "late-appeal": LateAppealIn,
    "consider-appeal": DatedIn,
    "decide-appeal": AppealDecisionIn,
    "withdraw": WithdrawalIn,
    "close": ClosingIn,
}
"""The body of each step, by the slug of its action (:data:`panelkeeper.cases.actions.ACTIONS`)."""
