"""Request and response bodies of the organisations API (see :mod:`.officer`)."""

import datetime as dt
from typing import Any, ClassVar, Literal

from ninja import Schema

from panelkeeper.lib.api import FormFields, Out, PageOut, fields_of, in_vocabulary
from panelkeeper.organisations import forms as f
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.outbox.models import Status
from panelkeeper.rules.ladder.planner import PlanStep
from panelkeeper.rules.policy.editing.entries import Kind


class GroupOut(Out):
    id: int
    name: str


class OrganisationOut(Out):
    slug: str
    name: str
    region: Organisation.Region


class OrganisationDetailOut(OrganisationOut):
    groups: list[GroupOut]
    version_in_force: int | None


class PolicyVersionOut(Out):
    id: int
    version: str
    status: PolicyVersion.VersionStatus
    file_name: str
    preset: str
    created_at: dt.datetime
    approved_on: dt.date | None
    in_force_from: dt.date | None
    published_at: dt.datetime | None


class PolicyVersionPageOut(PageOut):
    versions: list[PolicyVersionOut]


class DraftIn(Schema):
    """One of ``preset`` (a preset's slug), ``from_version`` (the id of a published
    version of the organisation's code) or ``source`` with its ``file_name``.

    ``version_name`` names the draft started from a preset or a version; left out, a
    preset's draft keeps the preset's name and a version's takes the next name after
    the version's ("2.1" after "2.0")."""

    form_fields: ClassVar[FormFields] = fields_of(f.UploadForm, renamed={"source": "file"})

    preset: str | None = None
    from_version: int | None = None
    source: str | None = None
    file_name: str = "upload.toml"
    version_name: str = ""


class PublishIn(Schema):
    approved_on: dt.date
    in_force_from: dt.date


class RuleOut(Out):
    ids: list[str]
    ref: str | None
    text: str


class SectionOut(Out):
    title: str
    rules: list[RuleOut]


class InterpretationOut(Out):
    number: int
    text: str


class RulebookOut(Out):
    organisation: str
    version: PolicyVersionOut
    title: str
    sections: list[SectionOut]
    interpretations: list[InterpretationOut]


class RoleHolderOut(Out):
    id: int
    role_key: str = in_vocabulary("roles", "A staff title of the code.")
    role_title: str
    user_id: int
    user_name: str
    effective_from: dt.date
    effective_until: dt.date | None


class RoleHolderPageOut(PageOut):
    role_holders: list[RoleHolderOut]


class RoleHolderIn(Schema):
    role_key: str = in_vocabulary("roles", "A staff title of the code.")
    user_id: int
    effective_from: dt.date


class ClosureDayOut(Out):
    id: int
    date: dt.date
    reason: str


class ClosureDayPageOut(PageOut):
    closure_days: list[ClosureDayOut]


class SettingsOut(Out):
    region: Organisation.Region
    region_name: str
    closure_days: int
    name: str
    postal_address: str
    contact_email: str
    telephone: str
    has_logo: bool
    concern_form: str
    """The address of the public concern form, where anyone raises a concern (BR-1)."""


class SettingsIn(Schema):
    """PUT sends every setting; PATCH only those to change. An empty postal address,
    contact email or telephone clears it."""

    form_fields: ClassVar[FormFields] = fields_of(f.OrganisationSettingsForm)

    region: Organisation.Region | None = None
    name: str | None = None
    postal_address: str | None = None
    contact_email: str | None = None
    telephone: str | None = None


class ClosureDayIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.ClosureDayForm)
    date: dt.date
    reason: str


class PlannerQuery(Schema):
    """The deadline planner's question: a step (its key) and the day it happened
    (YYYY-MM-DD). Both are read as text, so a missing or malformed value is refused with
    the same message as the rulebook page's form gives."""

    step: PlanStep | Literal[""] = ""
    on: str = ""


class PlannedDateOut(Out):
    """A date that follows from the step: ``within`` counted from the day after ``start``.

    ``key`` is the deadline's key on a case (``conclude``, ``notice``, ``appeal_window``,
    ``appeal_consider``, ``appeal_decide``) or ``notice_received``, the deemed receipt of
    notice (Interpretation 2), for which ``deadline`` is false. ``applies_to`` names the
    outcomes a notice deadline is for when the code sets it outcome by outcome.
    """

    key: str
    label: str
    rules: list[str]
    start: dt.date
    within: str
    working_days: bool
    on: dt.date
    target: bool
    deadline: bool
    applies_to: list[str]


class PlanOut(Out):
    """When each deadline would fall if ``step`` happened ``on`` that day, under the code in
    force today and the organisation's bank holidays (``region``) and closure days."""

    step: PlanStep
    step_label: str
    on: dt.date
    region: Organisation.Region
    dates: list[PlannedDateOut]


class UndeliveredOut(Out):
    """An email the server refused (``status`` "failed", with its ``reason``), or one sent
    again after its sending was cut off (``possibly_twice``)."""

    id: int
    subject: str
    to_name: str
    to_address: str
    status: Status
    reason: str
    possibly_twice: bool
    posted_at: dt.datetime
    failed_at: dt.datetime | None
    sent_at: dt.datetime | None


class UndeliveredPageOut(PageOut):
    messages: list[UndeliveredOut]


class ResendIn(Schema):
    """The address to send the refused email to: as it was, or corrected."""

    form_fields: ClassVar[FormFields] = fields_of(f.ResendForm)

    to: str


class EntryOut(Out):
    """One setting of a part: its dotted key, label, kind, value as JSON and in words."""

    key: str
    label: str
    kind: Kind | Literal["names", "rows"]
    value: Any
    words: str


class PartOut(Out):
    slug: str
    title: str
    says: str
    rules: list[str]
    entries: list[EntryOut]


class DraftPartsOut(Out):
    version: PolicyVersionOut
    compared_with: str
    parts: list[PartOut]


class PartIn(Schema):
    """Some settings of one part, by dotted key, each as ``GET .../parts`` gives it."""

    values: dict[str, Any]


class DifferenceOut(Out):
    part: str
    label: str
    before: str | None
    after: str | None
    text: str
