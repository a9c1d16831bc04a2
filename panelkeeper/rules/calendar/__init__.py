"""Counting days: the one place deadlines are counted (STYLE 6).

- :mod:`.working_days`: ``WorkingCalendar`` (working and calendar days, bank holidays of a
  region, an organisation's closure days) and ``add_months``.
- :mod:`.durations`: ``Duration`` and ``parse_duration`` ("10 working days", "12 months").

Depends on nothing else in :mod:`panelkeeper.rules`.
"""
