"""A task for the crash tests: it runs until the test lets it finish.

The worker imports it by its path, as it would any of the product's tasks.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.tasks import task


@task()
def hold(folder: str) -> int:
    """Note this process in ``folder``/started, then wait (at most a minute) for
    ``folder``/release to appear; return the process id that finished it."""
    here = Path(folder)
    with (here / "started").open("a") as started:
        started.write(f"{os.getpid()}\n")
    deadline = time.monotonic() + 60
    while not (here / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return os.getpid()
