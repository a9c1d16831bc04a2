"""Row links are the URLs reverse gives."""

from django.urls import reverse

from panelkeeper.lib.links import row_link


def test_a_row_link_is_the_url_reverse_gives_for_each_row() -> None:
    link = row_link("cases:detail", "pk", org="vela-housing")
    for pk in (1, 42, 1_000_007):
        assert link(pk) == reverse("cases:detail", kwargs={"org": "vela-housing", "pk": pk})


def test_a_row_link_fills_in_a_number_in_the_middle_of_the_path() -> None:
    link = row_link("registers:close_interest", "pk", org="thirteen")
    assert link(7) == reverse("registers:close_interest", kwargs={"org": "thirteen", "pk": 7})
    assert link(7).endswith("/")
