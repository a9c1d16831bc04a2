"""The plain words for every fixed vocabulary a form offers, beside the value the file holds.

Each tuple pairs a value with how an officer reads it. The tests compare each with the
enum the loader reads it as, so neither can gain a value the other lacks.
"""

from __future__ import annotations

from panelkeeper.rules.ladder.model import Anchor, Party, Raiser

__all__ = [
    "ANCHORS",
    "APOLOGIES_FOR",
    "APPEAL_SCOPES",
    "CHAIR_BY",
    "DECISIONS",
    "DISCLOSE",
    "EFFECTS",
    "ESCALATION_MODES",
    "GIFTS_DECLARED",
    "GIFTS_DISCUSSED",
    "INFORMAL_EFFECTS",
    "ON_CONFLICT",
    "OPENINGS",
    "PARTIES",
    "RAISERS",
    "REQUIREMENTS",
    "UNITS",
]

type Choices = tuple[tuple[str, str], ...]


#: The units a duration is written in; "days" alone are calendar days (Interpretation 1).
UNITS: Choices = (
    ("working days", "working days"),
    ("days", "calendar days"),
    ("weeks", "weeks"),
    ("months", "months"),
    ("years", "years"),
)

# The rules' own words for these, with a capital letter as a choice starts with one.
ANCHORS: Choices = tuple((a.value, a.label[0].upper() + a.label[1:]) for a in Anchor)
PARTIES: Choices = tuple((p.value, p.label[0].upper() + p.label[1:]) for p in Party)
RAISERS: Choices = tuple((r.value, r.label[0].upper() + r.label[1:]) for r in Raiser)

EFFECTS: Choices = (
    ("none", "Nothing is put on the member's record"),
    ("reminder", "A reminder of the code"),
    ("guidance", "Guidance, noted on the member's record"),
    ("warning", "A warning on the member's record"),
    ("training", "Training for the member"),
    ("suspension", "The member is suspended"),
    ("membership_ended", "The member's membership ends"),
    ("stepping_down", "The member is asked to step down"),
)
#: An informal step may not suspend or end membership.
INFORMAL_EFFECTS: Choices = EFFECTS[:5]

OPENINGS: Choices = (
    ("member_informed", "The member is told that their conduct is being looked into"),
    ("investigation_opened", "An officer opens an investigation"),
    ("meeting_held", "The member is met in private"),
)
REQUIREMENTS: Choices = (
    ("earlier_finding", "Only when a breach by the member was found before"),
    ("warning_on_file", "Only while the member has a warning on their record"),
    ("training_refused", "Only when the member has turned down training"),
)
ESCALATION_MODES: Choices = (
    ("relevel", "The new breach is dealt with at the higher level"),
    ("open_outcomes", "The level stays the same, but the higher level's outcomes can be used"),
)
APPEAL_SCOPES: Choices = (
    ("outcomes", "Any outcome"),
    ("exclusions", "Only an outcome that ends the member's place"),
)
APOLOGIES_FOR: Choices = (
    ("absence", "Missing a meeting"),
    ("late_arrival", "Arriving late"),
)
DECISIONS: Choices = (
    ("majority", "By a majority vote"),
    ("consensus", "By agreement of everyone present"),
)
CHAIR_BY: Choices = (
    ("standing", "The same chair at every meeting"),
    ("rota_or_standing", "Members take turns, or one chair stands for every meeting"),
)
DISCLOSE: Choices = (
    ("personal", "Their own interests"),
    ("groups", "Interests of groups they speak for"),
    ("close_relatives", "Interests of close relatives"),
    ("organisations", "Interests of organisations they belong to"),
)
ON_CONFLICT: Choices = (
    ("withdraw", "The member steps out of that piece of work"),
    ("offer_to_withdraw", "The member offers to step out"),
    ("disclose_only", "The member says so and stays"),
)
GIFTS_DECLARED: Choices = (
    ("received", "Gifts and hospitality accepted"),
    ("received_or_offered", "Gifts and hospitality accepted or turned down"),
)
GIFTS_DISCUSSED: Choices = (
    ("next_meeting", "At the group's next meeting"),
    ("with_role", "With the person named below"),
)
