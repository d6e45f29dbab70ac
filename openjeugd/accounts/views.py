from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from openjeugd.accounts import export, policy, selectors
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.forms import AccessLogFilterForm
from openjeugd.accounts.log_rows import row


@requires(policy.Perm.VIEW_ACCESS_LOG)
def access_log(request):
    form = AccessLogFilterForm(request.GET or None)
    entries = selectors.search_access_log(request.user)
    if form.is_valid():
        entries = selectors.search_access_log(request.user, **form.cleaned_data)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/access_log.html", {
        "form": form, "page": page, "rows": [row(entry) for entry in page],
        "filters": request.GET.urlencode(),
    })


@requires(policy.Perm.VIEW_ACCESS_LOG)
def access_log_export(request, kind):
    """The current search as a file. A search with errors is refused, not widened."""
    form = AccessLogFilterForm(request.GET)
    if kind not in export.FORMATS or not form.is_valid():
        raise Http404
    return export_response(request, selectors.search_access_log(request.user,
                                                                **form.cleaned_data), kind)


def export_response(request, entries, kind: str) -> HttpResponse:
    content = export.export(entries.iterator(chunk_size=2000), kind, user=request.user,
                            request=request)
    response = HttpResponse(content, content_type=export.FORMATS[kind])
    response["Content-Disposition"] = f'attachment; filename="{export.filename(kind)}"'
    return response
