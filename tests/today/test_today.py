"""The Today page and its API: what is due and waiting at the organisation, each item with
a link to the page that acts on it, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.cases.changes.steps import inform_member
from panelkeeper.cases.reading import read_case
from panelkeeper.letters.issuing import issue_resign_request
from panelkeeper.members.documents import must_resign
from panelkeeper.members.eligibility import Hurdle, eligibility
from panelkeeper.members.models import DocumentVersion
from panelkeeper.today.items import SHOWN, Item, Kind, ListKey, today_for
from tests.factory import Factory
from tests.today.records import DECIDED, one_of_each

TODAY = reverse("today:today", kwargs={"org": "home"})
API = "/api/v1/organisations/home/today"
D = dt.date


def _version(factory: Factory) -> DocumentVersion:
    factory.code_in_force("vela")
    return factory.document_version("code_of_conduct", title="Code of Conduct")


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _lists(factory: Factory, *, on: dt.date, officer: bool = True) -> dict[ListKey, object]:
    found = today_for(factory.home, today=on, is_officer=officer)
    return {waiting.key: waiting for waiting in found.lists}


# The session with its sign-in and its user (1), and the grant (1); the code in force and the
# calendar, read once for every list (2); the cases due with their members' names (1),
# the actions, the concerns (2); the documents and their versions, read once for the two
# lists that need them (2); the members to ask to re-sign a document and how many (2);
# the outcomes to tell (1); the gifts to tell and waiting for a meeting, read once for
# the two lists (1); the signatures to countersign (1); the register's settings and the
# declarations overdue (2); the missed meetings waiting (1), the subject access requests
# and their pauses (2). The page also counts the drafts of the code and reads the groups.
API_QUERIES = 19
TODAY_QUERIES = API_QUERIES + 2


def test_today_runs_the_same_queries_for_3_of_each_kind_as_for_30(
    factory: Factory, officer_client: Client
) -> None:
    version = _version(factory)
    for _ in range(3):
        one_of_each(factory, version)
    few, few_api = _queries(officer_client, TODAY), _queries(officer_client, API)
    assert (few, few_api) == (TODAY_QUERIES, API_QUERIES)
    for _ in range(27):
        one_of_each(factory, version)
    assert _queries(officer_client, TODAY) == few
    assert _queries(officer_client, API) == few_api
    lists = officer_client.get(API).json()["lists"]
    totals = {found["key"]: found["total"] for found in lists}
    assert totals == {
        "deadlines": 60,  # a deadline of each case, and each meeting action
        "concerns": 30,
        "letters": 30,
        "countersignatures": 30,
        "declarations": 30,
        "decisions": 60,  # a gift and a missed-meetings decision each
        "subject_access": 30,
    }
    assert all(len(found["items"]) <= SHOWN for found in lists)


def test_a_case_deadline_shows_the_working_days_left_as_the_case_page_counts_them_br_5(
    factory: Factory,
) -> None:
    case = factory.breach_case(effective=D(2026, 12, 21), today=D(2026, 12, 21))
    inform_member(case=case, actor=None, effective=D(2026, 12, 21), today=D(2026, 12, 21))
    # Ten working days over Christmas, Boxing Day and New Year's Day: Thursday 7 January.
    on = D(2027, 1, 5)
    deadlines = _lists(factory, on=on)[ListKey.DEADLINES]
    mine = [item for item in deadlines.items if item.kind is Kind.CASE_DEADLINE]  # type: ignore[attr-defined]
    reading = {due.deadline.label: due for due in read_case(case, as_of=on).dues}
    assert [(item.on, item.left, item.working_days) for item in mine] == [(D(2027, 1, 7), 2, True)]
    assert mine[0].left == reading[mine[0].what].left
    assert mine[0].when == "Due 7 January 2027: 2 working days left"
    assert mine[0].link == reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    assert mine[0].link_text == f"Case {case.reference}"
    assert not _lists(factory, on=D(2027, 1, 4))[ListKey.DEADLINES].items  # type: ignore[attr-defined]


def test_an_overdue_deadline_says_how_late_it_is(factory: Factory, officer_client: Client) -> None:
    case = factory.breach_case(effective=D(2026, 11, 2), today=D(2026, 11, 2))
    inform_member(case=case, actor=None, effective=D(2026, 11, 3), today=D(2026, 11, 3))
    # Due 17 November 2026; on Monday 23 November it is four working days late.
    deadlines = _lists(factory, on=D(2026, 11, 23))[ListKey.DEADLINES]
    late = [item for item in deadlines.items if item.overdue]  # type: ignore[attr-defined]
    assert [(item.on, item.left) for item in late] == [(D(2026, 11, 17), -4)]
    assert late[0].when == "Overdue since 17 November 2026: 4 working days late"
    content = officer_client.get(TODAY).content.decode()
    assert case.reference in content and "Overdue" in content


def test_officers_see_concerns_waiting_for_triage_and_auditors_do_not_br_1(
    factory: Factory, officer_client: Client, auditor_client: Client
) -> None:
    concern = factory.concern(preset="vela")
    officer_lists = officer_client.get(API).json()["lists"]
    concerns = next(found for found in officer_lists if found["key"] == "concerns")
    assert concerns["items"][0]["link"] == reverse(
        "concerns:detail", kwargs={"org": "home", "pk": concern.pk}
    )
    assert concerns["items"][0]["kind"] == "concern"
    assert "Rhona Reporter" not in officer_client.get(TODAY).content.decode()
    auditor_lists = auditor_client.get(API).json()["lists"]
    assert "concerns" not in {found["key"] for found in auditor_lists}
    assert "Concerns waiting for triage" not in auditor_client.get(TODAY).content.decode()


def test_a_decided_case_waits_for_its_outcome_letter_br_11(
    factory: Factory, officer_client: Client, auditor_client: Client
) -> None:
    case = factory.decided_case()
    letters = _lists(factory, on=D(2026, 11, 23))[ListKey.LETTERS]
    item = next(i for i in letters.items if i.kind is Kind.OUTCOME_LETTER)  # type: ignore[attr-defined]
    assert item.link == reverse("letters:issue", kwargs={"org": "home", "case": case.pk})
    assert item.when == "Since 10 November 2026"  # the day the outcome was recorded
    for_auditor = _lists(factory, on=D(2026, 11, 23), officer=False)[ListKey.LETTERS]
    assert {i.link for i in for_auditor.items} == {  # type: ignore[attr-defined]
        reverse("letters:to_send", kwargs={"org": "home"})
    }
    factory.letter()
    assert not [
        i
        for i in _lists(factory, on=D(2026, 11, 23))[ListKey.LETTERS].items  # type: ignore[attr-defined]
        if i.kind is Kind.OUTCOME_LETTER
    ]


def test_a_signature_waits_for_countersignature_until_an_officer_gives_it_mem_4(
    factory: Factory,
) -> None:
    version = _version(factory)
    member = factory.panel_member(full_name="Cora Countersign")
    signature = factory.signature(member, version)
    waiting = _lists(factory, on=D(2026, 11, 23))[ListKey.COUNTERSIGNATURES]
    assert [(i.member, i.link) for i in waiting.items] == [  # type: ignore[attr-defined]
        ("Cora Countersign", reverse("members:detail", kwargs={"org": "home", "pk": member.pk}))
    ]
    factory.countersignature(signature)
    assert not _lists(factory, on=D(2026, 11, 23))[ListKey.COUNTERSIGNATURES].items  # type: ignore[attr-defined]


def test_a_declaration_never_reviewed_is_overdue_coi_1(factory: Factory) -> None:
    member = factory.panel_member(full_name="Dee Declare")
    waiting = _lists(factory, on=D(2026, 11, 23))[ListKey.DECLARATIONS]
    item = next(i for i in waiting.items if i.member == "Dee Declare")  # type: ignore[attr-defined]
    assert item.overdue
    assert item.link == reverse("registers:member", kwargs={"org": "home", "member": member.pk})


def test_gifts_and_missed_meetings_wait_for_a_meeting_gift_2_mtg_2(
    factory: Factory, officer_client: Client, auditor_client: Client
) -> None:
    version = _version(factory)
    one_of_each(factory, version, cases=False)
    decided = factory.gift(**DECIDED)
    decisions = _lists(factory, on=D(2026, 11, 23))[ListKey.DECISIONS]
    kinds = sorted(i.kind for i in decisions.items)  # type: ignore[attr-defined]
    assert kinds == [Kind.GIFT_DECISION, Kind.MISSED_MEETINGS_DECISION]
    assert all(str(decided.pk) not in i.link for i in decisions.items)  # type: ignore[attr-defined]
    # Every link opens for the persona it was made for.
    for client in (officer_client, auditor_client):
        for found in client.get(API).json()["lists"]:
            for item in found["items"]:
                assert client.get(item["link"]).status_code == 200, item


def test_each_list_shows_at_most_twenty_and_links_to_the_rest(
    factory: Factory, officer_client: Client
) -> None:
    for _ in range(SHOWN + 3):
        factory.gift()
    content = officer_client.get(TODAY).content.decode()
    assert "Decisions waiting for a meeting (23)" in content
    assert "And 3 more" in content


def test_today_shows_no_machine_words_and_no_iso_dates(
    factory: Factory, officer_client: Client
) -> None:
    version = _version(factory)
    one_of_each(factory, version)
    main = officer_client.get(TODAY).content.decode().split("<main", 1)[1].split("</main>")[0]
    text = re.sub(r"<[^>]+>", " ", main)
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)


def test_anyone_else_is_refused_today(
    factory: Factory, client: Client, outsider_client: Client
) -> None:
    assert client.get(TODAY).status_code == 302
    assert outsider_client.get(TODAY).status_code == 404
    assert outsider_client.get(API).status_code == 404
    member = Client()
    member.force_login(factory.member())
    assert member.get(TODAY).status_code == 404
    assert member.get(API).status_code == 404
    assert client.get(API).status_code == 401


def _two_versions(factory: Factory) -> tuple[DocumentVersion, DocumentVersion]:
    """Version 2026-1 of the Code of Conduct, and 2026-2 published on 1 June 2026."""
    factory.code_in_force("vela")
    first = factory.document_version("code_of_conduct", title="Code of Conduct", label="2026-1")
    second = factory.document_version(
        "code_of_conduct", title="Code of Conduct", label="2026-2", published_on=D(2026, 6, 1)
    )
    return first, second


def _resign_items(factory: Factory) -> list[Item]:
    letters = _lists(factory, on=D(2026, 11, 23))[ListKey.LETTERS]
    return [i for i in letters.items if i.kind is Kind.RESIGN_LETTER]  # type: ignore[attr-defined]


def test_members_who_must_re_sign_wait_on_today_until_asked_by_letter_mem_6(
    factory: Factory,
) -> None:
    first, second = _two_versions(factory)
    member = factory.panel_member(full_name="Rhys Resign", email="rhys@example.org")
    factory.signature(member, first)
    factory.signature(factory.panel_member(full_name="Sian Signed"), second)
    factory.panel_member(full_name="Never Signed")
    items = _resign_items(factory)
    assert [(i.member, i.what, i.when) for i in items] == [
        (
            "Rhys Resign",
            "Ask them to sign the Code of Conduct, version 2026-2 (they signed version 2026-1)",
            "Since 1 June 2026",
        )
    ]
    assert items[0].link == reverse("letters:to_send", kwargs={"org": "home"}) + "#new-versions"
    issue_resign_request(member=member, version=second, signed_label="2026-1", actor=None)
    assert _resign_items(factory) == []


def test_a_member_who_signs_the_new_version_no_longer_waits_mem_6(factory: Factory) -> None:
    first, second = _two_versions(factory)
    member = factory.panel_member()
    factory.signature(member, first)
    assert len(_resign_items(factory)) == 1
    factory.signature(member, second, signed_on=D(2026, 6, 2))
    assert _resign_items(factory) == []


def test_who_must_re_sign_agrees_with_each_members_eligibility_mem_6(factory: Factory) -> None:
    first, second = _two_versions(factory)
    outdated, current, ended = (factory.panel_member() for _ in range(3))
    factory.signature(outdated, first)
    factory.signature(current, first)
    factory.signature(current, second, signed_on=D(2026, 6, 2))
    factory.signature(ended, first)
    ended.ended_on = D(2026, 9, 1)
    ended.save()
    on = D(2026, 11, 23)
    found = must_resign(factory.home, on=on)
    assert [(r.member, r.signed_label, r.current_label) for r in found] == [
        (outdated, "2026-1", "2026-2")
    ]
    for member in (outdated, current):
        hurdles = {c.state for c in eligibility(member, on=on).documents}
        assert (Hurdle.OUTDATED in hurdles) == (member == outdated)
    # Before the new version is published nobody has anything to re-sign.
    assert must_resign(factory.home, on=D(2026, 5, 31)) == []


def test_re_signing_is_read_in_the_same_queries_for_3_members_as_for_30_mem_6(
    factory: Factory, officer_client: Client
) -> None:
    first, _ = _two_versions(factory)
    pages = (
        TODAY,
        API,
        reverse("letters:to_send", kwargs={"org": "home"}),
        reverse("members:documents", kwargs={"org": "home"}),
    )
    for _ in range(3):
        factory.signature(factory.panel_member(), first)
    few = [_queries(officer_client, url) for url in pages]
    for _ in range(27):
        factory.signature(factory.panel_member(), first)
    assert [_queries(officer_client, url) for url in pages] == few
    letters = next(f for f in officer_client.get(API).json()["lists"] if f["key"] == "letters")
    assert letters["total"] == 30
    assert {i["kind"] for i in letters["items"]} == {"resign_letter"}
    assert officer_client.get(pages[2]).content.decode().count("Ask them to sign<") == 30
