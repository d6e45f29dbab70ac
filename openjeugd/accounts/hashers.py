"""Django's Argon2 hasher with the cost parameters from the settings.

Django's defaults (100 MiB, 2 passes, 8 lanes) cost ~0.2 s of CPU and 100 MB of memory per
login; on a 2-core server with five workers a burst of morning logins then holds every page up
(issue 14: 50 logins in a minute pushed the password step to ~30 s). The defaults here are the
OWASP Password Storage Cheat Sheet's argon2id configuration (19 MiB, 2 passes, 1 lane), ~7×
cheaper and still memory-hard. A hash made with other parameters (Django's, or older settings)
is rehashed at that user's next login (Django's `must_update`).
"""

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher as DjangoArgon2PasswordHasher


class Argon2PasswordHasher(DjangoArgon2PasswordHasher):
    @property
    def time_cost(self):
        return settings.ARGON2_TIME_COST

    @property
    def memory_cost(self):
        return settings.ARGON2_MEMORY_COST_KIB

    @property
    def parallelism(self):
        return settings.ARGON2_PARALLELISM
