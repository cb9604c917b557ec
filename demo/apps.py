from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo loader (``manage.py load_demo``) and the demo Districts' content."""

    name = "demo"
    verbose_name = "Demodaten"
