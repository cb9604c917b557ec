from django.apps import AppConfig


class LandConfig(AppConfig):
    """The Land's view across all 54 KIs (issue 17): controlling, requirement sets, indicators."""

    name = "land"
    verbose_name = "Land"
