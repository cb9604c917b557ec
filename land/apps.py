from django.apps import AppConfig


class LandConfig(AppConfig):
    """The Land's view across all 54 KIs (issue 17): controlling, requirement sets, indicators."""

    name = "land"
    verbose_name = "Land"

    def ready(self) -> None:
        # What comes due in a District, from each app that owns a date (issue 17, reminders):
        # registered here, in the top app that may import them all, so that the calendar feed
        # in papers (below coordination) lists the rounds too without importing upward.
        from concepts.due import concept_items
        from coordination.due import round_items
        from core import due
        from measures.due import indicator_items

        for provider in (concept_items, indicator_items, round_items):
            due.register(provider)
