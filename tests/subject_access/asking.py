"""A subject access request, as the subject access tests log them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from panelkeeper.members.models import Member
from panelkeeper.subject_access import requests as sar
from panelkeeper.subject_access.models import Requester, SubjectAccessRequest
from tests.factory import Factory


def asks(
    factory: Factory,
    *,
    on: dt.date,
    member: Member | None = None,
    name: str = "",
    actor: Any = None,
    **fields: Any,
) -> SubjectAccessRequest:
    """A request received and logged on ``on``: from ``member``, or else from ``name``
    (someone who raised a concern, unless ``requester`` says otherwise)."""
    fields.setdefault("requester", Requester.MEMBER if member else Requester.REPORTER)
    fields |= {"organisation": factory.home, "member": member, "name": name, "actor": actor}
    return sar.log_request(received_on=on, today=on, **fields)
