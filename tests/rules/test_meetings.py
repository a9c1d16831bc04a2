"""How each preset's meetings decide and are chaired: the default and the limit (MTG-3,
MTG-4)."""

import pytest

from panelkeeper.rules.meetings import (
    ChairBasis,
    Method,
    chair_bases_allowed,
    chair_refusal,
    method_refusal,
    methods_allowed,
)
from tests.rules.scenarios import policy


@pytest.mark.parametrize(
    ("slug", "way"),
    [
        ("vela", Method.VOTE),
        ("insight", Method.VOTE),
        ("thirteen", Method.VOTE),
        ("nexus", Method.CONSENSUS),
    ],
)
def test_a_code_that_names_its_way_of_deciding_allows_only_that_way_mtg_3(
    slug: str, way: Method
) -> None:
    meetings = policy(slug).meetings
    assert methods_allowed(meetings) == (way,)
    assert method_refusal(meetings, way) is None
    other = Method.CONSENSUS if way is Method.VOTE else Method.VOTE
    refusal = method_refusal(meetings, other)
    assert (
        refusal is not None
        and f"record this decision by {'a vote' if other is Method.CONSENSUS else 'consensus'}"
        in refusal
    )


def test_a_code_silent_on_its_way_of_deciding_allows_both_a_vote_first_mtg_3() -> None:
    meetings = policy("herefordshire").meetings
    assert methods_allowed(meetings) == (Method.VOTE, Method.CONSENSUS)
    assert methods_allowed(None) == (Method.VOTE, Method.CONSENSUS)
    assert method_refusal(meetings, "consensus") is None
    assert method_refusal(None, "vote") is None


@pytest.mark.parametrize("slug", ["vela", "insight", "nexus", "thirteen"])
def test_a_standing_chair_refuses_a_rota_but_not_the_vice_chair_standing_in_mtg_4(
    slug: str,
) -> None:
    meetings = policy(slug).meetings
    assert chair_bases_allowed(meetings) == (ChairBasis.STANDING, ChairBasis.VICE_CHAIR)
    assert chair_refusal(meetings, "standing") is None
    assert chair_refusal(meetings, "vice_chair") is None
    assert chair_refusal(meetings, "rota") == (
        "The code of conduct has a standing Chair, not a chair by rota: choose the Chair, "
        "or the Vice Chair standing in."
    )


def test_herefordshire_chairs_by_rota_or_a_standing_chair_mtg_4() -> None:
    meetings = policy("herefordshire").meetings
    assert ChairBasis.ROTA in chair_bases_allowed(meetings)
    assert chair_refusal(meetings, "rota") is None
    assert chair_refusal(None, "rota") is None
    # An unknown basis is the form's to refuse, not the code's.
    assert chair_refusal(policy("vela").meetings, "nobody") is None
