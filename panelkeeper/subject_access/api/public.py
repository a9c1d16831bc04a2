"""The privacy notice of an organisation, for anyone (no credentials)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from panelkeeper.accounts.permissions import api_anyone
from panelkeeper.lib.api import out_of
from panelkeeper.organisations.models import Organisation
from panelkeeper.subject_access.api.officer import router
from panelkeeper.subject_access.api.schemas import KeptOut, KindOut, PrivacyNoticeOut
from panelkeeper.subject_access.privacy import notice_for


@api_anyone.get(router, "/{org}/privacy-notice", PrivacyNoticeOut)
def privacy_notice(request: HttpRequest, org: str) -> PrivacyNoticeOut:
    """What the organisation keeps about people, why, and who may see it."""
    notice = notice_for(get_object_or_404(Organisation, slug=org))
    return PrivacyNoticeOut(
        organisation=notice.organisation.name,
        data_protection_lead=notice.lead_name,
        extension_months=notice.extension_months,
        kept=[out_of(KeptOut, kept) for kept in notice.kept],
        kinds=[out_of(KindOut, kind) for kind in notice.kinds],
    )
