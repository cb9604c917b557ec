from django.apps import AppConfig


class PapersConfig(AppConfig):
    """Kreistag papers: DecisionPaper, Beratungsfolge, releases, results; the paper PDF and DOCX.

    Called ``reporting`` until issue 12; its tables keep that name (``db_table``).
    """

    name = "papers"
    verbose_name = "Vorlagen"

    def ready(self):
        # Registers the paper's PDF and DOCX renderers (documents.renderers).
        # The Sitzungsmappe's renderer (issue 20).
        from . import folder, renderers  # noqa: F401
