"""The placeholder engine: named gaps only, nothing in a template can run, values escaped."""

from __future__ import annotations

import pytest

from panelkeeper.letters.kinds import LetterKind, placeholders
from panelkeeper.letters.placeholders import check, fill, fill_html, names_in
from panelkeeper.letters.wording import default_wording
from panelkeeper.lib.refusals import Refused
from tests.rules.copying import copied_runs


def test_it_fills_named_placeholders_and_leaves_doubled_braces_as_braces() -> None:
    text = "Dear {member_name}, see {{this}}."
    assert fill(text, {"member_name": "Sam"}) == "Dear Sam, see {this}."
    assert names_in(text) == ["member_name"]


def test_an_unknown_placeholder_is_refused_with_its_name() -> None:
    with pytest.raises(Refused, match=r"\{members_name\} is not a placeholder"):
        check("Dear {members_name},", {"member_name"})


@pytest.mark.parametrize(
    "text",
    [
        "{{ member_name.__class__ }}",
        "{% load os %}{member_name|upper}",
        "{member_name.__class__.__mro__}",
        "{ member_name }",
        "{__import__('os')}",
        "Dear {member_name",
        "Dear member_name}",
    ],
)
def test_template_text_can_never_run_code_anything_but_a_plain_name_is_refused_or_literal(
    text: str,
) -> None:
    try:
        check(text, {"member_name"})
    except Refused:
        return
    # Accepted only as literal text: filling changes nothing but the doubled braces.
    assert fill(text, {"member_name": "x"}) == text.replace("{{", "{").replace("}}", "}")


def test_values_are_escaped_in_html_and_never_expanded_again() -> None:
    html = fill_html("Dear {member_name},", {"member_name": "<b>{reasons}</b>"})
    assert html == "<p>Dear &lt;b&gt;{reasons}&lt;/b&gt;,</p>"
    assert fill_html("A & B\n\nC", {}) == "<p>A &amp; B</p>\n<p>C</p>"


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_default_wording_uses_only_its_own_placeholders(kind: LetterKind) -> None:
    wording = default_wording(kind)
    check(wording.subject, placeholders(kind))
    check(wording.body, placeholders(kind))


@pytest.mark.parametrize("kind", list(LetterKind))
def test_no_default_wording_copies_a_run_of_words_from_the_codes(kind: LetterKind) -> None:
    wording = default_wording(kind)
    assert copied_runs(wording.subject + "\n" + wording.body) == []
