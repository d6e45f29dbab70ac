"""The region overview moved to monitoring (issue #11); its old address still works for those
allowed to see it (ijw names the page, it imports nothing of monitoring)."""

from django.shortcuts import redirect

from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm


@requires(Perm.VIEW_REGION_FIGURES)
def overview(request):
    return redirect("monitoring:overview", permanent=True)
