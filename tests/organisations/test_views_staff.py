"""Pages for role holders (BR-2, BR-13) and closure days."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.organisations.models import ClosureDay, RoleHolder
from tests.factory import Factory
from tests.organisations.conftest import audit_actions

HOLDERS = reverse("organisations:role_holders", kwargs={"org": "home"})
CLOSURES = reverse("organisations:closure_days", kwargs={"org": "home"})
ADD_CLOSURE = reverse("organisations:add_closure_day", kwargs={"org": "home"})


def assign_url(role: str) -> str:
    return reverse("organisations:assign_role_holder", kwargs={"org": "home", "role": role})


def date_fields(name: str, day: dt.date) -> dict[str, int]:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def queries_for(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_role_holders_run_the_same_queries_for_3_and_30_terms(
    factory: Factory, auditor_client: Client
) -> None:
    factory.draft_version(preset="nexus")
    start = dt.date(2020, 1, 1)
    for n in range(3):
        factory.role_holder(
            "mentor",
            effective_from=start + dt.timedelta(days=n),
            effective_until=start + dt.timedelta(days=n + 1),
        )
    few = queries_for(auditor_client, HOLDERS)
    for n in range(3, 29):
        factory.role_holder(
            "mentor",
            effective_from=start + dt.timedelta(days=n),
            effective_until=start + dt.timedelta(days=n + 1),
        )
    factory.role_holder("mentor", effective_from=start + dt.timedelta(days=29))
    assert queries_for(auditor_client, HOLDERS) == few


def test_role_holders_show_each_declared_title_and_who_holds_it(
    factory: Factory, officer_client: Client
) -> None:
    factory.draft_version(preset="vela")
    factory.role_holder(
        "customer_involvement_team",
        factory.auditor(first_name="Rhiannon", last_name="Vale"),
        role_title="Customer Involvement Team",
    )
    content = officer_client.get(HOLDERS).content.decode()
    assert "Rhiannon Vale" in content
    assert content.count(">Nobody<") == 2
    assert f'href="{assign_url("group_director_of_operations")}"' in content


def test_an_officer_assigns_a_title(
    factory: Factory, officer: User, officer_client: Client, holder: User
) -> None:
    factory.draft_version(preset="vela")
    data = {"user": holder.pk} | date_fields("effective_from", dt.date(2026, 11, 2))
    response = officer_client.post(assign_url("service_improvement_team"), data, follow=True)
    assert response.redirect_chain == [(HOLDERS, 302)]
    assert "Hana Holder now holds the title Service Improvement Team" in response.content.decode()
    made = RoleHolder.objects.get()
    assert (made.user, made.role_key, made.effective_from) == (
        holder,
        "service_improvement_team",
        dt.date(2026, 11, 2),
    )
    assert audit_actions(made) == ["role_holder.assigned"]


def test_only_people_with_a_grant_here_can_be_chosen(
    factory: Factory, officer_client: Client, outsider: User
) -> None:
    factory.draft_version(preset="vela")
    data = {"user": outsider.pk} | date_fields("effective_from", dt.date(2026, 11, 2))
    response = officer_client.post(assign_url("service_improvement_team"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not RoleHolder.objects.exists()


def test_a_title_no_version_declares_answers_404(factory: Factory, officer_client: Client) -> None:
    factory.draft_version(preset="vela")
    assert officer_client.get(assign_url("chief_executive")).status_code == 404


def test_an_auditor_cannot_assign_a_title(
    factory: Factory, auditor: User, auditor_client: Client
) -> None:
    factory.draft_version(preset="vela")
    data = {"user": auditor.pk} | date_fields("effective_from", dt.date(2026, 11, 2))
    assert auditor_client.post(assign_url("service_improvement_team"), data).status_code == 403
    assert not RoleHolder.objects.exists()


def test_closure_days_run_the_same_queries_for_3_and_30(
    factory: Factory, auditor_client: Client
) -> None:
    for _ in range(3):
        factory.closure_day()
    few = queries_for(auditor_client, CLOSURES)
    for _ in range(27):
        factory.closure_day()
    assert queries_for(auditor_client, CLOSURES) == few
    assert len(auditor_client.get(CLOSURES).context["page_obj"]) == 30


def test_an_officer_adds_a_closure_day(officer_client: Client, db: None) -> None:
    data = {"reason": "Office move"} | date_fields("date", dt.date(2026, 12, 7))
    response = officer_client.post(ADD_CLOSURE, data, follow=True)
    assert response.redirect_chain == [(CLOSURES, 302)]
    content = response.content.decode()
    assert "Closure on 7 December 2026 added" in content
    assert "Monday 7 December 2026" in content and "Office move" in content
    day = ClosureDay.objects.get()
    assert audit_actions(day) == ["closure_day.added"]


def test_a_weekend_closure_day_is_refused_on_the_date_field(
    officer_client: Client, db: None
) -> None:
    data = {"reason": "Office move"} | date_fields("date", dt.date(2026, 12, 6))
    response = officer_client.post(ADD_CLOSURE, data)
    content = response.content.decode()
    assert "is a Sunday, which is never a working day" in content
    assert 'href="#id_date_day"' in content
    assert not ClosureDay.objects.exists()


def test_an_empty_closure_day_form_says_what_to_enter(officer_client: Client, db: None) -> None:
    content = officer_client.post(ADD_CLOSURE, {}).content.decode()
    assert "Enter the date the organisation is closed" in content
    assert "Enter why the organisation is closed" in content


def test_an_auditor_sees_closure_days_but_cannot_add_one(auditor_client: Client, db: None) -> None:
    content = auditor_client.get(CLOSURES).content.decode()
    assert "Add a closure day" not in content
    data = {"reason": "x"} | date_fields("date", dt.date(2026, 12, 7))
    assert auditor_client.post(ADD_CLOSURE, data).status_code == 403
    assert not ClosureDay.objects.exists()


def test_the_outsider_gets_404_on_every_staff_page(
    factory: Factory, outsider_client: Client
) -> None:
    factory.draft_version(preset="vela")
    for path in (HOLDERS, CLOSURES, ADD_CLOSURE, assign_url("service_improvement_team")):
        assert outsider_client.get(path).status_code == 404
