"""Server-rendered SVG bar charts (pygal) of the ceiling figures.

Served from our own route and shown with <img>, so nothing comes from a CDN: pygal's script
(only a tooltip config, never loaded in an image anyway) is stripped and no script URL is
configured. Every chart stands next to a table with the same figures, its accessible twin.
"""

import re

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from openjeugd.contracts.selectors_screens import Row, Share

SCRIPT = re.compile(rb"<script\b.*?</script>", re.S)
# Budget, committed, spent, forecast: distinguishable without colour vision (lightness steps).
STYLE = Style(background="white", plot_background="white", font_family="sans-serif",
              colors=("#154273", "#4f7fb5", "#8fb3dd", "#c0504d"))


def _chart(title: str, labels: list[str]) -> pygal.Bar:
    chart = pygal.Bar(js=[], style=STYLE, width=900, height=420, legend_at_bottom=True,
                      x_label_rotation=20 if len(labels) > 4 else 0, truncate_label=30,
                      no_data_text=_("No ceilings"), print_values=False)
    chart.title = title
    chart.x_labels = labels
    return chart


def _svg(chart: pygal.Bar) -> bytes:
    return SCRIPT.sub(b"", chart.render())


def ceilings_chart(title: str, rows: list[Row]) -> bytes:
    chart = _chart(title, [row.target for row in rows])
    for label, column in ((_("Budget"), "budget"), (_("Committed"), "committed"),
                          (_("Spent"), "spent"), (_("Forecast"), "forecast")):
        chart.add(label, [float(getattr(row, column)) for row in rows])  # drawing only
    return _svg(chart)


def shares_chart(title: str, shares: list[Share]) -> bytes:
    chart = _chart(title, [share.key for share in shares])
    for label, column in ((_("Committed"), "committed"), (_("Spent"), "spent"),
                          (_("Forecast"), "forecast")):
        chart.add(label, [float(getattr(share, column)) for share in shares])
    return _svg(chart)
