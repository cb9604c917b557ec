"""Test profile: fast hashing, mails kept in memory, static files without a manifest."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# WhiteNoise's manifest storage answers 500 without collectstatic; tests use plain storage.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
