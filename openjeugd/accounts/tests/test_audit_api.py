"""accounts.audit: the old calls still work; processing without a user has a name; a list of
objects is written in one insert, chained in order."""

from openjeugd.accounts import audit, chain
from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.models import Youth
from openjeugd.registry.tests.factories import UserFactory, YouthFactory


def test_old_positional_call_still_works(db):
    user = UserFactory()
    entry = audit.record(user, "read", "ijw.Message", 7, purpose="iJw message detail",
                         object_repr="JW301 1 (0268→12345678)")
    assert (entry.username, entry.region_id, entry.owner_region_id) == (
        user.username, user.region_id, None)
    assert chain.verify().intact


def test_processing_without_a_user_is_named(db):
    youth = YouthFactory()
    entry = audit.record_object(None, "update", youth, purpose="message_processing",
                               system=audit.SYSTEM_IJW)
    assert (entry.user, entry.username) == (None, "system:ijw-processing")
    assert entry.owner_region_id == youth.municipality.region_id
    assert entry.object_repr == ""  # never the youth's name


def test_record_many_is_one_insert(db, django_assert_num_queries):
    user = UserFactory()
    YouthFactory.create_batch(30)
    youths = list(Youth.objects.select_related("municipality"))
    audit.record(user, "read", "x.Y", 1, purpose="p")  # the chain head exists from now on
    # savepoint, head lock, one insert, head update, release.
    with django_assert_num_queries(5):
        entries = audit.record_many(user, "read", youths, purpose="youth_list",
                                    owner_region_of=lambda y: y.municipality.region_id)
    assert [e.seq for e in entries] == list(range(2, 32))
    assert AccessLogEntry.objects.count() == 31
    assert chain.verify().intact


def test_record_many_of_nothing_writes_nothing(db):
    assert audit.record_many(UserFactory(), "read", [], purpose="youth_list") == []
    assert not AccessLogEntry.objects.exists()


def test_an_unparseable_address_is_not_stored(db, rf):
    request = rf.get("/", REMOTE_ADDR="not-an-ip")
    assert audit.record(None, "read", "x.Y", 1, purpose="p", request=request).ip_address is None
