"""Running the same work in several threads at once, as several workers would."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connection


def at_once[T](work: Callable[[], T], workers: int = 2) -> tuple[list[T], list[BaseException]]:
    """Run ``work`` in ``workers`` threads released together; what each returned, and
    what each raised. Each thread closes its own database connection when done."""
    results: list[T] = []
    errors: list[BaseException] = []
    start = threading.Barrier(workers)

    def worker() -> None:
        try:
            start.wait()
            results.append(work())
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors
