"""Hypothesis settings for `make mutation` only (loaded by [tool.mutmut] as a plugin).

A mutant runs far slower than the package (every function goes through mutmut's
trampoline, on a busy machine), so a deadline would fail properties for being slow and
count a mutant as killed that no property caught. Derandomised, each mutant meets the
same examples, so a result can be reproduced; no example database is written.
"""

from hypothesis import settings

settings.register_profile("mutation", deadline=None, derandomize=True, database=None)
settings.load_profile("mutation")
