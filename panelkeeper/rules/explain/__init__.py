"""The rulebook: a policy in plain English, every rule with its id, figures and role titles.

- :mod:`.rulebook`: ``rulebook(policy)`` and ``render_text(book)``.
- :mod:`.sections`: the sentences for each part of a policy except the ladder (the
  ladder explains itself in :mod:`panelkeeper.rules.ladder.explain`), and ``listing``.
"""
