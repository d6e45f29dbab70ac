from django.http import Http404, HttpResponse
from django.shortcuts import render

from openjeugd.accounts import export, policy, selectors
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.forms import AccessLogFilterForm
from openjeugd.accounts.log_rows import row
from openjeugd.core import keyset

PAGE_SIZE = 50


@requires(policy.Perm.VIEW_ACCESS_LOG)
def access_log(request):
    form = AccessLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    # Newest first by position, each side through its own index: no COUNT(*) of the log.
    page = keyset.page(selectors.access_log_parts(request.user, **filters), request.GET,
                       size=PAGE_SIZE, time_field="at")
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
