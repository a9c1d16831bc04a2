"""The roles an organisation's staff pages and operations admit, for ``@staff(...)`` and
``@api_staff(...)``: officers and auditors read, only officers change.

The registers use them too; every app's staff modules define the same two, so they
would sit as well beside the decorators in :mod:`panelkeeper.accounts.permissions`.
"""

from panelkeeper.accounts.models import Grant

READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
OFFICER = Grant.Role.OFFICER
