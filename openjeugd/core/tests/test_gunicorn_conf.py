from openjeugd import gunicorn_conf


def test_workers_from_the_cores_capped_and_overridable(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    monkeypatch.delenv("GUNICORN_MAX_WORKERS", raising=False)
    assert gunicorn_conf.worker_count(cores=1) == 3  # 2 × 1 + 1
    assert gunicorn_conf.worker_count(cores=2) == 5
    assert gunicorn_conf.worker_count(cores=16) == 9  # capped: memory, DB connections
    monkeypatch.setenv("GUNICORN_MAX_WORKERS", "4")
    assert gunicorn_conf.worker_count(cores=2) == 4
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    assert gunicorn_conf.worker_count(cores=16) == 3


def test_recycling_and_timeouts_are_set():
    assert gunicorn_conf.max_requests > 0 and gunicorn_conf.max_requests_jitter > 0
    # The worker is killed only after PostgreSQL had the chance to cancel the statement.
    assert gunicorn_conf.timeout * 1000 > 15_000
    assert gunicorn_conf.graceful_timeout > 0


def test_long_numbers_are_redacted_short_ids_kept():
    assert gunicorn_conf.redact("/registry/youths/999999990/") == "/registry/youths/[redacted]/"
    assert gunicorn_conf.redact("/ijw/messages/1234/") == "/ijw/messages/1234/"
    for field in ("%(q)s", "%(r)s", "%(f)s", "%(a)s"):
        assert field not in gunicorn_conf.access_log_format
