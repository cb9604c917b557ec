from django.apps import AppConfig


class DistrictsConfig(AppConfig):
    name = "districts"
    verbose_name = "Kreise und Kommunen"

    def ready(self) -> None:
        from . import signals  # noqa: F401
