"""Who must set up a second factor before reaching any organisation's page.

Installation administrators, staff and anyone deciding a case or an appeal need an
authenticator app, a passkey or a security key (with recovery codes). Members need none,
and a member seated on an investigating group has an emailed code asked for at each
sign-in instead (the adapter's ``is_login_by_code_required``). A demo installation
leaves the rule off (``REQUIRE_SECOND_FACTOR``), so its demo people get in at once.
"""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Exists, OuterRef

from panelkeeper.accounts.adapter import SECOND_FACTORS
from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import decides, is_installation_admin


def needs_setup(user: Any) -> bool:
    """Whether ``user`` must set up a second factor before going any further.

    Asked before every signed-in page and API operation where the rule is on: whether
    they must use one and whether they have one are asked in one query."""
    if not (settings.REQUIRE_SECOND_FACTOR and user.is_authenticated):
        return False
    factors = Authenticator.objects.filter(user=OuterRef("pk"), type__in=SECOND_FACTORS)
    without = User.objects.filter(pk=user.pk).exclude(Exists(factors))
    if not is_installation_admin(user):
        without = without.filter(decides())
    return without.exists()
