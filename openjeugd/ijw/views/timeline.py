from django.shortcuts import render

from openjeugd.accounts import policy
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw import selectors


@requires(Perm.VIEW_YOUTH)
def youth_timeline(request, pk):
    # read_youth checks the scope and writes the access log (or a denial and 403).
    youth = policy.read_youth(request.user, pk, purpose=Purpose.CLIENT_TIMELINE, request=request)
    user = request.user
    exchanges = policy.has_perm(user, Perm.EXCHANGE_MESSAGES)
    return render(request, "ijw/youth_timeline.html", {
        "youth": youth, "timeline": selectors.youth_timeline(user, youth),
        "can_view_messages": policy.has_perm(user, Perm.VIEW_MESSAGES),
        # Which actions to offer; the services check again when sending.
        "acts_as_municipality": exchanges and youth.municipality.code in policy.party_codes(user),
        "acts_as_provider": exchanges and policy.provider_agb(user) is not None,
    })
