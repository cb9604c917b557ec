from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = "Maßnahmen und Kennzahlen"

    def ready(self) -> None:
        # Connects the signals that keep Indicator.latest_value current (issue 16).
        from . import latest  # noqa: F401
