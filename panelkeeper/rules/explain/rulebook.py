"""The rulebook: a policy in plain English, every rule with its id, figures and role titles.

``rulebook(policy)`` builds structured values (the web app renders the same structures
as HTML); ``render_text(rulebook)`` prints them for ``panelkeeper rules explain``.
No key from the file (snake_case) appears in either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from panelkeeper.rules.dates import day_month_year, long_date, month_year
from panelkeeper.rules.explain.sections import (
    Rule,
    Section,
    Sentences,
    attendance_rules,
    confidentiality_rules,
    documents_rules,
    duration,
    gifts_rules,
    interests_rules,
    listing,
    meetings_rules,
    membership_rules,
    sentence,
    the,
    titles,
)
from panelkeeper.rules.ladder import explain_ladder
from panelkeeper.rules.policy.clauses import INTERPRETATIONS, clauses
from panelkeeper.rules.policy.loader import Behaviours, CalendarSettings, Governance, Policy

__all__ = ["Interpretation", "Rule", "Rulebook", "Section", "render_text", "rulebook"]


@dataclass(frozen=True)
class Interpretation:
    """A reading the product takes where the codes are unclear (CLAUSES Interpretations)."""

    number: int
    text: str


@dataclass(frozen=True)
class Rulebook:
    title: str
    sections: tuple[Section, ...]
    interpretations: tuple[Interpretation, ...]


def _about(policy: Policy, cal: CalendarSettings) -> Section:
    code = policy.code
    groups = listing([g.name for g in policy.groups])
    closures = (
        "; the organisation is also closed on " + listing([long_date(d) for d in cal.closure_days])
        if cal.closure_days
        else ""
    )
    version = code.version
    if not version.lower().startswith("version"):
        version = f"version {version}"
    rules = [
        Rule(
            (),
            f"This is the code of conduct of {code.organisation} for the {groups}, {version}.",
        ),
        Rule(
            (),
            "Working days are Monday to Friday, except bank holidays in "
            f"{cal.region.label}{closures}. Periods count from the day after the event.",
        ),
    ]
    if policy.staff_roles:
        rules.append(
            Rule(
                (),
                "Staff roles named in this code, each held by a named person: "
                f"{listing([r.title for r in policy.staff_roles])}.",
            )
        )
    return Section("About this code", tuple(rules))


def _approval_sentence(approved_on: dt.date) -> str:
    return f"This version was approved on {day_month_year(approved_on)}."


def _governance(g: Governance) -> list[Rule]:
    said = Sentences(g.cites.all)
    if g.approved_on:
        said.add("GOV-1", text=_approval_sentence(g.approved_on))
    if g.review_every:
        who = (
            f"{sentence(titles(g.reviewed_by, 'and'))} review"
            if g.reviewed_by
            else "The organisation reviews"
        )
        first = f", the first time in {month_year(g.review_due)}" if g.review_due else ""
        said.add(
            "GOV-1",
            text=f"{who} the code every {duration(g.review_every)}{first}; "
            "an overdue review is flagged.",
        )
    if g.early_review_proposed_by is not None:
        said.add(
            "GOV-1",
            text=f"{sentence(titles([g.early_review_proposed_by]))} may ask for an early "
            "review if part of the code proves unworkable.",
        )
    if g.revisions_jointly_agreed:
        said.add("MEM-6", text="Revisions are agreed jointly by those who review the code.")
    if g.equality_impact_assessment:
        when = (
            f", last on {day_month_year(g.equality_impact_assessed_on)}"
            if g.equality_impact_assessed_on
            else ""
        )
        said.add("GOV-2", text=f"The code is subject to an equality impact assessment{when}.")
    return said.rules


def _behaviours(b: Behaviours) -> list[Rule]:
    def cite(rule_id: str) -> tuple[str, ...]:
        # A switch names the rule whose default it sets, cited by the code or not.
        return (rule_id,)

    return [
        Rule(
            cite("MEM-2"),
            "A member takes no part in the work until every document they must sign is signed."
            if b.eligibility_needs_signatures
            else "Taking part does not wait for signatures.",
        ),
        Rule(
            cite("MEM-6"),
            "When a new version of a signed document is published, earlier signatures become "
            "outdated and members sign again."
            if b.resign_new_versions
            else "Signatures stay valid when a document is revised.",
        ),
        Rule(
            cite("COI-4"),
            "Nobody with a conflict of interest in a breach, or implicated in it, may take any "
            "seat in deciding it."
            if b.conflict_check_every_seat
            else "Conflicts are checked only where the code names them.",
        ),
    ]


def _section[T](title: str, part: T | None, build: Callable[[T], Sequence[Rule]]) -> list[Section]:
    if part is None:
        return []
    rules = tuple(build(part))
    return [Section(title, rules)] if rules else []


def rulebook(
    policy: Policy, *, calendar: CalendarSettings | None = None, approved_on: dt.date | None = None
) -> Rulebook:
    """Every rule of ``policy`` in plain English, grouped as a member would look for it.

    ``calendar`` is the organisation's region and closure days; without one (a file read
    on its own) the file's, which default to England with no closure days.
    ``approved_on`` is the approval date recorded for a published version (GOV-1): the
    rulebook states it, in place of any date in the file, so that it says what every
    other page says.
    """
    about = _about(policy, calendar or policy.calendar)
    if approved_on is not None and policy.governance is not None:
        policy = replace(policy, governance=replace(policy.governance, approved_on=approved_on))
    elif approved_on is not None:
        approval = Rule(("GOV-1",), _approval_sentence(approved_on))
        about = Section(about.title, (*about.rules, approval))
    sections: list[Section] = [about]
    panel = the(policy.role_title("panel"))
    sections += _section("The code itself", policy.governance, _governance)
    sections += _section("Documents and signatures", policy.documents, documents_rules)
    sections += _section("Membership", policy.membership, membership_rules)
    sections += _section("Attendance and apologies", policy.attendance, attendance_rules)
    sections += _section("Meetings", policy.meetings, lambda m: meetings_rules(m, panel))
    sections += _section("Interests and conflicts", policy.interests, interests_rules)
    sections += _section(
        "Confidentiality", policy.confidentiality, lambda c: confidentiality_rules(c, panel)
    )
    sections += _section("Gifts and hospitality", policy.gifts, lambda g: gifts_rules(g, panel))
    sections += _section("What the software applies", policy.behaviours, _behaviours)
    if policy.conduct is not None:
        for part in policy.conduct.parts:
            rules = tuple(Rule(s.rules or part.cites.all, s.text, ref=s.id) for s in part.standards)
            sections.append(Section(f"Conduct: {part.title}", rules))
    if policy.breach is not None:
        sections += explain_ladder(policy.breach)
    if policy.not_modelled:
        known = clauses()
        sections.append(
            Section(
                "Rules the software does not handle",
                tuple(
                    Rule((n.rule,), f"{known[n.rule].name}: {n.reason}")
                    for n in policy.not_modelled
                ),
            )
        )
    groups = listing([g.name for g in policy.groups])
    return Rulebook(
        title=f"{policy.code.organisation}: {groups} code of conduct",
        sections=tuple(sections),
        interpretations=tuple(
            Interpretation(n, INTERPRETATIONS[n]) for n in policy.interpretations
        ),
    )


def _label(rule: Rule) -> str:
    labels = ([rule.ref] if rule.ref else []) + list(rule.ids)
    return f"[{', '.join(labels)}] " if labels else ""


def render_text(book: Rulebook) -> str:
    """The rulebook as plain text, one rule per paragraph."""
    lines = [book.title, "=" * len(book.title)]
    for section in book.sections:
        lines += ["", section.title, "-" * len(section.title)]
        lines += [f"- {_label(rule)}{rule.text}" for rule in section.rules]
    if book.interpretations:
        heading = "How the software reads unclear points"
        lines += ["", heading, "-" * len(heading)]
        lines += [f"- Interpretation {i.number}: {i.text}" for i in book.interpretations]
    return "\n".join(lines) + "\n"
