"""The deadline planner in the API, beside the rulebook: ``GET /{org}/rulebook/deadlines``.

It asks :func:`panelkeeper.organisations.planning.plan_deadlines`, as the rulebook page's
form does, and reads the date with the form's own field, so both accept and refuse the
same input: a refusal answers 422 with the field at fault (``step`` or ``on``).
"""

import datetime as dt
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query

from panelkeeper.accounts.permissions import api_readers
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.api.officer import router
from panelkeeper.organisations.api.schemas import PlannedDateOut, PlannerQuery, PlanOut
from panelkeeper.organisations.forms import PlannerForm
from panelkeeper.organisations.models import Organisation
from panelkeeper.organisations.planning import VALIDATION, plan_deadlines


def _day(text: str) -> dt.date | None:
    """The date as the planner form's field reads it; its message when it will not do."""
    try:
        day: dt.date | None = PlannerForm.base_fields["on"].clean(text)
    except ValidationError as error:
        raise Refused(error.messages[0], rule=VALIDATION, field="on") from None
    return day


@api_readers.get(router, "/{org}/rulebook/deadlines", PlanOut)
def plan_deadlines_api(request: StaffRequest, org: str, query: Query[PlannerQuery]) -> PlanOut:
    """When each deadline would fall if a step of a breach happened on a date."""
    organisation = request.organisation
    planned = plan_deadlines(
        organisation, step=query.step, on=_day(query.on), today=timezone.localdate()
    )
    return PlanOut(
        step=planned.step,
        step_label=planned.step.label,
        on=planned.on,
        region=Organisation.Region(organisation.region),
        dates=[
            PlannedDateOut.model_validate(
                {**asdict(d), "within": str(d.within), "working_days": d.working_days}
            )
            for d in planned.dates
        ],
    )
