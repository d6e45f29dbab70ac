"""Access log for NEN 7513: owner region, hits, new actions, and the hash chain.

Existing entries are chained in id order, so the log is verifiable from the first entry on.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

GENESIS_HASH = "0" * 64


def chain_existing_entries(apps, schema_editor):
    # The hashing is the app's own canonical form; it works on any object with the fields.
    from openjeugd.accounts.chain import entry_hash

    Entry = apps.get_model("accounts", "AccessLogEntry")
    Chain = apps.get_model("accounts", "AccessLogChain")
    prev, seq = GENESIS_HASH, 0
    for entry in Entry.objects.order_by("id").iterator():
        seq += 1
        entry.seq, entry.prev_hash = seq, prev
        entry.entry_hash = entry_hash(prev, entry)
        entry.save(update_fields=["seq", "prev_hash", "entry_hash"])
        prev = entry.entry_hash
    Chain.objects.create(pk=1, last_seq=seq, last_hash=prev)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="AccessLogChain",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                           serialize=False, verbose_name="ID")),
                ("last_seq", models.PositiveBigIntegerField(default=0)),
                ("last_hash", models.CharField(default=GENESIS_HASH, max_length=64)),
                ("anchor_seq", models.PositiveBigIntegerField(default=0)),
                ("anchor_hash", models.CharField(default=GENESIS_HASH, max_length=64)),
            ],
            options={"verbose_name": "access log chain head"},
        ),
        migrations.AlterField(
            model_name="accesslogentry", name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now,
                                       verbose_name="when"),
        ),
        migrations.AlterField(
            model_name="accesslogentry", name="action",
            field=models.CharField(choices=[
                ("read", "read"), ("create", "create"), ("update", "update"),
                ("delete", "delete"), ("denied", "denied"), ("export", "export"),
                ("login", "login"), ("login_failed", "failed login"), ("search", "search"),
                ("upload", "upload"), ("purge", "purge")], max_length=20, verbose_name="action"),
        ),
        migrations.AlterField(
            model_name="accesslogentry", name="region",
            field=models.ForeignKey(blank=True, null=True,
                                    on_delete=django.db.models.deletion.PROTECT,
                                    to="registry.region", verbose_name="reader's region"),
        ),
        migrations.AddField(
            model_name="accesslogentry", name="owner_region",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                related_name="+", to="registry.region", verbose_name="owner's region",
                help_text="The region that owns the data, e.g. the youth's municipality's region."),
        ),
        migrations.AddField(
            model_name="accesslogentry", name="hits",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="hits"),
        ),
        migrations.AddField(
            model_name="accesslogentry", name="seq",
            field=models.PositiveBigIntegerField(null=True, verbose_name="position in the chain"),
        ),
        migrations.AddField(
            model_name="accesslogentry", name="prev_hash",
            field=models.CharField(default="", max_length=64, verbose_name="previous hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="accesslogentry", name="entry_hash",
            field=models.CharField(default="", max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop),
    ]
