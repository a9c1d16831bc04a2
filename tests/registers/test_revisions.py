"""Revising a conflict decision: a later decision for the same member and work replaces
the earlier one from its own date, and the earlier one stays on record (COI-2, COI-3,
Interpretation 12)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.conflicts import conflict_check, conflicts_for
from panelkeeper.registers.models import ConflictDecision, Decision, WorkItem
from tests.factory import Factory
from tests.registers.conftest import TODAY, audit_actions
from tests.registers.test_conflicts import decide
from tests.registers.test_views_officers import date_fields, url

D = dt.date
API = "/api/v1/registers/home"


def revise(work: WorkItem, member: Member, actor: User, **fields: object) -> ConflictDecision:
    fields.setdefault("revision_reason", "The member's interest ended")
    fields.setdefault("decision", Decision.NO_CONFLICT)
    return decide(work, member, actor, **fields)


def as_row(decision: ConflictDecision) -> dict[str, object]:
    found = ConflictDecision.objects.filter(pk=decision.pk).values().get()
    return found


# -- the domain function -------------------------------------------------------------


def test_a_revision_replaces_the_decision_from_its_own_date_coi_2(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    member, work = factory.panel_member(), factory.work_item()
    factory.interest(member)
    first = decide(work, member, officer, decided_on=D(2026, 11, 10))
    before = as_row(first)
    second = revise(work, member, officer, decided_on=D(2026, 11, 20))
    assert second.revises == first and second.revision_reason == "The member's interest ended"
    assert as_row(first) == before  # never edited
    assert not conflicts_for(work, on=D(2026, 11, 20)).withdrawn(member)
    assert conflicts_for(work, on=TODAY).undecided == frozenset()


def test_reading_a_date_before_the_revision_gives_the_earlier_decision_coi_4(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    member, work = factory.panel_member(), factory.work_item()
    factory.interest(member)
    decide(work, member, officer, decided_on=D(2026, 11, 10))
    revise(
        work,
        member,
        officer,
        decision=Decision.WITHDRAWS_IN_PART,
        parts="The site visit",
        decided_on=D(2026, 11, 15),
    )
    revise(work, member, officer, decided_on=D(2026, 11, 20))
    assert member.pk in conflicts_for(work, on=D(2026, 11, 9)).undecided
    assert conflicts_for(work, on=D(2026, 11, 14)).excludes(member)
    assert conflicts_for(work, on=D(2026, 11, 15)).in_part == {member.pk: "The site visit"}
    assert conflicts_for(work, on=D(2026, 11, 19)).in_part == {member.pk: "The site visit"}
    on_the_day = conflicts_for(work, on=D(2026, 11, 20))
    assert not on_the_day.withdrawn(member) and on_the_day.undecided == frozenset()


def test_a_revision_on_the_same_day_counts_from_that_day_and_the_last_recorded_wins(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    """Same day: the revision is recorded after what it revises, so it has the higher id."""
    member, work = factory.panel_member(), factory.work_item()
    day = D(2026, 11, 20)
    first = decide(work, member, officer, decided_on=day)
    second = revise(work, member, officer, decided_on=day)
    third = revise(
        work, member, officer, decision=Decision.WITHDRAWS_ENTIRELY, decided_on=day,
        revision_reason="A second look at the papers",
    )  # fmt: skip
    assert conflicts_for(work, on=day).excludes(member)
    assert conflicts_for(work, on=day - dt.timedelta(days=1)).entirely == frozenset()
    [line] = conflict_check(work)
    assert [e.decision for e in line.history] == [third, second, first]
    assert [e.replaced_by for e in line.history] == [None, third, second]
    assert line.decision == third


def test_a_revision_needs_a_reason(factory: Factory, vela: PolicyVersion, officer: User) -> None:
    member, work = factory.panel_member(full_name="Dee Dupont"), factory.work_item()
    decide(work, member, officer)
    with pytest.raises(Refused, match="Enter why it is being revised") as caught:
        revise(work, member, officer, revision_reason="   ")
    assert caught.value.field == "revision_reason"
    assert ConflictDecision.objects.count() == 1


def test_a_first_decision_has_nothing_to_revise(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    with pytest.raises(Refused, match="no earlier decision") as caught:
        revise(factory.work_item(), factory.panel_member(), officer)
    assert caught.value.field == "revision_reason"
    assert not ConflictDecision.objects.exists()


def test_a_revision_may_not_be_dated_before_the_decision_it_replaces(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    member, work = factory.panel_member(), factory.work_item()
    decide(work, member, officer, decided_on=D(2026, 11, 20))
    with pytest.raises(Refused, match="after 20 November 2026") as caught:
        revise(work, member, officer, decided_on=D(2026, 11, 19))
    assert caught.value.field == "decided_on"
    assert ConflictDecision.objects.count() == 1


def test_a_revision_of_a_decision_already_revised_by_someone_else_is_refused(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    member, work = factory.panel_member(), factory.work_item()
    first = decide(work, member, officer)
    revise(work, member, officer)
    with pytest.raises(Refused, match="has changed since you opened"):
        revise(work, member, officer, revises=first.pk)
    assert ConflictDecision.objects.count() == 2


def test_the_revised_decision_must_still_be_one_the_code_allows_interpretation_12(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    member, work = factory.panel_member(), factory.work_item()
    decide(work, member, officer)
    with pytest.raises(Refused) as caught:
        revise(work, member, officer, decided_by_role="chair")
    assert caught.value.field == "decided_by_role"


def test_a_revision_is_audited_by_field_name_only(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    member, work = factory.panel_member(), factory.work_item()
    decide(work, member, officer)
    row = revise(work, member, officer, revision_reason="Private medical reasons")
    assert audit_actions(row) == ["conflict_decision.revised"]
    entry = AuditEntry.objects.get(action="conflict_decision.revised")
    assert "revises" in entry.fields and "revision_reason" in entry.fields
    assert "Private medical reasons" not in json.dumps(entry.fields)


def test_conflicts_for_runs_the_same_queries_at_3_and_30_revisions(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    work = factory.work_item()
    members = [factory.panel_member() for _ in range(3)]
    for member in members:
        factory.interest(member)
        decide(work, member, officer, decided_on=D(2026, 11, 1))

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            conflicts_for(work, on=TODAY)
            conflict_check(work)
        return len(captured)

    few = count()
    for n in range(27):
        revise(work, members[n % 3], officer, decided_on=D(2026, 11, 2 + n // 3))
    assert count() == few


# -- a vote at a meeting follows the revised decision ---------------------------------


def test_a_member_revised_out_of_an_item_cannot_vote_and_one_revised_back_in_can_coi_2(
    factory: Factory, officer: User
) -> None:
    from panelkeeper.meetings.agenda import add_agenda_item
    from panelkeeper.meetings.attendance import record_attendance
    from panelkeeper.meetings.decisions import cast_vote, open_decision
    from panelkeeper.rules.policy.presets import preset_text

    # Nexus adapted to decide by a vote (MTG-3): its own code decides by consensus.
    by_vote = preset_text("nexus").replace('decisions = "consensus"', 'decisions = "majority"')
    factory.published_version(preset="nexus", source=by_vote, in_force_from=D(2026, 1, 5))
    meeting = factory.meeting(date=D(2026, 11, 12))
    ann, bob = (factory.panel_member(full_name=name) for name in ("Ann", "Bob"))
    for member in (ann, bob):
        record_attendance(
            meeting=meeting, member=member, presence="present", actor=officer, today=TODAY
        )
    item = add_agenda_item(meeting=meeting, title="Repairs contract", actor=officer)
    roles = {"decided_by_role": "chair", "told_role": "chair", "told_on": D(2026, 11, 1)}
    decide(item.work, ann, officer, decision="no_conflict", decided_on=D(2026, 11, 2), **roles)
    revise(item.work, ann, officer, decision="entirely", decided_on=D(2026, 11, 10), **roles)
    decide(item.work, bob, officer, decision="entirely", decided_on=D(2026, 11, 2), **roles)
    revise(item.work, bob, officer, decided_on=D(2026, 11, 12), **roles)
    decision = open_decision(
        meeting=meeting, motion="Renew the contract", method="vote", item=item, actor=officer
    )
    with pytest.raises(Refused, match="withdrawn from this item"):
        cast_vote(decision=decision, member=ann, vote="for", actor=officer)
    assert cast_vote(decision=decision, member=bob, vote="for", actor=officer).vote == "for"


# -- pages ---------------------------------------------------------------------------


def revision_form(decision: str = "no_conflict", **extra: str) -> dict[str, str]:
    return {
        "decision": decision,
        "parts": "",
        "grounds": "interest",
        "decided_by_role": "customer_involvement_team",
        "told_role": "customer_involvement_team",
        **date_fields("decided_on", D(2026, 11, 19)),
        **date_fields("told_on", D(2026, 11, 19)),
        **extra,
    }


@pytest.fixture
def decided(factory: Factory, vela: PolicyVersion, officer: User, member: Member) -> WorkItem:
    """A piece of work Mina Member withdrew from entirely on 10 November 2026."""
    work = factory.work_item(on=D(2026, 11, 20))
    factory.interest(member)
    decide(work, member, officer, decided_on=D(2026, 11, 10), told_on=D(2026, 11, 10))
    return work


def test_the_revise_form_comes_filled_in_and_revises_the_decision(
    officer_client: Client, decided: WorkItem, member: Member
) -> None:
    address = url("revise_conflict", pk=decided.pk, member=member.pk)
    form = officer_client.get(address)
    assert form.status_code == 200
    first = ConflictDecision.objects.get()
    assert 'value="entirely" checked' in form.text
    assert f'name="revises" value="{first.pk}"' in form.text
    assert "Why is the decision being revised?" in form.text
    data = revision_form(revision_reason="The member's tenancy moved", revises=str(first.pk))
    response = officer_client.post(address, data)
    assert response.status_code == 302 and response["Location"] == url("work_item", pk=decided.pk)
    latest = ConflictDecision.objects.latest("id")
    assert (latest.revises, latest.decision) == (first, "no_conflict")
    assert audit_actions(latest) == ["conflict_decision.revised"]


def test_a_revision_without_a_reason_shows_the_error_at_the_field_and_saves_nothing(
    officer_client: Client, decided: WorkItem, member: Member
) -> None:
    address = url("revise_conflict", pk=decided.pk, member=member.pk)
    first = ConflictDecision.objects.get()
    response = officer_client.post(address, revision_form(revises=str(first.pk)))
    assert response.status_code == 200
    assert "Enter why the decision is being revised" in response.text
    assert 'href="#id_revision_reason"' in response.text
    early = revision_form(revision_reason="New papers", revises=str(first.pk))
    early.update(date_fields("decided_on", D(2026, 11, 9)))
    response = officer_client.post(address, early)
    assert "the date of the decision it replaces" in response.text
    assert ConflictDecision.objects.count() == 1


def test_the_work_page_shows_each_members_decisions_latest_first(
    officer_client: Client, auditor_client: Client, decided: WorkItem, member: Member
) -> None:
    first = ConflictDecision.objects.get()
    data = revision_form(revision_reason="The member's tenancy moved", revises=str(first.pk))
    officer_client.post(url("revise_conflict", pk=decided.pk, member=member.pk), data)
    page = officer_client.get(url("work_item", pk=decided.pk)).text
    assert "Replaced on 19 November 2026" in page
    assert page.index("No conflict") < page.index("Withdraws from the work entirely")
    assert "Revised because: The member&#x27;s tenancy moved" in page
    assert "Revise this decision" in page
    assert "Revise this decision" not in auditor_client.get(url("work_item", pk=decided.pk)).text


def test_the_record_page_sends_to_the_revise_page_once_a_decision_exists(
    officer_client: Client, decided: WorkItem, member: Member
) -> None:
    response = officer_client.get(url("decide_conflict", pk=decided.pk, member=member.pk))
    assert response["Location"] == url("revise_conflict", pk=decided.pk, member=member.pk)


def test_only_officers_of_the_organisation_may_revise(
    client: Client, auditor_client: Client, factory: Factory, decided: WorkItem, member: Member
) -> None:
    address = url("revise_conflict", pk=decided.pk, member=member.pk)
    first = ConflictDecision.objects.get()
    data = revision_form(revision_reason="New papers", revises=str(first.pk))
    assert auditor_client.get(address).status_code == 403
    assert auditor_client.post(address, data).status_code == 403
    outsider = Client()
    outsider.force_login(factory.officer(factory.other))
    assert outsider.get(address).status_code == 404
    assert outsider.post(address, data).status_code == 404
    assert client.post(address, data).status_code == 302  # to sign in
    assert ConflictDecision.objects.count() == 1


# -- API -----------------------------------------------------------------------------


def post_decision(client: Client, work: WorkItem, **fields: object) -> object:
    payload = {
        "decision": "no_conflict",
        "decided_by_role": "customer_involvement_team",
        "decided_on": "2026-11-19",
        "told_role": "customer_involvement_team",
        "told_on": "2026-11-19",
        **fields,
    }
    return client.post(
        f"{API}/work-items/{work.pk}/decisions",
        json.dumps(payload),
        content_type="application/json",
    )


def test_the_api_revises_a_decision_and_answers_with_the_history(
    officer_client: Client, decided: WorkItem, member: Member
) -> None:
    refused = post_decision(officer_client, decided, member_id=member.pk)
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert refused.json()["field"] == "revision_reason"  # type: ignore[attr-defined]
    assert ConflictDecision.objects.count() == 1
    early = post_decision(
        officer_client, decided, member_id=member.pk, revision_reason="New", decided_on="2026-11-01"
    )
    assert early.json()["field"] == "decided_on"  # type: ignore[attr-defined]
    revised = post_decision(
        officer_client, decided, member_id=member.pk, revision_reason="The interest ended"
    )
    assert revised.status_code == 201  # type: ignore[attr-defined]
    body = revised.json()  # type: ignore[attr-defined]
    first = ConflictDecision.objects.earliest("id")
    assert (body["decision"], body["revises_id"]) == ("no_conflict", first.pk)
    assert [(h["decision"], h["replaced_on"]) for h in body["history"]] == [
        ("no_conflict", None),
        ("entirely", "2026-11-19"),
    ]
    detail = officer_client.get(f"{API}/work-items/{decided.pk}").json()
    [line] = detail["check"]
    assert line["decision"]["id"] == body["id"] and len(line["history"]) == 2
    assert detail["conflicts"]["entirely"] == []


def test_the_api_refuses_revisions_by_an_auditor_or_another_organisation(
    auditor_client: Client, factory: Factory, decided: WorkItem, member: Member
) -> None:
    fields = {"member_id": member.pk, "revision_reason": "New"}
    assert post_decision(auditor_client, decided, **fields).status_code == 403  # type: ignore[attr-defined]
    outsider = Client()
    outsider.force_login(factory.officer(factory.other))
    assert post_decision(outsider, decided, **fields).status_code == 404  # type: ignore[attr-defined]
    assert ConflictDecision.objects.count() == 1
