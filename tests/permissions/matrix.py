"""The persona matrix: for every page and API operation, what each persona gets.

Plain data, one ``Row`` per URL name (or API path) and method. Each engineer appends
rows for their own pages here (with str_replace, never rewriting others' rows).
``test_matrix.py`` fails when a URL pattern or API operation has no row, when a row
names something that no longer exists, and when any persona gets another answer. It
runs one test per row: the row's records are made once, then each persona asks in a
savepoint that is rolled back, so no persona's request shapes another's answer.

Personas: ``anonymous``; ``officer`` and ``auditor`` of the organisation ``home``;
``outsider``, the officer of another organisation; members, an advocate, the
installation administrator and a guest invited to one case (below). Expected answers
are status codes, or ``SIGN_IN`` for a redirect to the sign-in page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.factory import Factory

SIGN_IN = "sign-in"
PERSONAS = (
    "anonymous",
    "officer",
    "auditor",
    "outsider",
    "chair",
    "member",
    "advocate",
    "admin",
    "guest",
)
# Members and advocates hold no staff grant: wherever a row does not say otherwise, they
# get what the outsider gets (404 on any organisation's staff pages, the same answer on
# pages for anyone signed in). Rows for the member portal state all seven answers. So
# does ``admin``, the installation administrator, who holds no grant either: it sees no
# organisation's records, only the installation's own pages (tests/organisations/
# matrix_rows.py). So does ``guest``, a person from outside the team invited to
# ``the_case`` and seated on its group: it sees that case on the pages and operations
# for the people of one case, and nothing else of any organisation
# (tests/cases/guest_matrix_rows.py).
MEMBER_PERSONAS = ("chair", "member", "advocate", "admin", "guest")

Expected = int | str


def no_kwargs(factory: Factory) -> dict[str, Any]:
    return {}


def home_org(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug}


@dataclass(frozen=True)
class Row:
    """``target`` is a URL name ("accounts:sign-in") or an API path ("/api/v1/me")."""

    target: str
    method: str
    expect: dict[str, Expected]
    kwargs: Callable[[Factory], dict[str, Any]] = no_kwargs
    data: Callable[[Factory], dict[str, Any]] | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for persona in MEMBER_PERSONAS:
            if persona not in self.expect and "outsider" in self.expect:
                self.expect[persona] = self.expect["outsider"]

    @property
    def is_api(self) -> bool:
        return self.target.startswith("/api/")


def everyone(status: Expected) -> dict[str, Expected]:
    return dict.fromkeys(PERSONAS, status)


ROWS: list[Row] = [
    # accounts (platform)
    Row("accounts:sign-in", "GET", everyone(200)),
    Row("accounts:sign-out", "POST", everyone(302)),
    Row("accounts:sign-out", "GET", everyone(405), note="signing out is POST only"),
    # the accessibility statement (the look)
    Row("pages:accessibility", "GET", everyone(200)),
    Row("pages:accessibility", "POST", everyone(405), note="a page to read, never to post to"),
    Row("pages:api-guide", "GET", everyone(200)),
    Row("pages:api-guide", "POST", everyone(405), note="a page to read, never to post to"),
    # health checks for a load balancer (platform)
    Row("pages:health", "GET", everyone(200)),
    Row("pages:health", "POST", everyone(405), note="a check, never a change"),
    Row("pages:health-database", "GET", everyone(200)),
    Row("pages:health-database", "POST", everyone(405), note="a check, never a change"),
    # API (platform)
    Row("api:openapi-json", "GET", everyone(200)),
    Row("api:openapi-view", "GET", everyone(200)),
    Row("api:api-root", "GET", everyone(404), note="ninja's bare root only names the docs"),
    Row(
        "/api/v1/me",
        "GET",
        {"anonymous": 401, "officer": 200, "auditor": 200, "outsider": 200},
    ),
]


# organisations: home, rulebook, versions of the code, role holders, closure days,
# emails not delivered


def email_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.undelivered_email().pk}


def api_email_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "message_id": factory.undelivered_email().pk}


def corrected(factory: Factory) -> dict[str, Any]:
    return {"to": "mina@example.org"}


EMAIL_API = "/{org}/undelivered-emails/{message_id}/send-again"


def draft_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.draft_version().pk}


def draft_part_kwargs(factory: Factory) -> dict[str, Any]:
    return {**draft_kwargs(factory), "part": "appeals"}


def version_choice(factory: Factory) -> dict[str, Any]:
    return {"start_from": f"version:{factory.published_version().pk}"}


def role_kwargs(factory: Factory) -> dict[str, Any]:
    factory.draft_version()  # declares customer_involvement_team (vela)
    return {"org": factory.home.slug, "role": "customer_involvement_team"}


def api_draft_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "version_id": factory.draft_version().pk}


def api_draft_part_kwargs(factory: Factory) -> dict[str, Any]:
    return {**api_draft_kwargs(factory), "slug": "appeals"}


def preset_choice(factory: Factory) -> dict[str, Any]:
    return {"start_from": "preset:vela"}


def code_in_force(factory: Factory) -> dict[str, Any]:
    factory.code_in_force("vela")
    return home_org(factory)


def planned_on_page(factory: Factory) -> dict[str, Any]:
    return {"step": "notice_posted", "on_day": "24", "on_month": "12", "on_year": "2026"}


def planned_in_api(factory: Factory) -> dict[str, Any]:
    return {"step": "notice_posted", "on": "2026-12-24"}


def readers(ok: Expected = 200) -> dict[str, Expected]:
    """Officers and auditors of home; the outsider never sees it."""
    return {"anonymous": SIGN_IN, "officer": ok, "auditor": ok, "outsider": 404}


def officers(ok: Expected = 200) -> dict[str, Expected]:
    return {"anonymous": SIGN_IN, "officer": ok, "auditor": 403, "outsider": 404}


def not_allowed() -> dict[str, Expected]:
    return {"anonymous": SIGN_IN, "officer": 405, "auditor": 405, "outsider": 404}


def api_readers(ok: Expected = 200) -> dict[str, Expected]:
    return {"anonymous": 401, "officer": ok, "auditor": ok, "outsider": 404}


def api_officers(ok: Expected) -> dict[str, Expected]:
    return {"anonymous": 401, "officer": ok, "auditor": 403, "outsider": 404}


ORGS_API = "/api/v1/organisations"

ROWS += [
    Row(
        "organisations:start",
        "GET",
        {"anonymous": SIGN_IN, "officer": 302, "auditor": 302, "outsider": 302},
        note="to the user's organisation",
    ),
    Row("organisations:list", "GET", {**everyone(200), "anonymous": SIGN_IN}),
    Row("organisations:home", "GET", readers(302), home_org, note="to the Today page"),
    Row("organisations:home", "POST", not_allowed(), home_org),
    Row("organisations:rulebook", "GET", readers(), home_org),
    Row("organisations:versions", "GET", readers(), home_org),
    Row("organisations:start_draft", "GET", officers(), home_org),
    Row("organisations:start_draft", "POST", officers(302), home_org, preset_choice),
    Row("organisations:upload", "GET", officers(), home_org),
    Row("organisations:upload", "POST", officers(200), home_org, note="no file: the form again"),
    Row("organisations:version", "GET", readers(), draft_kwargs),
    Row("organisations:publish", "GET", officers(), draft_kwargs),
    Row("organisations:publish", "POST", officers(200), draft_kwargs, note="no dates"),
    Row("organisations:download", "GET", readers(), draft_kwargs),
    Row("organisations:download", "POST", not_allowed(), draft_kwargs),
    Row("organisations:role_holders", "GET", readers(), home_org),
    Row("organisations:assign_role_holder", "GET", officers(), role_kwargs),
    Row("organisations:assign_role_holder", "POST", officers(200), role_kwargs),
    Row("organisations:closure_days", "GET", readers(), home_org),
    Row("organisations:add_closure_day", "GET", officers(), home_org),
    Row("organisations:add_closure_day", "POST", officers(200), home_org, note="empty form"),
    Row(ORGS_API, "GET", {"anonymous": 401, "officer": 200, "auditor": 200, "outsider": 200}),
    Row(ORGS_API + "/{org}", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/policy-versions", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/policy-versions", "POST", api_officers(422), home_org, note="no body"),
    Row(ORGS_API + "/{org}/policy-versions/{version_id}", "GET", api_readers(), api_draft_kwargs),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}/source",
        "GET",
        api_readers(),
        api_draft_kwargs,
    ),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}/publish",
        "POST",
        api_officers(422),
        api_draft_kwargs,
        note="no body",
    ),
    Row(ORGS_API + "/{org}/rulebook", "GET", api_readers(404), home_org, note="none in force"),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}/rulebook",
        "GET",
        api_readers(),
        api_draft_kwargs,
    ),
    Row(
        "organisations:rulebook",
        "GET",
        readers(),
        code_in_force,
        planned_on_page,
        note="the deadline planner's question",
    ),
    Row(
        ORGS_API + "/{org}/rulebook/deadlines",
        "GET",
        api_readers(),
        code_in_force,
        planned_in_api,
        note="the deadline planner",
    ),
    Row(
        ORGS_API + "/{org}/rulebook/deadlines",
        "GET",
        api_readers(422),
        home_org,
        planned_in_api,
        note="no code in force: nothing to plan",
    ),
    Row("organisations:draft_parts", "GET", readers(), draft_kwargs),
    Row("organisations:draft_parts", "POST", not_allowed(), draft_kwargs),
    Row("organisations:draft_part", "GET", officers(), draft_part_kwargs),
    Row("organisations:draft_part", "POST", officers(200), draft_part_kwargs, note="empty form"),
    Row("organisations:draft_changes", "GET", readers(), draft_kwargs),
    Row("organisations:draft_changes", "POST", not_allowed(), draft_kwargs),
    Row("organisations:start_draft", "POST", officers(302), home_org, version_choice),
    Row("organisations:discard", "POST", officers(302), draft_kwargs),
    Row("organisations:discard", "GET", {**not_allowed(), "auditor": 403}, draft_kwargs),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}",
        "DELETE",
        api_officers(204),
        api_draft_kwargs,
    ),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}/parts",
        "GET",
        api_readers(),
        api_draft_kwargs,
    ),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}/parts/{slug}",
        "PUT",
        api_officers(422),
        api_draft_part_kwargs,
        note="no body",
    ),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}/differences",
        "GET",
        api_readers(),
        api_draft_kwargs,
    ),
    Row(ORGS_API + "/{org}/role-holders", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/role-holders", "POST", api_officers(422), home_org, note="no body"),
    Row(ORGS_API + "/{org}/closure-days", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/closure-days", "POST", api_officers(422), home_org, note="no body"),
    Row("organisations:settings", "GET", readers(), home_org),
    Row("organisations:settings", "POST", not_allowed(), home_org),
    Row("organisations:change_settings", "GET", officers(), home_org),
    Row("organisations:change_settings", "POST", officers(200), home_org, note="empty form"),
    Row(ORGS_API + "/{org}/settings", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/settings", "PUT", api_officers(422), home_org, note="no region"),
    Row(ORGS_API + "/{org}/settings", "PATCH", api_officers(200), home_org, note="no change"),
    Row("organisations:messages", "GET", readers(), home_org),
    Row("organisations:messages", "POST", not_allowed(), home_org),
    Row("organisations:resend_message", "GET", officers(), email_kwargs),
    Row("organisations:resend_message", "POST", officers(302), email_kwargs, data=corrected),
    Row(ORGS_API + "/{org}/undelivered-emails", "GET", api_readers(), home_org),
    Row(ORGS_API + EMAIL_API, "POST", api_officers(422), api_email_kwargs, note="no body"),
]


# members: officers' pages, documents, the member portal, and their API


def member_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.member_record.pk}


def _signature(factory: Factory) -> Any:
    version = factory.document_version("code_of_conduct")
    return factory.signature(factory.member_record, version)


def signature_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": _signature(factory).pk}


def document_kwargs(factory: Factory) -> dict[str, Any]:
    factory.document_version("code_of_conduct")
    return {"org": factory.home.slug, "key": "code_of_conduct"}


def expense_kwargs(factory: Factory) -> dict[str, Any]:
    from panelkeeper.members.models import Expense

    expense = Expense.objects.create(
        member=factory.member_record,
        kind="expense",
        activity="Panel meeting",
        activity_on=factory.member_record.started_on,
        amount="4.50",
    )
    return {"org": factory.home.slug, "pk": expense.pk}


def my_kwargs(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk}


def advocated_kwargs(factory: Factory) -> dict[str, Any]:
    return {"member": factory.advocated_record.pk}


def my_sign_kwargs(factory: Factory) -> dict[str, Any]:
    version = factory.document_version("code_of_conduct")
    return {"member": factory.member_record.pk, "version": version.pk}


def my_pdf_kwargs(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk, "signature": _signature(factory).pk}


def api_member_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "member_id": factory.member_record.pk}


def api_signature_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "signature_id": _signature(factory).pk}


def api_expense_kwargs(factory: Factory) -> dict[str, Any]:
    found = expense_kwargs(factory)
    return {"org": found["org"], "expense_id": found["pk"]}


def own_record(ok: Expected, *, who: str = "member") -> dict[str, Expected]:
    """Only the member themself (or, with who="advocate", their advocate) gets ``ok``."""
    answers: dict[str, Expected] = {**dict.fromkeys(PERSONAS, 404), "anonymous": SIGN_IN}
    answers[who] = ok
    return answers


def api_own_record(ok: Expected, *, who: str = "member") -> dict[str, Expected]:
    return {**own_record(ok, who=who), "anonymous": 401}


MEMBERS_API = "/api/v1/members/{org}"
MY_API = "/api/v1/my"

ROWS += [
    Row("members:list", "GET", readers(), home_org),
    Row("members:add", "GET", officers(), home_org),
    Row("members:add", "POST", officers(200), home_org, note="empty form: errors shown"),
    Row("members:import", "GET", officers(), home_org),
    Row("members:import", "POST", officers(200), home_org, note="no file"),
    Row("members:import_confirm", "POST", officers(302), home_org, note="nothing to import"),
    Row("members:import_confirm", "GET", {**not_allowed(), "auditor": 403}, home_org),
    Row("members:export", "GET", readers(), home_org),
    Row("members:detail", "GET", readers(), member_kwargs),
    Row("members:detail", "POST", not_allowed(), member_kwargs),
    Row("members:edit", "GET", officers(), member_kwargs),
    Row("members:edit", "POST", officers(200), member_kwargs, note="empty form"),
    Row("members:status", "GET", officers(), member_kwargs),
    Row("members:status", "POST", officers(200), member_kwargs, note="empty form"),
    Row("members:paper_signature", "GET", officers(), member_kwargs),
    Row("members:paper_signature", "POST", officers(200), member_kwargs, note="empty form"),
    Row("members:add_appraisal", "GET", officers(), member_kwargs),
    Row("members:add_appraisal", "POST", officers(200), member_kwargs, note="empty form"),
    Row("members:add_expense", "GET", officers(), member_kwargs),
    Row("members:add_expense", "POST", officers(200), member_kwargs, note="empty form"),
    Row("members:decide_expense", "POST", officers(302), expense_kwargs),
    Row("members:decide_expense", "GET", {**not_allowed(), "auditor": 403}, expense_kwargs),
    Row("members:documents", "GET", readers(), home_org),
    Row("members:add_version", "GET", officers(), home_org),
    Row("members:add_version", "POST", officers(200), home_org, note="empty form"),
    Row("members:document", "GET", readers(), document_kwargs),
    Row("members:countersign", "POST", officers(302), signature_kwargs),
    Row("members:countersign", "GET", {**not_allowed(), "auditor": 403}, signature_kwargs),
    Row("members:signature_pdf", "GET", readers(), signature_kwargs),
    Row("members:signature_scan", "GET", readers(404), signature_kwargs, note="signed online"),
    # the member portal
    Row(
        "members:portal",
        "GET",
        {**everyone(200), "anonymous": SIGN_IN, "chair": 302, "member": 302, "advocate": 302},
        note="one record: straight to its home",
    ),
    Row("pages:home", "GET", own_record(200), my_kwargs),
    Row("pages:home", "GET", own_record(200, who="advocate"), advocated_kwargs),
    Row("pages:home", "POST", own_record(405), my_kwargs, note="a page to read"),
    Row("members:my_record", "GET", own_record(200), my_kwargs),
    Row("members:my_record", "GET", own_record(200, who="advocate"), advocated_kwargs),
    Row("members:my_record", "POST", own_record(405), my_kwargs),
    Row("members:sign", "GET", own_record(200), my_sign_kwargs),
    Row("members:sign", "POST", own_record(200), my_sign_kwargs, note="empty form"),
    Row("members:my_pdf", "GET", own_record(200), my_pdf_kwargs),
    Row("members:my_group", "GET", own_record(200), my_kwargs),
    Row("members:my_group", "GET", own_record(200, who="advocate"), advocated_kwargs),
    Row("members:contact_sharing", "GET", own_record(200), my_kwargs),
    Row("members:contact_sharing", "GET", own_record(200, who="advocate"), advocated_kwargs),
    Row("members:contact_sharing", "POST", own_record(200), my_kwargs, note="no answer"),
    Row("members:my_expenses", "GET", own_record(200), my_kwargs),
    Row("members:my_expenses", "GET", own_record(200, who="advocate"), advocated_kwargs),
    Row("members:my_expenses", "POST", own_record(405), my_kwargs),
    Row("members:claim_expense", "GET", own_record(200), my_kwargs),
    Row("members:claim_expense", "GET", own_record(200, who="advocate"), advocated_kwargs),
    Row("members:claim_expense", "POST", own_record(200), my_kwargs, note="empty form"),
    # API
    Row(MEMBERS_API + "/members", "GET", api_readers(), home_org),
    Row(MEMBERS_API + "/members", "POST", api_officers(422), home_org, note="no body"),
    Row(MEMBERS_API + "/members/{member_id}", "GET", api_readers(), api_member_kwargs),
    Row(MEMBERS_API + "/members/{member_id}", "PATCH", api_officers(200), api_member_kwargs),
    Row(MEMBERS_API + "/members/{member_id}/statuses", "GET", api_readers(), api_member_kwargs),
    Row(
        MEMBERS_API + "/members/{member_id}/statuses", "POST", api_officers(422), api_member_kwargs
    ),
    Row(MEMBERS_API + "/members/{member_id}/eligibility", "GET", api_readers(), api_member_kwargs),
    Row(MEMBERS_API + "/members/{member_id}/signatures", "GET", api_readers(), api_member_kwargs),
    Row(
        MEMBERS_API + "/members/{member_id}/paper-signatures",
        "POST",
        api_officers(422),
        api_member_kwargs,
        note="no version named",
    ),
    Row(MEMBERS_API + "/members/{member_id}/appraisals", "GET", api_readers(), api_member_kwargs),
    Row(
        MEMBERS_API + "/members/{member_id}/appraisals",
        "POST",
        api_officers(422),
        api_member_kwargs,
    ),
    Row(MEMBERS_API + "/members/{member_id}/expenses", "GET", api_readers(), api_member_kwargs),
    Row(
        MEMBERS_API + "/members/{member_id}/expenses", "POST", api_officers(422), api_member_kwargs
    ),
    Row(
        MEMBERS_API + "/expenses/{expense_id}/decision",
        "POST",
        api_officers(422),
        api_expense_kwargs,
    ),
    Row(
        MEMBERS_API + "/signatures/{signature_id}/countersign",
        "POST",
        api_officers(201),
        api_signature_kwargs,
        note="an empty body: countersigned today",
    ),
    Row(MEMBERS_API + "/documents", "GET", api_readers(), home_org),
    Row(MEMBERS_API + "/documents", "POST", api_officers(422), home_org),
    Row(MEMBERS_API + "/import", "POST", api_officers(422), home_org),
    Row(MEMBERS_API + "/export", "GET", api_readers(), home_org),
    Row(MY_API, "GET", {**everyone(200), "anonymous": 401}),
    Row(MY_API + "/{member}", "GET", api_own_record(200), my_kwargs),
    Row(MY_API + "/{member}", "GET", api_own_record(200, who="advocate"), advocated_kwargs),
    Row(MY_API + "/{member}/eligibility", "GET", api_own_record(200), my_kwargs),
    Row(MY_API + "/{member}/signatures", "GET", api_own_record(200), my_kwargs),
    Row(MY_API + "/{member}/signatures", "POST", api_own_record(422), my_kwargs, note="no body"),
    Row(
        MY_API + "/{member}/contact-sharing", "PUT", api_own_record(422), my_kwargs, note="no body"
    ),
    Row(MY_API + "/{member}/expenses", "GET", api_own_record(200), my_kwargs),
    Row(
        MY_API + "/{member}/expenses", "GET", api_own_record(200, who="advocate"), advocated_kwargs
    ),
    Row(MY_API + "/{member}/expenses", "POST", api_own_record(422), my_kwargs, note="no body"),
]


# meetings: rows in tests/meetings/matrix_rows.py (imported here, after Row is defined)
from tests.meetings.matrix_rows import MEETING_ROWS  # noqa: E402

ROWS += MEETING_ROWS

# registers: rows in tests/registers/matrix_rows.py (imported here, after Row is defined)
from tests.registers.matrix_rows import REGISTER_ROWS  # noqa: E402

ROWS += REGISTER_ROWS

# concerns: rows in tests/concerns/matrix_rows.py (imported here, after Row is defined)
from tests.concerns.matrix_rows import CONCERN_ROWS  # noqa: E402

ROWS += CONCERN_ROWS


# breach cases: officers' pages, and the pages of one case's people (the subject, an
# investigator, the appeal officer), which nobody else sees; tests/cases/test_access.py
# covers those three personas.


def case_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.the_case.pk}


def case_action_kwargs(factory: Factory) -> dict[str, Any]:
    return {**case_kwargs(factory), "action": "withdraw"}


def own_case_kwargs(factory: Factory) -> dict[str, Any]:
    return {"case": factory.the_case.pk}


def members_case_kwargs(factory: Factory) -> dict[str, Any]:
    return {"case": factory.breach_case(factory.member_record).pk}


def advocated_case_kwargs(factory: Factory) -> dict[str, Any]:
    return {"case": factory.breach_case(factory.advocated_record).pk}


def no_such_record(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "record": 999999}


def no_such_decision(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "decision": 999999}


def not_theirs() -> dict[str, Expected]:
    return {"anonymous": SIGN_IN, "officer": 404, "auditor": 404, "outsider": 404}


ROWS += [
    Row("cases:list", "GET", readers(), home_org),
    Row("cases:list", "POST", not_allowed(), home_org),
    Row("cases:raise", "GET", officers(), home_org),
    Row("cases:raise", "POST", officers(200), home_org, note="empty form"),
    Row("cases:detail", "GET", readers(), case_kwargs),
    Row("cases:action", "GET", officers(), case_action_kwargs),
    Row("cases:action", "POST", officers(200), case_action_kwargs, note="no reason"),
    Row("cases:open_mtg5", "POST", officers(404), no_such_record, note="no such record"),
    Row("cases:open_mtg5", "GET", {**not_allowed(), "auditor": 403}, no_such_record),
    Row("cases:open_mtg2", "POST", officers(404), no_such_decision, note="no such decision"),
    Row("cases:mine", "GET", {**everyone(200), "anonymous": SIGN_IN}),
    Row(
        "cases:my_case",
        "GET",
        {**not_theirs(), "guest": 200},
        own_case_kwargs,
        note="staff are not parties; the guest is seated on it",
    ),
    Row("cases:decide_appeal", "GET", not_theirs(), own_case_kwargs),
    Row(
        "cases:appeal_online",
        "GET",
        own_record(200),
        members_case_kwargs,
        note="the member the case is about; nothing to appeal yet, so it says so",
    ),
    Row(
        "cases:appeal_online",
        "GET",
        own_record(200, who="advocate"),
        advocated_case_kwargs,
        note="the advocate of the member it is about",
    ),
    Row("cases:appeal_online", "POST", own_record(200), members_case_kwargs),
    Row(
        "cases:appeal_online",
        "GET",
        not_theirs(),
        own_case_kwargs,
        note="a seat on the group is not the member it is about",
    ),
    Row("cases:decide_appeal", "POST", not_theirs(), own_case_kwargs),
]

# breach cases: more rows in tests/cases/matrix_rows.py (imported here, after Row is defined)
from tests.cases.matrix_rows import CASE_ROWS  # noqa: E402

ROWS += CASE_ROWS

# people invited to one case: rows in tests/cases/guest_matrix_rows.py
from tests.cases.guest_matrix_rows import GUEST_ROWS  # noqa: E402

ROWS += GUEST_ROWS

CASES_API = "/api/v1/cases"


def api_case_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "case_id": factory.the_case.pk}


# One operation per step on a case; sent an empty JSON body, each is refused (422) for what
# it lacks, or taken (200) where it needs nothing but a date and the case allows it now.
STEP_ANSWERS: dict[str, int] = {
    "informal-step": 422,
    "open-investigation": 200,
    "add-person": 422,
    "seat": 422,
    "convene": 422,
    "suspend": 422,
    "lift-suspension": 422,
    "training-refused": 422,
    "determine": 422,
    "outcome": 422,
    "notice": 422,
    "appeal": 422,
    "late-appeal": 422,
    "consider-appeal": 422,
    "decide-appeal": 422,
    "withdraw": 422,
    "close": 422,
}


def api_not_theirs() -> dict[str, Expected]:
    return {"anonymous": 401, "officer": 404, "auditor": 404, "outsider": 404}


ROWS += [
    Row(
        CASES_API + "/mine/{case}/appeal",
        "POST",
        api_own_record(422),
        members_case_kwargs,
        note="the member it is about; no body",
    ),
    Row(
        CASES_API + "/mine/{case}/appeal",
        "POST",
        api_not_theirs(),
        own_case_kwargs,
        note="a seat on the group is not the member it is about",
    ),
]


ROWS += [
    Row(CASES_API + "/mine", "GET", {**everyone(200), "anonymous": 401}),
    Row(CASES_API + "/mine/{case}", "GET", {**api_not_theirs(), "guest": 200}, own_case_kwargs),
    Row(CASES_API + "/mine/{case}/appeal-decision", "POST", api_not_theirs(), own_case_kwargs),
    Row(CASES_API + "/{org}", "GET", api_readers(), home_org),
    Row(
        CASES_API + "/{org}/vocabulary",
        "GET",
        api_readers(404),
        home_org,
        note="no code in force yet; tests/cases/test_api_contract.py reads one",
    ),
    Row(CASES_API + "/{org}", "POST", api_officers(422), home_org, note="no body"),
    Row(CASES_API + "/{org}/{case_id}", "GET", api_readers(), api_case_kwargs),
    *(
        Row(CASES_API + "/{org}/{case_id}/steps/" + slug, "POST", api_officers(ok), api_case_kwargs)
        for slug, ok in STEP_ANSWERS.items()
    ),
    Row(
        CASES_API + "/{org}/asked-to-leave/{record}/open",
        "POST",
        api_officers(404),
        no_such_record,
    ),
    Row(
        CASES_API + "/{org}/missed-meetings/{decision}/open",
        "POST",
        api_officers(404),
        no_such_decision,
    ),
]

# letters: rows in tests/letters/matrix_rows.py (imported here, after Row is defined)
from tests.letters.matrix_rows import LETTER_ROWS  # noqa: E402

ROWS += LETTER_ROWS

# API tokens: rows in tests/accounts/matrix_rows.py (imported here, after Row is defined)
from tests.accounts.matrix_rows import TOKEN_ROWS  # noqa: E402

ROWS += TOKEN_ROWS

# accepting an invitation: rows in tests/accounts/invitation_rows.py
from tests.accounts.invitation_rows import INVITATION_ROWS  # noqa: E402

ROWS += INVITATION_ROWS

# the Staff pages and their API: rows in tests/organisations/staff_matrix_rows.py
from tests.organisations.staff_matrix_rows import STAFF_ROWS  # noqa: E402

ROWS += STAFF_ROWS

# members and advocates invited to sign in: rows in tests/members/invitation_matrix_rows.py
from tests.members.invitation_matrix_rows import INVITATION_ROWS as MEMBER_INVITATION_ROWS  # noqa: E402

ROWS += MEMBER_INVITATION_ROWS

# signing in, second factors and sessions: rows in tests/accounts/sign_in_rows.py
from tests.accounts.sign_in_rows import SIGN_IN_ROWS  # noqa: E402

ROWS += SIGN_IN_ROWS

# Today and the search: rows in tests/today/matrix_rows.py
from tests.today.matrix_rows import TODAY_ROWS  # noqa: E402

ROWS += TODAY_ROWS

# retention: rows in tests/retention/matrix_rows.py (imported here, after Row is defined)
from tests.retention.matrix_rows import RETENTION_ROWS  # noqa: E402

ROWS += RETENTION_ROWS

# subject access, the access log and the privacy notice: rows in tests/subject_access/matrix_rows.py
from tests.subject_access.matrix_rows import SUBJECT_ACCESS_ROWS  # noqa: E402

ROWS += SUBJECT_ACCESS_ROWS

# an organisation leaving the installation: rows in tests/departure/matrix_rows.py
from tests.departure.matrix_rows import DEPARTURE_ROWS  # noqa: E402

ROWS += DEPARTURE_ROWS
