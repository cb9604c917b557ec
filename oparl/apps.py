from django.apps import AppConfig


class OparlConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oparl"
    verbose_name = "OParl-Schnittstelle"
