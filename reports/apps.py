from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """The Sachstandsbericht (ProgressReport): content, PDF, CSV/XLSX, Mitteilungsvorlage."""

    name = "reports"
    verbose_name = "Sachstandsberichte"
