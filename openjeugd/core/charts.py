"""Server-rendered SVG bar charts (pygal, installed with the application: no CDN, no script).

A chart goes out with its page as an <img> with a data: URI: the page's CSP allows data:
images (settings.SECURE_CSP img-src) and forbids inline style and script, and pygal's own
stylesheet stays inside the image. The page that shows a chart also shows a table with the same
numbers; the image's alt text says where.
"""

import base64
import re
from decimal import Decimal

import pygal
from django.utils import formats
from pygal.style import Style

# pygal always writes its tooltip config as a <script>; an image never runs it, and without
# it the SVG is plain drawing.
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)

BASE_STYLE = {"background": "white", "plot_background": "white", "font_family": "sans-serif"}


def style(colors: tuple[str, ...], **options) -> Style:
    """A white chart with these series colours; options as pygal.style.Style takes them."""
    return Style(**BASE_STYLE, colors=colors, **options)


def number(value) -> str:
    """A value label in the active language (1.368,5 in Dutch, 1,368.5 in English).

    pygal's own formatter writes 1368.5 in every language; ten significant digits, as pygal
    keeps, drop the float noise of its axis steps."""
    if value is None:
        return ""
    return formats.number_format(Decimal(f"{value:.10g}"), use_l10n=True, force_grouping=True)


def bars(title: str, labels: list[str], series: list[tuple[str, list[float | int | None]]], *,
         chart_style: Style, width: int, height: int, **options) -> str:
    """A grouped bar chart as a data: URI; None (suppressed) is drawn as no bar.

    `options` go to pygal.Bar as they are (x_label_rotation, truncate_label, no_data_text ...).
    """
    chart = pygal.Bar(js=[], style=chart_style, width=width, height=height,
                      explicit_size=True, title=title, legend_at_bottom=True,
                      print_values=False, value_formatter=number, **options)
    chart.x_labels = labels
    for name, values in series:
        chart.add(name, values)
    return data_uri(chart.render(is_unicode=True))


def data_uri(svg: str) -> str:
    """An SVG document as a data: URI for an <img>, without its script."""
    clean = _SCRIPT.sub("", svg)
    return "data:image/svg+xml;base64," + base64.b64encode(clean.encode()).decode("ascii")
