"""Members of an organisation's groups, their status over time and their signed documents.

Public interface for other apps: :class:`~panelkeeper.members.models.Member` (and
``Member.objects.active(on=...)``), :func:`~panelkeeper.members.status.status_on` and
:func:`~panelkeeper.members.eligibility.eligibility`, the one question meetings and
cases ask before a member takes part.
"""
