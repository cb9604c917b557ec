from django.apps import AppConfig


class KimConfig(AppConfig):
    name = "kim"
    verbose_name = "Kommunales Integrationsmanagement (KIM)"
