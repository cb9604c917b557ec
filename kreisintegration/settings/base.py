"""Settings shared by every profile, read from the environment.

Every value that differs between machines comes from an environment variable (or a ``.env``
file next to ``manage.py``); a value that cannot be parsed stops the start with a message naming
the variable, instead of running with a silent default.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


class _StrictEnv(environ.Env):
    """``env.bool`` refuses a word it does not know instead of silently reading it as False."""

    BOOLEAN_FALSE_STRINGS = ("false", "off", "no", "n", "0", "")

    @classmethod
    def parse_value(cls, value, cast):
        if cast is bool and isinstance(value, str):
            word = value.strip().lower()
            if word not in cls.BOOLEAN_TRUE_STRINGS + cls.BOOLEAN_FALSE_STRINGS:
                raise ValueError(f"„{value}“ ist kein Wahrheitswert (true/false, 1/0, on/off)")
        return super().parse_value(value, cast)


env = _StrictEnv()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def _read(name: str, cast, default):
    """Read one variable and fail loudly, in German, on a value that cannot be parsed."""
    try:
        return cast(name, default=default)
    except (ValueError, TypeError, ImproperlyConfigured) as exc:
        raise ImproperlyConfigured(
            f"Umgebungsvariable {name} hat einen ungültigen Wert: {exc}"
        ) from exc


DEBUG = _read("DEBUG", env.bool, True)
# Development only; the production profile refuses to start without its own key.
SECRET_KEY = _read(
    "SECRET_KEY", env.str, "django-insecure-nur-fuer-die-entwicklung-kreisintegration-0123456789"
)
ALLOWED_HOSTS = _read("ALLOWED_HOSTS", env.list, ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = _read("CSRF_TRUSTED_ORIGINS", env.list, [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "core",
    "districts",
    "accounts",
    "concepts",
    "actors",
    "measures",
    "kim",
    "coordination",
    "papers",
    "public",
    "oparl",
    "documents",
    "reports",
    "workspace",
    "land",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # One structured log line per write: user id, District, view, status (issue 15).
    "core.middleware.WriteLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last: it answers locked-out logins itself.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kreisintegration.urls"
WSGI_APPLICATION = "kreisintegration.wsgi.application"
ASGI_APPLICATION = "kreisintegration.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _db_url(name: str, default: str) -> dict:
    """``env.db_url`` that refuses an unknown scheme instead of failing at the first query."""
    config = env.db_url(name, default=default)
    if config.get("ENGINE") not in set(environ.Env.DB_SCHEMES.values()):
        raise ValueError(f"unbekannte Datenbank „{config.get('ENGINE')}“")
    return config


DATABASES = {
    "default": _read("DATABASE_URL", _db_url, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# One request, one transaction: a form that fails half-way leaves nothing behind.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves the web server and `db_worker` side by side (issue 15): WAL
    # lets readers go on while one writes, a write transaction takes the lock at BEGIN
    # (IMMEDIATE) instead of failing half-way when it upgrades from reading, and a writer waits
    # up to 20 s for the lock instead of answering "database is locked" (Django 5.1+ OPTIONS).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Long documents render in the background (django-tasks' database backend; `manage.py
# db_worker` runs them, `make run` starts one). Tests run tasks immediately.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Background work survives a crashed worker (issue 15; documents/recovery.py): a document or
# release "wird erstellt" without a sign of life for TASK_LEASE_SECONDS lost its worker. A
# render reports progress several times and the slowest step (laying out a whole concept) takes
# well under a minute, so ten minutes never cut off a live render. Such work is queued again
# until it has had TASK_MAX_ATTEMPTS tries, then marked failed with a German message.
TASK_LEASE_SECONDS = _read("TASK_LEASE_SECONDS", env.int, 10 * 60)
TASK_MAX_ATTEMPTS = _read("TASK_MAX_ATTEMPTS", env.int, 2)
# `manage.py worker` writes its sign of life this often; /healthz reports a worker silent for
# three times as long.
WORKER_HEARTBEAT_SECONDS = _read("WORKER_HEARTBEAT_SECONDS", env.int, 30)
# A measurement import of more rows than this runs in the task worker, not in the web request
# (issue 16). Our own choice, no source prescribes it: scripts/benchmark_import.py measured
# 0.08–0.16 s (SQLite) and 0.17–0.24 s (PostgreSQL) to check and save 1,000 rows, 0.8–1.4 s
# and 2.0–2.3 s for 10,000 (2 shared cores at a load of 1–6, 2026-12-06); 2,000 rows keep a
# request well under a second even on a busy machine.
MEASUREMENT_IMPORT_SYNC_ROWS = _read("MEASUREMENT_IMPORT_SYNC_ROWS", env.int, 2000)
# Issue 18: rate limits of a public Beteiligung, per hour (coordination/invitations.py says
# why these defaults; they are the product's choice, not a rule of the Land).
KI_PUBLIC_REVIEW_LIMITS = {
    "signups_per_address": _read("PUBLIC_REVIEW_SIGNUPS_PER_ADDRESS", env.int, 3),
    "signups_per_network": _read("PUBLIC_REVIEW_SIGNUPS_PER_NETWORK", env.int, 20),
    "comments_per_hour": _read("PUBLIC_REVIEW_COMMENTS_PER_HOUR", env.int, 20),
}

# Draft PDFs are cached by their content (documents/pdf.py). Per-process memory by default;
# with several workers set e.g. CACHE_URL=filecache:///var/cache/kreisintegration.
CACHES = {"default": _read("CACHE_URL", env.cache_url, "locmemcache://")}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2 first: the strongest hasher Django ships; older hashes are upgraded on login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Login throttling (django-axes): five failures lock the username from that address for one hour.
AXES_FAILURE_LIMIT = _read("AXES_FAILURE_LIMIT", env.int, 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The client's address behind a reverse proxy (issue 15): without it every login comes from the
# proxy, and five wrong passwords from anyone lock the account for everyone. TRUSTED_PROXY_COUNT
# is the number of proxies in front of the app that append to X-Forwarded-For (nginx:
# `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`); the client is the address the
# outermost trusted proxy appended, counted from the right, so addresses a client puts into the
# header itself are never believed. 0 (no proxy): only the connecting address counts.
TRUSTED_PROXY_COUNT = _read("TRUSTED_PROXY_COUNT", env.int, 0)


def proxy_settings(trusted_proxies: int) -> dict:
    """django-axes' (django-ipware's) settings for ``trusted_proxies`` proxies in front."""
    if not trusted_proxies:
        return {"AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",)}
    # django-ipware counts the proxies whose addresses are in the header: all but the one that
    # connects to the app. It takes the entry that many places from the right end and,
    # non-strict, ignores whatever a client wrote in front of it.
    return {
        "AXES_IPWARE_PROXY_COUNT": trusted_proxies - 1,
        "AXES_IPWARE_PROXY_ORDER": "left-most",
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        "IPWARE_STRICT": False,
    }


globals().update(proxy_settings(TRUSTED_PROXY_COUNT))

# A working day, not weeks; the session ends with the browser.
SESSION_COOKIE_AGE = _read("SESSION_COOKIE_AGE", env.int, 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "de-de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# German formats (d.m.Y, decimal comma, thousands dot) come from Django's "de" locale.
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["kreisintegration.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = _read("MEDIA_ROOT", env.path, BASE_DIR / "media")
# Internal nginx location that serves MEDIA_ROOT after the app has checked the permission
# (X-Accel-Redirect, README "Betrieb"); empty: the app sends the file itself.
MEDIA_ACCEL_REDIRECT = _read("MEDIA_ACCEL_REDIRECT", env.str, "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_CONFIG = _read("EMAIL_URL", env.email_url, "consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = _read("DEFAULT_FROM_EMAIL", env.str, "kreisintegration@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where users reach the installation: mails sent outside a request (release notices from the
# worker, reminders) link there. The production profile derives it from ALLOWED_HOSTS.
SITE_URL = _read("SITE_URL", env.str, "http://127.0.0.1:8000")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Content Security Policy (django-csp): everything from our own server, nothing else.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

SIMPLE_HISTORY_REVERT_DISABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _read("LOG_LEVEL", env.str, "INFO")},
    # WeasyPrint and fontTools report every layout step at INFO; only problems matter.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
