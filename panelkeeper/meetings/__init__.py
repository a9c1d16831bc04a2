"""Meetings of a group: agendas, attendance and apologies, the missed-meetings rule,
decisions, actions, members asked to leave, and calendars (MTG-1 to MTG-6, COI-2, GIFT-2)."""
