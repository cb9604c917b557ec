"""Users and their membership in Districts."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from kreisintegration.models import TimeStampedModel

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
