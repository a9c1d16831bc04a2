"""The one refusal of the apps: a change the code of conduct or the data do not allow.

Domain functions raise :class:`Refused`; pages show its ``message`` on ``field`` (or above
the form), and the API answers 422 with the one refusal body
(:class:`panelkeeper.lib.api.RefusalOut`). The rules package stays free of Django and
raises its own :class:`StepRefused` and :class:`PolicyError`; they are converted here, once,
at the boundary between the rules and the apps.

Subclass only where a caller must catch a refusal apart from the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from panelkeeper.rules.ladder.case_model import StepRefused
from panelkeeper.rules.policy.problems import PolicyError

VALIDATION = "validation"
"""The ``rule`` of a refusal that breaks no clause of a code: the input itself is wrong."""


@dataclass(frozen=True)
class Problem:
    """One of several things wrong at once: where (``field``, as sent; and ``line``, in a
    file sent as text) and what to do."""

    message: str
    field: str | None = None
    line: int | None = None


class Refused(Exception):
    """A refused change; ``message`` says what to do instead.

    ``rule`` names the clause it would break (BR-8, COI-4, Interpretation 10, ...) or
    :data:`VALIDATION`; ``field`` the form or body field the message belongs to;
    ``problems`` lists each mistake when there are several.
    """

    def __init__(
        self,
        message: str,
        *,
        rule: str = VALIDATION,
        field: str | None = None,
        problems: Sequence[Problem] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.field = field
        self.problems: tuple[Problem, ...] = tuple(problems)

    @classmethod
    def from_step(cls, refused: StepRefused, *, field: str | None = None) -> Refused:
        """The rules package's refusal of a step, as the apps' refusal."""
        return cls(refused.message, rule=refused.rule, field=field)

    @classmethod
    def from_policy(cls, error: PolicyError, *, field: str | None = None) -> Refused:
        """A code of conduct that does not load: one problem per mistake, keyed by its key."""
        count = len(error.problems)
        return cls(
            f"The file has {count} problem{'s' if count != 1 else ''}. "
            "Correct each one and upload the file again.",
            field=field,
            problems=[Problem(f"{p.key}: {p.message}", field) for p in error.problems],
        )


def entered(
    text: str,
    *,
    field: str,
    missing: str,
    most: int | None = None,
    too_long: str = "",
    rule: str = VALIDATION,
) -> str:
    """``text`` trimmed, refused on ``field`` with ``missing`` when nothing is left, or,
    where there is a limit ``most``, with ``too_long`` when it is longer; ``rule`` is the
    clause a missing text breaks, where one does."""
    text = text.strip()
    if not text:
        raise Refused(missing, rule=rule, field=field)
    if most is not None and len(text) > most:
        raise Refused(too_long, field=field)
    return text
