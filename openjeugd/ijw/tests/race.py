"""Run callables in threads that start at the same moment, each on its own connection."""

import threading

from django.db import connection


def run_together(*calls) -> list:
    """Return what each call returned (or the exception it raised), in the order given."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except BaseException as error:  # noqa: BLE001 - reported to the test, not swallowed
            results[index] = error
        finally:
            connection.close()  # the thread's own connection, or the test database stays busy

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results
