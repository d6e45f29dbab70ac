from django.core.paginator import Paginator
from django.shortcuts import render

from openjeugd.accounts import policy, selectors
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.forms import AccessLogFilterForm


@requires(policy.Perm.VIEW_ACCESS_LOG)
def access_log(request):
    form = AccessLogFilterForm(request.GET or None)
    entries = selectors.search_access_log(request.user)
    if form.is_valid():
        entries = selectors.search_access_log(request.user, **form.cleaned_data)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/access_log.html", {"form": form, "page": page})
