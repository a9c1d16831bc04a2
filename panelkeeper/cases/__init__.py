"""Breach cases: a breach raised, taken through each code's stages to a closed appeal.

Every rule decision comes from the pure procedure in :mod:`panelkeeper.rules.ladder.case`
(through :mod:`.procedure`). Every change to a case goes through the keyword-only
functions of :mod:`.changes` and its one event writer (STYLE 7); each raises
:class:`panelkeeper.lib.refusals.Refused`, naming the rule, when the code does not allow
the step, and saves nothing. Reading: :func:`.reading.read_case`.
"""
