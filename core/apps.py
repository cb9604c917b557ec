from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared kit every app builds on: base models, forms, filters, locking, exports.

    It imports no app of this project (import-linter checks it, see pyproject.toml).
    """

    name = "core"
    verbose_name = "Gemeinsame Bausteine"
