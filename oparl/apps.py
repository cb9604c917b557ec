from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class OparlConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "oparl"
    verbose_name = "OParl-Schnittstelle"

    def ready(self):
        # Lower apps must not import oparl (pyproject [tool.importlinter]): OParl listens.
        from . import publications

        for model in publications.WATCHED:
            post_save.connect(publications.changed, sender=model, dispatch_uid=f"oparl-{model}")
            post_delete.connect(
                publications.changed, sender=model, dispatch_uid=f"oparl-del-{model}"
            )
        post_migrate.connect(publications.after_migrate, sender=self)
