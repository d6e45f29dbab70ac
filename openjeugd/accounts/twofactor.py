"""Two-factor authentication (TOTP, django-otp) for the roles that can change who sees what.

A regional admin manages users and the registry of a region, a superuser everything: after the
password they also give a code from an authenticator app before any page, API call or the admin
answers. The admin asks it of every staff user. Other roles are not affected.
"""

from base64 import b32encode

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from openjeugd.accounts.roles import Role

# Pages an authenticated but not yet verified user may still open: the second step itself,
# logging out and switching the language.
_OPEN_URL_NAMES = ("twofactor:verify", "twofactor:setup", "logout", "set_language", "login")


def requires_two_factor(user) -> bool:
    return user.is_superuser or user.role == Role.REGIONAL_ADMIN


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


class TwoFactorRequiredMiddleware:
    """Sends a user who still owes the second factor to the token page (or its setup)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._owes_second_factor(request):
            return self._second_step(request)
        return self.get_response(request)

    def _owes_second_factor(self, request) -> bool:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        # Most users never owe it: ask the role before reversing any URL.
        owes = requires_two_factor(user) or (
            user.is_staff and request.path.startswith(reverse("admin:index")))
        return owes and request.path not in {reverse(name) for name in _OPEN_URL_NAMES}

    def _second_step(self, request):
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": str(_("Two-factor authentication required: verify your code first."))},
                status=403,
            )
        name = "twofactor:verify" if confirmed_device(request.user) else "twofactor:setup"
        next_url = request.get_full_path() if request.method == "GET" else reverse("home")
        return _redirect_with_next(name, next_url)


def _redirect_with_next(url_name: str, next_url: str):
    return redirect(f"{reverse(url_name)}?{urlencode({'next': next_url})}")


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the 6 digits your app shows.")},
        widget=forms.TextInput(attrs={
            "class": "utrecht-textbox utrecht-textbox--html-input",
            "autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True,
        }),
    )

    def __init__(self, *args, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        # TOTPDevice throttles: each wrong code doubles the wait before the next is checked.
        token = self.cleaned_data["token"].strip()
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("This code is not valid. Try the current code."))
        return token


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if safe else reverse("home")


def _complete(request, device):
    # A new session key once the second factor is in, as after the password.
    request.session.cycle_key()
    django_otp.login(request, device)
    return redirect(_next_url(request))


@never_cache
@login_required
def verify(request):
    device = confirmed_device(request.user)
    if device is None:
        return _redirect_with_next("twofactor:setup", _next_url(request))
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        return _complete(request, device)
    return render(request, "accounts/2fa_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@login_required
def setup(request):
    # Whoever has only the password must not swap in an authenticator of their own.
    if confirmed_device(request.user):
        return _redirect_with_next("twofactor:verify", _next_url(request))
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Open Jeugd"}
    )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return _complete(request, device)
    return render(request, "accounts/2fa_setup.html", {
        "form": form, "next": _next_url(request),
        "qr_svg": qr_svg(device.config_url), "secret": readable_secret(device),
    })


def qr_svg(text: str) -> str:
    """The QR code as inline SVG markup: no image URL, no data: script, nothing inline to run."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308 - our own markup


def readable_secret(device: TOTPDevice) -> str:
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
