"""A code of conduct as data: one version of an organisation's code read from TOML.

- :mod:`.loader`: ``load_policy`` / ``check_policy`` and the ``Policy`` they return.
- :mod:`.problems`: ``Problem``, ``PolicyError`` and ``Table``, the reader that collects
  every mistake in a file instead of stopping at the first.
- :mod:`.roles`, :mod:`.sections`, :mod:`.conduct`: the role titles, the day-to-day
  sections and the conduct standards of a file.
- :mod:`.clauses`: the rule ids and Interpretations, read from ``data/clauses.json``.
- :mod:`.presets`: the five codes shipped as presets (``PRESETS``, ``load_preset``).
- :mod:`.editing`: the code editor's forms over a file (catalogue, reading and
  writing with tomlkit, differences in words); it uses the ladder and the rulebook, so
  nothing else here imports it.

The ``[breach]`` table is the ladder's, read by :mod:`panelkeeper.rules.ladder`. This
``__init__`` imports nothing: the ladder uses the readers here, and the loader uses the
ladder, so an import here would make a cycle.
"""
