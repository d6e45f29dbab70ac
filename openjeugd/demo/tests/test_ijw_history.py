"""The demo region's history arrives only as iJw messages: every figure traces back to one."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from openjeugd.demo import events as ev
from openjeugd.demo.generator import generate_history
from openjeugd.demo.organisations import plan_organisations
from openjeugd.demo.profiles import profile_for
from openjeugd.ijw.models import Message, Prestatie, Toewijzing
from openjeugd.registry.models import Region, Youth

REGION, YOUTHS, SEED, END = "Rijk van Nijmegen", 12, 3, date(2026, 6, 30)


@pytest.fixture
def history(db):
    call_command("demo_data", region=REGION, youths=YOUTHS, years=1, seed=SEED, end=END,
                 stdout=StringIO())
    region = Region.objects.get(name=REGION)
    municipalities = region.municipalities.filter(active=True).values_list("code", "name")
    profile = profile_for(region.name, municipalities)
    return generate_history(profile, youths=YOUTHS, years=1, seed=SEED, end=END,
                            organisations=plan_organisations(profile, SEED))


def test_every_message_was_processed(history):
    assert Message.objects.exists()
    assert not Message.objects.filter(status=Message.Status.RECEIVED).exists()


def test_each_toewijzing_event_became_one_toewijzing_from_a_jw301(history):
    numbers = {e.toewijzing_nummer for e in history if isinstance(e, ev.Toewijzing)}
    assert set(Toewijzing.objects.values_list("toewijzing_nummer", flat=True)) == numbers
    assert set(Toewijzing.objects.values_list("message__code", flat=True)) == {"JW301"}


def test_youths_exist_only_through_messages(history):
    youths = Youth.objects.filter(municipality__region__name=REGION)
    assert youths.count() == len({e.youth.bsn for e in history if hasattr(e, "youth")})
    assert not youths.filter(ijw_messages__isnull=True).exists()


def test_granted_money_is_what_was_declared_minus_what_was_refused(history):
    # Declared: the signed sum of every Declaration event (credits negative). Granted must be
    # that minus the lines the municipality refused, each recorded with its retourcode.
    declared = sum((e.amount if e.debet_credit == "D" else -e.amount
                    for e in history if isinstance(e, ev.Declaration)), Decimal("0"))
    lines = Prestatie.objects.all()
    assert sum(lines.values_list("ingediend", flat=True), Decimal("0")) == declared
    refused = sum(lines.exclude(retourcodes=[]).values_list("ingediend", flat=True),
                  Decimal("0"))
    granted = sum(lines.values_list("toegekend", flat=True), Decimal("0"))
    assert granted == declared - refused
    assert Message.objects.filter(code="JW325").count() == Message.objects.filter(
        code="JW323").count()
