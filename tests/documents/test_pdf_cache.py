"""Issue 16: a draft PDF renders once per content, whatever the number of workers.

The production profile's cache is the database cache, shared by every gunicorn worker and
server; a lock in it lets one worker render while the others wait for its PDF.
"""

import threading

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings

from documents import pdf
from tests.test_settings import _manage, _production

HTML = "<html lang='de'><body><p>Entwurf</p></body></html>"


@pytest.fixture
def renders(monkeypatch):
    done = []

    def fake_render(html):
        done.append(html)
        return b"%PDF-gesetzt"

    monkeypatch.setattr(pdf, "html_to_pdf", fake_render)
    return done


def test_the_same_content_is_rendered_once(renders):
    assert pdf.cached_pdf(HTML) == b"%PDF-gesetzt"
    assert pdf.cached_pdf(HTML) == b"%PDF-gesetzt"
    assert len(renders) == 1
    pdf.cached_pdf(HTML.replace("Entwurf", "Entwurf, geändert"))
    assert len(renders) == 2


def test_a_worker_waits_for_the_one_rendering_the_same_content(renders, monkeypatch):
    monkeypatch.setattr(pdf, "RENDER_POLL_SECONDS", 0.01)
    key = pdf.CACHE_PREFIX + pdf.hashlib.sha256(HTML.encode()).hexdigest()
    assert cache.add(key + ":lock", 4711, 30)  # another worker is rendering
    threading.Timer(0.2, lambda: cache.set(key, b"%PDF-vom-anderen", 60)).start()

    assert pdf.cached_pdf(HTML) == b"%PDF-vom-anderen"
    assert renders == []


def test_a_lock_left_by_a_dead_worker_blocks_nobody_for_long(renders, monkeypatch):
    monkeypatch.setattr(pdf, "RENDER_WAIT_SECONDS", 0.1)
    monkeypatch.setattr(pdf, "RENDER_POLL_SECONDS", 0.01)
    key = pdf.CACHE_PREFIX + pdf.hashlib.sha256(HTML.encode()).hexdigest()
    cache.add(key + ":lock", 4711, 30)

    assert pdf.cached_pdf(HTML) == b"%PDF-gesetzt"
    assert len(renders) == 1
    assert cache.get(key + ":lock") is None


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_shared_cache_table_and_it_works(renders):
    assert "kreisintegration_cache" in connection.introspection.table_names()
    shared = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kreisintegration_cache",
        }
    }
    with override_settings(CACHES=shared):
        caches["default"].clear()
        pdf.cached_pdf(HTML)
        pdf.cached_pdf(HTML)
        assert len(renders) == 1
        caches["default"].clear()


def test_the_production_profile_shares_its_cache_between_workers(tmp_path):
    code = "from django.conf import settings; print(settings.CACHES['default'])"
    result = _manage("shell", "-c", code, **_production(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "DatabaseCache" in result.stdout
    assert "kreisintegration_cache" in result.stdout
