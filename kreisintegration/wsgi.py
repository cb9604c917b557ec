"""WSGI entry point; in production: ``gunicorn kreisintegration.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreisintegration.settings.production")

application = get_wsgi_application()
