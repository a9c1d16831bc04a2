"""The rulebook: every rule in plain English with its id, figures and role titles."""

import datetime as dt
import re
from dataclasses import replace

import pytest

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.explain.rulebook import Rule, Rulebook, Section, render_text, rulebook
from panelkeeper.rules.explain.sections import (
    attendance_rules,
    documents_rules,
    duration,
    gifts_rules,
    the,
    titles,
)
from panelkeeper.rules.policy.clauses import clauses
from panelkeeper.rules.policy.loader import load_policy
from panelkeeper.rules.policy.presets import PRESETS, load_preset, preset_text
from panelkeeper.rules.policy.sections import Cites

SNAKE_CASE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")


def _book(text: str) -> str:
    return render_text(rulebook(load_policy(text, source="copy.toml")))


def test_changing_a_figure_and_a_role_title_changes_the_sentence() -> None:
    """MTG-1 and COI-3 in insight: the rulebook follows the file, not a fixed text."""
    original = preset_text("insight")
    before = _book(original)
    old_figure = (
        "A member who cannot attend sends apologies with reasons at least 2 working days "
        "before the meeting."
    )
    old_role = (
        "A member who thinks a conflict has arisen or may arise tells the Customer "
        "Involvement Co-ordinator straight away."
    )
    assert old_figure in before and old_role in before
    edited = original.replace(
        'apologies_notice = "2 working days"', 'apologies_notice = "3 working days"'
    ).replace(
        'customer_involvement_coordinator = "Customer Involvement Co-ordinator"',
        'customer_involvement_coordinator = "Involvement Lead"',
    )
    after = _book(edited)
    assert "sends apologies with reasons at least 3 working days before the meeting." in after
    assert "may arise tells the Involvement Lead straight away." in after
    assert old_figure not in after and old_role not in after
    assert "Customer Involvement Co-ordinator" not in after


@pytest.mark.parametrize("slug", PRESETS)
def test_the_rulebook_shows_no_key_from_the_file(slug: str) -> None:
    text = render_text(rulebook(load_preset(slug)))
    assert SNAKE_CASE.findall(text) == []


@pytest.mark.parametrize("slug", PRESETS)
def test_every_rule_outside_the_introduction_names_its_rule_ids(slug: str) -> None:
    book = rulebook(load_preset(slug))
    unlabelled = [
        (section.title, rule.text)
        for section in book.sections[1:]
        for rule in section.rules
        if not rule.ids
    ]
    assert unlabelled == []


@pytest.mark.parametrize("slug", PRESETS)
def test_the_rulebook_lists_the_interpretations_the_preset_relies_on(slug: str) -> None:
    policy = load_preset(slug)
    book = rulebook(policy)
    assert [i.number for i in book.interpretations] == list(policy.interpretations)
    text = render_text(book)
    for number in policy.interpretations:
        assert f"Interpretation {number}:" in text


def test_conduct_standards_appear_with_their_citable_ids() -> None:
    """MTG-8: vela's appendix items are citable as vela.app.N."""
    book: Rulebook = rulebook(load_preset("vela"))
    refs = [rule.ref for section in book.sections for rule in section.rules if rule.ref]
    assert [r for r in refs if r.startswith("vela.app.")] == [f"vela.app.{n}" for n in range(1, 24)]
    assert "[vela.app.14, MTG-8]" in render_text(book)


def test_the_rulebook_includes_the_breach_sections_from_the_ladder() -> None:
    """BR-5: vela concludes a breach within 10 working days."""
    text = render_text(rulebook(load_preset("vela")))
    assert "10 working days" in text
    assert "Group Director of Operations" in text


def test_nexus_periods_read_as_calendar_days_and_its_review_as_three_years() -> None:
    """GOV-1 for nexus: a three-yearly review by Panel and Board."""
    text = render_text(rulebook(load_preset("nexus")))
    assert "The Panel and the Board review the code every 3 years" in text
    assert "Members are not asked to sign anything." in text


def test_a_minimal_file_without_a_ladder_still_has_a_rulebook() -> None:
    text = _book(
        '[code]\nslug = "mini"\norganisation = "Mini Homes"\nversion = "1"\n'
        '[groups]\npanel = "Tenants Panel"\n[calendar]\nregion = "WLS"\n'
        "closure_days = [2026-12-24]\n"
    )
    assert "This is the code of conduct of Mini Homes for the Tenants Panel, version 1." in text
    assert (
        "bank holidays in Wales; the organisation is also closed on Thursday 24 December 2026"
        in text
    )
    assert "Breach" not in text


def _section(book: Rulebook, title: str) -> list[tuple[tuple[str, ...], str]]:
    (found,) = [s for s in book.sections if s.title == title]
    return [(rule.ids, rule.text) for rule in found.rules]


def test_a_review_by_nobody_named_is_the_organisations_and_the_assessment_date_is_given() -> None:
    """GOV-1 and GOV-2: without reviewers or a first review date the sentence says so."""
    text = (
        preset_text("nexus")
        .replace("review_due = 2014-09-01\n", "")
        .replace('reviewed_by = ["panel", "board"]\n', "")
        .replace('board = "Board"\n', "")
        .replace(
            "equality_impact_assessment = true\n",
            "equality_impact_assessment = true\nequality_impact_assessed_on = 2024-03-05\n",
        )
    )
    book = rulebook(load_policy(text, source="copy.toml"))
    assert _section(book, "The code itself") == [
        (("GOV-1",), "This version was approved on 3 August 2011."),
        (
            ("GOV-1",),
            "The organisation reviews the code every 3 years; an overdue review is flagged.",
        ),
        (
            ("GOV-1",),
            "The Panel may ask for an early review if part of the code proves unworkable.",
        ),
        (("MEM-6",), "Revisions are agreed jointly by those who review the code."),
        (("GOV-2",), "The code is subject to an equality impact assessment, last on 5 March 2024."),
    ]


def test_a_governance_table_that_sets_nothing_makes_no_section() -> None:
    book = rulebook(
        load_policy(preset_text("vela") + '\n[governance]\nrules = ["GOV-1"]\n', source="v")
    )
    assert "The code itself" not in [s.title for s in book.sections]


def test_each_behaviour_switched_off_is_stated_as_such() -> None:
    """MEM-2, MEM-6 and COI-4: the rulebook says what the software does when a switch is off."""
    text = (
        preset_text("vela")
        .replace("eligibility_needs_signatures = true", "eligibility_needs_signatures = false")
        .replace("resign_new_versions = true", "resign_new_versions = false")
        .replace("conflict_check_every_seat = true", "conflict_check_every_seat = false")
    )
    book = rulebook(load_policy(text, source="copy.toml"))
    assert _section(book, "What the software applies") == [
        (("MEM-2",), "Taking part does not wait for signatures."),
        (("MEM-6",), "Signatures stay valid when a document is revised."),
        (("COI-4",), "Conflicts are checked only where the code names them."),
    ]


def test_the_recorded_approval_date_replaces_the_files_in_the_code_section() -> None:
    """GOV-1: a published version's approval date is the one the rulebook gives."""
    book = rulebook(load_preset("nexus"), approved_on=dt.date(2026, 1, 5))
    assert _section(book, "The code itself")[0] == (
        ("GOV-1",),
        "This version was approved on 5 January 2026.",
    )
    assert "3 August 2011" not in render_text(book)


def test_without_a_governance_table_the_approval_date_closes_the_introduction() -> None:
    """GOV-1: a code that says nothing on governance still states its approval."""
    plain = rulebook(load_preset("vela"))
    book = rulebook(load_preset("vela"), approved_on=dt.date(2026, 3, 9))
    assert book.sections[0] == Section(
        "About this code",
        (*plain.sections[0].rules, Rule(("GOV-1",), "This version was approved on 9 March 2026.")),
    )
    assert book.sections[1:] == plain.sections[1:]


def test_rules_handled_outside_the_software_are_listed_by_name_with_the_reason() -> None:
    text = (
        preset_text("vela")
        + '\n[[not_modelled]]\nrule = "MEM-1"\nreason = "Recorded on paper."\n'
        + '\n[[not_modelled]]\nrule = "GOV-2"\nreason = "Assessed by the Board."\n'
    )
    book = rulebook(load_policy(text, source="copy.toml"))
    assert book.sections[-1] == Section(
        "Rules the software does not handle",
        (
            Rule(("MEM-1",), "Who counts as a customer: Recorded on paper."),
            Rule(("GOV-2",), f"{clauses()['GOV-2'].name}: Assessed by the Board."),
        ),
    )


# -- the words the sentences are made of -------------------------------------------


@pytest.mark.parametrize(
    ("title", "in_a_sentence"),
    [
        ("Chair", "the Chair"),
        ("Customer Involvement Team", "the Customer Involvement Team"),
        ("The Board", "The Board"),
        ("a nominee of the Chair", "a nominee of the Chair"),
        ("An Officer", "An Officer"),
        ("another member", "another member"),
        ("Any Director", "Any Director"),
        ("Anyone Named", "the Anyone Named"),
        ("Theatre Lead", "the Theatre Lead"),
    ],
)
def test_a_role_title_gets_the_article_it_lacks(title: str, in_a_sentence: str) -> None:
    assert the(title) == in_a_sentence


def test_a_list_of_no_roles_names_nobody() -> None:
    assert titles([]) == "nobody named"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (Duration(1, Unit.DAYS), "1 calendar day"),
        (Duration(3, Unit.DAYS), "3 calendar days"),
        (Duration(2, Unit.WORKING_DAYS), "2 working days"),
        (Duration(3, Unit.YEARS), "3 years"),
    ],
)
def test_plain_days_read_as_calendar_days(value: Duration, words: str) -> None:
    assert duration(value) == words


# -- each part's sentences where the presets leave a branch unused -----------------


def test_a_code_asking_no_signature_says_so_citing_mem_2_where_it_does() -> None:
    """MEM-2 and GOV-3: vela's documents, none of them to be signed."""
    documents = load_preset("vela").documents
    assert documents is not None
    unsigned = replace(documents, items=tuple(replace(d, sign=False) for d in documents.items))
    assert documents_rules(unsigned)[0] == Rule(
        ("MEM-2", "GOV-3"), "Members are not asked to sign anything."
    )


def test_a_countersignature_promising_nothing_listed_promises_support_mem_4() -> None:
    documents = load_preset("vela").documents
    assert documents is not None
    rules = documents_rules(replace(documents, organisation_provides=()))
    assert (
        Rule(
            ("MEM-4",),
            "The Customer Involvement Team countersigns for the organisation, promising its "
            "support, with needs identified at appointment and appraisals.",
        )
        in rules
    )


def test_word_of_lateness_need_not_say_when_the_member_will_arrive_mtg_1() -> None:
    attendance = load_preset("herefordshire").attendance
    assert attendance is not None
    assert attendance_rules(replace(attendance, apologies_with_arrival_time=False)) == [
        Rule(
            ("MTG-1",),
            "A member who will be late sends word to the Chair of the Challenge Group or the "
            "Customer Involvement Team beforehand.",
        )
    ]


def test_absences_counted_without_apologies_and_decided_by_nobody_named_mtg_2() -> None:
    """MTG-2: the run of absences, cited by the attendance part where its own table is not."""
    attendance = load_preset("nexus").attendance
    assert attendance is not None and attendance.consecutive_absences is not None
    absences = replace(
        attendance.consecutive_absences,
        cites=Cites(),
        count_with_apologies=False,
        decided_by=None,
    )
    rules = attendance_rules(
        replace(attendance, cites=Cites(("MTG-1", "MTG-2")), consecutive_absences=absences)
    )
    assert rules[-1] == Rule(
        ("MTG-2",),
        "Missing more than 2 meetings in a row (without apologies; cancelled meetings and time "
        "suspended do not count) ends membership: absence number 3 opens a decision for the "
        "group, who may accept exceptional circumstances such as serious illness instead.",
    )


def test_a_gift_discussed_with_nobody_named_is_agreed_with_the_organisation_gift_2() -> None:
    gifts = load_preset("thirteen").gifts
    assert gifts is not None
    rules = gifts_rules(replace(gifts, discuss_with=None), "the Panel")
    assert Rule(("GIFT-2",), "What happens to it is agreed with the organisation.") in rules


def test_a_gift_threshold_is_stated_with_its_figure_and_limits_the_register_gift_1() -> None:
    gifts = load_preset("vela").gifts
    assert gifts is not None
    rules = gifts_rules(replace(gifts, declare_over=25), "the Panel")
    assert rules[:2] == [
        Rule(
            ("GIFT-1",),
            "A member declares any gift or hospitality received worth more than £25 to the "
            "Customer Involvement Team.",
        ),
        Rule(
            ("GIFT-1",),
            "One worth £25 or less need not be declared, though a member may declare it.",
        ),
    ]
    assert rules[-1] == Rule(
        ("GIFT-3",),
        "Every gift and all hospitality declared go in the organisation's gifts and "
        "hospitality register.",
    )


def test_without_a_threshold_every_gift_is_declared_and_registered_gift_1_gift_3() -> None:
    gifts = load_preset("vela").gifts
    assert gifts is not None
    texts = [r.text for r in gifts_rules(gifts, "the Panel")]
    assert texts[0] == (
        "A member declares any gift or hospitality received to the Customer Involvement Team."
    )
    assert not any("need not be declared" in t for t in texts)
    assert texts[-1] == (
        "Every gift and all hospitality go in the organisation's gifts and hospitality register."
    )
