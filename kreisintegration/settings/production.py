"""Production profile: ``DJANGO_SETTINGS_MODULE=kreisintegration.settings.production``.

``manage.py check --deploy`` reports nothing with this profile (tests/test_settings.py).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import _read, env

DEBUG = _read("DEBUG", env.bool, False)
if DEBUG:
    raise ImproperlyConfigured("DEBUG darf im Produktivprofil nicht eingeschaltet sein.")

SECRET_KEY = _read("SECRET_KEY", env.str, "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY fehlt oder ist zu kurz: im Produktivprofil mindestens 50 zufällige Zeichen."
    )
ALLOWED_HOSTS = _read("ALLOWED_HOSTS", env.list, [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS muss im Produktivprofil gesetzt sein.")
# Links in mails the worker sends (issue 20); a leading dot in ALLOWED_HOSTS is a domain.
SITE_URL = _read("SITE_URL", env.str, f"https://{ALLOWED_HOSTS[0].lstrip('.')}")
if "*" in SITE_URL:
    raise ImproperlyConfigured(
        "SITE_URL fehlt: ALLOWED_HOSTS nennt keinen Namen, unter dem die Anwendung erreichbar "
        "ist (z. B. SITE_URL=https://ki.kreis-mettmann.de)."
    )

# HTTPS only. The reverse proxy (nginx, Apache) terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _read("SECURE_SSL_REDIRECT", env.bool, True)
# A load balancer or monitor may ask gunicorn directly over plain HTTP (issue 15): /healthz
# carries no data of anyone, so it answers there instead of redirecting.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = _read("SECURE_HSTS_SECONDS", env.int, 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _read("SECURE_HSTS_INCLUDE_SUBDOMAINS", env.bool, True)
# Entering the browsers' HSTS preload list binds the whole domain of the Kreis for months;
# that is the Kreis's IT decision, not this application's, so it is off unless asked for.
SECURE_HSTS_PRELOAD = _read("SECURE_HSTS_PRELOAD", env.bool, False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One cache for all gunicorn workers and servers (issue 16): with the per-process memory cache
# of the base profile each worker rendered every draft PDF once more, and the rate limits of
# the public forms counted per worker. The table is created by ``migrate`` (core/0001); a
# ``filecache://`` or Redis URL in CACHE_URL replaces it.
CACHE_TABLE = "kreisintegration_cache"
CACHES = {"default": _read("CACHE_URL", env.cache_url, f"dbcache://{CACHE_TABLE}")}

DATABASES["default"]["CONN_MAX_AGE"] = _read("CONN_MAX_AGE", env.int, 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
