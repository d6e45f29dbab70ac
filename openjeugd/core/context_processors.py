from openjeugd import __version__
from openjeugd.core.navigation import menu_for


def navigation(request):
    user = getattr(request, "user", None)
    return {"nav_items": menu_for(user), "version": __version__}
