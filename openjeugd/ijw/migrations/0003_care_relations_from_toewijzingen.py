"""Give every existing toewijzing its care relation (before, a provider read a youth it was
ever assigned; now only within the toewijzing's period plus a grace period)."""

from django.db import migrations
from django.utils import timezone

VERWIJDERD = "13"


def forwards(apps, schema_editor):
    Toewijzing = apps.get_model("ijw", "Toewijzing")
    CareRelation = apps.get_model("registry", "CareRelation")
    relations = []
    for t in Toewijzing.objects.select_related("municipality").iterator():
        withdrawn = t.reden_wijziging == VERWIJDERD or (
            t.einddatum is not None and t.einddatum < t.ingangsdatum)
        assigned = timezone.localdate(t.toewijzing_datum_tijd)
        relations.append(CareRelation(
            youth_id=t.youth_id, provider_id=t.provider_id, kind="toewijzing",
            source=f"toewijzing:{t.municipality.code}:{t.toewijzing_nummer}",
            valid_from=min(assigned, t.ingangsdatum), valid_to=t.einddatum, revoked=withdrawn))
    CareRelation.objects.bulk_create(relations, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("ijw", "0002_message_uploaded_by"),
        ("registry", "0003_youth_per_municipality_care_relation"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
