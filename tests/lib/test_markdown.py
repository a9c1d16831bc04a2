"""Markdown typed by people is rendered safely: no scripts, no javascript: links."""

from html.parser import HTMLParser

import pytest

from panelkeeper.lib.markdown import keep_paragraphs, render_markdown

ALLOWED = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


class Elements(HTMLParser):
    """Every element and attribute a browser would see in the output."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def test_it_renders_ordinary_markdown() -> None:
    html = render_markdown(
        "# Minutes\n\nThe **panel** met. See [the plan](https://example.org/plan)."
    )
    assert "<h1>Minutes</h1>" in html
    assert "<strong>panel</strong>" in html
    assert 'href="https://example.org/plan"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert('x')</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "![img](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "<a href='#' onclick='alert(1)'>x</a>",
        '<div onmouseover="alert(1)">hover</div>',
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<iframe src=https://evil.example></iframe>",
        "<style>body{display:none}</style>",
        "[x](vbscript:msgbox(1))",
        "<<script>script>alert(1)<</script>/script>",
    ],
)
def test_it_neutralises_hostile_input(hostile: str) -> None:
    html = render_markdown(f"Before\n\n{hostile}\n\nAfter")
    for tag, attrs in elements(html):
        assert tag in ALLOWED
        assert not any(name.startswith("on") for name in attrs)
        for name in ("href", "src"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:"))
    assert "Before" in html and "After" in html


def test_typed_tags_come_out_as_text_not_markup() -> None:
    assert "&lt;b&gt;bold&lt;/b&gt;" in render_markdown("<b>bold</b>")


def test_style_attributes_are_dropped_for_the_strict_csp() -> None:
    assert "style=" not in render_markdown("| a |\n|:-:|\n| 1 |")


def test_the_result_is_marked_safe_for_templates() -> None:
    assert hasattr(render_markdown("x"), "__html__")


def test_pasted_lines_become_paragraphs_and_bullets_a_list() -> None:
    assert keep_paragraphs("One.\r\nTwo.\n• a\n● b\nThree.") == (
        "One.\n\nTwo.\n\n- a\n- b\n\nThree."
    )


def test_markdown_lists_tables_indents_hard_breaks_and_fences_are_left_as_written() -> None:
    text = "1. a\n2. b\n\n| x |\n|---|\n\n- item\n  more\n\nend  \nsame\n```\n• x\ny\n```"
    assert keep_paragraphs(text) == text
