from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = "Abstimmung mit den Kommunen"

    def ready(self):
        from . import receivers  # noqa: F401 (connects the receivers)
