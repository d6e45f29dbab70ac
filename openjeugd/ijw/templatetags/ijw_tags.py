"""Show iJw codes with what they mean: message names, retourcodes, reasons for ending; and
amounts in the notation of the active language."""

from decimal import Decimal

from django import template

from openjeugd.ijw import content, selectors
from openjeugd.ijw.codec import codes

register = template.Library()


@register.filter
def message_label(code: str) -> str:
    return selectors.message_label(code)


@register.filter
def retourcode_meaning(code: str) -> str:
    return codes.retourcode_meaning(code)


@register.filter
def retourcode_explanation(code: str) -> str:
    return str(codes.retourcode_explanation(code))


@register.filter
def code_meaning(code: str, code_list: str) -> str:
    """{{ stop.reden_beeindiging|code_meaning:"JZ588" }}"""
    return codes.meaning(code_list, code) if code else ""


@register.filter
def money(value) -> str:
    """{{ 1020|money }} → "€ 1.020,00" in Dutch; "–" for no amount."""
    if value is None or value == "":
        return "–"
    return content.money(Decimal(value))
