from django.db import models


class ToewijzingNummerCounter(models.Model):
    """Last ToewijzingNummer Open Jeugd handed out per municipality (TR332: unique per
    municipality). Taken with SELECT … FOR UPDATE, so concurrent assignments queue."""

    municipality = models.OneToOneField("registry.Municipality", on_delete=models.CASCADE,
                                        related_name="+")
    last = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.last}"
