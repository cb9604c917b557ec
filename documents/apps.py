from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    verbose_name = "Lange Dokumente"

    def ready(self):
        # Registers the whole concept's renderer (documents.renderers).
        from . import concept  # noqa: F401
