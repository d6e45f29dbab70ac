"""Two read-only computations side by side, one of them in a forked child process.

Pure Python work holds the GIL, so threads would take turns; a forked child has its own
interpreter and inherits Django's set-up as it is, so it needs no pickled arguments, only a
pickled result. What may run in the child: reads. Its connections are its own (the parent's
are closed before the fork, so no socket is ever shared) and it writes nothing: no access
log, no cache, no fact.

The child can only see committed data. Inside a transaction (a test's, or a caller's atomic
block) and on an in-memory SQLite database, another connection would see other data or none,
so there both computations run here, one after the other: `can_fork` decides. So it does in a
process that runs other Python threads (a web server's, a progress bar's): the child would get
only the forking thread, and any lock another thread held at that moment stays locked in it
for good.
"""

import multiprocessing
import threading
import traceback
from collections.abc import Callable

from django.db import connections


class ChildFailed(RuntimeError):
    """The child process ended without a result (killed, or its result would not pickle)."""


def can_fork() -> bool:
    """Whether a child's own connections would see what this process sees, and this process
    runs no other Python thread."""
    for connection in connections.all(initialized_only=True):
        # An open transaction, in an atomic block or with autocommit off: its rows are
        # invisible to another connection, and closing this one (before the fork) would
        # end it.
        open_transaction = connection.connection is not None and not connection.autocommit
        if connection.in_atomic_block or open_transaction:
            return False
    for alias in connections:
        connection = connections[alias]
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            return False
    return threads() == 1


def threads() -> int:
    """The Python threads of this process. Those are what the child's Python and Django code
    could wait on: a lock one of them held (a logging handler's, a cache's, a connection's)
    would stay taken. A library's native worker threads (Arrow's pool in the benchmark, which
    reads Parquet) take none of those locks, and the C library keeps its allocator whole
    across fork(), so they do not count here (Python's own DeprecationWarning counts them)."""
    return threading.active_count()


def alongside[T, U](in_child: Callable[[], T], here: Callable[[], U], *,
              jobs: int = 2) -> tuple[T, U]:
    """(in_child(), here()): with jobs >= 2, and where can_fork(), `in_child` runs in a forked
    process while `here` runs in this one; otherwise both here, in_child first. An exception
    in the child is raised here (with the child's traceback in its notes)."""
    if jobs < 2 or not can_fork():
        return in_child(), here()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    connections.close_all()  # never share a connection with a child process
    child = context.Process(target=_run, args=(in_child, sender), daemon=True)
    child.start()
    sender.close()  # the child's end: recv() then sees the end when the child dies
    received = False
    try:
        ours = here()
        try:
            outcome, value = receiver.recv()
            received = True
        except EOFError:
            child.join()
            raise ChildFailed("the computation in the child process ended without a result "
                              f"(exit code {child.exitcode})") from None
    finally:
        receiver.close()
        if not received:  # `here` failed or the child died: nothing more to wait for
            child.terminate()
        child.join()
    if outcome == "error":
        error, trace = value
        error.add_note(f"in the child process:\n{trace}")
        raise error
    return value, ours


def _run(work: Callable, sender) -> None:
    try:
        try:
            result = ("result", work())
        except Exception as error:  # handed to the parent, which raises it
            result = ("error", (error, traceback.format_exc()))
        try:
            sender.send(result)
        except Exception as error:  # the result would not pickle: say so instead
            sender.send(("error", (ChildFailed(f"the child's result could not be sent: "
                                               f"{error!r}"), traceback.format_exc())))
    finally:
        sender.close()
        connections.close_all()
