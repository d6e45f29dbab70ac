"""Message status "partly rejected" becomes "partly granted", for declarations only (IV088);
any other message is now taken whole or not at all (IV032), so an old partly rejected
non-declaration is shown as rejected."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    Message = apps.get_model("ijw", "Message")
    old = Message.objects.filter(status="partly_rejected")
    old.filter(code="JW323").update(status="partly_granted")
    old.update(status="rejected")


def backwards(apps, schema_editor):
    apps.get_model("ijw", "Message").objects.filter(status="partly_granted").update(
        status="partly_rejected")


class Migration(migrations.Migration):
    dependencies = [("ijw", "0003_care_relations_from_toewijzingen")]
    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name="message", name="status",
            field=models.CharField(
                choices=[("received", "received"), ("accepted", "accepted"),
                         ("partly_granted", "partly granted"), ("rejected", "rejected"),
                         ("answered", "answered"), ("sent", "sent")],
                db_index=True, default="received", max_length=20, verbose_name="status"),
        ),
    ]
