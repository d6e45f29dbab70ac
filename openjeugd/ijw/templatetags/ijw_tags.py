"""Show iJw codes with what they mean: message names, retourcodes, reasons for ending."""

from django import template

from openjeugd.ijw import selectors
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
