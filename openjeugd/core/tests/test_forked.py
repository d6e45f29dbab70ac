"""core.forked: a computation in a forked child next to one in this process, and what
happens when the child fails, dies or cannot hand its result back. These tests use no
database; can_fork() is set to True where the fork itself is under test (whether a database
allows it is tested below and in monitoring/tests/test_indicators_on_two_cores.py). Python
warns when such a forced fork meets a thread some earlier test left running; the product
never forks then (test_another_thread_keeps_it_in_one_process)."""

import os
import threading

import pytest
from django.db import connections, transaction

from openjeugd.core import forked


@pytest.fixture
def forking(monkeypatch):
    monkeypatch.setattr(forked, "can_fork", lambda: True)


def test_the_child_computes_in_another_process_and_hands_its_result_back(forking):
    parent = os.getpid()
    theirs, ours = forked.alongside(lambda: {"pid": os.getpid(), "n": [1, 2]},
                                    lambda: {"pid": os.getpid()})
    assert ours["pid"] == parent
    assert theirs["pid"] != parent and theirs["n"] == [1, 2]


def test_one_job_computes_both_here_the_child_part_first(forking):
    order = []
    theirs, ours = forked.alongside(lambda: order.append("child") or os.getpid(),
                                    lambda: order.append("here") or os.getpid(), jobs=1)
    assert theirs == ours == os.getpid()
    assert order == ["child", "here"]


def test_an_error_in_the_child_is_raised_here_with_its_trace(forking):
    def fails():
        raise ValueError("no such period")

    with pytest.raises(ValueError, match="no such period") as raised:
        forked.alongside(fails, lambda: None)
    assert any("in the child process" in note and "fails" in note
               for note in raised.value.__notes__)


def test_a_child_that_dies_is_reported_with_its_exit_code(forking):
    with pytest.raises(forked.ChildFailed, match="exit code 3"):
        forked.alongside(lambda: os._exit(3), lambda: None)


def test_a_result_that_cannot_be_sent_is_reported_not_lost(forking):
    with pytest.raises(forked.ChildFailed, match="could not be sent"):
        forked.alongside(lambda: (lambda: None), lambda: None)  # a lambda does not pickle


def test_an_error_here_stops_the_child(forking, monkeypatch):
    started = []
    real_process = forked.multiprocessing.get_context("fork").Process

    class Recorded(real_process):
        def start(self):
            super().start()
            started.append(self)

    monkeypatch.setattr(forked.multiprocessing.get_context("fork"), "Process", Recorded)

    def here():
        raise RuntimeError("here failed")

    with pytest.raises(RuntimeError, match="here failed"):
        # The child would wait for ever: only terminate() ends it.
        forked.alongside(lambda: __import__("time").sleep(600), here)
    assert len(started) == 1 and not started[0].is_alive()
    assert started[0].exitcode < 0  # ended by a signal, not by finishing


@pytest.mark.django_db
def test_inside_a_transaction_nothing_forks():
    # A test runs in a transaction: a second connection would not see its rows.
    with transaction.atomic():
        assert not forked.can_fork()
        theirs, ours = forked.alongside(os.getpid, os.getpid)
    assert theirs == ours == os.getpid()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the migrations' rows
def test_committed_data_in_a_file_or_on_a_server_allows_it(monkeypatch):
    assert forked.can_fork()
    default = connections["default"]
    if default.vendor == "sqlite":  # the test database is a file; one in memory is private
        with monkeypatch.context() as patched:
            patched.setattr(default, "is_in_memory_db", lambda: True)
            assert not forked.can_fork()
        assert forked.can_fork()
    # With autocommit off a transaction is open without an atomic block: no fork either.
    default.ensure_connection()
    default.set_autocommit(False)
    try:
        assert not forked.can_fork()
    finally:
        default.rollback()
        default.set_autocommit(True)
    assert forked.can_fork()


def test_another_thread_keeps_it_in_one_process():
    before = forked.threads()  # 1, unless an earlier test left a thread running
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert forked.threads() == before + 1
        assert not forked.can_fork()
        theirs, ours = forked.alongside(os.getpid, os.getpid)
        assert theirs == ours == os.getpid()
    finally:
        stop.set()
        other.join()
