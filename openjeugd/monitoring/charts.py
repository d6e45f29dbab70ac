"""The monitoring page's charts, drawn by the shared helper (openjeugd.core.charts): SVG images
with data: URIs, each beside a table with the same numbers."""

from openjeugd.core import charts

STYLE = charts.style(("#01689b", "#e17000", "#39870c", "#a90061"),
                     foreground="#1a1a1a", foreground_strong="#1a1a1a",
                     foreground_subtle="#595959", label_font_size=12, legend_font_size=12,
                     major_label_font_size=12, title_font_size=14)


def bars(title: str, labels: list[str], series: list[tuple[str, list[int | None]]]) -> str:
    """A grouped bar chart as a data: URI; None (suppressed) is drawn as no bar."""
    return charts.bars(title, labels, series, chart_style=STYLE, width=640, height=320,
                       truncate_label=-1, x_label_rotation=0 if len(labels) <= 6 else 30,
                       show_y_guides=True)
