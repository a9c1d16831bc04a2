"""The rules engine: codes of conduct as data, working days, the breach ladder.

Pure Python; nothing here imports Django. One word per concept: the breach procedure of
a code (levels, escalation, outcomes on offer, steps, deadlines, appeals, and the replay
of a case's events against them) is the *ladder*, everywhere in this package.

Sub-packages, each depending only on those above it in this list:

- :mod:`.calendar`: working days (``working_days.WorkingCalendar``, Interpretation 1)
  and durations as people write them (``durations.Duration``).
- :mod:`.policy`: a code-of-conduct file read and checked. ``loader`` gives
  ``load_policy`` / ``check_policy`` and the ``Policy`` they return; ``problems``,
  ``roles``, ``sections``, ``conduct`` and ``clauses`` read its parts; ``presets`` holds
  the five codes shipped as presets; ``data/`` the generated rule tables.
- :mod:`.ladder`: the breach ladder. The package itself gives the schema (``Ladder``,
  ``parse_breach``, ``check_group``, ``explain_ladder``); ``case`` reads a case's events
  against it (``assess``, ``check_next``); ``planner`` says when each deadline would fall
  if a step happened on a date, counted by ``counting`` as a case's own dates are.
- :mod:`.explain`: the rulebook in plain English (``rulebook.rulebook``,
  ``rulebook.render_text``).
- :mod:`.policy.editing`: the code editor's pure core, after the others as it uses
  them all: the forms' catalogue of every setting a landlord may change, a draft read
  and written one part at a time with tomlkit (comments kept), and the differences
  between two drafts in words. Nothing in ``policy`` itself imports it.

Beside them: :mod:`.attendance` (apologies and runs of missed meetings), :mod:`.cli`
(``panelkeeper rules explain|check|deadlines``, also ``python -m panelkeeper.rules``;
``deadlines`` in :mod:`.cli_deadlines`), and two
leaves every sub-package may use: :mod:`.dates` (dates as the product writes them) and
:mod:`.labels` (string enums whose members carry the words they read as).

``policy`` and ``explain`` expose nothing from their ``__init__``: the ladder reads its
part of a file through ``policy``'s readers while ``policy.loader`` calls the ladder, so
importers name the module that defines what they use. The file format is described in
``SCHEMA.md`` beside this file.
"""
