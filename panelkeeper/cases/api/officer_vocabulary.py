"""The words of an organisation's code that the API's bodies use, listed in one operation.

Where a body field's values come from the organisation's code (its seats, levels,
outcomes, informal steps, clauses and staff titles), the OpenAPI cannot list them as an
enum; such a field names its list here (``x-vocabulary``), and a refusal of a value not
in it lists the allowed ones too.
"""

from django.utils import timezone
from ninja import Query
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import api_readers
from panelkeeper.cases.api.common import AsOf, router
from panelkeeper.cases.api.schemas import OutcomeTermOut, RoleTermOut, TermOut, VocabularyOut
from panelkeeper.cases.citing import citable_clauses
from panelkeeper.cases.models import RaisedBy, Setting
from panelkeeper.cases.procedure import policy_of
from panelkeeper.cases.seats import seat_roles
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.rules.ladder.model import NO_BREACH


@api_readers.get(router, "/{org}/vocabulary", VocabularyOut)
def get_vocabulary(request: StaffRequest, org: str, query: Query[AsOf]) -> VocabularyOut:
    """The values the organisation's code allows in the API's bodies, on as_of.

    Seats and roles, levels, outcomes by level, informal steps, the clauses a breach may
    cite (with the ids the rulebook shows), and the settings and raisers of a breach.
    Answers 404 while no version of the code is in force on that day."""
    on = query.as_of or timezone.localdate()
    organisation = request.organisation
    version = PolicyVersion.objects.in_force(organisation, on=on)
    if version is None:
        raise HttpError(404, "No version of the code is in force on that day.")
    policy = policy_of(version)
    ladder = policy.breach
    roles = [*policy.roles.staff, *policy.roles.members]
    seats = seat_roles(ladder, subject_is_chair=False) if ladder else {}
    raisers = {r.value for r in ladder.raising.raised_by} if ladder else set()
    return VocabularyOut(
        version=version.version,
        roles=[RoleTermOut(key=r.key, label=r.title, staff=r.needs_holder) for r in roles],
        seats=[TermOut(key=key, label=role.title) for key, role in seats.items()],
        chair_stand_in=ladder.chair_stand_in.key if ladder and ladder.chair_stand_in else None,
        levels=[
            *(TermOut(key=level.key, label=level.label) for level in ladder.levels),
            TermOut(key=NO_BREACH, label="No breach"),
        ]
        if ladder
        else [],
        outcomes=[
            OutcomeTermOut(key=o.key, label=o.label, levels=list(o.levels), effect=o.effect)
            for o in ladder.outcomes
        ]
        if ladder
        else [],
        informal_steps=[TermOut(key=s.key, label=s.label) for s in ladder.informal]
        if ladder
        else [],
        clauses=[
            TermOut(key=key, label=label)
            for key, label in citable_clauses(organisation, version, on=on)
        ],
        settings=[TermOut(key=key, label=label) for key, label in Setting.choices],
        raised_by=[
            TermOut(key=key, label=label) for key, label in RaisedBy.choices if key in raisers
        ],
    )
