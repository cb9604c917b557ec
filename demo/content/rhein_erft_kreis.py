"""Demo-Inhalte für den Rhein-Erft-Kreis (Kommunales Integrationszentrum, Kreishaus Bergheim).

Grundlage: Beitrag „Das Kommunale Integrationszentrum im Rhein-Erft-Kreis als neuer Akteur der
Integrationsarbeit“ (EILDienst LKT NRW 9/2014, Seed 003) und Eckpunktepapier vom 29.02.2012
(Seed 002). Kreistagsbeschluss 18.07.2013, Arbeitsbeginn 01.09.2013, Frist 01.10.2014, fünf
Handlungsfelder und die Workshops April/Mai 2014 mit etwa 160 Personen stammen aus dem Seed.
Personen, Kennzahlen und spätere Termine sind erfundenes, aber realistisches Demomaterial.
Bewusst fehlt hier eine Migrantenselbstorganisation unter den Akteuren: die
Kooperationsgebot-Checkliste soll etwas anzeigen (eine Maßnahme zum Aufbau ist geplant).
Reine Python-Daten, keine Django-Importe.
"""

from datetime import date


def _reihe(quelle, monat, tag, werte, gemeinde=None):
    """Jährliche Messreihe. ``werte`` = {jahr: wert} oder {jahr: (wert, notiz)}."""
    reihe = []
    for jahr, w in werte.items():
        wert, notiz = w if isinstance(w, tuple) else (w, "")
        reihe.append(
            {
                "value": wert,
                "date": date(jahr, monat, tag),
                "municipality": gemeinde,
                "source": quelle,
                "note": notiz,
            }
        )
    return reihe


def _wert(wert, datum, quelle, notiz="", gemeinde=None):
    return {"value": wert, "date": datum, "municipality": gemeinde, "source": quelle, "note": notiz}


# Die fünf Handlungsfelder der Arbeitsgruppe (Seed 003)
HF_BILDUNG = "Integration durch Bildung"
HF_ARBEIT = "Integration durch Arbeit"
HF_IKOE = "Interkulturelle Öffnung öffentlicher Einrichtungen"
HF_TEILHABE = "Gesellschaftliche Teilhabe"
HF_NETZ = "Integrationsarbeit im Netzwerk"

ZG_U3 = "Kinder im Alter von 1–3 Jahren und ihre Eltern"
ZG_KITA = "Kinder im Alter von 4–6 Jahren und ihre Eltern"
ZG_GS = "Grundschulkinder und ihre Eltern"
ZG_SEI = "Neu zugewanderte Schülerinnen und Schüler"
ZG_NEU = "Neuzuwanderinnen und Neuzuwanderer"
ZG_JUGEND = "Jugendliche im Übergang Schule–Beruf"
ZG_KITAFACH = "Pädagogisches Fachpersonal im Elementarbereich"
ZG_LEHR = "Lehrkräfte im Primarbereich"
ZG_VERW = "Beschäftigte öffentlicher Einrichtungen"
ZG_AELTERE = "Ältere Migrantinnen und Migranten"
ZG_EHRENAMT = "Ehrenamtlich Engagierte"
ZG_ARBEITGEBER = "Arbeitgeber und Betriebe"
ZG_MIGR = "Migrantinnen und Migranten in Vereinen und Gremien"

ALLE = [
    "Bedburg",
    "Bergheim",
    "Brühl",
    "Elsdorf",
    "Erftstadt",
    "Frechen",
    "Hürth",
    "Kerpen",
    "Pulheim",
    "Wesseling",
]

A_SCHULAMT = "Schulamt für den Rhein-Erft-Kreis"
A_SCHULVERW = "Schulverwaltungsamt der Stadt Kerpen"
A_JUGEND = "Jugendamt der Stadt Bergheim"
A_CARITAS = "Caritasverband für den Rhein-Erft-Kreis e.V."
A_AWO = "AWO Kreisverband Rhein-Erft & Euskirchen e.V."
A_IR = "Integrationsrat der Stadt Hürth"
A_IA = "Integrationsagentur der Caritas Rhein-Erft"
A_KSB = "Kreissportbund Rhein-Erft e.V."
A_FWA = "Freiwilligenagentur Pulheim"
A_AA = "Agentur für Arbeit Brühl"
A_JC = "Jobcenter Rhein-Erft"
A_ABH = "Ausländeramt des Rhein-Erft-Kreises"
A_BAMF = "Bundesamt für Migration und Flüchtlinge – Regionalkoordination Köln"
A_GA = "Gesundheitsamt des Rhein-Erft-Kreises"
A_KITA = "Städtische Kita Regenbogen Bergheim"
A_SCHULE = "Gemeinschaftsgrundschule Lindenschule Frechen"
A_VHS = "VHS Rhein-Erft"
A_ERFTSTADT = "Stadt Erftstadt – Integrationsbeauftragte"

# Arbeitsschwerpunkte; 2014/15 nach Seed 003 (Kreistagsbeschluss 18.07.2013)
P14_ELEMENTAR = "Qualifizierung von pädagogischem Fachpersonal im Elementarbereich"
P14_PRIMAR = "Qualifizierung von pädagogischem Fachpersonal im Primarbereich"
P14_NEUZU = "Angebote für Neuzuwanderer stärken und ergänzen"
P14_NETZ = "Kreisweite Zusammenarbeit ohne Doppelstrukturen aufbauen"
P22_UKRAINE = "Schulische Integration geflüchteter Kinder aus der Ukraine"
P22_KITA = "Brückenangebote für Kinder ohne Kita-Platz"
P22_KIM = "Aufbau des Kommunalen Integrationsmanagements"
P22_IKOE = "Interkulturelle Öffnung der Kreisverwaltung"
P25_SPRACHE = "Sprachbildung und Mehrsprachigkeit in Kita und Grundschule"
P25_SEI = "Seiteneinstieg und Anschluss in der Sekundarstufe"
P25_ARBEIT = "Übergang Schule–Beruf gemeinsam mit den Arbeitgebern"
P25_CM = "Case Management für Neuzugewanderte in allen zehn Kommunen"
P25_GESUND = "Gesundheitliche Teilhabe und Pflege"
P25_TEILHABE = "Mitwirkung und politische Teilhabe von Migrantinnen und Migranten stärken"

KONZEPT_2014 = 0
FORTSCHREIBUNG_2022 = 1
FORTSCHREIBUNG_2026 = 2

KREISHAUS = "Kreishaus Bergheim, Großer Sitzungssaal"
KREISHAUS_KLEIN = "Kreishaus Bergheim, Sitzungsraum E.18"
KI_BUERO = "Kommunales Integrationszentrum, Kreishaus Bergheim"

# Abstimmungsrunden nach dem Verfahren aus Seed 003: Abstimmungspapier mit allen möglichen
# Zielen, jede Kommune wählt nach Beratung in ihren Gremien, das KI fasst zusammen.
O_ELTERN = "Elternbildung und Elternmitwirkung in Kita und Schule"
O_SPORT = "Integration durch Sport und Vereinsleben"
_OPTIONEN_2025 = [
    (
        "bildung",
        HF_BILDUNG,
        P25_SPRACHE,
        "Sprachbildung in Kita und Grundschule, Griffbereit und Rucksack.",
    ),
    (
        "bildung",
        HF_BILDUNG,
        P25_SEI,
        "Seiteneinstieg beschleunigen, Anschluss in der Sekundarstufe sichern.",
    ),
    (
        "bildung",
        HF_ARBEIT,
        P25_ARBEIT,
        "Übergangscoaching mit Betrieben und der Agentur für Arbeit.",
    ),
    (
        "bildung",
        HF_BILDUNG,
        O_ELTERN,
        "Elterncafés, Elternbegleiterinnen und -begleiter, mehrsprachige Elternabende.",
    ),
    (
        "querschnitt",
        HF_NETZ,
        P25_CM,
        "Rechtskreisübergreifendes Case Management in allen zehn Kommunen.",
    ),
    (
        "querschnitt",
        HF_TEILHABE,
        P25_GESUND,
        "Zugang zu Gesundheitsversorgung und Pflege verbessern.",
    ),
    (
        "querschnitt",
        HF_TEILHABE,
        P25_TEILHABE,
        "Migrantenorganisationen gewinnen, Integrationsräte stärken.",
    ),
    ("querschnitt", HF_TEILHABE, O_SPORT, "Sportvereine für neu Zugewanderte öffnen."),
]
# Punkte je Option in der Reihenfolge von _OPTIONEN_2025; jede Kommune verteilt 10 Punkte.
_MUSTER_2025 = [
    [3, 1, 1, 0, 2, 1, 1, 1],
    [2, 2, 1, 1, 2, 0, 2, 0],
    [1, 2, 2, 0, 3, 1, 1, 0],
    [2, 1, 1, 2, 1, 2, 0, 1],
]
_GREMIEN = {
    "Bedburg": "Ausschuss für Generationen, Soziales und Integration",
    "Bergheim": "Ausschuss für Soziales, Integration und Senioren",
    "Brühl": "Sozialausschuss",
    "Elsdorf": "Haupt- und Finanzausschuss",
    "Erftstadt": "Ausschuss für Soziales und Integration",
    "Frechen": "Ausschuss für Soziales, Integration und Inklusion",
    "Hürth": "Ausschuss für Soziales, Senioren und Integration",
    "Kerpen": "Ausschuss für Soziales, Inklusion und Integration",
    "Pulheim": "Ausschuss für Soziales, Familie und Integration",
    "Wesseling": "Ausschuss für Soziales und Integration",
}
_ANTWORTEN_2025 = [
    {
        "municipality": name,
        "on_paper": name == "Elsdorf",
        "comment": "Beschluss liegt bei." if i % 3 == 0 else "",
        "committee_name": _GREMIEN[name],
        "committee_date": date(2024, 10, 8 + i),
        "choices": [
            {"option": opt[2], "points": pts}
            for opt, pts in zip(_OPTIONEN_2025, _MUSTER_2025[i % 4], strict=True)
            if pts
        ],
    }
    for i, name in enumerate(ALLE)
]
_ANTWORTEN_2025[1]["choices"][0]["comment"] = "Viele Kitas ohne Sprachfachkraft."

O27_DIGITAL = "Digitale Zugänge zu Beratung und Verwaltung"
O27_WOHNEN = "Wohnen und Nachbarschaft in den Quartieren"
O27_KITA = "Kita-Einstieg für Kinder mit Fluchterfahrung"
O27_AUSBILDUNG = "Ausbildung und Berufsanerkennung"
_OPTIONEN_2027 = [
    ("bildung", HF_BILDUNG, P25_SPRACHE, "Fortführung aus 2025/26."),
    ("bildung", HF_BILDUNG, O27_KITA, "Brückenangebote und Eingewöhnung in der Kita."),
    (
        "bildung",
        HF_ARBEIT,
        O27_AUSBILDUNG,
        "Ausbildung vermitteln, ausländische Abschlüsse anerkennen lassen.",
    ),
    ("querschnitt", HF_NETZ, P25_CM, "Fortführung aus 2025/26."),
    ("querschnitt", HF_IKOE, O27_DIGITAL, "Mehrsprachige Online-Angebote der Verwaltungen."),
    (
        "querschnitt",
        HF_TEILHABE,
        O27_WOHNEN,
        "Quartiersarbeit und Konfliktmoderation in Nachbarschaften.",
    ),
]
# Sechs von zehn Kommunen haben bis heute (23.11.2026) geantwortet: Rang je Option.
_RAENGE_2027 = {
    "Bedburg": [P25_SPRACHE, O27_KITA, P25_CM],
    "Bergheim": [P25_CM, P25_SPRACHE, O27_WOHNEN],
    "Brühl": [O27_AUSBILDUNG, P25_CM, O27_DIGITAL],
    "Frechen": [P25_SPRACHE, O27_WOHNEN, O27_KITA],
    "Hürth": [P25_CM, O27_DIGITAL, P25_SPRACHE],
    "Pulheim": [O27_KITA, P25_SPRACHE, O27_AUSBILDUNG],
}


def _optionen(liste):
    return [
        {"focus": focus, "field": field, "title": title, "description": text}
        for focus, field, title, text in liste
    ]


PRIORITY_ROUNDS = [
    {
        "title": "Abstimmungspapier Arbeitsschwerpunkte 2025/26",
        "period": {"kind": "kalender", "start_year": 2025},
        "instructions": "Bitte verteilen Sie nach Beratung in Ihren Gremien 10 Punkte auf die Ziele "
        "und Handlungsbereiche, die für Ihre Kommune in den Jahren 2025 und 2026 am wichtigsten sind.",
        "opens_on": date(2024, 9, 2),
        "closes_on": date(2024, 11, 15),
        "voting_rule": "punkte",
        "max_choices": 3,
        "points_total": 10,
        "status": "uebernommen",
        # Runde der Schul- und Sozialdezernenten am 10.12.2024 (Seed 003: Verfahren)
        "adopted_at": (date(2024, 12, 10), 11),
        "adopted_by": "leitung",
        "options": _optionen(_OPTIONEN_2025),
        # Übernommen wurden die drei besten Optionen je Schwerpunkt (= Arbeitsschwerpunkte 2025/26).
        "adopted": [P25_SPRACHE, P25_SEI, P25_ARBEIT, P25_CM, P25_GESUND, P25_TEILHABE],
        "submissions": _ANTWORTEN_2025,
    },
    {
        "title": "Abstimmungspapier Arbeitsschwerpunkte 2027/28",
        # Die nächste Periode legt die Runde an; ihre Arbeitsschwerpunkte stimmt sie erst ab.
        "period": {"kind": "kalender", "start_year": 2027},
        "instructions": "Bitte bringen Sie bis zu drei Ziele in eine Rangfolge (Rang 1 = am wichtigsten). "
        "Gern mit Beschluss Ihres Fachausschusses.",
        "opens_on": date(2026, 10, 1),
        "closes_on": date(2026, 12, 15),
        "voting_rule": "rangfolge",
        "max_choices": 3,
        "points_total": 10,
        "status": "offen",
        "options": _optionen(_OPTIONEN_2027),
        "adopted": [],
        "submissions": [
            {
                "municipality": name,
                "on_paper": False,
                "comment": "",
                "committee_name": _GREMIEN[name] if i % 2 == 0 else "",
                "committee_date": date(2026, 11, 3 + i) if i % 2 == 0 else None,
                "choices": [{"option": t, "rank": r} for r, t in enumerate(titel, start=1)],
            }
            for i, (name, titel) in enumerate(_RAENGE_2027.items())
        ],
    },
]

DISTRICT = {
    "name": "Rhein-Erft-Kreis",
    "slug": "rhein-erft-kreis",
    "official_key": "05362",
    # AGS-Endziffern bewusst leer: keine amtliche Liste zur Hand, nichts erfinden.
    "municipalities": [(name, "") for name in ALLE],
    "fields_of_action": [
        {
            "name": HF_BILDUNG,
            "cross_cutting": False,
            "description": "Integration durch Bildung entlang der Bildungskette – von der Kita bis zum Schulabschluss. "
            "Vorrangig Qualifizierung von pädagogischem Fachpersonal im Elementar- und Primarbereich.",
        },
        {
            "name": HF_ARBEIT,
            "cross_cutting": False,
            "description": "Integration durch Arbeit – der Übergang Schule–Beruf und die Rolle der Arbeitgeber; "
            "Zusammenarbeit mit Agentur für Arbeit und Jobcenter.",
        },
        {
            "name": HF_IKOE,
            "cross_cutting": False,
            "description": "Interkulturelle Öffnung von Verwaltungen und öffentlichen Einrichtungen im Kreis und in den "
            "zehn Kommunen.",
        },
        {
            "name": HF_TEILHABE,
            "cross_cutting": False,
            "description": "Gesellschaftliche Teilhabe von Migrantinnen und Migranten mit den Unterthemen:\n"
            "a) Gesundheit und Pflege\n"
            "b) Sport und Vereinsleben\n"
            "c) Mitwirkung und politische Teilhabe",
        },
        {
            "name": HF_NETZ,
            "cross_cutting": False,
            "description": "Integrationsarbeit im Netzwerk – Strukturen einer kreisweiten Zusammenarbeit. Keine "
            "Doppelstrukturen, keine Konkurrenz zu Angeboten der Kommunen und freien Träger.",
        },
    ],
    "target_groups": [
        ZG_U3,
        ZG_KITA,
        ZG_GS,
        ZG_SEI,
        ZG_NEU,
        ZG_JUGEND,
        ZG_KITAFACH,
        ZG_LEHR,
        ZG_VERW,
        ZG_AELTERE,
        ZG_EHRENAMT,
        ZG_ARBEITGEBER,
        ZG_MIGR,
    ],
    "concept_versions": [
        {
            "title": "Kreisintegrationskonzept für den Rhein-Erft-Kreis",
            "status": "abgeloest",
            # Seed: Verabschiedung im September 2014, Sitzungstag nicht überliefert. Eine abgelöste
            # Fassung braucht ein Beschlussdatum (Constraint conceptversion_adopted_has_decision_date);
            # der Tag (Donnerstag, Sitzungstag des Kreistags) ist Demo-Annahme.
            "decided_on": date(2014, 9, 25),
            "submitted_on": None,
            "deadline": date(2014, 10, 1),
            "sections": [
                (
                    "1. Ausgangslage und Auftrag",
                    "Am **18.07.2013** hat der Kreistag des Rhein-Erft-Kreises einstimmig beschlossen, ein "
                    "Kommunales Integrationszentrum nach dem Teilhabe- und Integrationsgesetz einzurichten. "
                    "Im Dezember 2012 begann die Kreisverwaltung mit der systematischen Aufbauarbeit; das "
                    "Zentrum hat seine Arbeit zum **1. September 2013** aufgenommen.\n\n"
                    "Systematische Integrationsarbeit als kommunale Querschnittsaufgabe, die alle Bereiche "
                    "des Verwaltungshandelns betrifft, war für den Kreis Neuland. Das Kreisintegrationskonzept "
                    "ist Fördervoraussetzung des Landes und muss bis zum **1. Oktober 2014** bei den "
                    "zuständigen Ministerien eingereicht sein.",
                ),
                (
                    "2. Prinzipien der Integrationsarbeit des Kreises",
                    "Integrationsarbeit findet auch nach der Gründung des Integrationszentrums "
                    "schwerpunktmäßig vor Ort – in den Kommunen – statt.\n\n"
                    "> „Der Rhein-Erft-Kreis wird keine Doppelstrukturen aufbauen und mit den bestehenden "
                    "Integrationsangeboten der Kommunen und freien Träger nicht in Konkurrenz treten. Die "
                    "Zusammenarbeit erfolgt auf Basis des interkommunal abgestimmten Integrationskonzepts und "
                    "der freiwilligen Zusammenarbeit der Partnerinstitutionen im ganzen Kreisgebiet. Der "
                    "Rhein-Erft-Kreis bzw. das Kommunale Integrationszentrum werden nicht die Rolle einer "
                    "‚Integrationsaufsicht‘ einnehmen, sondern vorhandene Angebote ergänzen, bei deren "
                    "Verbreitung unterstützen und – wo nötig – neue Maßnahmen entwickeln.“",
                ),
                (
                    "3. Interkommunale Schwerpunktsetzung",
                    "Die Kreisverwaltung hat ein **Abstimmungspapier** erarbeitet, das exemplarisch alle "
                    "denkbaren Ziel- und Maßnahmenbereiche eines Kommunalen Integrationszentrums aufzeigte. "
                    "Jede Kommune hat es in ihren örtlichen Ausschüssen, Räten und mit ihren "
                    "Integrationsakteuren beraten und ihre Präferenzen ausgewählt. Die Kreisverwaltung fasste "
                    "die Rückmeldungen zusammen und ließ den Vorschlag in der Runde der Schul- und "
                    "Sozialdezernenten von Kreis und Kommunen abstimmen.\n\n"
                    "Ergebnis: Im Bereich „Integration durch Bildung“ befasst sich das KI vorrangig mit der "
                    "Qualifizierung von pädagogischem Fachpersonal im schulischen Elementar- und "
                    "Primarbereich; im Bereich „Integration als gesellschaftliche Querschnittsaufgabe“ werden "
                    "die Angebote speziell für die Zielgruppe der Neuzuwanderer gestärkt und ergänzt.",
                ),
                (
                    "4. Beteiligungsverfahren",
                    "Das Konzept wurde von November 2013 bis September 2014 unter breiter Beteiligung "
                    "erarbeitet. Eine Arbeitsgruppe aus Kreisverwaltung, Schulaufsicht, Stadtverwaltungen, "
                    "Wohlfahrtsverbänden, Agentur für Arbeit, Jobcenter und Kreissportbund beriet das "
                    "Verfahren; inhaltliche Vorgaben machte die Kreisverwaltung bewusst nicht.\n\n"
                    "Zu jedem Handlungsfeld fand ein moderierter Workshop nach der Methode **World-Café** "
                    "statt – im April und Mai 2014 mit insgesamt **etwa 160 Personen**. Das "
                    "Integrationszentrum hat die Ergebnisse auf Ziel-, Maßnahmen- und Steuerungsebene "
                    "verdichtet und mit den Schul- und Sozialdezernenten der Kommunen abgestimmt.",
                ),
                (
                    "5. Handlungsfelder",
                    "1. Integrationsarbeit im Netzwerk – Strukturen einer kreisweiten Zusammenarbeit\n"
                    "2. Integration durch Bildung entlang der Bildungskette – von der Kita bis zum "
                    "Schulabschluss\n"
                    "3. Integration durch Arbeit – der Übergang Schule–Beruf und die Rolle der Arbeitgeber\n"
                    "4. Interkulturelle Öffnung von Verwaltungen und öffentlichen Einrichtungen\n"
                    "5. Gesellschaftliche Teilhabe von Migrantinnen und Migranten – a) Gesundheit und Pflege, "
                    "b) Sport und Vereinsleben, c) Mitwirkung und politische Teilhabe",
                ),
                (
                    "6. Ziele",
                    "Der Rhein-Erft-Kreis verfolgt zwei wesentliche Ziele: Im Rahmen seiner Möglichkeiten will "
                    "er **erstens die Migrantinnen und Migranten stärken** und **zweitens die durch ihn "
                    "beeinflussbaren gesellschaftlichen Rahmenbedingungen für Integration verbessern**.\n\n"
                    "Neben diesen ideellen Zielen – individuelle Befähigung und gesamtgesellschaftliche Öffnung "
                    "– schafft das Konzept eine klare Grundlage für die Zusammenarbeit des Kreises mit seinen "
                    "Kommunen und den freien Trägern.",
                ),
                (
                    "7. Auftakt zu einer neuen Phase der Integrationsarbeit",
                    "Das Konzept ist der Einstieg in ein strukturiertes Integrationsmanagement. Integration "
                    "verwandelt sich von einem Randthema zu einem kommunalen Querschnittsthema im Zentrum des "
                    "Verwaltungshandelns. Die Verabschiedung durch den Kreistag ist nur ein erster Schritt – "
                    "die eigentliche Arbeit beginnt erst.\n\n"
                    "Das Konzept ist nicht rechtlich bindend, verpflichtet aber aufgrund seiner "
                    "Entstehungsgeschichte alle Beteiligten zumindest moralisch.",
                ),
            ],
        },
        {
            "title": "Kreisintegrationskonzept – Fortschreibung 2022",
            "status": "beschlossen",
            "decided_on": date(2022, 6, 30),
            "submitted_on": date(2022, 7, 8),
            "deadline": None,
            "sections": [
                (
                    "1. Anlass",
                    "Mit dem **Teilhabe- und Integrationsgesetz NRW vom 25.11.2021** (in Kraft seit 01.01.2022) "
                    "setzt die Förderung des Kommunalen Integrationszentrums (§ 8) und des Kommunalen "
                    "Integrationsmanagements (§ 9) ein Integrationskonzept voraus, auf dessen Grundlage der "
                    "Kreis seine Kommunen einbindet. Die Fortschreibung 2022 aktualisiert das Konzept von 2014 "
                    "entsprechend.",
                ),
                (
                    "2. Bilanz 2014 bis 2021",
                    "Die Qualifizierung von Fachkräften im Elementar- und Primarbereich ist kreisweit "
                    "etabliert; Rucksack KiTa wurde in ein Regelangebot überführt. Die Fluchtzuwanderung "
                    "2015/16 hat die Seiteneinsteigerberatung und die Angebote für Neuzuwanderer stark "
                    "wachsen lassen. Während der Pandemie mussten Elterngruppen zeitweise ausgesetzt werden.",
                ),
                (
                    "3. Kommunales Integrationsmanagement",
                    "Das KIM baut ein rechtskreisübergreifendes Case Management auf, das Jobcenter, "
                    "Ausländeramt, Jugendhilfe und Beratungsdienste verbindet. Die Case-Management-Stellen "
                    "werden in Abstimmung mit den zehn Kommunen verteilt; die Kommunen benennen je eine "
                    "Ansprechperson.",
                ),
                (
                    "4. Steuerung",
                    "Je Schwerpunkt begleitet eine Steuerungsgruppe die Arbeit; die Runde der Schul- und "
                    "Sozialdezernenten stimmt die Arbeitsschwerpunkte ab. Projektbeiräte – zunächst für "
                    "Gesundheit und Pflege – ergänzen die Steuerung. Dem Kreistag wird jährlich berichtet.",
                ),
            ],
        },
        {
            "title": "Kreisintegrationskonzept – Fortschreibung 2026",
            "status": "entwurf",
            "decided_on": None,
            "submitted_on": None,
            "deadline": date(2027, 6, 30),
            "sections": [
                (
                    "1. Anlass",
                    "Die Fortschreibung 2026 schreibt das Konzept von 2022 für die Arbeitsschwerpunkte 2025/26 "
                    "fort. Sie nimmt die Erfahrungen aus der Aufnahme von Schutzsuchenden aus der Ukraine und "
                    "aus vier Jahren Kommunalem Integrationsmanagement auf.",
                ),
                (
                    "2. Rechtsrahmen: §§ 8 und 9 TIntG NRW",
                    "**§ 8 TIntG NRW:** Das KI unterstützt im Einvernehmen mit den Kommunen Angebote in Kita, "
                    "Schule und im Übergang Schule–Beruf (mit der unteren Schulaufsicht), koordiniert "
                    "kommunale Angebote und Angebote freier Träger sowie das Ehrenamt.\n\n"
                    "**§ 9 TIntG NRW:** Das KIM umfasst strategische Steuerung, rechtskreisübergreifendes "
                    "Case Management und Stellen im Ausländeramt; die Kommunen werden auf der Grundlage dieses "
                    "gemeinsamen Integrationskonzepts beteiligt.",
                ),
                (
                    "3. Abstimmung mit den zehn Kommunen",
                    "Wie 2013 hat der Kreis ein Abstimmungspapier mit allen möglichen Ziel- und "
                    "Maßnahmenbereichen versandt. Jede Kommune hat – nach Beratung in ihren Gremien – ihre "
                    "Präferenzen gemeldet. Der Vorschlag zur Schwerpunktsetzung wird in der Runde der Schul- "
                    "und Sozialdezernenten abgestimmt, bevor der Kreistag entscheidet.",
                ),
                (
                    "4. Arbeitsschwerpunkte 2025/26",
                    "**Integration durch Bildung:** Sprachbildung und Mehrsprachigkeit in Kita und "
                    "Grundschule; Seiteneinstieg und Anschluss in der Sekundarstufe; Übergang Schule–Beruf "
                    "gemeinsam mit den Arbeitgebern.\n\n"
                    "**Integration als gesellschaftliche Querschnittsaufgabe:** Case Management in allen zehn "
                    "Kommunen; gesundheitliche Teilhabe und Pflege; Mitwirkung und politische Teilhabe – "
                    "insbesondere der Aufbau eines Netzwerks der Migrantenorganisationen, die bisher im "
                    "Netzwerk des KI nicht vertreten sind.",
                ),
                (
                    "5. Zeitplan",
                    "Entwurf November 2026; Beratung in beiden Steuerungsgruppen und in der Dezernentenrunde "
                    "im Januar 2027; Vorberatung im Sozial- und Gesundheitsausschuss und im Kreisausschuss; "
                    "Beschluss des Kreistags im März 2027; Vorlage beim Land bis 30.06.2027.",
                ),
            ],
        },
    ],
    "work_periods": [
        {
            "kind": "kalender",
            "start_year": 2014,
            "priorities": [
                {
                    "focus": "bildung",
                    "title": P14_ELEMENTAR,
                    "description": "Fortbildungen für Erzieherinnen und Erzieher zu interkultureller Kompetenz und Sprachbildung; "
                    "Einführung von Rucksack KiTa.",
                },
                {
                    "focus": "bildung",
                    "title": P14_PRIMAR,
                    "description": "Fortbildungen für Grundschullehrkräfte zu sprachsensiblem Unterricht und Elternarbeit.",
                },
                {
                    "focus": "querschnitt",
                    "title": P14_NEUZU,
                    "description": "Angebote speziell für die Zielgruppe der Neuzuwanderer stärken und ergänzen.",
                },
                {
                    "focus": "querschnitt",
                    "title": P14_NETZ,
                    "description": "Kreisweite Zusammenarbeit auf Basis des interkommunal abgestimmten Konzepts aufbauen – "
                    "ohne Doppelstrukturen und ohne Konkurrenz zu Kommunen und freien Trägern.",
                },
            ],
        },
        {
            "kind": "schuljahr",
            "start_year": 2022,
            "priorities": [
                {
                    "focus": "bildung",
                    "title": P22_UKRAINE,
                    "description": "Beratung und Schulplatzvermittlung für Kinder und Jugendliche aus der Ukraine in den "
                    "Schuljahren 2022/23 und 2023/24.",
                },
                {
                    "focus": "bildung",
                    "title": P22_KITA,
                    "description": "Spielgruppen und Brückenangebote für Kinder, die noch keinen Kita-Platz haben.",
                },
                {
                    "focus": "querschnitt",
                    "title": P22_KIM,
                    "description": "Case-Management-Stellen besetzen und Kooperationsvereinbarungen mit Jobcenter und "
                    "Ausländeramt schließen.",
                },
                {
                    "focus": "querschnitt",
                    "title": P22_IKOE,
                    "description": "Schulungen für Beschäftigte mit Publikumsverkehr in Kreisverwaltung und Kommunen.",
                },
            ],
        },
        {
            "kind": "kalender",
            "start_year": 2025,
            "priorities": [
                {
                    "focus": "bildung",
                    "title": P25_SPRACHE,
                    "description": "Fachkräfte in Kita und Grundschule in alltagsintegrierter Sprachbildung und "
                    "Mehrsprachigkeit qualifizieren; Griffbereit und Rucksack ausbauen.",
                },
                {
                    "focus": "bildung",
                    "title": P25_SEI,
                    "description": "Seiteneinstieg beschleunigen und den Anschluss in der Sekundarstufe sichern.",
                },
                {
                    "focus": "bildung",
                    "title": P25_ARBEIT,
                    "description": "Übergangscoaching mit Betrieben und der Agentur für Arbeit Brühl.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_CM,
                    "description": "Rechtskreisübergreifendes Case Management in allen zehn Kommunen erreichbar machen.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_GESUND,
                    "description": "Zugang zu Gesundheitsversorgung und Pflege für Migrantinnen und Migranten verbessern.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_TEILHABE,
                    "description": "Migrantenorganisationen gewinnen und an der Steuerung beteiligen; Integrationsräte stärken.",
                },
            ],
        },
    ],
    "actors": [
        {
            "name": A_SCHULAMT,
            "type": "schulaufsicht",
            "municipality": "Bergheim",
            "fields_of_action": [HF_BILDUNG],
            "target_groups": [ZG_SEI, ZG_LEHR],
            "description": "Untere Schulaufsicht; gemeinsam mit der Kreisverwaltung Träger des Integrationszentrums.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Christiane Mertens",
                    "function": "Schulrätin",
                    "email": "c.mertens@example.org",
                    "phone": "+49 2271 83-4021",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_SCHULVERW,
            "type": "schulverwaltung",
            "municipality": "Kerpen",
            "fields_of_action": [HF_BILDUNG],
            "target_groups": [ZG_SEI],
            "description": "Örtliche Schulverwaltung; Schulplatzplanung für Seiteneinsteiger.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Norbert Zimmermann",
                    "function": "Amtsleitung",
                    "email": "n.zimmermann@example.org",
                    "phone": "+49 2237 58-310",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_JUGEND,
            "type": "jugendhilfe",
            "municipality": "Bergheim",
            "fields_of_action": [HF_BILDUNG, HF_TEILHABE],
            "target_groups": [ZG_U3, ZG_KITA],
            "description": "Örtlicher Träger der öffentlichen Jugendhilfe; Kita-Bedarfsplanung.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Simone Breuer",
                    "function": "Kita-Fachberatung",
                    "email": "s.breuer@example.org",
                    "phone": "+49 2271 89-512",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_CARITAS,
            "type": "wohlfahrtsverband",
            "municipality": "Hürth",
            "fields_of_action": [HF_TEILHABE, HF_NETZ],
            "target_groups": [ZG_NEU, ZG_AELTERE],
            "description": "Migrationsdienste, Flüchtlingsberatung, interkulturelle Seniorenarbeit.",
            "published": True,
            "offers": [
                {
                    "title": "Migrationsberatung für erwachsene Zugewanderte",
                    "description": "Beratung zu Sprache, Arbeit, Wohnen und Aufenthalt.",
                    "target_groups": [ZG_NEU],
                    "municipalities": ["Hürth", "Brühl", "Wesseling", "Erftstadt"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Fatma Arslan",
                    "function": "Fachdienst Integration und Migration",
                    "email": "f.arslan@example.org",
                    "phone": "+49 2233 7990-31",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_AWO,
            "type": "wohlfahrtsverband",
            "municipality": "Kerpen",
            "fields_of_action": [HF_BILDUNG, HF_TEILHABE],
            "target_groups": [ZG_KITA, ZG_NEU],
            "description": "Träger von Kitas und Familienzentren, Jugendmigrationsdienst.",
            "published": True,
            "offers": [
                {
                    "title": "Jugendmigrationsdienst",
                    "description": "Begleitung junger Zugewanderter bis 27 Jahre.",
                    "target_groups": [ZG_JUGEND],
                    "municipalities": ["Kerpen", "Bergheim", "Bedburg", "Elsdorf"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Markus Jansen",
                    "function": "Fachbereichsleitung",
                    "email": "m.jansen@example.org",
                    "phone": "+49 2237 9230-12",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_IR,
            "type": "integrationsrat",
            "municipality": "Hürth",
            "fields_of_action": [HF_TEILHABE],
            "target_groups": [ZG_MIGR],
            "description": "Integrationsrat; Mitglied der Steuerungsgruppe Querschnitt.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Dragan Petrović",
                    "function": "Vorsitzender",
                    "email": "d.petrovic@example.org",
                    "phone": "+49 2233 53-1180",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_IA,
            "type": "landesstruktur",
            "municipality": "Hürth",
            "fields_of_action": [HF_IKOE, HF_TEILHABE],
            "target_groups": [ZG_VERW, ZG_MIGR],
            "description": "Landesgeförderte Integrationsagentur; Schwerpunkt interkulturelle Öffnung.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Lea Hamacher",
                    "function": "Integrationsagentur",
                    "email": "l.hamacher@example.org",
                    "phone": "+49 2233 7990-45",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_KSB,
            "type": "sport",
            "municipality": None,
            "fields_of_action": [HF_TEILHABE],
            "target_groups": [ZG_NEU, ZG_EHRENAMT],
            "description": "Dachverband des Sports; Mitglied der Arbeitsgruppe Kreisintegrationskonzept 2013/14.",
            "published": True,
            "offers": [
                {
                    "title": "Integration durch Sport – Stützpunktvereine",
                    "description": "Offene Sportangebote für Neuzugewanderte.",
                    "target_groups": [ZG_NEU],
                    "municipalities": ["Bergheim", "Frechen", "Pulheim"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Heiko Schmitz",
                    "function": "Referent Integration durch Sport",
                    "email": "h.schmitz@example.org",
                    "phone": "+49 2271 4709-20",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_FWA,
            "type": "freiwilligenagentur",
            "municipality": "Pulheim",
            "fields_of_action": [HF_NETZ, HF_TEILHABE],
            "target_groups": [ZG_EHRENAMT],
            "description": "Vermittlung Ehrenamtlicher, u. a. in den Laiensprachmittlerpool.",
            "published": False,
            "offers": [],
            "contacts": [
                {
                    "name": "Ingrid Faßbender",
                    "function": "Leitung",
                    "email": "i.fassbender@example.org",
                    "phone": "+49 2238 808-414",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_AA,
            "type": "agentur_fuer_arbeit",
            "municipality": "Brühl",
            "fields_of_action": [HF_ARBEIT],
            "target_groups": [ZG_JUGEND, ZG_ARBEITGEBER],
            "description": "Berufsberatung und Arbeitgeber-Service; Mitglied der Arbeitsgruppe 2013/14.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Tobias Wirtz",
                    "function": "Berufsberatung",
                    "email": "t.wirtz@example.org",
                    "phone": "+49 2232 9460-212",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_JC,
            "type": "jobcenter",
            "municipality": None,
            "fields_of_action": [HF_ARBEIT, HF_NETZ],
            "target_groups": [ZG_NEU],
            "description": "Jobcenter; Partner im rechtskreisübergreifenden Case Management.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Katharina Lenz",
                    "function": "Migrationsbeauftragte",
                    "email": "k.lenz@example.org",
                    "phone": "+49 2271 4704-118",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_ABH,
            "type": "auslaenderbehoerde",
            "municipality": "Bergheim",
            "fields_of_action": [HF_IKOE],
            "target_groups": [ZG_NEU],
            "description": "Ausländeramt des Kreises; KIM-Stellen nach § 9 TIntG NRW.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Peter Krings",
                    "function": "Abteilungsleitung",
                    "email": "p.krings@example.org",
                    "phone": "+49 2271 83-3310",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_BAMF,
            "type": "bamf",
            "municipality": None,
            "fields_of_action": [HF_NETZ],
            "target_groups": [ZG_NEU],
            "description": "Regionalkoordination für Integrationskurse.",
            "published": False,
            "offers": [],
            "contacts": [
                {
                    "name": "Verena Albers",
                    "function": "Regionalkoordinatorin",
                    "email": "v.albers@example.org",
                    "phone": "+49 221 9371-455",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_GA,
            "type": "sonstige",
            "municipality": "Bergheim",
            "fields_of_action": [HF_TEILHABE],
            "target_groups": [ZG_AELTERE, ZG_NEU],
            "description": "Gesundheitsamt; Partner im Unterthema Gesundheit und Pflege.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Dr. Andreas Berg",
                    "function": "Sozialpsychiatrischer Dienst",
                    "email": "a.berg@example.org",
                    "phone": "+49 2271 83-5360",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_KITA,
            "type": "kita",
            "municipality": "Bergheim",
            "fields_of_action": [HF_BILDUNG],
            "target_groups": [ZG_U3, ZG_KITA],
            "description": "Familienzentrum mit Griffbereit- und Rucksack-KiTa-Gruppe.",
            "published": True,
            "offers": [
                {
                    "title": "Griffbereit-Gruppe Bergheim-Süd",
                    "description": "Wöchentliches Eltern-Kind-Treffen für Kinder von 1 bis 3 Jahren.",
                    "target_groups": [ZG_U3],
                    "municipalities": ["Bergheim"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Nicole Esser",
                    "function": "Leitung",
                    "email": "n.esser@example.org",
                    "phone": "+49 2271 98-1450",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_SCHULE,
            "type": "schule",
            "municipality": "Frechen",
            "fields_of_action": [HF_BILDUNG],
            "target_groups": [ZG_GS, ZG_SEI],
            "description": "Grundschule mit Rucksack-Schule-Elterngruppe und Sprachfördergruppen.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Bernd Kallenbach",
                    "function": "Schulleitung",
                    "email": "b.kallenbach@example.org",
                    "phone": "+49 2234 5012-0",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_VHS,
            "type": "bildungstraeger",
            "municipality": None,
            "fields_of_action": [HF_BILDUNG, HF_ARBEIT],
            "target_groups": [ZG_NEU],
            "description": "Volkshochschule; Integrations- und Berufssprachkurse.",
            "published": True,
            "offers": [
                {
                    "title": "Integrationskurse",
                    "description": "Allgemeine Integrationskurse und Alphabetisierung.",
                    "target_groups": [ZG_NEU],
                    "municipalities": [],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Gülşen Tekin",
                    "function": "Fachbereich Sprachen",
                    "email": "g.tekin@example.org",
                    "phone": "+49 2233 9328-41",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_ERFTSTADT,
            "type": "kommune",
            "municipality": "Erftstadt",
            "fields_of_action": [HF_NETZ, HF_TEILHABE],
            "target_groups": [ZG_NEU, ZG_EHRENAMT],
            "description": "Integrationsbeauftragte der Stadt; kommunale Ansprechperson für das KI.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Julia Weinand",
                    "function": "Integrationsbeauftragte",
                    "email": "j.weinand@example.org",
                    "phone": "+49 2235 409-262",
                    "consent": True,
                }
            ],
        },
    ],
    "staff_posts": [
        {
            "title": "Leitung / Verwaltungsfachkraft",
            "holder": "Stefan Olbertz",
            "profession": "verwaltung",
            "fte": 1.0,
            "funding": "kreis",
            "head": True,
            "deputy": False,
        },
        {
            "title": "Stellvertretende Leitung / Lehrkraft (Primarstufe)",
            "holder": "Sabine Wolter",
            "profession": "lehrkraft",
            "fte": 1.0,
            "funding": "land",
            "head": False,
            "deputy": True,
        },
        {
            "title": "Lehrkraft Seiteneinstieg",
            "holder": "Christoph Neuhaus",
            "profession": "lehrkraft",
            "fte": 1.0,
            "funding": "land",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Pädagogische Fachkraft Elementarbereich",
            "holder": "Aylin Koç",
            "profession": "paedagogik",
            "fte": 1.0,
            "funding": "kreis",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Pädagogische Fachkraft Neuzuwanderung",
            "holder": "Jan Hilgers",
            "profession": "paedagogik",
            "fte": 1.0,
            "funding": "kreis",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Assistenz",
            "holder": "Monika Dederichs",
            "profession": "assistenz",
            "fte": 0.5,
            "funding": "kreis",
            "head": False,
            "deputy": False,
        },
    ],
    "committees": [
        {
            "name": "Kreistag",
            "kind": "kreistag",
            "focus": None,
            "members": [],
            "meetings": [
                (date(2013, 7, 18), KREISHAUS, True),
                (date(2014, 9, 25), KREISHAUS, True),
                (date(2022, 6, 30), KREISHAUS, True),
                (date(2026, 3, 26), KREISHAUS, True),
                (date(2026, 7, 2), KREISHAUS, True),
                (date(2026, 12, 17), KREISHAUS, True),
                (date(2027, 3, 25), KREISHAUS, True),
            ],
        },
        {
            "name": "Kreisausschuss",
            "kind": "kreisausschuss",
            "focus": None,
            "members": [],
            "meetings": [
                (date(2022, 6, 21), KREISHAUS_KLEIN, False),
                (date(2026, 3, 17), KREISHAUS_KLEIN, False),
                (date(2026, 12, 8), KREISHAUS_KLEIN, False),
                (date(2027, 3, 16), KREISHAUS_KLEIN, False),
            ],
        },
        {
            "name": "Sozial- und Gesundheitsausschuss",
            "kind": "fachausschuss",
            "focus": None,
            "members": [],
            "meetings": [
                (date(2022, 6, 2), KREISHAUS_KLEIN, True),
                (date(2026, 2, 26), KREISHAUS_KLEIN, True),
                (date(2026, 9, 10), KREISHAUS_KLEIN, True),
                (date(2027, 2, 25), KREISHAUS_KLEIN, True),
            ],
        },
        {
            "name": "Steuerungsgruppe Integration durch Bildung",
            "kind": "steuerungsgremium",
            "focus": "bildung",
            "members": [A_SCHULAMT, A_SCHULVERW, A_JUGEND, A_KITA, A_SCHULE, A_AWO],
            "meetings": [
                (date(2026, 2, 5), KI_BUERO, False),
                (date(2026, 6, 18), "Rathaus Frechen", False),
                (date(2026, 10, 29), KI_BUERO, False),
                (date(2027, 1, 21), KI_BUERO, False),
            ],
        },
        {
            "name": "Steuerungsgruppe Integration als gesellschaftliche Querschnittsaufgabe",
            "kind": "steuerungsgremium",
            "focus": "querschnitt",
            "members": [A_CARITAS, A_AWO, A_IR, A_IA, A_JC, A_ABH, A_ERFTSTADT],
            "meetings": [
                (date(2026, 2, 12), KI_BUERO, False),
                (date(2026, 6, 25), "Rathaus Erftstadt", False),
                (date(2026, 11, 5), KI_BUERO, False),
                (date(2027, 1, 28), KI_BUERO, False),
            ],
        },
        {
            "name": "Runde der Schul- und Sozialdezernenten",
            "kind": "arbeitskreis",
            "focus": None,
            "members": [A_SCHULVERW, A_JUGEND, A_ERFTSTADT],
            "meetings": [
                (date(2026, 4, 23), KREISHAUS_KLEIN, False),
                (date(2027, 1, 14), KREISHAUS_KLEIN, False),
            ],
        },
        {
            "name": "Arbeitsgruppe Kreisintegrationskonzept",
            "kind": "arbeitskreis",
            "focus": None,
            "members": [A_SCHULAMT, A_CARITAS, A_AWO, A_AA, A_JC, A_KSB, A_ERFTSTADT],
            "meetings": [
                (date(2013, 11, 20), KREISHAUS_KLEIN, False),
                (date(2014, 2, 12), KREISHAUS_KLEIN, False),
                (date(2014, 7, 2), KREISHAUS_KLEIN, False),
            ],
        },
        {
            "name": "Projektbeirat Gesundheit und Pflege",
            "kind": "projektbeirat",
            "focus": "querschnitt",
            "members": [A_GA, A_CARITAS, A_AWO],
            "meetings": [
                (date(2026, 5, 7), "Gesundheitsamt Bergheim", False),
                (date(2026, 10, 15), "Gesundheitsamt Bergheim", False),
            ],
        },
    ],
    "participation_events": [
        {
            "kind": "arbeitsgruppe",
            "title": "Auftakt der Arbeitsgruppe Kreisintegrationskonzept",
            "date": date(2013, 11, 20),
            "field_of_action": None,
            "participants": 16,
            "institutions": 12,
        },
        # Seed 003: fünf World-Café-Workshops im April und Mai 2014 mit insgesamt etwa 160 Personen
        # (Aufteilung und Tage erfunden, Summe = 160).
        {
            "kind": "workshop",
            "title": "Integrationsarbeit im Netzwerk – Strukturen einer kreisweiten Zusammenarbeit",
            "date": date(2014, 4, 3),
            "field_of_action": HF_NETZ,
            "participants": 28,
            "institutions": 21,
        },
        {
            "kind": "workshop",
            "title": "Integration durch Bildung entlang der Bildungskette – Von der Kita bis zum "
            "Schulabschluss",
            "date": date(2014, 4, 10),
            "field_of_action": HF_BILDUNG,
            "participants": 38,
            "institutions": 26,
        },
        {
            "kind": "workshop",
            "title": "Integration durch Arbeit – Der Übergang Schule-Beruf und die Rolle der "
            "Arbeitgeber",
            "date": date(2014, 4, 29),
            "field_of_action": HF_ARBEIT,
            "participants": 30,
            "institutions": 19,
        },
        {
            "kind": "workshop",
            "title": "Interkulturelle Öffnung von Verwaltungen und öffentlichen Einrichtungen",
            "date": date(2014, 5, 8),
            "field_of_action": HF_IKOE,
            "participants": 27,
            "institutions": 18,
        },
        {
            "kind": "workshop",
            "title": "Gesellschaftliche Teilhabe von Migrantinnen und Migranten (Gesundheit und "
            "Pflege; Sport und Vereinsleben; Mitwirkung und politische Teilhabe)",
            "date": date(2014, 5, 22),
            "field_of_action": HF_TEILHABE,
            "participants": 37,
            "institutions": 25,
        },
        {
            "kind": "integrationskonferenz",
            "title": "Integrationskonferenz Rhein-Erft 2025",
            "date": date(2025, 11, 13),
            "field_of_action": None,
            "participants": 128,
            "institutions": 54,
        },
        {
            "kind": "workshop",
            "title": "Workshop Fortschreibung 2026: Mitwirkung und politische Teilhabe",
            "date": date(2026, 5, 20),
            "field_of_action": HF_TEILHABE,
            "participants": 22,
            "institutions": 13,
        },
        {
            "kind": "workshop",
            "title": "Workshop Fortschreibung 2026: Bildung entlang der Bildungskette",
            "date": date(2026, 6, 10),
            "field_of_action": HF_BILDUNG,
            "participants": 34,
            "institutions": 21,
        },
    ],
    "measures": [
        {
            "title": "Fortbildungsreihe Interkulturelle Kompetenz und Sprachbildung für Kita-Fachkräfte",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P14_ELEMENTAR, P25_SPRACHE],
            "start": date(2014, 1, 15),
            "end": None,
            "goal": "Pädagogisches Fachpersonal im Elementarbereich ist in interkultureller Kompetenz und "
            "alltagsintegrierter Sprachbildung qualifiziert.",
            "effect": "Kitas gestalten Elternarbeit und Sprachbildung kultursensibel; mehrsprachige Kinder werden "
            "gezielter gefördert.",
            "target_groups": [ZG_KITAFACH],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_JUGEND, A_AWO, A_KITA],
            "in_versions": [KONZEPT_2014, FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Fortgebildete Fachkräfte je Jahr",
                    "unit": "Personen",
                    "baseline": 0,
                    "target": 120,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Fortbildungsstatistik KI",
                        12,
                        31,
                        {
                            2014: 86,
                            2016: 112,
                            2018: 104,
                            2020: (37, "Pandemie: nur Onlineformate"),
                            2022: 96,
                            2023: 118,
                            2024: 127,
                            2025: 121,
                        },
                    )
                    + [
                        _wert(
                            94, date(2026, 10, 31), "Fortbildungsstatistik KI", "Stand 31.10.2026"
                        )
                    ],
                },
                {
                    "name": "Kitas mit mindestens einer fortgebildeten Fachkraft",
                    "unit": "%",
                    "baseline": "0.0",
                    "target": "80.0",
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Kita-Abfrage der Jugendämter",
                        12,
                        31,
                        {2016: "31.0", 2019: "52.5", 2022: "61.0", 2024: "68.5", 2025: "71.0"},
                    )
                    + _reihe(
                        "Kita-Abfrage der Jugendämter",
                        12,
                        31,
                        {2024: "83.0", 2025: "86.0"},
                        gemeinde="Bergheim",
                    )
                    + _reihe(
                        "Kita-Abfrage der Jugendämter",
                        12,
                        31,
                        {2024: "49.0", 2025: "54.0"},
                        gemeinde="Elsdorf",
                    ),
                },
            ],
        },
        {
            "title": "Fortbildung sprachsensibler Unterricht für Grundschullehrkräfte",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P14_PRIMAR],
            "start": date(2014, 2, 1),
            "end": date(2019, 7, 31),
            "goal": "Lehrkräfte im Primarbereich gestalten Fachunterricht sprachsensibel.",
            "effect": "Kinder mit Deutsch als Zweitsprache folgen dem Unterricht besser.",
            "target_groups": [ZG_LEHR],
            "status": "abgeschlossen",
            "municipalities": [],
            "lead": A_SCHULAMT,
            "partners": [A_SCHULE],
            "in_versions": [KONZEPT_2014],
            "indicators": [
                {
                    "name": "Fortgebildete Lehrkräfte",
                    "unit": "Personen",
                    "baseline": 0,
                    "target": 200,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Teilnahmelisten Schulamt",
                        7,
                        31,
                        {2014: 44, 2015: 51, 2016: 38, 2017: 36, 2018: 22, 2019: 17},
                    ),
                },
            ],
        },
        {
            "title": "Griffbereit",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P22_KITA, P25_SPRACHE],
            "start": date(2016, 9, 1),
            "end": None,
            "goal": "Eltern mit Kindern von 1 bis 3 Jahren fördern die Familiensprache und finden den Weg in die Kita.",
            "effect": "Mehr Kinder aus neu zugewanderten Familien besuchen früh eine Kita.",
            "target_groups": [ZG_U3],
            "status": "laufend",
            "municipalities": [],
            "lead": A_JUGEND,
            "partners": [A_KITA, A_CARITAS],
            "in_versions": [FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende Familien je Kita-Jahr",
                    "unit": "Familien",
                    "baseline": 24,
                    "target": 125,
                    "direction": "up",
                    "land_key": "griffbereit_familien",
                    "measurements": _reihe(
                        "Jahresmeldung Griffbereit",
                        7,
                        31,
                        {
                            2017: 38,
                            2019: 61,
                            2021: 29,
                            2022: 72,
                            2023: 98,
                            2024: 109,
                            2025: 117,
                            2026: 112,
                        },
                    )
                    + _reihe(
                        "Jahresmeldung Griffbereit",
                        7,
                        31,
                        {2025: 23, 2026: 21},
                        gemeinde="Bergheim",
                    )
                    + _reihe(
                        "Jahresmeldung Griffbereit", 7, 31, {2025: 17, 2026: 19}, gemeinde="Kerpen"
                    ),
                },
                {
                    "name": "Griffbereit-Gruppen",
                    "unit": "Gruppen",
                    "baseline": 2,
                    "target": 13,
                    "direction": "up",
                    "land_key": "griffbereit_gruppen",
                    "measurements": _reihe(
                        "Jahresmeldung Griffbereit",
                        7,
                        31,
                        {2017: 4, 2019: 7, 2022: 9, 2024: 11, 2025: 12, 2026: 12},
                    ),
                },
            ],
        },
        {
            "title": "Rucksack KiTa",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P14_ELEMENTAR, P25_SPRACHE],
            "start": date(2014, 9, 1),
            "end": None,
            "goal": "Eltern von Kindern von 4 bis 6 Jahren begleiten die Sprachförderung der Kita in der Familiensprache.",
            "effect": "Stärkere Erziehungspartnerschaft; bessere Sprachstände bei Schuleintritt.",
            "target_groups": [ZG_KITA, ZG_KITAFACH],
            "status": "regelangebot",
            "municipalities": [],
            "lead": A_JUGEND,
            "partners": [A_AWO, A_KITA],
            "in_versions": [KONZEPT_2014, FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende Familien je Kita-Jahr",
                    "unit": "Familien",
                    "baseline": 40,
                    "target": 180,
                    "direction": "up",
                    "land_key": "rucksack_kita_familien",
                    "measurements": _reihe(
                        "Jahresmeldung Rucksack KiTa",
                        7,
                        31,
                        {
                            2015: 74,
                            2017: 121,
                            2019: (158, "seit 2019 Regelangebot"),
                            2021: 92,
                            2023: 166,
                            2024: 183,
                            2025: 181,
                            2026: 187,
                        },
                    ),
                },
                {
                    "name": "Rucksack-KiTa-Gruppen",
                    "unit": "Gruppen",
                    "baseline": 4,
                    "target": 20,
                    "direction": "up",
                    "land_key": "rucksack_kita_gruppen",
                    "measurements": _reihe(
                        "Jahresmeldung Rucksack KiTa",
                        7,
                        31,
                        {2015: 8, 2019: 16, 2023: 19, 2024: 20, 2025: 20, 2026: 21},
                    ),
                },
            ],
        },
        {
            "title": "Rucksack Schule",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P14_PRIMAR, P25_SPRACHE],
            "start": date(2015, 2, 1),
            "end": None,
            "goal": "Wöchentliche Elterngruppen an Grundschulen begleiten die Unterrichtsthemen zu Hause.",
            "effect": "Eltern beteiligen sich aktiver an der Schullaufbahn ihrer Kinder.",
            "target_groups": [ZG_GS],
            "status": "laufend",
            "municipalities": ["Bergheim", "Kerpen", "Frechen", "Hürth", "Wesseling"],
            "lead": A_SCHULAMT,
            "partners": [A_SCHULE, A_CARITAS],
            "in_versions": [KONZEPT_2014, FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Elterngruppen an Grundschulen",
                    "unit": "Gruppen",
                    "baseline": 2,
                    "target": 12,
                    "direction": "up",
                    "land_key": "rucksack_schule_gruppen",
                    "measurements": _reihe(
                        "Schuljahresabfrage KI",
                        7,
                        31,
                        {
                            2015: 3,
                            2017: 6,
                            2019: 7,
                            2021: 2,
                            2023: 5,
                            2024: 6,
                            2025: 6,
                            2026: (7, "Elternbegleiterinnen für Arabisch und Ukrainisch gesucht"),
                        },
                    ),
                },
            ],
        },
        {
            "title": "Seiteneinsteigerberatung",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P22_UKRAINE, P25_SEI],
            "start": date(2013, 9, 1),
            "end": None,
            "goal": "Neu zugewanderte Kinder und Jugendliche werden beraten und innerhalb von sechs Wochen beschult.",
            "effect": "Kurze Wartezeiten, passende Schulform, weniger Schulwechsel.",
            "target_groups": [ZG_SEI],
            "status": "laufend",
            "municipalities": [],
            "lead": A_SCHULAMT,
            "partners": [A_SCHULVERW, A_ABH],
            "in_versions": [KONZEPT_2014, FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Beratene Schülerinnen und Schüler je Schuljahr",
                    "unit": "Schülerinnen und Schüler",
                    "baseline": 250,
                    "target": 600,
                    "direction": "up",
                    "land_key": "seiteneinstieg_beratene",
                    "measurements": _reihe(
                        "Beratungsstatistik KI",
                        7,
                        31,
                        {
                            2014: 262,
                            2016: 1117,
                            2018: 498,
                            2020: 301,
                            2022: (1284, "Zuwanderung aus der Ukraine"),
                            2023: 807,
                            2024: 644,
                            2025: 612,
                            2026: 589,
                        },
                    )
                    + _reihe(
                        "Beratungsstatistik KI", 7, 31, {2025: 108, 2026: 96}, gemeinde="Kerpen"
                    )
                    + _reihe(
                        "Beratungsstatistik KI", 7, 31, {2025: 87, 2026: 93}, gemeinde="Hürth"
                    ),
                },
                {
                    "name": "Anteil ohne Schulplatz sechs Wochen nach Beratung",
                    "unit": "%",
                    "baseline": "14.0",
                    "target": "5.0",
                    "direction": "down",
                    "land_key": "seiteneinstieg_ohne_schulplatz_quote",
                    "measurements": _reihe(
                        "Beratungsstatistik KI",
                        7,
                        31,
                        {
                            2016: "26.0",
                            2018: "11.5",
                            2022: "22.0",
                            2023: "12.4",
                            2024: "7.9",
                            2025: "5.6",
                            2026: "4.8",
                        },
                    ),
                },
            ],
        },
        {
            "title": "Brückenprojekte Kita-Einstieg",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P22_KITA],
            "start": date(2022, 9, 1),
            "end": date(2024, 7, 31),
            "goal": "Kinder ohne Kita-Platz – vor allem aus der Ukraine – werden in Spielgruppen auf die Kita "
            "vorbereitet.",
            "effect": "Leichterer Übergang in die Kita.",
            "target_groups": [ZG_KITA],
            "status": "eingestellt",
            "municipalities": ["Bergheim", "Kerpen", "Pulheim"],
            "lead": A_AWO,
            "partners": [A_JUGEND],
            "in_versions": [FORTSCHREIBUNG_2022],
            "indicators": [
                {
                    "name": "Betreute Kinder je Kita-Jahr",
                    "unit": "Kinder",
                    "baseline": 0,
                    "target": 90,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Verwendungsnachweis",
                        7,
                        31,
                        {2023: 74, 2024: (41, "Landesförderung ausgelaufen; Projekt eingestellt")},
                    ),
                },
            ],
        },
        {
            "title": "Übergangscoaching Schule–Beruf mit Arbeitgebern",
            "focus": "bildung",
            "field_of_action": HF_ARBEIT,
            "priorities": [P25_ARBEIT],
            "start": date(2025, 2, 1),
            "end": None,
            "goal": "Neu zugewanderte Jugendliche erhalten Praktika und Ausbildungsplätze in regionalen Betrieben.",
            "effect": "Mehr Übergänge in Ausbildung; Betriebe bauen Vorbehalte ab.",
            "target_groups": [ZG_JUGEND, ZG_ARBEITGEBER],
            "status": "laufend",
            "municipalities": [],
            "lead": A_AA,
            "partners": [A_JC, A_VHS, A_AWO],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Vermittelte Praktika je Jahr",
                    "unit": "Praktika",
                    "baseline": 0,
                    "target": 80,
                    "direction": "up",
                    "land_key": "",
                    "measurements": [
                        _wert(46, date(2025, 12, 31), "Coaching-Dokumentation"),
                        _wert(52, date(2026, 10, 31), "Coaching-Dokumentation", "Stand 31.10.2026"),
                    ],
                },
                {
                    "name": "Übergänge in Ausbildung",
                    "unit": "%",
                    "baseline": "20.0",
                    "target": "35.0",
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe("Verbleibsabfrage", 9, 30, {2025: "23.0", 2026: "27.5"}),
                },
            ],
        },
        {
            "title": "Willkommensberatung für Neuzuwanderer",
            "focus": "querschnitt",
            "field_of_action": HF_TEILHABE,
            "priorities": [P14_NEUZU, P25_CM],
            "start": date(2014, 3, 1),
            "end": None,
            "goal": "Neuzuwanderinnen und Neuzuwanderer erhalten in den ersten Monaten Orientierung zu Sprache, "
            "Bildung, Gesundheit und Behördenwegen.",
            "effect": "Schnellerer Zugang zu Integrationskursen und Regelangeboten.",
            "target_groups": [ZG_NEU],
            "status": "laufend",
            "municipalities": [],
            "lead": A_CARITAS,
            "partners": [A_AWO, A_VHS, A_ERFTSTADT],
            "in_versions": [KONZEPT_2014, FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Beratene Personen je Jahr",
                    "unit": "Personen",
                    "baseline": 180,
                    "target": 900,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Beratungsstatistik Migrationsdienste",
                        12,
                        31,
                        {
                            2014: 214,
                            2016: 1362,
                            2018: 702,
                            2020: 418,
                            2022: 1490,
                            2024: 884,
                            2025: 861,
                        },
                    ),
                },
            ],
        },
        {
            "title": "Laiensprachmittlerpool Rhein-Erft",
            "focus": "querschnitt",
            "field_of_action": HF_IKOE,
            "priorities": [P14_NEUZU, P22_IKOE],
            "start": date(2015, 6, 1),
            "end": None,
            "goal": "Kitas, Schulen und Behörden im Kreis können qualifizierte Laiensprachmittelnde anfordern.",
            "effect": "Verständigung ohne Kinder als Dolmetscher; weniger abgebrochene Beratungen.",
            "target_groups": [ZG_VERW, ZG_EHRENAMT, ZG_NEU],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_FWA, A_CARITAS],
            "in_versions": [FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Einsätze je Jahr",
                    "unit": "Einsätze",
                    "baseline": 100,
                    "target": 1000,
                    "direction": "up",
                    "land_key": "sprachmittler_einsaetze",
                    "measurements": _reihe(
                        "Einsatzstatistik Sprachmittlerpool",
                        12,
                        31,
                        {
                            2015: 96,
                            2017: 512,
                            2019: 604,
                            2021: 433,
                            2022: 941,
                            2023: 1012,
                            2024: 976,
                            2025: 1034,
                        },
                    )
                    + [
                        _wert(
                            812,
                            date(2026, 9, 30),
                            "Einsatzstatistik Sprachmittlerpool",
                            "Stand 30.09.2026",
                        )
                    ],
                },
                {
                    "name": "Aktive Laiensprachmittelnde",
                    "unit": "Personen",
                    "baseline": 15,
                    "target": 70,
                    "direction": "up",
                    "land_key": "sprachmittler_aktive",
                    "measurements": _reihe(
                        "Einsatzstatistik Sprachmittlerpool",
                        12,
                        31,
                        {2015: 15, 2018: 42, 2022: 66, 2024: 61, 2025: 57},
                    ),
                },
            ],
        },
        {
            "title": "Schulungen Interkulturelle Öffnung für Kreis- und Stadtverwaltungen",
            "focus": "querschnitt",
            "field_of_action": HF_IKOE,
            "priorities": [P22_IKOE],
            "start": date(2016, 1, 1),
            "end": None,
            "goal": "Beschäftigte mit Publikumsverkehr in Kreis und Kommunen sind interkulturell geschult.",
            "effect": "Öffentliche Einrichtungen werden von Migrantinnen und Migranten als zugänglich erlebt.",
            "target_groups": [ZG_VERW],
            "status": "laufend",
            "municipalities": [],
            "lead": A_IA,
            "partners": [A_ABH, A_JC],
            "in_versions": [FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Schulungstage je Jahr",
                    "unit": "Schulungstage",
                    "baseline": 2,
                    "target": 15,
                    "direction": "up",
                    "land_key": "ikoe_schulungstage",
                    "measurements": _reihe(
                        "Fortbildungsstatistik KI",
                        12,
                        31,
                        {2016: 4, 2018: 7, 2020: 2, 2022: 9, 2023: 12, 2024: 15, 2025: 16},
                    ),
                },
                {
                    "name": "Teilnehmende je Jahr",
                    "unit": "Teilnehmende",
                    "baseline": 30,
                    "target": 200,
                    "direction": "up",
                    "land_key": "ikoe_teilnehmende",
                    "measurements": _reihe(
                        "Fortbildungsstatistik KI",
                        12,
                        31,
                        {2016: 51, 2018: 88, 2020: 24, 2022: 119, 2023: 162, 2024: 204, 2025: 211},
                    ),
                },
            ],
        },
        {
            "title": "Integrationskonferenz Rhein-Erft",
            "focus": "querschnitt",
            "field_of_action": HF_NETZ,
            "priorities": [P14_NETZ, P25_TEILHABE],
            "start": date(2015, 1, 1),
            "end": None,
            "goal": "Alle Integrationsakteure des Kreises beraten Ergebnisse und Schwerpunkte.",
            "effect": "Empfehlungen der Akteure fließen in die Fortschreibung ein.",
            "target_groups": [ZG_EHRENAMT, ZG_VERW, ZG_MIGR],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_IR, A_CARITAS, A_AWO, A_IA],
            "in_versions": [KONZEPT_2014, FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende der Integrationskonferenz",
                    "unit": "Teilnehmende",
                    "baseline": 90,
                    "target": 150,
                    "direction": "up",
                    "land_key": "integrationskonferenz_teilnehmende",
                    "measurements": [
                        _wert(112, date(2015, 11, 19), "Teilnahmeliste"),
                        _wert(97, date(2019, 11, 21), "Teilnahmeliste"),
                        _wert(128, date(2025, 11, 13), "Teilnahmeliste"),
                    ],
                },
                {
                    "name": "Beteiligte Migrantenorganisationen",
                    "unit": "Organisationen",
                    "baseline": 2,
                    "target": 10,
                    "direction": "up",
                    "land_key": "",
                    "measurements": [
                        _wert(3, date(2015, 11, 19), "Teilnahmeliste"),
                        _wert(2, date(2019, 11, 21), "Teilnahmeliste"),
                        _wert(
                            4,
                            date(2025, 11, 13),
                            "Teilnahmeliste",
                            "Migrantenorganisationen sind noch kaum eingebunden",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "KIM – Rechtskreisübergreifendes Case Management",
            "focus": "querschnitt",
            "field_of_action": HF_NETZ,
            "priorities": [P22_KIM, P25_CM],
            "start": date(2022, 1, 1),
            "end": None,
            "goal": "Zugewanderte mit komplexem Unterstützungsbedarf erhalten rechtskreisübergreifend eine feste "
            "Ansprechperson (§ 9 TIntG NRW).",
            "effect": "Abgestimmte Hilfen von Jobcenter, Ausländeramt, Jugendhilfe und Beratungsdiensten.",
            "target_groups": [ZG_NEU],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_JC, A_ABH, A_CARITAS, A_AWO, A_ERFTSTADT],
            "in_versions": [FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Besetzte Case-Management-Stellen",
                    "unit": "Stellen",
                    "baseline": "2.0",
                    "target": "8.0",
                    "direction": "up",
                    "land_key": "kim_cm_stellen_besetzt",
                    "measurements": _reihe(
                        "Stellenplan KIM",
                        12,
                        31,
                        {2022: "4.0", 2023: "6.0", 2024: "6.5", 2025: "7.0"},
                    )
                    + [
                        _wert(
                            "7.0",
                            date(2026, 9, 30),
                            "Stellenplan KIM",
                            "eine Stelle seit 05/2026 unbesetzt",
                        )
                    ],
                },
                {
                    "name": "Offene Fälle je Case Managerin bzw. Case Manager",
                    "unit": "Fälle",
                    "baseline": 50,
                    "target": 45,
                    "direction": "down",
                    "land_key": "kim_faelle_pro_cm",
                    "measurements": _reihe(
                        "Fallstatistik KIM", 12, 31, {2022: 44, 2023: 51, 2024: 56, 2025: 58}
                    )
                    + [_wert(61, date(2026, 9, 30), "Fallstatistik KIM", "Stand 30.09.2026")]
                    + [
                        _wert(
                            72,
                            date(2026, 9, 30),
                            "Fallstatistik KIM",
                            "Stand 30.09.2026",
                            gemeinde="Bergheim",
                        )
                    ],
                },
            ],
        },
        {
            "title": "Gesundheitslotsinnen und -lotsen",
            "focus": "querschnitt",
            "field_of_action": HF_TEILHABE,
            "priorities": [P25_GESUND],
            "start": date(2023, 3, 1),
            "end": None,
            "goal": "Geschulte Lotsinnen und Lotsen informieren in ihren Sprachen über Gesundheitsversorgung, "
            "Vorsorge und Pflege.",
            "effect": "Migrantinnen und Migranten, auch ältere, nutzen Vorsorge- und Pflegeangebote häufiger.",
            "target_groups": [ZG_AELTERE, ZG_NEU, ZG_EHRENAMT],
            "status": "laufend",
            "municipalities": [],
            "lead": A_GA,
            "partners": [A_CARITAS, A_FWA],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Informationsveranstaltungen je Jahr",
                    "unit": "Veranstaltungen",
                    "baseline": 0,
                    "target": 40,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe("Gesundheitsamt", 12, 31, {2023: 14, 2024: 26, 2025: 31})
                    + [_wert(27, date(2026, 10, 31), "Gesundheitsamt", "Stand 31.10.2026")],
                },
            ],
        },
        {
            "title": "Integration durch Sport – Vereinsprojekte",
            "focus": "querschnitt",
            "field_of_action": HF_TEILHABE,
            "priorities": [P14_NEUZU, P25_TEILHABE],
            "start": date(2015, 4, 1),
            "end": None,
            "goal": "Sportvereine öffnen sich für Neuzugewanderte; Zugewanderte übernehmen Ehrenämter im Verein.",
            "effect": "Sport und Vereinsleben als Ort der Begegnung und Teilhabe.",
            "target_groups": [ZG_NEU, ZG_EHRENAMT, ZG_MIGR],
            "status": "laufend",
            "municipalities": [],
            "lead": A_KSB,
            "partners": [A_FWA],
            "in_versions": [KONZEPT_2014, FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Beteiligte Vereine",
                    "unit": "Vereine",
                    "baseline": 6,
                    "target": 30,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Jahresbericht Kreissportbund",
                        12,
                        31,
                        {2015: 9, 2017: 17, 2019: 21, 2021: 16, 2023: 24, 2024: 26, 2025: 27},
                    ),
                },
            ],
        },
        {
            "title": "Online-Angebotsatlas Integration Rhein-Erft",
            "focus": "querschnitt",
            "field_of_action": HF_NETZ,
            "priorities": [P14_NETZ, P25_TEILHABE],
            "start": date(2015, 9, 1),
            "end": None,
            "goal": "Angebote der Kommunen und freien Träger sind kreisweit transparent und aktuell veröffentlicht.",
            "effect": "Vermittlung in passende Angebote; keine Doppelstrukturen.",
            "target_groups": [ZG_NEU, ZG_EHRENAMT, ZG_VERW],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_ERFTSTADT, A_FWA],
            "in_versions": [KONZEPT_2014, FORTSCHREIBUNG_2022, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Veröffentlichte Angebote",
                    "unit": "Einträge",
                    "baseline": 60,
                    "target": 250,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Redaktionssystem Kreis-Website",
                        12,
                        31,
                        {2015: 71, 2018: 139, 2021: 172, 2023: 204, 2024: 221, 2025: 233},
                    ),
                },
            ],
        },
        {
            "title": "Netzwerk der Migrantenorganisationen aufbauen",
            "focus": "querschnitt",
            "field_of_action": HF_TEILHABE,
            "priorities": [P25_TEILHABE],
            "start": date(2026, 12, 1),
            "end": None,
            "goal": "Migrantenorganisationen aus allen zehn Kommunen schließen sich zu einem Netzwerk zusammen und "
            "entsenden Vertretungen in die Steuerungsgruppen.",
            "effect": "Migrantenorganisationen wirken an Steuerung und Fortschreibung mit (Kooperationsgebot).",
            "target_groups": [ZG_MIGR],
            "status": "geplant",
            "municipalities": [],
            "lead": A_IA,
            "partners": [A_IR, A_ERFTSTADT],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Mitgliedsorganisationen im Netzwerk",
                    "unit": "Organisationen",
                    "baseline": 0,
                    "target": 12,
                    "direction": "up",
                    "land_key": "",
                    "measurements": [],
                },
            ],
        },
    ],
    "glossary": [
        (
            "KI",
            "Kommunales Integrationszentrum des Rhein-Erft-Kreises; Arbeitsbeginn 01.09.2013.",
            True,
        ),
        (
            "TIntG NRW",
            "Teilhabe- und Integrationsgesetz NRW vom 25.11.2021; § 8 KI, § 9 KIM.",
            True,
        ),
        ("KIM", "Kommunales Integrationsmanagement nach § 9 TIntG NRW.", True),
        ("LaKI", "Landesweite Koordinierungsstelle Kommunale Integrationszentren.", True),
        ("LKT NRW", "Landkreistag Nordrhein-Westfalen; Herausgeber des EILDienstes.", True),
        (
            "Abstimmungspapier",
            "Papier des Kreises mit allen denkbaren Ziel- und Maßnahmenbereichen, aus dem "
            "jede Kommune ihre Präferenzen auswählt.",
            False,
        ),
        (
            "Dezernentenrunde",
            "Runde der Schul- und Sozialdezernenten von Kreis und Kommunen, die die "
            "Schwerpunktsetzung abstimmt.",
            False,
        ),
        (
            "World-Café",
            "Workshop-Methode mit Gesprächsrunden in wechselnder Zusammensetzung; 2014 in allen fünf "
            "Handlungsfeld-Workshops eingesetzt.",
            False,
        ),
        (
            "Neuzuwanderer",
            "Menschen, die erst vor kurzem nach Deutschland zugewandert sind; besondere "
            "Zielgruppe im Schwerpunkt Querschnittsaufgabe.",
            False,
        ),
        (
            "Elementarbereich",
            "Frühkindliche Bildung in Kindertageseinrichtungen bis zum Schuleintritt.",
            False,
        ),
        ("Primarbereich", "Grundschule, Klassen 1 bis 4.", False),
        (
            "Doppelstrukturen",
            "Parallele Angebote von Kreis, Kommunen und freien Trägern; nach dem "
            "Kreisintegrationskonzept ausdrücklich zu vermeiden.",
            False,
        ),
        (
            "Integrationsaufsicht",
            "Rolle, die das KI ausdrücklich nicht einnimmt: Es ergänzt Angebote, statt "
            "sie zu beaufsichtigen.",
            False,
        ),
    ],
    "decision_papers": [],
    "priority_rounds": PRIORITY_ROUNDS,
}


# ---------------------------------------------------------------------------
# Selbstprüfung: python3 -m demo.content.<modul>  (aus /work/main)
# Prüft, dass alle Verweise innerhalb von DISTRICT auflösen, die
# Arbeitsperioden genau zwei Jahre umfassen und sich nicht überschneiden.
# ---------------------------------------------------------------------------
def _selbstpruefung(d):  # noqa: C901 - bewusst ein einziger, linearer Prüflauf
    from datetime import date as _date
    from decimal import Decimal as _Dec

    heute = _date(2026, 11, 23)
    pflichttypen = {
        "schulaufsicht",
        "schulverwaltung",
        "jugendhilfe",
        "wohlfahrtsverband",
        "integrationsrat",
        "mso",
        "landesstruktur",
    }
    akteurtypen = pflichttypen | {
        "freier_traeger",
        "sport",
        "freiwilligenagentur",
        "agentur_fuer_arbeit",
        "jobcenter",
        "auslaenderbehoerde",
        "bamf",
        "kita",
        "schule",
        "bildungstraeger",
        "kommune",
        "sonstige",
    }

    def zahl(x):
        return float(_Dec(x)) if isinstance(x, str) else float(x)

    def eindeutig(namen, was):
        doppelt = {n for n in namen if namen.count(n) > 1}
        assert not doppelt, f"{was} doppelt: {doppelt}"
        return set(namen)

    assert set(d) == {
        "name",
        "slug",
        "official_key",
        "municipalities",
        "fields_of_action",
        "target_groups",
        "concept_versions",
        "work_periods",
        "actors",
        "staff_posts",
        "committees",
        "participation_events",
        "measures",
        "glossary",
        "decision_papers",
        "priority_rounds",
    }, sorted(d)
    assert len(d["official_key"]) == 5 and d["official_key"].isdigit()

    # Abstimmungsrunden: Optionen, Kommunen und Wahlen lösen auf, Regeln werden eingehalten
    for runde in d["priority_rounds"]:
        assert runde["opens_on"] <= runde["closes_on"]
        optionen = eindeutig([o["title"] for o in runde["options"]], "Option")
        felder = {f["name"] for f in d["fields_of_action"]}
        assert all(o["field"] in felder for o in runde["options"])
        assert set(runde["adopted"]) <= optionen
        eindeutig([a["municipality"] for a in runde["submissions"]], "Antwort")
        for antwort in runde["submissions"]:
            assert antwort["municipality"] in ALLE
            assert {c["option"] for c in antwort["choices"]} <= optionen
            if runde["voting_rule"] == "punkte":
                assert sum(c["points"] for c in antwort["choices"]) <= runde["points_total"]
            else:
                raenge = [c["rank"] for c in antwort["choices"]]
                assert len(set(raenge)) == len(raenge) <= runde["max_choices"]

    kommunen = eindeutig([m[0] for m in d["municipalities"]], "Kommune")
    for name, ags in d["municipalities"]:
        assert ags == "" or (
            len(ags) == 8 and ags.isdigit() and ags.startswith(d["official_key"])
        ), (name, ags)
    felder = eindeutig([f["name"] for f in d["fields_of_action"]], "Handlungsfeld")
    for f in d["fields_of_action"]:
        assert set(f) == {"name", "description", "cross_cutting"} and f["description"], f["name"]
    zielgruppen = eindeutig(list(d["target_groups"]), "Zielgruppe")

    def pruefe_zg(liste, wo):
        fehlend = set(liste) - zielgruppen
        assert not fehlend, f"{wo}: unbekannte Zielgruppen {fehlend}"

    def pruefe_kommunen(liste, wo):
        fehlend = set(liste) - kommunen
        assert not fehlend, f"{wo}: unbekannte Kommunen {fehlend}"

    # Konzeptfassungen: älteste zuerst, die letzte ist die laufende Fortschreibung
    fassungen = d["concept_versions"]
    assert len(fassungen) >= 2
    for v in fassungen:
        assert v["status"] in {
            "beschlossen",
            "abgeloest",
            "entwurf",
            "in_abstimmung",
            "in_beratung",
        }, v["title"]
        assert v["sections"], v["title"]
        for titel, text in v["sections"]:
            assert titel and len(text) > 200, (v["title"], titel)
    assert fassungen[-1]["status"] in {"entwurf", "in_abstimmung"}
    assert fassungen[-1]["decided_on"] is None
    beschlossene = [v for v in fassungen if v["status"] == "beschlossen"]
    assert len(beschlossene) == 1, "genau eine gültige (beschlossene) Fassung"
    daten = [v["decided_on"] for v in fassungen if v["decided_on"]]
    assert daten == sorted(daten) and all(x <= heute for x in daten)

    # Arbeitsperioden: genau zwei Jahre, keine Überschneidung
    def spanne(p):
        j = p["start_year"]
        if p["kind"] == "kalender":
            return _date(j, 1, 1), _date(j + 1, 12, 31)
        assert p["kind"] == "schuljahr"
        return _date(j, 8, 1), _date(j + 2, 7, 31)

    perioden = sorted(d["work_periods"], key=lambda p: spanne(p)[0])
    for a, b in zip(perioden, perioden[1:]):
        assert spanne(a)[1] < spanne(b)[0], (
            f"Perioden überschneiden sich: {a['start_year']} / {b['start_year']}"
        )
    assert any(p["kind"] == "kalender" and p["start_year"] == 2025 for p in perioden), (
        "aktuelle Periode 2025/26 fehlt"
    )
    prioritaeten = {}
    for p in perioden:
        for fokus in ("bildung", "querschnitt"):
            n = sum(1 for x in p["priorities"] if x["focus"] == fokus)
            assert 2 <= n <= 3, f"Periode {p['start_year']}: {n} Prioritäten im Schwerpunkt {fokus}"
        for x in p["priorities"]:
            assert x["title"] not in prioritaeten, f"Priorität doppelt: {x['title']}"
            assert x["description"]
            prioritaeten[x["title"]] = (x["focus"], spanne(p))

    # Akteure
    akteure = eindeutig([a["name"] for a in d["actors"]], "Akteur")
    assert 12 <= len(akteure) <= 18, len(akteure)
    for a in d["actors"]:
        assert a["type"] in akteurtypen, (a["name"], a["type"])
        assert a["municipality"] is None or a["municipality"] in kommunen, a["name"]
        assert set(a["fields_of_action"]) <= felder, a["name"]
        pruefe_zg(a["target_groups"], a["name"])
        for o in a["offers"]:
            pruefe_zg(o["target_groups"], o["title"])
            pruefe_kommunen(o["municipalities"], o["title"])
        for c in a["contacts"]:
            assert c["email"].endswith("@example.org") and c["phone"].startswith("+49 "), c
    fehlende_pflicht = sorted(pflichttypen - {a["type"] for a in d["actors"]})

    # Personal (Eckpunktepapier 29.02.2012): 2,0 Lehrkräfte (Land), bis 3,5 kommunale Stellen
    sp = d["staff_posts"]
    summe = lambda prof: sum(s["fte"] for s in sp if s["profession"] == prof)
    assert abs(summe("lehrkraft") - 2.0) < 1e-9
    assert all(s["funding"] == "land" for s in sp if s["profession"] == "lehrkraft")
    assert summe("paedagogik") <= 2.0 and summe("verwaltung") <= 1.0 and summe("assistenz") <= 0.5
    leitung = [s for s in sp if s["head"]]
    vertretung = [s for s in sp if s["deputy"]]
    assert len(leitung) == 1 and len(vertretung) == 1
    assert leitung[0]["profession"] != vertretung[0]["profession"], (
        "Vertretung muss andere Profession haben"
    )

    # Gremien
    gremien = eindeutig([g["name"] for g in d["committees"]], "Gremium")
    arten = [g["kind"] for g in d["committees"]]
    for k in ("kreistag", "kreisausschuss", "fachausschuss", "arbeitskreis"):
        assert k in arten, f"Gremium {k} fehlt"
    for fokus in ("bildung", "querschnitt"):
        n = sum(
            1 for g in d["committees"] if g["kind"] == "steuerungsgremium" and g["focus"] == fokus
        )
        assert n == 1, f"Steuerungsgremium {fokus}: {n}"
    sitzungen = {}
    for g in d["committees"]:
        assert set(g["members"]) <= akteure, (g["name"], set(g["members"]) - akteure)
        for datum, ort, oeffentlich in g["meetings"]:
            assert datum.weekday() < 5 and ort and isinstance(oeffentlich, bool), (g["name"], datum)
        sitzungen[g["name"]] = {m[0] for m in g["meetings"]}

    for e in d["participation_events"]:
        assert e["kind"] in {"workshop", "integrationskonferenz", "arbeitsgruppe"}
        assert e["field_of_action"] is None or e["field_of_action"] in felder, e["title"]
        assert e["participants"] >= e["institutions"] > 0

    # Maßnahmen
    assert len(d["measures"]) >= 14
    eindeutig([m["title"] for m in d["measures"]], "Maßnahme")
    n_ind = n_mess = n_hinten = 0
    status = [m["status"] for m in d["measures"]]
    assert "regelangebot" in status and "eingestellt" in status
    for m in d["measures"]:
        t = m["title"]
        assert m["status"] in {
            "geplant",
            "laufend",
            "abgeschlossen",
            "regelangebot",
            "eingestellt",
        }, t
        assert m["field_of_action"] in felder, t
        assert m["priorities"], f"{t}: keine Priorität"
        ende = m["end"] or _date(2099, 12, 31)
        assert m["start"] <= ende, t
        if m["status"] in {"abgeschlossen", "eingestellt"}:
            assert m["end"] and m["end"] <= heute, t
        for pt in m["priorities"]:
            assert pt in prioritaeten, f"{t}: unbekannte Priorität {pt}"
            fokus, (p_start, p_ende) = prioritaeten[pt]
            assert fokus == m["focus"], f"{t}: Priorität {pt} gehört zu {fokus}"
            assert m["start"] <= p_ende and ende >= p_start, (
                f"{t}: läuft nicht in der Periode von {pt}"
            )
        pruefe_zg(m["target_groups"], t)
        pruefe_kommunen(m["municipalities"], t)
        assert m["lead"] is None or m["lead"] in akteure, (t, m["lead"])
        assert set(m["partners"]) <= akteure, (t, set(m["partners"]) - akteure)
        assert m["in_versions"] and all(0 <= i < len(fassungen) for i in m["in_versions"]), t
        assert m["goal"] and m["effect"]
        for ind in m["indicators"]:
            n_ind += 1
            assert ind["direction"] in {"up", "down"}, ind["name"]
            zuletzt = None
            schluessel = set()
            for x in ind["measurements"]:
                n_mess += 1
                k = (x["date"], x["municipality"])
                assert k not in schluessel, (
                    t,
                    ind["name"],
                    k,
                )  # Messwert je Datum und Kommune eindeutig
                schluessel.add(k)
                assert x["date"] <= heute, (t, ind["name"], x["date"])
                assert x["municipality"] is None or x["municipality"] in kommunen, (t, x)
                assert x["source"], (t, ind["name"])
                if x["municipality"] is None and (zuletzt is None or x["date"] >= zuletzt["date"]):
                    zuletzt = x
            if zuletzt is not None:
                w, z = zahl(zuletzt["value"]), zahl(ind["target"])
                if (ind["direction"] == "up" and w < z) or (ind["direction"] == "down" and w > z):
                    n_hinten += 1
    assert n_hinten >= 1, "mindestens eine Kennzahl sollte hinter dem Ziel liegen"

    assert 10 <= len(d["glossary"]) <= 15
    eindeutig([g[0] for g in d["glossary"]], "Glossarbegriff")
    for begriff, erklaerung, abk in d["glossary"]:
        assert erklaerung and isinstance(abk, bool)

    for p in d["decision_papers"]:
        for c in p["consultations"]:
            assert c["committee"] in gremien, c
            assert c["meeting_date"] in sitzungen[c["committee"]], c
            assert c["role"] in {"vorberatung", "entscheidung", "kenntnisnahme"}
        assert sum(1 for c in p["consultations"] if c["authoritative"]) == 1

    print(
        f"{d['name']}: {len(akteure)} Akteure, {len(d['measures'])} Maßnahmen, "
        f"{n_ind} Kennzahlen, {n_mess} Messwerte, {n_hinten} Kennzahlen hinter Ziel; "
        f"fehlende Pflicht-Akteurstypen: {fehlende_pflicht or 'keine'}"
    )
    return fehlende_pflicht


if __name__ == "__main__":
    _selbstpruefung(DISTRICT)
    # Seed 003: Workshops April/Mai 2014 mit etwa 160 Personen, Frist 01.10.2014, Kreistag 18.07.2013
    _ws = [
        e
        for e in DISTRICT["participation_events"]
        if e["kind"] == "workshop" and e["date"].year == 2014
    ]
    assert len(_ws) == 5 and sum(e["participants"] for e in _ws) == 160
    assert all(e["date"].month in (4, 5) for e in _ws)
    assert DISTRICT["concept_versions"][0]["deadline"] == date(2014, 10, 1)
    assert any(p["start_year"] == 2014 for p in DISTRICT["work_periods"])
    assert "mso" not in {a["type"] for a in DISTRICT["actors"]}
