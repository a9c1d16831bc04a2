"""How a meeting decides and who chairs it, as the code sets them (MTG-3, MTG-4).

A code that names a way of deciding (vela, insight and thirteen: the majority; nexus:
consensus) sets both the default and the limit: none of the five lists it as one way
among others, so another way is refused. A code silent on it (herefordshire) lets the
group decide either way. A code with a standing chair refuses a chair by rota; the Vice
Chair standing in for the Chair is always allowed. A code with no ``[meetings]`` section
says nothing on either, and limits neither. Pure functions over the code's
``[meetings]`` section (:class:`~panelkeeper.rules.policy.sections.Meetings`), which is
None when the code has none.
"""

from __future__ import annotations

from enum import StrEnum

from panelkeeper.rules.policy.sections import ChairBy, DecisionMaking, Meetings


class Method(StrEnum):
    """How a meeting reached a decision, as it is recorded (MTG-3)."""

    VOTE = "vote"
    CONSENSUS = "consensus"


class ChairBasis(StrEnum):
    """On what footing someone chairs a meeting (MTG-4)."""

    STANDING = "standing"
    ROTA = "rota"
    VICE_CHAIR = "vice_chair"


_METHOD = {DecisionMaking.MAJORITY: Method.VOTE, DecisionMaking.CONSENSUS: Method.CONSENSUS}
_SAYS = {
    DecisionMaking.MAJORITY: "decides by a majority vote",
    DecisionMaking.CONSENSUS: "decides by consensus",
}


def methods_allowed(meetings: Meetings | None) -> tuple[Method, ...]:
    """The ways of deciding the code allows, its own way first (MTG-3)."""
    if meetings is None or meetings.decisions is None:
        return (Method.VOTE, Method.CONSENSUS)
    return (_METHOD[meetings.decisions],)


def method_refusal(meetings: Meetings | None, method: str) -> str | None:
    """Why ``method`` is not how this code decides, saying what to do; None when it is."""
    if meetings is None or meetings.decisions is None or method in methods_allowed(meetings):
        return None
    way = "by a vote" if meetings.decisions is DecisionMaking.MAJORITY else "by consensus"
    return (
        f"The code of conduct says the group {_SAYS[meetings.decisions]}: "
        f"record this decision {way}."
    )


def chair_bases_allowed(meetings: Meetings | None) -> tuple[ChairBasis, ...]:
    """Who may chair a meeting under the code: the Chair, the Vice Chair standing in, and
    a member by rota only where the code allows a rota (MTG-4)."""
    if meetings is not None and meetings.chair_by is ChairBy.STANDING:
        return (ChairBasis.STANDING, ChairBasis.VICE_CHAIR)
    return (ChairBasis.STANDING, ChairBasis.ROTA, ChairBasis.VICE_CHAIR)


def chair_refusal(meetings: Meetings | None, basis: str) -> str | None:
    """Why ``basis`` is not a way this code lets a meeting be chaired; None when it is."""
    if basis in chair_bases_allowed(meetings) or basis not in set(ChairBasis):
        return None
    return (
        "The code of conduct has a standing Chair, not a chair by rota: choose the Chair, "
        "or the Vice Chair standing in."
    )
