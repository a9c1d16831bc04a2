"""Permission-matrix rows for the people invited to one case from outside the team
(tests/permissions/matrix.py adds them to ROWS). Inviting, resending, withdrawing and
taking off are officers' changes; the auditor reads the list; another organisation's
staff, members and the guest themself get 404, as for any staff page."""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import (
    Row,
    api_officers,
    api_readers,
    not_allowed,
    officers,
)

CASES_API = "/api/v1/cases"


def case_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.the_case.pk}


def waiting_kwargs(factory: Factory) -> dict[str, Any]:
    return {**case_kwargs(factory), "guest": factory.case_invitation().pk}


def seated_kwargs(factory: Factory) -> dict[str, Any]:
    from panelkeeper.cases.models import CaseInvitation

    user = factory.investigator()  # invited to the_case and seated
    guest = CaseInvitation.objects.get(invitation__accepted_by=user)
    return {**case_kwargs(factory), "guest": guest.pk}


def api_case(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "case_id": factory.the_case.pk}


def api_waiting(factory: Factory) -> dict[str, Any]:
    found = waiting_kwargs(factory)
    return {"org": found["org"], "case_id": found["pk"], "guest_id": found["guest"]}


def api_seated(factory: Factory) -> dict[str, Any]:
    found = seated_kwargs(factory)
    return {"org": found["org"], "case_id": found["pk"], "guest_id": found["guest"]}


POST_ONLY = {**not_allowed(), "auditor": 403}
GUESTS_API = CASES_API + "/{org}/{case_id}/guests"

GUEST_ROWS = [
    Row("cases:invite_guest", "GET", officers(), case_kwargs),
    Row("cases:invite_guest", "POST", officers(200), case_kwargs, note="form errors"),
    Row("cases:resend_guest", "POST", officers(302), waiting_kwargs),
    Row("cases:resend_guest", "GET", POST_ONLY, waiting_kwargs),
    Row("cases:withdraw_guest", "POST", officers(302), waiting_kwargs),
    Row("cases:withdraw_guest", "GET", POST_ONLY, waiting_kwargs),
    Row("cases:take_off_guest", "GET", officers(), seated_kwargs),
    Row("cases:take_off_guest", "POST", officers(200), seated_kwargs, note="no reason"),
    Row(GUESTS_API, "GET", api_readers(), api_case),
    Row(GUESTS_API, "POST", api_officers(422), api_case, note="no body"),
    Row(GUESTS_API + "/{guest_id}/resend", "POST", api_officers(200), api_waiting),
    Row(GUESTS_API + "/{guest_id}/withdraw", "POST", api_officers(200), api_waiting),
    Row(
        GUESTS_API + "/{guest_id}/take-off",
        "POST",
        api_officers(422),
        api_seated,
        note="no reason",
    ),
]
