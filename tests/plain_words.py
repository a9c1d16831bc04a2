"""Machine words in what a person reads: snake_case names and ISO dates.

``machine_words(html)`` reads the visible text of a page's ``<main>`` and returns every
snake_case word and ISO date in it. Not counted, because a person types or copies them
exactly rather than reads them: what a form field holds (a text box's contents, an
input's value and name are attributes and never text), and anything marked as literal
text in ``<code>``: the column names a CSV file must have, a letter's placeholders, a
token's prefix, a key of a code's TOML file. Links' addresses are attributes too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|/\S*/")
# Text inside these is not read as words on the page.
UNREAD = {"script", "style", "template", "textarea", "code", "noscript"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_main = 0
        self.unread = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag == "br" and self.in_main:
                self.parts.append(" ")
            return
        if tag == "main" or self.in_main:
            self.in_main += 1
            if tag in UNREAD:
                self.unread += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.in_main:
            return
        self.in_main -= 1
        if tag in UNREAD and self.unread:
            self.unread -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.in_main and not self.unread:
            self.parts.append(data)


def main_text(html: str) -> str:
    """The visible text of the page's ``<main>``, one space between words."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def machine_words(html: str) -> list[str]:
    """Every snake_case word and ISO date a reader meets in ``<main>``, in order."""
    text = ADDRESS.sub(" ", main_text(html))
    return [m.group(0) for m in re.finditer(f"{SNAKE_CASE.pattern}|{ISO_DATE.pattern}", text)]
