"""Breach cases: a breach raised, taken through each code's stages to a closed appeal.

Every rule decision comes from the pure procedure in :mod:`panelkeeper.rules.breaches`
(through :mod:`.procedure`). Every change goes through one keyword-only function, all
importable from :mod:`.services` (STYLE 7):

* opening: ``raise_breach``, ``open_case_from_asked_to_leave`` (MTG-5),
  ``open_exclusion`` and ``open_exclusion_from_missed_meetings`` (MTG-2);
* stages: ``take_informal_step``, ``open_investigation`` / ``inform_member``,
  ``add_party``, ``set_party_contact``, ``remove_party``, ``seat_investigator``,
  ``release_seat``, ``convene_group``, ``suspend_member``,
  ``lift_suspension``, ``record_training_refused``, ``record_determination``,
  ``record_outcome``, ``record_notice`` (called by the letters work when a letter is
  sent), ``withdraw_case``, ``close_case``;
* appeals: ``lodge_appeal``, ``decide_late_appeal``, ``consider_appeal``,
  ``decide_appeal``.

Each raises :class:`.procedure.CaseRefused` (a ``Refused`` with ``rule``) when the code
does not allow the step, and saves nothing. Reading: :func:`.reading.read_case`.
"""
