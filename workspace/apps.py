from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The KI's pages that compose several domains: dashboard, Förderfähigkeit, staffing, history."""

    name = "workspace"
    verbose_name = "Arbeitsbereich"
