"""Users and their membership in Districts."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import receiver

from core.models import TimeStampedModel

from .rights import Role


class User(AbstractUser):
    """A person who logs in. Land users read every District and belong to none."""

    is_land = models.BooleanField(
        "Landesebene (nur lesen)",
        default=False,
        help_text="Landesweite Koordinierungsstelle oder Bezirksregierung: liest alle Kreise, "
        "ändert nichts.",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = "Benutzer/in"
        verbose_name_plural = "Benutzer/innen"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(TimeStampedModel):
    """A user's role in one District; a liaison is bound to one municipality."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name="Benutzer/in"
    )
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="Kreis",
    )
    role = models.CharField("Rolle", max_length=12, choices=Role.choices)
    municipality = models.ForeignKey(
        "districts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="liaisons",
        verbose_name="Kommune",
        help_text="Nur für kommunale Ansprechpersonen: die Kommune, für die sie antworten.",
    )
    is_active = models.BooleanField("aktiv", default=True)
    # Part of the signed calendar subscription link (actors/subscription.py); raising it
    # makes every earlier link of this membership invalid.
    calendar_key = models.PositiveIntegerField("Kalender-Schlüssel", default=0, editable=False)

    class Meta:
        verbose_name = "Mitgliedschaft"
        verbose_name_plural = "Mitgliedschaften"
        ordering = ["district", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "district"],
                name="membership_one_per_user_and_district",
                violation_error_message="Diese Person ist bereits Mitglied dieses Kreises.",
            ),
            # A liaison answers for exactly one municipality; nobody else is bound to one.
            models.CheckConstraint(
                condition=(models.Q(role=Role.LIAISON) & models.Q(municipality__isnull=False))
                | (~models.Q(role=Role.LIAISON) & models.Q(municipality__isnull=True)),
                name="membership_municipality_iff_liaison",
                violation_error_message="Eine kommunale Ansprechperson braucht genau eine Kommune; "
                "andere Rollen sind an keine Kommune gebunden.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.district})"

    def clean(self) -> None:
        super().clean()
        if self.role == Role.LIAISON and not self.municipality_id:
            raise ValidationError(
                {"municipality": "Eine kommunale Ansprechperson braucht eine Kommune."}
            )
        if self.role != Role.LIAISON and self.municipality_id:
            raise ValidationError(
                {"municipality": "Nur kommunale Ansprechpersonen sind an eine Kommune gebunden."}
            )
        if (
            self.municipality_id
            and self.district_id
            and self.municipality.district_id != self.district_id
        ):
            raise ValidationError({"municipality": "Die Kommune gehört nicht zu diesem Kreis."})


class UserSession(models.Model):
    """A session a user logged in with, recorded so that ending a membership can end it too.

    Django's session store cannot be searched by user; without this record, logging a
    deactivated member out would mean decoding every session of every user.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="login_sessions", verbose_name="Benutzer/in"
    )
    session_key = models.CharField("Sitzungsschlüssel", max_length=40, unique=True)
    created = models.DateTimeField("angemeldet", auto_now_add=True)

    class Meta:
        verbose_name = "Anmeldesitzung"
        verbose_name_plural = "Anmeldesitzungen"

    def __str__(self) -> str:
        return f"{self.user} ({self.created:%d.%m.%Y %H:%M})"


def session_record(user: User, session_key: str | None) -> None:
    """Remember that ``session_key`` belongs to ``user`` (after login or a key change)."""
    if not session_key:
        return
    UserSession.objects.update_or_create(session_key=session_key, defaults={"user": user})
    # Forget sessions that have ended (expired, logged out elsewhere) so the records stay few.
    store = session_store()
    gone = [
        key
        for key in user.login_sessions.exclude(session_key=session_key).values_list(
            "session_key", flat=True
        )
        if not store.exists(key)
    ]
    user.login_sessions.filter(session_key__in=gone).delete()


def session_store():
    """A session store of the configured engine (database, cache, …) to look up any key."""
    return import_module(settings.SESSION_ENGINE).SessionStore()


# Receivers live here (not in apps.py) so they are connected as soon as the models load.
@receiver(user_logged_in, dispatch_uid="accounts_record_session")
def _record_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        session_record(user, request.session.session_key)


@receiver(user_logged_out, dispatch_uid="accounts_forget_session")
def _forget_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()
