"""Bodies of the API operations for an organisation that leaves."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from ninja import Schema

from panelkeeper.departure.forms import RemovalForm
from panelkeeper.lib.api import FormFields, Out, fields_of


class OrganisationExportOut(Out):
    """An export: being prepared until ``ready`` is true, then ``download`` is its file."""

    id: int
    organisation: str
    requested_at: dt.datetime
    requested_by: str
    ready: bool
    ready_at: dt.datetime | None
    size: int
    expires_at: dt.datetime
    download: str | None


class RemovalIn(Schema):
    """The organisation's name, typed to confirm its removal, as on the page."""

    form_fields: ClassVar[FormFields] = fields_of(RemovalForm)

    name: str
