"""The five codes of conduct shipped as presets, each in our own words with its figures.

``PRESETS`` lists their slugs; ``preset_text(slug)`` gives a preset's TOML (to copy
into a draft version), ``load_preset(slug)`` its checked :class:`Policy`.
"""

from __future__ import annotations

from importlib import resources

from panelkeeper.rules.policy.loader import Policy, load_policy

PRESETS: tuple[str, ...] = ("vela", "insight", "nexus", "herefordshire", "thirteen")


def preset_text(slug: str) -> str:
    """The TOML of preset ``slug``; KeyError naming the presets if there is none."""
    if slug not in PRESETS:
        raise KeyError(f"no preset {slug!r}; the presets are {', '.join(PRESETS)}")
    return resources.files(__name__).joinpath(f"{slug}.toml").read_text(encoding="utf-8")


def load_preset(slug: str) -> Policy:
    """The checked policy of preset ``slug`` (PolicyError if a preset is ever broken)."""
    return load_policy(preset_text(slug), source=f"{slug}.toml")
