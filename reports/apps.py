from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """The Sachstandsbericht (ProgressReport): content, PDF, CSV/XLSX, Mitteilungsvorlage."""

    name = "reports"
    verbose_name = "Sachstandsberichte"

    def ready(self):
        # Registers the Sachstandsbericht's renderer (documents.renderers).
        from . import renderers  # noqa: F401
