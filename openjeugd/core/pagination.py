"""The API's pagination: bounded page sizes, and no error for a page that does not exist.

`?page_size=` is honoured up to MAX_PAGE_SIZE (more gives the maximum); `?page=` that is not a
number gives the first page, one beyond the end the last. Lists that grow with history
(messages, the access log) page by position instead (`Newest`): no COUNT(*), no OFFSET.
"""

from django.core.paginator import Paginator
from django.utils.dateparse import parse_datetime
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination, PageNumberPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class PageNumber(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = Paginator(queryset, self.get_page_size(request))
        # get_page: not a number -> first page, out of range -> last page, never an error.
        self.page = paginator.get_page(request.query_params.get(self.page_query_param))
        return list(self.page)


class Newest(CursorPagination):
    """Newest first by (time, id), through the index on both; `?cursor=` from the links.
    A cursor that cannot be read (edited by hand) gives the first page."""

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    time_field = "received_at"

    def get_ordering(self, request, queryset, view):
        return (f"-{getattr(view, 'cursor_time_field', self.time_field)}", "-id")

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except (NotFound, UnicodeError):  # not base64 of our form, or not even ASCII
            return None
        if cursor is not None and cursor.position is not None:
            # The position goes into a query on a datetime: it must be one.
            if parse_datetime(cursor.position) is None:
                return None
        return cursor
