from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = "Akteure und Gremien"

    def ready(self) -> None:
        from . import receivers  # noqa: F401
