"""The message overview moved from ijw (issue #11) with its tests: they keep ijw's fixtures
(the traffic of two providers delivered through the import path, the clock pinned in March),
which override monitoring's own here."""

from openjeugd.ijw.tests.conftest import (  # noqa: F401 - fixtures
    deliver,
    deliver_not_before,
    deliver_strict,
    mixed_history,
    nijmegen,
    other_provider,
    pinned_today,
    provider,
    two_providers_traffic,
    user_with,
)
