"""Bar charts of the ceiling figures, drawn by the shared helper (openjeugd.core.charts) as
data: URIs that go out with the page. Every chart stands next to a table with the same
figures, its accessible twin."""

from django.utils.translation import gettext as _

from openjeugd.contracts.selectors_screens import Row, Share
from openjeugd.core import charts

# Budget, committed, spent, forecast: distinguishable without colour vision (lightness steps).
STYLE = charts.style(("#154273", "#4f7fb5", "#8fb3dd", "#c0504d"))


def _bars(title: str, labels: list[str], items, columns) -> str:
    # float: drawing only; the table beside the chart shows the exact Decimal figures.
    series = [(label, [float(getattr(item, column)) for item in items])
              for label, column in columns]
    return charts.bars(title, labels, series, chart_style=STYLE, width=900, height=420,
                       x_label_rotation=20 if len(labels) > 4 else 0, truncate_label=30,
                       no_data_text=_("No ceilings"))


def ceilings_chart(title: str, rows: list[Row]) -> str:
    return _bars(title, [row.target for row in rows], rows,
                 ((_("Budget"), "budget"), (_("Committed"), "committed"),
                  (_("Spent"), "spent"), (_("Forecast"), "forecast")))


def shares_chart(title: str, shares: list[Share]) -> str:
    return _bars(title, [share.key for share in shares], shares,
                 ((_("Committed"), "committed"), (_("Spent"), "spent"),
                  (_("Forecast"), "forecast")))
