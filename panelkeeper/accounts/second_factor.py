"""Who must set up a second factor before reaching any organisation's page.

Installation administrators, staff and anyone deciding a case or an appeal need an
authenticator app, a passkey or a security key (with recovery codes). Members need none,
and a member seated on an investigating group has an emailed code asked for at each
sign-in instead (the adapter's ``is_login_by_code_required``). A demo installation
leaves the rule off (``REQUIRE_SECOND_FACTOR``), so its demo people get in at once.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from panelkeeper.accounts.adapter import has_second_factor
from panelkeeper.accounts.permissions import must_use_second_factor


def needs_setup(user: Any) -> bool:
    """Whether ``user`` must set up a second factor before going any further."""
    return bool(
        settings.REQUIRE_SECOND_FACTOR
        and user.is_authenticated
        and must_use_second_factor(user)
        and not has_second_factor(user)
    )
