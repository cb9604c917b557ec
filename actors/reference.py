"""Actor types. Mandatory ones follow the Kooperationsgebot of the Eckpunktepapier (seed 002):
the applicant "beteiligt von Anfang an die untere Schulaufsicht, die örtliche Schulverwaltung,
die Jugendhilfe, die Wohlfahrtsverbände, den Integrationsrat/Integrationsausschuss" and works
with the Land-funded integration structures and Migrantenselbstorganisationen; the others are
named there as actors that should be involved.
"""

# (code, name, mandatory)
ACTOR_TYPES = [
    ("schulaufsicht", "Untere Schulaufsicht (Schulamt)", True),
    ("schulverwaltung", "Örtliche Schulverwaltung", True),
    ("jugendhilfe", "Jugendhilfe (Jugendamt)", True),
    ("wohlfahrtsverband", "Wohlfahrtsverband", True),
    ("integrationsrat", "Integrationsrat / Integrationsausschuss", True),
    ("mso", "Migrantenselbstorganisation", True),
    ("landesstruktur", "Landesgeförderte Integrationsstruktur", True),
    ("freier_traeger", "Freier Träger der Jugendhilfe", False),
    ("sport", "Organisierter Sport", False),
    ("freiwilligenagentur", "Freiwilligenagentur", False),
    ("agentur_fuer_arbeit", "Agentur für Arbeit", False),
    ("jobcenter", "Jobcenter", False),
    ("auslaenderbehoerde", "Ausländerbehörde", False),
    ("bamf", "BAMF-Regionalkoordination", False),
    ("kita", "Kindertageseinrichtung / Familienzentrum", False),
    ("schule", "Schule", False),
    ("bildungstraeger", "Bildungsträger", False),
    ("kommune", "Stadt- / Gemeindeverwaltung", False),
    ("sonstige", "Sonstige", False),
]
