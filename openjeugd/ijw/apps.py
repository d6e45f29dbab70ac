from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IjwConfig(AppConfig):
    name = "openjeugd.ijw"
    label = "ijw"
    verbose_name = _("iJw message exchange")

    def ready(self):
        from openjeugd.ijw import checks  # noqa: F401 - registers the XSD system check
