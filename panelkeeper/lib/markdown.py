"""Safe Markdown: for text people type (notes, messages, uploaded wording).

Two locks, either enough on its own: markdown-it runs with raw HTML switched off, so
tags typed in the text come out as text; and the output is sanitised with nh3 to an
allow-list of tags, attributes and link schemes (http, https, mailto), which drops
``javascript:`` links and event handlers.
"""

from __future__ import annotations

import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table"
)

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
# No style attributes: the strict CSP would refuse them (so table alignment is dropped).
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> SafeString:
    """Render Markdown to HTML that is safe to put on a page as is."""
    html = _md.render(text)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # sanitised on the line above


# Bullets a word processor puts at the start of a line when its text is pasted.
_PASTED_BULLET = re.compile(r"^[ \t]*[•●◦▪■‣∙·][ \t]*")
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_TABLE_ROW = re.compile(r"^[ \t]*\|")
_FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)")


def _same_block(before: str, line: str) -> bool:
    """Whether ``line`` carries on the block ``before`` began, rather than starting one."""
    if line[:1] in (" ", "\t") or before.endswith(("  ", "\\")):
        return True  # indented under a list item, or after a hard line break
    if _LIST_ITEM.match(before) and _LIST_ITEM.match(line):
        return True
    return bool(_TABLE_ROW.match(before) and _TABLE_ROW.match(line))


def keep_paragraphs(text: str) -> str:
    """Text pasted from a word processor, as Markdown that keeps its paragraphs and lists.

    Pasted text ends each paragraph with one line break, which Markdown reads as a space
    (so a whole document becomes one paragraph), and marks lists with bullet characters
    Markdown does not know. Here a line break starts a new paragraph, unless the line
    carries on a list, a table, an indented block or a line that ends in a hard break; a
    bullet character becomes a Markdown list item. Markdown headings, lists and tables
    read as before, and nothing inside a fenced block changes.
    """
    kept: list[str] = []
    fenced = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            line = _PASTED_BULLET.sub("- ", line)
            before = kept[-1] if kept else ""
            if before.strip() and line.strip() and not _same_block(before, line):
                kept.append("")
        kept.append(line)
    return "\n".join(kept)
