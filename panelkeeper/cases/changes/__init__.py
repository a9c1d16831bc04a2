"""Every change to a breach case, and only these (STYLE 7): keyword-only, typed functions
named ``<verb>_<noun>``, each writing through the one event writer in one transaction.

* :mod:`.opening`: ``raise_breach``, ``open_case_from_asked_to_leave`` (MTG-5),
  ``open_exclusion`` and ``open_exclusion_from_missed_meetings`` (MTG-2);
* :mod:`.steps`: ``take_informal_step``, ``open_investigation``, ``inform_member``,
  ``convene_group``, ``suspend_member``, ``lift_suspension``, ``record_training_refused``,
  ``record_determination``, ``record_outcome``, ``record_notice`` (called by the letters
  work when a letter is sent), ``withdraw_case``, ``close_case``;
* :mod:`.appeals`: ``lodge_appeal``, ``decide_late_appeal``, ``consider_appeal``,
  ``decide_appeal``;
* :mod:`.people`: ``add_party``, ``set_party_contact``, ``remove_party``,
  ``seat_investigator``, ``release_seat``;
* :mod:`.writer`: the one event writer they share; :mod:`.inputs`: the typed input of each
  step the pages and the API offer.

Each raises :class:`panelkeeper.lib.refusals.Refused`, naming the rule, when the code does
not allow the change, and saves nothing. Import a function from the module that defines it.
"""
