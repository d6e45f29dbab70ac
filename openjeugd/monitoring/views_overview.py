"""The region's message overview page (moved from ijw, issue #11): figures over the iJw
traffic of the user's municipalities, an SVG bar chart with its table."""

from django.shortcuts import render

from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.monitoring import cache
from openjeugd.monitoring.overview import region_overview

CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 640, 200, 4


@requires(Perm.VIEW_REGION_FIGURES)
def overview(request):
    # Kept until a message, a request or a party name changes (monitoring.cache).
    figures = cache.overview_for(request.user, lambda: region_overview(request.user))
    return render(request, "monitoring/overview.html", {
        "figures": figures, "chart": monthly_bars(figures.volumes),
        "chart_width": CHART_WIDTH, "chart_height": CHART_HEIGHT + 20,
    })


def monthly_bars(volumes) -> list[dict]:
    """Bar geometry for the SVG of messages per month; the table next to it has the data."""
    if not volumes:
        return []
    peak = max(total for _month, _counts, total in volumes) or 1
    width = CHART_WIDTH / len(volumes)
    bars = []
    for index, (month, _counts, total) in enumerate(volumes):
        height = round(CHART_HEIGHT * total / peak, 1)
        bars.append({"x": round(index * width + BAR_GAP / 2, 1), "width": round(width - BAR_GAP, 1),
                     "y": round(CHART_HEIGHT - height, 1), "height": height,
                     "month": month, "total": total, "label_y": CHART_HEIGHT + 14,
                     "label_x": round(index * width + width / 2, 1)})
    return bars
