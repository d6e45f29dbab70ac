"""Every route there is: the URL configuration walked recursively, and the API operations of
the drf-spectacular schema generated in-process. Nothing here knows which routes exist."""

import re
from dataclasses import dataclass
from functools import cache

from django.urls import URLResolver, get_resolver, resolve
from drf_spectacular.generators import SchemaGenerator

ADMIN_PREFIX = "/admin/"


@dataclass(frozen=True)
class Route:
    key: str                  # the rules key: URL name, or "METHOD /path" of an API operation
    template: str             # "/ijw/messages/{pk}/raw/"
    params: tuple[str, ...]   # the placeholders in the template
    method: str | None = None  # API operations only; web routes take theirs from the rule
    query: tuple[str, ...] = ()  # query parameters the schema documents

    @property
    def api(self) -> bool:
        return self.method is not None

    def url(self, value: str | dict | None = None) -> str:
        """One value for every placeholder, or a dict naming one per placeholder."""
        values = value if isinstance(value, dict) else {name: value for name in self.params}
        return self.template.format(**values)


@dataclass(frozen=True)
class Pattern:
    name: str | None          # "ijw:message-raw", namespaces included
    template: str
    params: tuple[str, ...]
    regex: str                # the joined pattern as written, to read a regex group's choices


def _template(pattern: str) -> str:
    text = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", pattern)
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", text)
    return "/" + re.sub(r"[\^$?]", "", text).replace("\\.", ".")


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            joined = prefix + str(pattern.pattern)
            template = _template(joined)
            yield Pattern(name=namespace + pattern.name if pattern.name else None,
                          template=template, params=tuple(re.findall(r"{(\w+)}", template)),
                          regex=joined)


@cache
def url_patterns() -> tuple[Pattern, ...]:
    # A DRF format-suffix twin (".json") is the same view under the same name: left out.
    return tuple(p for p in _walk(get_resolver().url_patterns) if "format" not in p.params)


@cache
def api_operations() -> tuple[Route, ...]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return tuple(
        Route(key=f"{method.upper()} {path}", template=path,
              params=tuple(re.findall(r"{(\w+)}", path)), method=method.upper(),
              query=tuple(p["name"] for p in operation.get("parameters", ())
                          if p["in"] == "query"))
        for path, operations in sorted(schema["paths"].items())
        for method, operation in sorted(operations.items()))


def _view_name(template: str) -> str | None:
    return resolve(re.sub(r"{\w+}", "1", template)).view_name


@cache
def api_view_names() -> frozenset[str]:
    """URL names that the schema's operations reach."""
    return frozenset(_view_name(operation.template) for operation in api_operations())


@cache
def web_routes() -> tuple[Route, ...]:
    """Every route that is neither the admin nor reached by an API operation of the schema;
    keyed by URL name (by its path when it has none)."""
    routes = {}
    for pattern in url_patterns():
        if pattern.template.startswith(ADMIN_PREFIX) or pattern.name in api_view_names():
            continue
        key = pattern.name or pattern.template
        routes.setdefault(key, Route(key=key, template=pattern.template, params=pattern.params))
    return tuple(routes.values())


def admin_patterns() -> tuple[Pattern, ...]:
    return tuple(p for p in url_patterns() if p.template.startswith(ADMIN_PREFIX))
