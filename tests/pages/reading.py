"""The visible words of a page's ``<main>``, as a reader meets them, for measuring.

Each block (heading, paragraph, list item, table cell, label, button) ends a sentence,
as it does for the eye: a list of links is several short lines, not one long sentence.
Scripts, styles and the parts named in ``skip`` (by class, with everything inside) are
left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "caption", "label",
    "legend", "button", "div", "summary",
}  # fmt: skip
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "col", "area", "wbr"}
SILENT = {"script", "style", "template", "noscript"}


class _Reader(HTMLParser):
    def __init__(self, skip: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.depth_in_main = 0
        self.stack: list[tuple[str, bool]] = []  # (tag, silenced here)
        self.silenced = 0
        self.parts: list[str] = []
        self.line: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        silence = tag in SILENT or any(name in classes for name in self.skip)
        if tag == "main":
            self.depth_in_main += 1
        self.stack.append((tag, silence))
        self.silenced += silence
        if tag in BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack:
            open_tag, silence = self.stack.pop()
            self.silenced -= silence
            if open_tag == "main":
                self.depth_in_main -= 1
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.depth_in_main and not self.silenced:
            self.line.append(data)

    def _end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        self.line = []
        if not text:
            return
        if text[-1] not in ".!?:":
            text += "."
        self.parts.append(text)


def visible_text(html: str, *, skip: tuple[str, ...] = ()) -> str:
    reader = _Reader(skip)
    reader.feed(html)
    reader.close()
    reader._end_line()
    return " ".join(reader.parts)


def without(text: str, names: list[str]) -> str:
    """``text`` with each of ``names`` (people's names) taken out, longest first."""
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", "", text)
    return text
