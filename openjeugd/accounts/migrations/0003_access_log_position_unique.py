# A migration of its own: PostgreSQL will not alter a table with row updates pending in the
# same transaction (the chaining of existing entries in 0002).
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("accounts", "0002_tamper_evident_access_log")]

    operations = [
        migrations.AlterField(
            model_name="accesslogentry", name="seq",
            field=models.PositiveBigIntegerField(unique=True, verbose_name="position in the chain"),
        ),
    ]
