"""Open rounds closing (issue 17, reminders): due on ``PriorityRound.closes_on``. Registered in
``core.due`` by ``land/apps.py``."""

import datetime

from django.urls import reverse

from core.due import DueItem, DueKind

from .models import PriorityRound


def round_items(district, today: datetime.date) -> list[DueItem]:
    rounds = district.priority_rounds.filter(
        status=PriorityRound.Status.OPEN, closes_on__gte=today
    ).order_by("closes_on", "pk")
    return [
        DueItem(
            kind=DueKind.ROUND,
            key=f"runde:{priority_round.pk}:{priority_round.closes_on.isoformat()}",
            due=priority_round.closes_on,
            title=f"Abstimmungsrunde „{priority_round.title}“: Antworten bis zu diesem Tag",
            path=reverse(
                "coordination:detail",
                kwargs={"district_slug": district.slug, "pk": priority_round.pk},
            ),
        )
        for priority_round in rounds
    ]
