"""The Einvernehmen of the municipalities with a Fassung (issue 18): who agreed, who did not,
who has not answered – for the Fassung's page, the checklist, the dashboard and the Vorlage."""

from dataclasses import dataclass

from core import memo

from .models import ConceptVersion, MunicipalAgreement


@dataclass
class AgreementRow:
    municipality: object
    agreement: MunicipalAgreement | None


def agreement_rows(version: ConceptVersion) -> list[AgreementRow]:
    """Every municipality of the District with its Einvernehmen (None: not yet recorded).

    Two queries, however many municipalities and answers; asked once per page inside a
    ``core.memo.scope()`` (the dashboard's card and the checklist's rule).
    """

    def read():
        district = version.concept.district
        recorded = {
            a.municipality_id: a for a in version.agreements.select_related("entered_by").order_by()
        }
        return [
            AgreementRow(municipality, recorded.get(municipality.pk))
            for municipality in district.municipalities.order_by("name")
        ]

    return memo.remembered(("agreement_rows", version.pk), read)


@dataclass
class AgreementSummary:
    municipalities: int
    agreed: int
    refused: int
    # After the adoption an answer not on record is no longer awaited, only not recorded.
    adopted: bool = False

    @property
    def missing(self) -> int:
        return self.municipalities - self.agreed - self.refused

    @property
    def complete(self) -> bool:
        return self.municipalities > 0 and self.agreed == self.municipalities

    @property
    def missing_label(self) -> str:
        return "nicht erfasst" if self.adopted else "ausstehend"

    def __str__(self) -> str:
        text = f"{self.agreed} von {self.municipalities} Kommunen zugestimmt"
        if self.refused:
            text += f", {self.refused} nicht"
        if self.missing:
            text += f", {self.missing} {self.missing_label}"
        return text


def summary_of(rows: list[AgreementRow], adopted: bool) -> AgreementSummary:
    recorded = [row.agreement for row in rows if row.agreement is not None]
    refused = sum(1 for agreement in recorded if not agreement.agreed)
    return AgreementSummary(len(rows), len(recorded) - refused, refused, adopted)


def agreement_summary(version: ConceptVersion) -> AgreementSummary:
    """The counts, from ``agreement_rows``."""
    return summary_of(agreement_rows(version), version.is_adopted)


def agreement_sentence(version: ConceptVersion) -> str:
    """What the Sachverhalt of a Vorlage says about the Einvernehmen (seed 002)."""
    rows = agreement_rows(version)
    if not rows:
        return ""
    agreed = [r for r in rows if r.agreement and r.agreement.agreed]
    refused = [r for r in rows if r.agreement and not r.agreement.agreed]
    missing = [r.municipality.name for r in rows if r.agreement is None]

    def who(row):
        a = row.agreement
        note = " mit Hinweisen" if a.decision == a.Decision.AGREED_WITH_NOTES else ""
        return f"{row.municipality.name} ({a.body}, {a.decided_on:%d.%m.%Y}{note})"

    parts = []
    if len(agreed) == len(rows):
        parts.append(
            "Alle kreisangehörigen Kommunen haben ihr Einvernehmen erklärt: "
            + "; ".join(who(r) for r in agreed)
            + "."
        )
    else:
        if agreed:
            parts.append(
                f"Ihr Einvernehmen erklärt haben {len(agreed)} von {len(rows)} kreisangehörigen "
                "Kommunen: " + "; ".join(who(r) for r in agreed) + "."
            )
        if refused:
            parts.append("Nicht zugestimmt haben: " + "; ".join(who(r) for r in refused) + ".")
        if missing:
            parts.append("Noch ausstehend ist das Einvernehmen von: " + ", ".join(missing) + ".")
    return " ".join(parts)
