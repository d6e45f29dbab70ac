"""Server-rendered SVG charts (pygal, installed with the application: no CDN, no script).

A chart is an <img> with a data: URI, so the page's CSP (no inline style, no inline script)
holds and pygal's own stylesheet stays inside the image. Every chart has a table beside it
with the same numbers; the image's alt text says where.
"""

import base64
import re

import pygal
from pygal.style import Style

STYLE = Style(background="white", plot_background="white", foreground="#1a1a1a",
              foreground_strong="#1a1a1a", foreground_subtle="#595959",
              colors=("#01689b", "#e17000", "#39870c", "#a90061"),
              font_family="sans-serif", label_font_size=12, legend_font_size=12,
              major_label_font_size=12, title_font_size=14)


def bars(title: str, labels: list[str], series: list[tuple[str, list[int | None]]]) -> str:
    """A grouped bar chart as a data: URI; None (suppressed) is drawn as no bar."""
    chart = pygal.Bar(js=[], style=STYLE, width=640, height=320, explicit_size=True, title=title,
                      legend_at_bottom=True, print_values=False, truncate_label=-1,
                      x_label_rotation=0 if len(labels) <= 6 else 30, show_y_guides=True)
    chart.x_labels = labels
    for name, values in series:
        chart.add(name, values)
    # pygal always writes its tooltip config as a <script>; an image never runs it, and
    # without it the SVG is plain drawing.
    svg = _SCRIPT.sub("", chart.render(is_unicode=True))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
