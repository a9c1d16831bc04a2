"""The rules engine: codes of conduct as data, working days, the breach ladder.

Pure Python; nothing here imports Django. Where to start:

- :mod:`.calendar`: ``WorkingCalendar`` (working and calendar days, Interpretation 1).
- :mod:`.policy`: ``load_policy`` / ``check_policy`` and the ``Policy`` they return.
- :mod:`.presets`: the five codes shipped as presets (``PRESETS``, ``load_preset``).
- :mod:`.explain`: the rulebook in plain English (``rulebook``, ``render_text``).
- :mod:`.ladder` and :mod:`.breaches`: the breach ladder and the case procedure.
- :mod:`.cli`: ``panelkeeper rules explain|check``.

The file format is described in ``SCHEMA.md`` beside this file.
"""
