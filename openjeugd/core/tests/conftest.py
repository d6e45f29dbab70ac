from openjeugd.core.testing import client, english  # noqa: F401 - shared fixtures
