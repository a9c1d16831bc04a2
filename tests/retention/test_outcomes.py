"""Closed cases are kept by their outcome: one period for each outcome the code in force
names, shown by its own name, and the purge goes by each case's own outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.cases.changes.steps import close_case, take_informal_step
from panelkeeper.cases.models import Case
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import GroupRole
from panelkeeper.retention.models import RetentionPeriod
from panelkeeper.retention.purge import due_records, purge
from panelkeeper.retention.schedule import schedule_of, set_period
from panelkeeper.rules.ladder.model import Effect
from tests.factory import Factory
from tests.retention.clock import clock_at

CLOSED_ON = dt.date(2026, 11, 24)
WARNING = "final_written_warning"
TRAINING = "training_and_support"


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(dt.date(2026, 11, 25)):
        yield


def _closed(factory: Factory, outcome: str) -> Case:
    case = factory.decide(factory.breach_case(factory.panel_member()), outcome)
    close_case(case=case, actor=None, effective=CLOSED_ON, today=CLOSED_ON)
    return Case.objects.get(pk=case.pk)


def _due(factory: Factory, on: dt.date) -> list[tuple[str, str, str]]:
    return [
        (d.kind.key, d.period.outcome, d.label)
        for d in due_records(factory.home, today=on)
        if d.kind.key.startswith("case")
    ]


def test_the_schedule_has_a_row_for_each_outcome_of_the_code_by_its_name(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    rows = [(p.label, p.months, p.is_default) for p in schedule_of(factory.home)[:5]]
    assert rows == [
        ("Closed cases that found a breach", 72, True),
        ("Closed cases with the outcome “Asked to leave the Panel”", 72, True),
        (
            "Closed cases with the outcome “Final written warning, kept on record by Vela "
            "and the Panel”",
            72,
            True,
        ),
        ("Closed cases with the outcome “Training and support”", 72, True),
        ("Cases closed with no breach found, and withdrawn cases", 12, True),
    ]
    page = officer_client.get(reverse("retention:schedule", kwargs={"org": "home"})).text
    assert "Closed cases with the outcome “Training and support”" in page
    assert "(as for other cases that found a breach)" in page
    assert "final_written_warning" not in page.split("<main")[1].split('href="')[0]


def test_each_case_goes_when_its_own_outcome_says(factory: Factory, officer: User) -> None:
    warned, trained = _closed(factory, WARNING), _closed(factory, TRAINING)
    set_period(
        organisation=factory.home, kind="case_outcome", outcome=WARNING, months=24, actor=officer
    )
    assert _due(factory, dt.date(2028, 11, 23)) == []
    assert _due(factory, dt.date(2028, 11, 24)) == [
        ("case_outcome", WARNING, f"Case {warned.reference} about {warned.member}")
    ]
    # An outcome the organisation has not set follows cases that found a breach.
    set_period(organisation=factory.home, kind="cases_upheld", months=36, actor=officer)
    day = dt.date(2029, 11, 24)
    assert _due(factory, day) == [
        ("case_outcome", WARNING, f"Case {warned.reference} about {warned.member}"),
        ("case_outcome", TRAINING, f"Case {trained.reference} about {trained.member}"),
    ]
    with clock_at(day):
        assert purge(factory.home, today=day)["case_outcome"] == 2
    assert not Case.objects.filter(pk__in=[warned.pk, trained.pk]).exists()


def test_a_case_whose_outcome_the_code_does_not_name_is_kept_as_cases_that_found_a_breach(
    factory: Factory, officer: User
) -> None:
    """An outcome recorded with a reason (Interpretation 8) has no row of its own."""
    case = factory.decide(
        factory.breach_case(factory.panel_member()),
        "mentoring",
        reason="Agreed with the member instead.",
        effect=Effect.NONE,
    )
    close_case(case=case, actor=None, effective=CLOSED_ON, today=CLOSED_ON)
    set_period(
        organisation=factory.home, kind="case_outcome", outcome=WARNING, months=24, actor=officer
    )
    assert _due(factory, dt.date(2028, 11, 24)) == []
    assert _due(factory, dt.date(2032, 11, 24)) == [
        ("cases_upheld", "", f"Case {case.reference} about {case.member}")
    ]


def test_an_outcome_the_code_does_not_name_is_refused_and_nothing_is_saved(
    factory: Factory, officer: User
) -> None:
    factory.code_in_force("vela")
    for kind, outcome in (("case_outcome", "banished"), ("case_outcome", ""), ("letters", WARNING)):
        with pytest.raises(Refused, match="Choose an outcome your code of conduct names"):
            set_period(
                organisation=factory.home, kind=kind, outcome=outcome, months=24, actor=officer
            )
    assert not RetentionPeriod.objects.exists()


def test_the_page_and_the_api_set_an_outcomes_period(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    url = reverse("retention:change_outcome_period", kwargs={"org": "home", "outcome": TRAINING})
    page = officer_client.get(url)
    assert "Closed cases with the outcome “Training and support”" in page.text
    assert "as long as other cases that found a breach: 6 years" in page.text
    assert officer_client.post(url, {"months": "0"}).status_code == 200
    assert not RetentionPeriod.objects.exists()
    assert officer_client.post(url, {"months": "30"}).status_code == 302
    answer = officer_client.put(
        f"/api/v1/retention/home/schedule/outcomes/{WARNING}",
        {"months": 18},
        content_type="application/json",
    )
    assert answer.status_code == 200
    assert (answer.json()["outcome"], answer.json()["months"]) == (WARNING, 18)
    unknown = officer_client.put(
        "/api/v1/retention/home/schedule/outcomes/banished",
        {"months": 18},
        content_type="application/json",
    )
    assert (unknown.status_code, unknown.json()["field"]) == (422, "outcome")
    assert sorted(RetentionPeriod.objects.values_list("outcome", "months")) == [
        (WARNING, 18),
        (TRAINING, 30),
    ]
    missing = reverse("retention:change_outcome_period", kwargs={"org": "home", "outcome": "x"})
    assert officer_client.get(missing).status_code == 404


def test_an_informal_step_that_closes_a_case_is_an_outcome_of_its_own(
    factory: Factory, officer: User
) -> None:
    """Herefordshire's verbal warning closes the case (BR-3): a row of its own."""
    member = factory.panel_member()
    case = factory.breach_case(
        member, preset="herefordshire", clauses=["confidentiality_agreement"], level="minor"
    )
    chair = factory.panel_member(group=member.group, role=GroupRole.CHAIR)
    given = {"given_by_users": [officer], "given_by_members": [chair]}
    on, day = dt.date(2026, 11, 3), dt.date(2026, 11, 23)
    take_informal_step(
        case=case, step="verbal_warning", actor=None, effective=on, today=day, **given
    )
    labels = [p.label for p in schedule_of(factory.home) if p.outcome == "verbal_warning"]
    assert labels == ["Closed cases with the outcome “Verbal warning”"]  # one row, not two
    words = f"Case {case.reference} about {member}"
    assert _due(factory, dt.date(2032, 11, 2)) == []
    assert _due(factory, dt.date(2032, 11, 3)) == [("case_outcome", "verbal_warning", words)]
    set_period(
        organisation=factory.home,
        kind="case_outcome",
        outcome="verbal_warning",
        months=24,
        actor=officer,
    )
    assert _due(factory, dt.date(2028, 11, 3)) == [("case_outcome", "verbal_warning", words)]
