from django.shortcuts import render

from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.ijw import uploads
from openjeugd.ijw.forms import UploadForm


@requires(Perm.EXCHANGE_MESSAGES)
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    results = []
    if request.method == "POST" and form.is_valid():
        results = deliver_for(request.user, form.entries)
    return render(request, "ijw/upload.html", {"form": form, "results": results},
                  status=400 if form.errors else 200)


def deliver_for(user, entries, *, via: str = "web"):
    """Each file through ingest; the policy refuses messages not sent as the user's own
    organisation."""
    return uploads.deliver(entries, user=user, via=via)
