"""The placeholder engine for letter templates: named gaps filled from a fixed dictionary.

Officers write ``{member_name}`` where a value goes. Nothing else in a template means
anything: there are no expressions, filters, loops or attribute lookups, so template
text can never run code (Django's template engine is never used on officers' text).
A name outside the kind's list is refused when the template is saved, naming it.
Values are escaped when a letter is turned into HTML; a value that itself contains
``{...}`` is never expanded again, because filling is a single pass.

``{{`` and ``}}`` stand for literal braces, for the rare letter that needs one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from django.utils.html import escape

from panelkeeper.lib.refusals import Refused

# A placeholder is a brace, a lower-case name, a brace. Doubled braces are literals.
TOKEN = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)\}|\{[^{}]*\}?")


def names_in(text: str) -> list[str]:
    """The placeholder names ``text`` uses, in order of first use."""
    found: dict[str, None] = {}
    for match in TOKEN.finditer(text):
        if match[1]:
            found.setdefault(match[1])
    return list(found)


def check(text: str, allowed: Iterable[str]) -> None:
    """Raise :class:`Refused` naming the first unknown placeholder or stray brace."""
    allowed = set(allowed)
    for match in TOKEN.finditer(text):
        token = match[0]
        if token in ("{{", "}}"):
            continue
        if match[1] is None:
            raise Refused(
                f"“{token}” is not a placeholder: write a name in braces, like {{member_name}}, "
                "or {{{{ for a brace on its own"
            )
        if match[1] not in allowed:
            raise Refused(
                f"{{{match[1]}}} is not a placeholder this letter can use: "
                "choose one from the list below the box"
            )
    stray = TOKEN.sub("", text)
    if "}" in stray:
        raise Refused("A closing brace has no opening brace: write }} for a brace on its own")


def _pieces(text: str, values: Mapping[str, str], quote: bool) -> str:
    def one(match: re.Match[str]) -> str:
        token = match[0]
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        value = values.get(match[1] or "", "")
        return str(escape(value)) if quote else value

    out: list[str] = []
    last = 0
    for match in TOKEN.finditer(text):
        literal = text[last : match.start()]
        out.append(str(escape(literal)) if quote else literal)
        out.append(one(match))
        last = match.end()
    tail = text[last:]
    out.append(str(escape(tail)) if quote else tail)
    return "".join(out)


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with every placeholder replaced by its value, as plain text.

    The caller has checked the template; a name missing from ``values`` fills as empty.
    """
    return _pieces(text, values, quote=False)


def fill_html(text: str, values: Mapping[str, str]) -> str:
    """``text`` filled and escaped for HTML: paragraphs at blank lines, lines kept."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    html = []
    for paragraph in paragraphs:
        if not paragraph.strip():
            continue
        escaped = _pieces(paragraph.strip(), values, quote=True)
        html.append("<p>" + escaped.replace("\n", "<br>\n") + "</p>")
    return "\n".join(html)
