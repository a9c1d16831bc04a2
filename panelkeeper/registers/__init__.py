"""Registers of interests and of gifts and hospitality, and conflict decisions per piece of work.

COI-1 to COI-4, GIFT-1 to GIFT-3, Interpretations 11 and 12. The interface other apps
call: :class:`~panelkeeper.registers.models.WorkItem` (create one per agenda item, case
or project with :func:`~panelkeeper.registers.conflicts.open_work_item`),
:func:`~panelkeeper.registers.conflicts.conflicts_for` and
``Gift.objects.waiting_for_meeting(group)``.
"""
