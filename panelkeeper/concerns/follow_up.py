"""Following a concern up with a receipt code: what the reporter may see, and for how long.

After a correct code the session holds a signed, timestamped value naming the concern,
good for :data:`MAX_AGE` seconds, so the reporter does not type the code for every
message. The code itself never goes in a URL, the session or any table.

Between two requests of the same journey (the confirmation after sending, the first
follow-up) the code travels in a signed cookie that lives for minutes, is limited to
that organisation's concern pages and is deleted as soon as it is read: the server
keeps nothing, and the page that shows the code can still be reached by redirect.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from panelkeeper.concerns.models import Concern
from panelkeeper.organisations.models import Organisation

SESSION_KEY = "concern_follow_up"
MAX_AGE = 30 * 60
_SALT = "panelkeeper.concerns.follow-up"
HANDOFF_COOKIE = "concern_receipt"
HANDOFF_MAX_AGE = 10 * 60
_HANDOFF_SALT = "panelkeeper.concerns.receipt-handoff"


def remember(request: HttpRequest, concern: Concern) -> None:
    """Let this browser follow ``concern`` up for :data:`MAX_AGE` seconds without the code."""
    request.session.cycle_key()  # a new session id once the code is proved
    value = {"concern": concern.pk, "organisation": concern.organisation_id}
    request.session[SESSION_KEY] = signing.dumps(value, salt=_SALT)


def remembered(request: HttpRequest, organisation: Organisation) -> Concern | None:
    """The concern this browser proved a code for, if within time and of ``organisation``."""
    signed = request.session.get(SESSION_KEY)
    if not signed:
        return None
    try:
        value = signing.loads(signed, salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        forget(request)
        return None
    if value.get("organisation") != organisation.pk:
        return None
    return (
        Concern.objects.filter(pk=value.get("concern"), organisation=organisation, anonymous=True)
        .select_related("organisation")
        .first()
    )


def forget(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def hand_over(response: HttpResponse, organisation: Organisation, value: dict[str, Any]) -> None:
    """Carry ``value`` (a receipt code, say) to the next page of this journey only."""
    response.set_signed_cookie(
        HANDOFF_COOKIE,
        signing.dumps(value, salt=_HANDOFF_SALT),
        salt=_HANDOFF_SALT,
        max_age=HANDOFF_MAX_AGE,
        path=f"/concerns/{organisation.slug}/",
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def take(
    request: HttpRequest, response: HttpResponse, organisation: Organisation
) -> dict[str, Any]:
    """What :func:`hand_over` carried, once: the cookie is deleted on the same response."""
    raw = request.get_signed_cookie(
        HANDOFF_COOKIE, default=None, salt=_HANDOFF_SALT, max_age=HANDOFF_MAX_AGE
    )
    if raw is None:
        return {}
    response.delete_cookie(HANDOFF_COOKIE, path=f"/concerns/{organisation.slug}/")
    try:
        value = signing.loads(raw, salt=_HANDOFF_SALT, max_age=HANDOFF_MAX_AGE)
    except signing.BadSignature:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class ReporterStatus:
    """What the reporter is told: a plain-language status and what it means."""

    label: str
    meaning: str


# What each state of a breach case means to the person who raised it. They learn that
# something is happening, never the level, the outcome or anything about the member.
_CASE_STATUS = {
    "reported": ReporterStatus("Being looked at", "Your concern is being looked into."),
    "informal": ReporterStatus(
        "Being dealt with informally", "It is being dealt with without a formal investigation."
    ),
    "investigating": ReporterStatus("Being investigated", "A formal investigation is under way."),
    "decided": ReporterStatus("Decided", "A decision has been made."),
    "appealed": ReporterStatus("Under appeal", "The decision has been appealed."),
    "closed": ReporterStatus("Closed", "The matter has been dealt with and is now closed."),
    "withdrawn": ReporterStatus("Closed", "The matter is closed and no further action is taken."),
}
RECEIVED = ReporterStatus(
    "Received", "We have your concern. The officer handling it will look at it soon."
)


def status_for_reporter(concern: Concern, case_state: str | None) -> ReporterStatus:
    """The status the receipt code lets its holder see (``case_state``: the linked case's)."""
    if concern.status == Concern.Status.CLOSED:
        return ReporterStatus("Closed", concern.closed_reason)
    if case_state is not None:
        return _CASE_STATUS.get(case_state, RECEIVED)
    return RECEIVED


def case_state_of(concern: Concern) -> str | None:
    """The state of the breach case the concern became, if it became one."""
    case = getattr(concern, "case", None)
    return str(case.state) if case is not None else None


def reporter_view(concern: Concern) -> dict[str, Any]:
    """Everything the receipt code shows: the status and the messages, nothing else."""
    return {
        "concern": concern,
        "status": status_for_reporter(concern, case_state_of(concern)),
        "messages_list": list(concern.messages.filter(channel="service")),
    }
