from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IjwConfig(AppConfig):
    name = "openjeugd.ijw"
    label = "ijw"
    verbose_name = _("iJw message exchange")
