from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as StaticFilesAppConfig


class CoreConfig(AppConfig):
    name = "openjeugd.core"
    label = "core"


class StaticFilesConfig(StaticFilesAppConfig):
    """collectstatic leaves out what no page loads: source maps, the sources and JavaScript/JSON
    builds of the design tokens (megabytes each). Fewer files to hash and compress at every
    deploy; a browser's developer tools may miss a source map."""

    ignore_patterns = [*StaticFilesAppConfig.ignore_patterns,
                       "*.map", "*.scss", "*.less", "*.d.ts", "*.cjs", "*.mjs", "*.json"]
