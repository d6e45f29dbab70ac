"""Uniqueness rules kept by the database, not only by the handlers' checks (issue #7).

TR314 needs the provider on each prestatie: added, filled from its declaration, then required.
Adding the constraints fails on a database that already holds duplicates from a race; find them
with the queries in docs/operations.md and resolve them by hand before migrating.
"""

import django.db.models.deletion
from django.db import migrations, models


def fill_prestatie_provider(apps, schema_editor):
    Prestatie = apps.get_model("ijw", "Prestatie")
    Declaratie = apps.get_model("ijw", "Declaratie")
    for declaratie_id, provider_id in Declaratie.objects.values_list("id", "provider_id"):
        Prestatie.objects.filter(declaratie_id=declaratie_id).update(provider_id=provider_id)


def mark_repeated_references(apps, schema_editor):
    # Lines refused with 8021 before this migration repeat an earlier reference; so may lines
    # refused for another reason first (TR338 is checked before TR314). Keep the oldest.
    Prestatie = apps.get_model("ijw", "Prestatie")
    seen = set()
    for pk, provider_id, referentie in Prestatie.objects.order_by("id").values_list(
            "id", "provider_id", "product_referentie"):
        if (provider_id, referentie) in seen:
            Prestatie.objects.filter(pk=pk).update(repeats_reference=True)
        seen.add((provider_id, referentie))


class Migration(migrations.Migration):

    dependencies = [
        ("ijw", "0004_status_partly_granted"),
    ]

    operations = [
        migrations.AddField(
            model_name="prestatie",
            name="provider",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="prestaties", to="registry.provider"),
        ),
        migrations.RunPython(fill_prestatie_provider, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="prestatie",
            name="provider",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                    related_name="prestaties", to="registry.provider"),
        ),
        migrations.AddField(
            model_name="prestatie",
            name="repeats_reference",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(mark_repeated_references, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="prestatie",
            constraint=models.UniqueConstraint(
                condition=models.Q(("repeats_reference", False)),
                fields=("provider", "product_referentie"),
                name="unique_prestatie_referentie_per_provider"),
        ),
        migrations.AddConstraint(
            model_name="declaratie",
            constraint=models.UniqueConstraint(
                fields=("provider", "declaratie_nummer"),
                name="unique_declaratie_nummer_per_provider"),
        ),
        migrations.AddConstraint(
            model_name="message",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["received", "rejected"]), _negated=True),
                fields=("afzender", "code", "identificatie"),
                name="unique_identificatie_per_sender_and_code"),
        ),
        migrations.CreateModel(
            name="ToewijzingNummerCounter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("last", models.PositiveBigIntegerField(default=0)),
                ("municipality", models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE, related_name="+",
                    to="registry.municipality")),
            ],
        ),
    ]
