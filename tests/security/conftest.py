"""The matrix world, built once per module inside one transaction that is rolled back at the
end, so no other test sees it; every request runs in a savepoint of its own (see the test)."""

import pytest
import time_machine
from django.db import transaction

from .world import ANONYMOUS, TODAY, build_world, signed_in_client


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with (django_db_blocker.unblock(), time_machine.travel(TODAY, tick=False),
          transaction.atomic()):
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def clients(world):
    """One signed-in client per role (and the superuser), and one anonymous client."""
    clients = {}
    for role, user in {ANONYMOUS: None, **world.users}.items():
        clients[role] = signed_in_client(user)
    return clients
