from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoRun(models.Model):
    """The demo set-up of one region: which registry rows the generator made, so that
    `demo_data --reset` removes exactly those and nothing a person entered."""

    region = models.OneToOneField(
        "registry.Region", on_delete=models.PROTECT, related_name="demo_run",
        verbose_name=_("region"),
    )
    seed = models.IntegerField(_("seed"))
    youths = models.PositiveIntegerField(_("youths"))
    years = models.PositiveSmallIntegerField(_("years"))
    end = models.DateField(_("end of the generated period"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    providers = models.ManyToManyField("registry.Provider", blank=True, related_name="+")
    certified_institutions = models.ManyToManyField(
        "registry.CertifiedInstitution", blank=True, related_name="+"
    )
    partnerships = models.ManyToManyField("registry.Partnership", blank=True, related_name="+")
    teams = models.ManyToManyField("registry.Team", blank=True, related_name="+")

    class Meta:
        verbose_name = _("demo run")
        verbose_name_plural = _("demo runs")

    def __str__(self) -> str:
        return f"{self.region} (seed {self.seed})"


class DemoAccount(models.Model):
    """Marks a user as a demo account. Kept across resets: the access log refers to the user,
    and a real account with the same username is never taken over."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demo_account",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("demo account")
        verbose_name_plural = _("demo accounts")

    def __str__(self) -> str:
        return str(self.user)
