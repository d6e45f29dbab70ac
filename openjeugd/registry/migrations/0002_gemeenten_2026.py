"""Division model, KvK validation, and the CBS municipal division of 1 January 2026.

Every install starts with the 342 municipalities and their jeugdregio's. The data step reads
the bundled CSV with plain `csv` (no app code, so later changes cannot break this migration),
creates only what is missing, and uses bulk inserts to stay fast.
"""

import csv
from pathlib import Path

import django.core.validators
from django.db import migrations, models
from django.utils.text import slugify

import openjeugd.registry.validators

DIVISION_CSV = Path(__file__).resolve().parent.parent / "data" / "gemeenten-2026.csv"


def load_gemeenten_2026(apps, schema_editor):
    Region = apps.get_model("registry", "Region")
    Municipality = apps.get_model("registry", "Municipality")
    Division = apps.get_model("registry", "Division")
    with DIVISION_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    known_regions = set(Region.objects.values_list("name", flat=True))
    new_regions = sorted({row["jeugdregio"] for row in rows} - known_regions)
    Region.objects.bulk_create([Region(name=name, slug=slugify(name)) for name in new_regions])
    region_ids = dict(Region.objects.values_list("name", "id"))

    known_codes = set(Municipality.objects.values_list("code", flat=True))
    new = [
        Municipality(code=row["gemeentecode"], name=row["gemeentenaam"],
                     province=row["provincie"], region_id=region_ids[row["jeugdregio"]])
        for row in rows if row["gemeentecode"] not in known_codes
    ]
    Municipality.objects.bulk_create(new)
    Division.objects.get_or_create(year=2026, defaults={
        "source": "openjeugd/registry/data/gemeenten-2026.csv (migration)",
        "created": len(new),
    })


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Division',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(unique=True, validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('source', models.CharField(max_length=200, verbose_name='source')),
                ('loaded_at', models.DateTimeField(auto_now_add=True, verbose_name='loaded at')),
                ('created', models.PositiveIntegerField(default=0, verbose_name='municipalities created')),
                ('updated', models.PositiveIntegerField(default=0, verbose_name='municipalities updated')),
                ('deactivated', models.PositiveIntegerField(default=0, verbose_name='municipalities deactivated')),
            ],
            options={
                'verbose_name': 'municipal division',
                'verbose_name_plural': 'municipal divisions',
                'ordering': ['-year'],
            },
        ),
        migrations.AlterField(
            model_name='provider',
            name='kvk_number',
            field=models.CharField(blank=True, max_length=8, validators=[openjeugd.registry.validators.validate_kvk_number], verbose_name='KvK number'),
        ),
        migrations.RunPython(load_gemeenten_2026, migrations.RunPython.noop, elidable=False),
    ]
