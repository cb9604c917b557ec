from django.apps import AppConfig


class ConceptsConfig(AppConfig):
    name = "concepts"
    verbose_name = "Integrationskonzept"

    def ready(self) -> None:
        from . import receivers  # noqa: F401
