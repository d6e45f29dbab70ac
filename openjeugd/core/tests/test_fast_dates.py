"""The `date` filter's fast path writes exactly what Django's own filter writes."""

from datetime import UTC, date, datetime, timedelta, timezone

from django.template import Context, Engine, defaultfilters, engines
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from openjeugd.core.templatetags import fast_dates

FORMATS = [*fast_dates._FAST, "j F Y", "j F Y H:i", "m/y", "D d M Y", None, ""]
ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=5))])
VALUES = st.one_of(
    st.dates(min_value=date(1, 1, 1)),
    st.builds(lambda moment, zone: moment.replace(tzinfo=zone),
              st.datetimes(min_value=datetime(2, 1, 1)), ZONES),
    st.sampled_from([None, "", "2026-01-05", 0]),
)


@settings(max_examples=400, deadline=None)
@given(value=VALUES, fmt=st.sampled_from(FORMATS), language=st.sampled_from(["nl", "en"]))
def test_the_filter_writes_what_djangos_writes(value, fmt, language):
    with translation.override(language):
        try:
            expected = defaultfilters.date(value, fmt)
        except TypeError as error:  # time specifiers on a date: Django refuses, so must we
            expected = error
        try:
            found = fast_dates.date(value, fmt)
        except TypeError as error:
            found = error
    assert str(found) == str(expected) and type(found) is type(expected)


@settings(max_examples=100, deadline=None)
@given(moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1),
                           timezones=st.just(UTC)))
def test_in_a_template_aware_times_are_shown_in_amsterdam_time_as_before(moment):
    # The project's engine has the fast filter as a builtin; Django's plain engine has its own.
    source = '{{ t|date:"Y-m-d H:i" }} {{ t|date:"Y-m-d" }} {{ t|date:"Y-m-d H:i:s" }}'
    ours = engines["django"].from_string(source).render({"t": moment})
    plain = Engine().from_string(source).render(Context({"t": moment}))
    assert ours == plain


def test_the_project_engine_uses_the_fast_filter():
    engine = engines["django"].engine
    assert engine.template_builtins[-1].filters["date"] is fast_dates.date
