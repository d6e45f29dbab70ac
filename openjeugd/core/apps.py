from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "openjeugd.core"
    label = "core"
