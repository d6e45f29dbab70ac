"""The shared chart helper: an SVG image as a data: URI, without pygal's script, its value
labels in the active language."""

import base64

from django.utils import translation

from openjeugd.core import charts

STYLE = charts.style(("#154273",))


def _svg(uri: str) -> str:
    prefix = "data:image/svg+xml;base64,"
    assert uri.startswith(prefix)
    return base64.b64decode(uri[len(prefix):]).decode()


def test_bars_is_a_drawing_without_script():
    svg = _svg(charts.bars("Titel", ["a", "b"], [("reeks", [1, None])], chart_style=STYLE,
                           width=300, height=200))
    assert svg.lstrip().startswith("<?xml") and 'width="300"' in svg
    assert "<script" not in svg and "Titel" in svg and "reeks" in svg


def test_data_uri_strips_every_script():
    svg = _svg(charts.data_uri('<svg><script>a()</script><g/><script type="x">\nb()\n'
                               "</script></svg>"))
    assert svg == "<svg><g/></svg>"


def test_numbers_follow_the_language():
    with translation.override("nl"):
        assert charts.number(1368.5) == "1.368,5"
        assert charts.number(2000) == "2.000"
        # pygal's axis steps carry float noise; ten significant digits drop it.
        assert charts.number(0.1 + 0.2) == "0,3"
    with translation.override("en"):
        assert charts.number(4885.71) == "4,885.71"
    assert charts.number(None) == ""


def test_a_dutch_chart_shows_decimal_commas():
    with translation.override("nl"):
        svg = _svg(charts.bars("Op tijd (%)", ["x"], [("op tijd", [87.5])],
                               chart_style=STYLE, width=300, height=200))
    assert "87,5" in svg and "87.5" not in svg
