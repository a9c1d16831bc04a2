"""The code editor's catalogue: every setting a landlord may change, grouped as the rulebook is.

``PARTS`` lists the forms in the rulebook's order; ``part(slug)`` finds one. Each
:class:`Part` says in plain words what it governs and names its rule ids (CLAUSES.md).
The parts for the sections members live with day to day are declared in
:mod:`.catalogue_sections`, the breach ladder's in :mod:`.catalogue_breach`. Choices that come
from the document itself (roles, levels, informal steps, outcomes) are listed by
``choices_for(field, document)`` and ``role_choices(document)`` (from :mod:`.document`).

Keys a landlord does not change, each with its reason, are in :data:`FIXED_KEYS`; a
test compares the two with what the loader reads.
"""

from __future__ import annotations

from panelkeeper.rules.policy.editing.catalogue_breach import BREACH_PARTS
from panelkeeper.rules.policy.editing.catalogue_sections import SECTION_PARTS
from panelkeeper.rules.policy.editing.entries import Field, Kind, Names, Part, Rows, yes_no

__all__ = ["FIXED_KEYS", "PARTS", "part"]

NAMES = Part(
    "names",
    "Names and words",
    "The organisation's name, the groups this code covers, and the words used for the "
    "chair, the vice chair and the group as a whole.",
    (),
    (
        Field("code.organisation", "Organisation", Kind.TEXT, required=True),
        Field("code.title", "Title of the code", Kind.TEXT, "Shown at the top of the rulebook."),
        Field(
            "code.version",
            "Version name",
            Kind.TEXT,
            "A short name for this version, such as 2027-1.",
            required=True,
        ),
        Names(
            "groups",
            "Groups this code covers",
            "group",
            "The panels or groups whose members sign this code.",
            required=True,
        ),
        Field("roles.members.chair", "What the chair is called", Kind.TEXT, default="Chair"),
        Field(
            "roles.members.vice_chair",
            "What the vice chair is called",
            Kind.TEXT,
            default="Vice Chair",
        ),
        Field(
            "roles.members.panel",
            "What the group as a whole is called",
            Kind.TEXT,
            "Used in sentences, such as: the Panel decides.",
            default="the Panel",
        ),
        Field(
            "roles.members.involved_customer",
            "What another member is called",
            Kind.TEXT,
            default="another involved customer",
        ),
        Field(
            "roles.members.project_lead",
            "What the officer leading a piece of work is called",
            Kind.TEXT,
            default="the officer leading the scrutiny project",
        ),
        Field(
            "roles.members.lead_officer_scrutinised",
            "What the lead officer of the service looked at is called",
            Kind.TEXT,
            default="the lead officer of the organisation scrutinised",
        ),
    ),
)

TITLES = Part(
    "titles",
    "Staff titles and what each does",
    "The staff titles this code names, and which of them receives reports of a breach, "
    "investigates, countersigns documents and decides appeals. Each title needs a person "
    "holding it before the code is published.",
    ("BR-2", "BR-6", "BR-12", "BR-13", "MEM-4"),
    (
        Names(
            "roles.staff",
            "Staff titles",
            "staff title",
            "Rename a title to match your organisation. A title nothing uses cannot be kept: "
            "tick what a new title does under its name.",
        ),
        Field(
            "breach.raising.route_to",
            "Who receives reports of a breach",
            Kind.ROLES,
            duty="Receives reports of a breach",
        ),
        Field(
            "breach.investigated_by",
            "Who investigates a breach",
            Kind.ROLES,
            duty="Investigates a breach",
        ),
        Field(
            "breach.raising.monitored_by",
            "Who keeps watch on how breaches are handled",
            Kind.ROLES,
            duty="Keeps watch on how breaches are handled",
        ),
        Field(
            "documents.countersigned_by",
            "Who countersigns members' documents",
            Kind.ROLE,
            duty="Countersigns members' documents (in place of any other title)",
        ),
        Field(
            "breach.appeal.to",
            "Who decides an appeal",
            Kind.ROLE,
            duty="Decides appeals (in place of any other title)",
        ),
    ),
)

DOCUMENTS = Part(
    "documents",
    "Documents and signing",
    "The documents members sign, what signing confirms, whether the organisation "
    "countersigns, and what happens when a document changes.",
    ("MEM-2", "MEM-3", "MEM-4", "MEM-6", "BR-0", "GOV-3"),
    (
        Rows(
            "documents.items",
            "Documents",
            "document",
            (
                Field("title", "Title", Kind.TEXT, required=True),
                yes_no("sign", "Members sign it"),
                yes_no("breach_may_cite", "A breach report may say it was broken"),
            ),
            key_field="key",
            title_field="title",
            required=True,
            inline=True,
        ),
        yes_no("documents.read_in_full", "Members confirm they have read every document in full"),
        yes_no(
            "documents.acknowledge_consequences",
            "Members confirm they know what may happen if they break the code",
        ),
        Field("documents.countersigned_by", "Who countersigns members' documents", Kind.ROLE),
        Field(
            "documents.organisation_provides",
            "What the organisation promises when it countersigns",
            Kind.TEXTS,
            "One on each line, such as training.",
        ),
        Field(
            "documents.needs_identified_at",
            "When members' training needs are looked at",
            Kind.TEXTS,
            "One on each line, such as when they join.",
        ),
        yes_no(
            "documents.breach_covers_spirit",
            "Going against the spirit of the documents is a breach",
        ),
        yes_no(
            "documents.breach_covers_co_regulation",
            "Working against co-regulation and partnership is a breach",
        ),
        yes_no(
            "behaviours.eligibility_needs_signatures",
            "Members take no part until they have signed every document",
            default=True,
        ),
        yes_no(
            "behaviours.resign_new_versions",
            "Members sign again when a new version of a document is published",
            default=True,
        ),
    ),
)

GOVERNANCE = Part(
    "governance",
    "The code itself",
    "When the code was approved, how often it is reviewed and by whom, and its equality "
    "impact assessment.",
    ("GOV-1", "GOV-2", "MEM-6"),
    (
        Field(
            "governance.approved_on",
            "Date approved",
            Kind.DATE,
            "Suggested as the approval date when you publish.",
        ),
        Field("governance.review_every", "How often the code is reviewed", Kind.DURATION),
        Field("governance.review_due", "Next review due", Kind.DATE),
        Field("governance.reviewed_by", "Who reviews it", Kind.ROLES),
        Field(
            "governance.early_review_proposed_by", "Who may ask for an earlier review", Kind.ROLE
        ),
        yes_no(
            "governance.revisions_jointly_agreed", "Changes are agreed by everyone who reviews it"
        ),
        yes_no("governance.equality_impact_assessment", "It has an equality impact assessment"),
        Field(
            "governance.equality_impact_assessed_on",
            "Date of the equality impact assessment",
            Kind.DATE,
        ),
    ),
)

PARTS: tuple[Part, ...] = (
    NAMES,
    TITLES,
    GOVERNANCE,
    DOCUMENTS,
    *SECTION_PARTS,
    *BREACH_PARTS,
)

_BY_SLUG = {p.slug: p for p in PARTS}


def part(slug: str) -> Part:
    """The part called ``slug``; KeyError if there is none."""
    return _BY_SLUG[slug]


#: Keys the loader reads that no form changes, each with its reason.
FIXED_KEYS: dict[str, str] = {
    "code.slug": "The code's short name ties its standards' ids together; it never changes.",
    "rules": "The rule ids a table implements say where each setting comes from, not what it is.",
    "adopted": "Rule ids the organisation applies though its code is silent: as for rules.",
    "calendar": "Bank holidays and closure days are set on the organisation's own pages.",
    "interpretations.relies_on": "The product's readings of unclear wording come with the preset.",
    "not_modelled": "Notes on rules the software does not handle; they come with the preset.",
}
