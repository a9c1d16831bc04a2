"""API operations for emails the mail server did not deliver, as their pages offer:
the organisation's list, and sending a refused one again (``undelivered.resend_message``,
so the API refuses exactly what the page does)."""

from ninja import Query

from panelkeeper.accounts.permissions import (
    api_officers,
    api_readers,
    get_object_for,
)
from panelkeeper.lib.api import PageQuery, paged, read_body
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.api.officer import router
from panelkeeper.organisations.api.schemas import ResendIn, UndeliveredOut, UndeliveredPageOut
from panelkeeper.organisations.undelivered import resend_message, undelivered
from panelkeeper.organisations.views.officer_messages import PAGE_SIZE
from panelkeeper.outbox.models import Message


@api_readers.get(router, "/{org}/undelivered-emails", UndeliveredPageOut)
def list_undelivered(
    request: StaffRequest, org: str, query: Query[PageQuery]
) -> UndeliveredPageOut:
    """Emails the mail server refused, and emails possibly sent twice."""
    messages, counts = paged(undelivered(request.organisation), query, size=PAGE_SIZE)
    return UndeliveredPageOut(
        **counts, messages=[UndeliveredOut.model_validate(message) for message in messages]
    )


@api_officers.post(
    router, "/{org}/undelivered-emails/{message_id}/send-again", UndeliveredOut, body=ResendIn
)
def send_again(request: StaffRequest, org: str, message_id: int) -> Message:
    """Send a refused email again, to its address or a corrected one."""
    message = get_object_for(request.organisation, Message.objects.all(), pk=message_id)
    data = read_body(request, ResendIn)
    return resend_message(message=message, to=data.to, actor=request.user)
