"""The code of conduct in force on a date, and the working calendar: one service.

Outside :mod:`panelkeeper.rules`, this is the only module that turns a stored text into a
:class:`~panelkeeper.rules.policy.loader.Policy` or builds a
:class:`~panelkeeper.rules.calendar.working_days.WorkingCalendar` (a test greps the package for it).

- :func:`policy_of_version` reads a stored version: a case reads the version it was
  raised under, whatever is in force today.
- :func:`version_on` and :func:`policy_on` answer "which code was in force on this date".
- :func:`calendar_for` is the organisation's working calendar: the bank holidays of its
  region and the closure days it has recorded. Both belong to the organisation (its
  settings page and its closure days page), never to a code's text, so every page that
  counts working days counts the same ones.
- :func:`check_new_text` validates the text of a new draft, which may no longer set
  ``[calendar]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.policies import InvalidPolicy
from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar
from panelkeeper.rules.policy.loader import CalendarSettings, Policy, load_policy
from panelkeeper.rules.policy.problems import PolicyError


@lru_cache(maxsize=128)
def _loaded(source: str, file_name: str) -> Policy:
    # A policy is a value of its text, so the text is the key: a published version's text
    # never changes (a trigger refuses it), and a draft saved from its forms has a new text,
    # so is parsed afresh. A text that fails raises, and exceptions are not cached.
    try:
        return load_policy(source, source=file_name)
    except PolicyError as error:
        raise InvalidPolicy(error.problems) from None


def policy_of_version(version: PolicyVersion) -> Policy:
    """The policy ``version`` holds; raises :class:`~.policies.InvalidPolicy` if it no
    longer loads (only possible for a draft the current rules reject)."""
    return _loaded(version.source, version.file_name)


def check_new_text(text: str, *, file_name: str) -> Policy:
    """The policy of a text about to become a draft; :class:`~.policies.InvalidPolicy` with
    every problem, including a ``[calendar]`` table, which new drafts may no longer set."""
    try:
        return load_policy(text, source=file_name, new_draft=True)
    except PolicyError as error:
        raise InvalidPolicy(error.problems) from None


def version_on(organisation: Organisation, *, on: dt.date) -> PolicyVersion | None:
    """The published version in force for ``organisation`` on ``on``, if any."""
    return PolicyVersion.objects.in_force(organisation, on=on)


def policy_on(organisation: Organisation, *, on: dt.date) -> Policy | None:
    """The policy in force on ``on``; None when no version is in force.

    Raises :class:`~.policies.InvalidPolicy` when the version in force no longer loads.
    """
    version = version_on(organisation, on=on)
    return None if version is None else policy_of_version(version)


def loadable_policy_on(organisation: Organisation, *, on: dt.date) -> Policy | None:
    """:func:`policy_on`, but None as well when the version in force no longer loads."""
    return loadable_policy_of(version_on(organisation, on=on))


def loadable_policy_of(version: PolicyVersion | None) -> Policy | None:
    """The policy ``version`` holds (a version in force a caller has already read); None
    without a version or when it no longer loads."""
    try:
        return None if version is None else policy_of_version(version)
    except InvalidPolicy:
        return None


def region_of(organisation: Organisation) -> Region:
    """The bank holiday region the organisation has set."""
    return Region(organisation.region)


def calendar_for(organisation: Organisation) -> WorkingCalendar:
    """The organisation's working calendar: its region's bank holidays and its closure days.

    Read afresh on each call (one query), so a change on the settings or closure days
    pages applies to the next request; nothing is kept between requests. The days are read
    in no order (the calendar keeps a set), so the query does not join the organisation
    to sort by its name.
    """
    days = organisation.closure_days.order_by().values_list("date", flat=True)
    return WorkingCalendar(region_of(organisation), days)


def bank_holiday_calendar(organisation: Organisation) -> WorkingCalendar:
    """The organisation's region's bank holidays and weekends, without its own closure
    days: for deadlines the law sets (a subject access request), which a closure does not
    move."""
    return WorkingCalendar(region_of(organisation))


def calendar_settings(organisation: Organisation) -> CalendarSettings:
    """The organisation's region and closure days, as the rulebook describes them."""
    days = tuple(organisation.closure_days.values_list("date", flat=True))
    return CalendarSettings(region_of(organisation), days)


def plain_calendar() -> WorkingCalendar:
    """A calendar with no organisation: for spans in months or years, which never count
    working days (a code's review period)."""
    return WorkingCalendar()


# -- when the calendar changes ------------------------------------------------------

CalendarChanged = Callable[[Organisation, dt.date], object]
_WHEN_CALENDAR_CHANGES: list[CalendarChanged] = []


def when_calendar_changes(listener: CalendarChanged) -> CalendarChanged:
    """Register ``listener(organisation, today)`` to run, inside the changing transaction,
    whenever an organisation's working calendar changes (its region, a closure day).

    Apps above this one keep copies counted in working days (a case's next due date) and
    register from their ``AppConfig.ready``; this app never imports them.
    """
    if listener not in _WHEN_CALENDAR_CHANGES:
        _WHEN_CALENDAR_CHANGES.append(listener)
    return listener


def calendar_changed(*, organisation: Organisation, today: dt.date) -> None:
    """Tell every registered listener that ``organisation``'s calendar has changed."""
    for listener in _WHEN_CALENDAR_CHANGES:
        listener(organisation, today)
