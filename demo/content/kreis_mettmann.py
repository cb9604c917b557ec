"""Demo-Inhalte für den Kreis Mettmann (Kreisintegrationszentrum Mettmann).

Grundlage: Beschlussvorlage 50/020/2015 „Kreisintegrationszentrum - Integrationskonzept für den
Kreis Mettmann“ vom 02.04.2015 (Seed 001) und Eckpunktepapier vom 29.02.2012 (Seed 002).
Handlungsfelder, Beratungsfolge, Fristen und Beteiligungszahlen stammen aus dem Seed; Personen,
Kennzahlen und spätere Termine sind erfundenes, aber realistisches Demomaterial (fiktive Namen,
E-Mail-Adressen unter example.org). Reine Python-Daten, keine Django-Importe.
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


# Handlungsfelder laut Seed 001 (sechs Handlungsfelder + zwei Querschnittsaspekte)
HF_SPRACHE = "Sprache"
HF_BILDUNG = "Bildung und Ausbildung"
HF_ARBEIT = "Wirtschaft und Arbeit"
HF_KULTUR = "Kultur"
HF_SPORT = "Sport"
HF_SICHER = "Zusammenleben in Sicherheit"
HF_IKOE = "Interkulturelle Öffnung"
HF_NETZ = "Vernetzung"

ZG_U3 = "Kinder im Alter von 1–3 Jahren und ihre Eltern"
ZG_KITA = "Kinder im Alter von 4–6 Jahren und ihre Eltern"
ZG_GS = "Grundschulkinder und ihre Eltern"
ZG_SEI = "Neu zugewanderte Schülerinnen und Schüler"
ZG_JUGEND = "Junge Geflüchtete im Übergang Schule–Beruf"
ZG_LEHR = "Lehrkräfte"
ZG_KITAFACH = "Pädagogische Fachkräfte in Kindertageseinrichtungen"
ZG_VERW = "Beschäftigte der Kreisverwaltung"
ZG_FACHKR = "Zugewanderte mit ausländischem Berufsabschluss"
ZG_GEFL = "Geflüchtete Menschen"
ZG_EHRENAMT = "Ehrenamtlich Engagierte"
ZG_MSO = "Migrantenorganisationen"
ZG_VEREINE = "Sportvereine"
ZG_JUNG = "Jugendliche in den Quartieren"

ALLE = [
    "Erkrath",
    "Haan",
    "Heiligenhaus",
    "Hilden",
    "Langenfeld (Rhld.)",
    "Mettmann",
    "Monheim am Rhein",
    "Ratingen",
    "Velbert",
    "Wülfrath",
]
AGS = {"Hilden": "05158016"}  # einzige bekannte AGS; übrige bleiben leer (keine Ziffern erfinden)

A_SCHULAMT = "Schulamt für den Kreis Mettmann"
A_SCHULVERW = "Schulverwaltungsamt der Stadt Velbert"
A_JUGEND = "Kreisjugendamt Mettmann"
A_CARITAS = "Caritasverband für den Kreis Mettmann e.V."
A_AWO = "AWO Kreisverband Mettmann e.V."
A_IR_VELBERT = "Integrationsrat der Stadt Velbert"
A_IR_HILDEN = "Integrationsrat der Stadt Hilden"
A_MSO = "Verbund der Migrantenorganisationen im Kreis Mettmann"
A_IA = "Integrationsagentur der Caritas im Kreis Mettmann"
A_KSB = "Kreissportbund Mettmann e.V."
A_FWA = "Freiwilligenagentur Heiligenhaus"
A_AA = "Agentur für Arbeit Mettmann"
A_JC = "Jobcenter ME-aktiv"
A_ABH = "Ausländerbehörde des Kreises Mettmann"
A_BAMF = "Bundesamt für Migration und Flüchtlinge – Regionalkoordination"
A_POL = "Kreispolizeibehörde Mettmann"
A_VHS = "VHS Hilden-Haan"
A_KITA = "Familienzentrum Kita Sandberg Monheim am Rhein"

P15_SPRACHE = "Sprachförderung entlang der Bildungskette"
P15_SEI = "Schulische Integration neu zugewanderter und geflüchteter Kinder"
P15_IKOE = "Interkulturelle Öffnung der Kreisverwaltung"
P15_NETZ = "Vernetzung der Integrationsakteure in den zehn kreisangehörigen Städten"
P21_PANDEMIE = "Bildungszugänge während und nach der Pandemie sichern"
P21_AUSB = "Übergang Schule–Beruf für junge Geflüchtete"
P21_KIM = "Kommunales Integrationsmanagement einführen"
P21_SICHER = "Zusammenleben in Sicherheit – Prävention im Quartier"
P25_FRUEH = "Frühe sprachliche Bildung in Kita und Familienzentrum"
P25_SEI = "Schulplatzversorgung neu zugewanderter Kinder beschleunigen"
P25_AUSB = "Ausbildung junger Zugewanderter sichern"
P25_CM = "Case Management in allen zehn Städten"
P25_IKOE = "Interkulturelle Öffnung von Verwaltung, Kultur und Sport"
P25_SICHER = "Zusammenleben in Sicherheit und Demokratieförderung"

RAHMEN_2007 = 0
KONZEPT_2015 = 1
FORTSCHREIBUNG_2026 = 2

SITZ_KREISHAUS = "Kreishaus Mettmann, Großer Sitzungssaal"
SITZ_KLEIN = "Kreishaus Mettmann, Sitzungsraum 1.131"

DISTRICT = {
    "name": "Kreis Mettmann",
    "slug": "kreis-mettmann",
    "official_key": "05158",
    "municipalities": [(name, AGS.get(name, "")) for name in ALLE],
    "fields_of_action": [
        {
            "name": HF_SPRACHE,
            "cross_cutting": False,
            "description": "Erwerb der deutschen Sprache von der frühen Bildung bis ins Erwachsenenalter, Wertschätzung "
            "der Familiensprachen, Sprachmittlung.",
        },
        {
            "name": HF_BILDUNG,
            "cross_cutting": False,
            "description": "Bildungsbeteiligung entlang der Bildungskette: Kita, Schule, Seiteneinstieg, Übergang in "
            "Ausbildung und Studium.",
        },
        {
            "name": HF_ARBEIT,
            "cross_cutting": False,
            "description": "Zugang zu Ausbildung und Arbeit, Anerkennung ausländischer Berufsabschlüsse, Zusammenarbeit "
            "mit Jobcenter ME-aktiv, Agentur für Arbeit und Wirtschaft.",
        },
        {
            "name": HF_KULTUR,
            "cross_cutting": False,
            "description": "Kulturelle Vielfalt sichtbar machen, kulturelle Einrichtungen für Menschen mit "
            "Migrationsgeschichte öffnen.",
        },
        {
            "name": HF_SPORT,
            "cross_cutting": False,
            "description": "Integration im und durch Sport; Vereine als Orte der Begegnung und des Ehrenamts.",
        },
        {
            "name": HF_SICHER,
            "cross_cutting": False,
            "description": "Auf Wunsch des Arbeitskreises Integrationskonzept und der Workshop-Beteiligten neu "
            "aufgenommenes, differenziertes Handlungsfeld: friedliches Zusammenleben, Prävention von "
            "Extremismus und Fremdenfeindlichkeit, Zusammenarbeit mit der Kreispolizeibehörde.",
        },
        {
            "name": HF_IKOE,
            "cross_cutting": True,
            "description": "Querschnittsaspekt in allen Handlungsfeldern: interkulturelle Öffnung von Verwaltung, "
            "Einrichtungen und Diensten.",
        },
        {
            "name": HF_NETZ,
            "cross_cutting": True,
            "description": "Querschnittsaspekt in allen Handlungsfeldern: Vernetzung der Integrationsakteure aus allen "
            "kreisangehörigen Städten, Koordinierungskreis Integration, Integrationskonferenz.",
        },
    ],
    "target_groups": [
        ZG_U3,
        ZG_KITA,
        ZG_GS,
        ZG_SEI,
        ZG_JUGEND,
        ZG_LEHR,
        ZG_KITAFACH,
        ZG_VERW,
        ZG_FACHKR,
        ZG_GEFL,
        ZG_EHRENAMT,
        ZG_MSO,
        ZG_VEREINE,
        ZG_JUNG,
    ],
    "concept_versions": [
        {
            # Beschlussdatum aus den Seeds nicht bekannt (nur Vorlage 50/034/2007). Eine abgelöste
            # Fassung braucht eines (Constraint conceptversion_adopted_has_decision_date); der Tag
            # (Montag, Sitzungstag des Kreistags) ist Demo-Annahme.
            "title": "Rahmenkonzept Integration 2007",
            "status": "abgeloest",
            "decided_on": date(2007, 12, 17),
            "submitted_on": None,
            "deadline": None,
            "sections": [
                (
                    "1. Ausrichtung des Rahmenkonzepts",
                    "Das Rahmenkonzept Integration (vgl. Vorlage 50/034/2007) war verstärkt auf die "
                    "Kreisverwaltung Mettmann ausgerichtet. Es diente zugleich den kreisangehörigen Städten "
                    "als Grundlage zur Ergänzung ihrer eigenen Integrationsarbeit.\n\n"
                    "Der vollständige Text liegt nur als Altdokument vor; in dieser Anwendung ist das "
                    "Rahmenkonzept als historische Fassung hinterlegt.",
                ),
                (
                    "2. Fortschreibung",
                    "Mit der Bewilligung des Kommunalen Integrationszentrums zum 19.12.2012 verband das Land "
                    "die Bedingung, das Rahmenkonzept Integration von 2007 fortzuschreiben bzw. ein neues "
                    "Integrationskonzept zu erstellen und bis zum 30.06.2015 vorzulegen. Das "
                    "Integrationskonzept 2015 hat das Rahmenkonzept abgelöst und wendet sich an alle "
                    "Integrationsakteure im Kreis Mettmann.",
                ),
            ],
        },
        {
            "title": "Integrationskonzept für den Kreis Mettmann 2015",
            "status": "beschlossen",
            "decided_on": date(2015, 6, 22),
            # Entwurf ging laut Seed "bereits im Dezember 2014" an das MAIS; Tag nicht überliefert.
            "submitted_on": None,
            "deadline": date(2015, 6, 30),
            "sections": [
                (
                    "1. Anlass und Auftrag",
                    "Der Kreistag hat am 18.12.2012 die Einrichtung eines Kommunalen Integrationszentrums "
                    "unter der Bezeichnung **„Kreisintegrationszentrum Mettmann“** einstimmig beschlossen; "
                    "die Bewilligung durch das Land erfolgte zum 19.12.2012. Daran war die Bedingung "
                    "geknüpft, das Rahmenkonzept Integration von 2007 fortzuschreiben bzw. ein neues "
                    "Integrationskonzept zu erstellen und bis zum **30.06.2015** vorzulegen.\n\n"
                    "Weil das Rahmenkonzept verstärkt auf die Kreisverwaltung ausgerichtet war, wendet sich "
                    "das Integrationskonzept 2015 an alle Integrationsakteure im Kreis Mettmann. Es soll "
                    "dazu dienen, Integration gemeinsam voranzubringen und Ziele bedarfsorientiert "
                    "aufeinander abzustimmen.",
                ),
                (
                    "2. Integration im Wandel",
                    "Migration und Integration unterliegen einem stetigen Wandel. Integration hat das Ziel, "
                    "ein zufriedenes Zusammenleben der Menschen in einer Gesellschaft in Vielfalt zu "
                    "schaffen und sicherzustellen.\n\n"
                    "Um die Integrationsarbeit zielgerichtet auf die Bedarfe auszurichten, sind die "
                    "Erstellung und die **ständige Fortschreibung** des Integrationskonzeptes – und damit "
                    "die Anpassung an sich verändernde gesellschaftliche, politische und soziale "
                    "Bedingungen – eine wichtige Aufgabe.",
                ),
                (
                    "3. Entstehung und Beteiligung",
                    "Der **Koordinierungskreis Integration** – die zentrale Arbeits- und "
                    "Austauschplattform unter Leitung des Kreisdirektors – befasste sich im Oktober 2013 mit "
                    "der Fortschreibung. Anfang 2014 entstand daraus der **Arbeitskreis "
                    "Integrationskonzept** mit Vertretern der Kreis- und Stadtverwaltungen, der Schul- und "
                    "Jugendbereiche, der Wohlfahrt, des Jobcenters, der Migrantenorganisationen und der "
                    "Kreispolizeibehörde.\n\n"
                    "Zur Konkretisierung wurden vier Facharbeitsgruppen gebildet; in Workshops diskutierten "
                    "Expertinnen und Experten Inhalte und Ziele der Handlungsfelder. Insgesamt haben "
                    "kreisweit **über 50 Beteiligte aus ca. 40 Institutionen** mitgewirkt. Der Entwurf "
                    "wurde wie mit dem MAIS vereinbart bereits im Dezember 2014 dem Ministerium vorgelegt; "
                    "der Kreistagsbeschluss wird bis Juni 2015 nachgereicht.",
                ),
                (
                    "4. Handlungsfelder",
                    "Nach Überprüfung des Rahmenkonzeptes von 2007 wurden folgende Handlungsfelder "
                    "bestätigt bzw. festgelegt:\n\n"
                    "1. Sprache\n2. Bildung und Ausbildung\n3. Wirtschaft und Arbeit\n4. Kultur\n"
                    "5. Sport\n6. Zusammenleben in Sicherheit\n\n"
                    "Neben klassischen Handlungsfeldern wie „Bildung/Ausbildung“ und „Wirtschaft/Arbeit“ "
                    "führt das Konzept auf Wunsch des Arbeitskreises und der Workshop-Beteiligten das neue "
                    "und bisher unberücksichtigte Handlungsfeld **„Zusammenleben in Sicherheit“** auf.",
                ),
                (
                    "5. Querschnittsaspekte: Interkulturelle Öffnung und Vernetzung",
                    "Um Integration im Querschnitt in allen Arbeitsfeldern zu berücksichtigen, wurden die "
                    "Aspekte **„Interkulturelle Öffnung“** und **„Vernetzung“** benannt und ausgearbeitet. "
                    "Sie gelten für jedes Handlungsfeld und für jede Maßnahme des Katalogs.\n\n"
                    "Die Schwerpunkte „Integration durch Bildung“ und „Integration als kommunale "
                    "Querschnittsaufgabe“ nach dem Teilhabe- und Integrationsgesetz werden über die "
                    "Handlungsfelder abgebildet.",
                ),
                (
                    "6. Ausblick",
                    "Das „Integrationskonzept Kreis Mettmann 2015“ wird nach Beschlussfassung durch den "
                    "Kreistag als Broschüre und auf der Internetseite des Kreises veröffentlicht und "
                    "fristgerecht dem Land NRW, allen Beteiligten sowie den sozialen Akteuren und "
                    "politischen Vertretungen zur Verfügung gestellt.\n\n"
                    "Es ist eine wichtige Grundlage, um Maßnahmen und Arbeitsinhalte für die kommenden Jahre "
                    "zu planen und umzusetzen, und dient allen am gesellschaftlichen, sozialen und "
                    "wirtschaftlichen Handeln Beteiligten als Austausch- und Arbeitsgrundlage.",
                ),
            ],
        },
        {
            "title": "Integrationskonzept für den Kreis Mettmann – Fortschreibung 2026",
            "status": "in_abstimmung",
            "decided_on": None,
            "submitted_on": None,
            "deadline": date(2027, 6, 30),
            "sections": [
                (
                    "1. Anlass der Fortschreibung",
                    "Das Integrationskonzept 2015 sah seine ständige Fortschreibung ausdrücklich vor. Seit "
                    "2015 haben die Fluchtzuwanderung, die Pandemie und die Aufnahme von Schutzsuchenden aus "
                    "der Ukraine die Integrationsarbeit in den zehn kreisangehörigen Städten stark verändert. "
                    "Die Fortschreibung 2026 überprüft die Handlungsfelder, bündelt die Erfahrungen aus "
                    "zehn Jahren und legt die Arbeitsschwerpunkte 2025/26 fest.",
                ),
                (
                    "2. Rechtsrahmen: TIntG NRW 2021",
                    "Seit dem 01.01.2022 gilt das **Teilhabe- und Integrationsgesetz NRW vom 25.11.2021**. "
                    "**§ 8** fördert Kommunale Integrationszentren in Kreisen, die über ein "
                    "Integrationskonzept verfügen; sie unterstützen im Einvernehmen mit den Städten Angebote "
                    "in Kita, Schule und im Übergang Schule–Beruf und koordinieren Angebote und Ehrenamt.\n\n"
                    "**§ 9** fördert das **Kommunale Integrationsmanagement (KIM)**. Der Kreis bindet die "
                    "Städte auf der Grundlage eines gemeinsamen Integrationskonzepts ein; diese "
                    "Fortschreibung ist zugleich diese gemeinsame Grundlage.",
                ),
                (
                    "3. Beteiligungsverfahren 2026",
                    "Wie 2014 wurden Facharbeitsgruppen zu den Handlungsfeldern gebildet; der Arbeitskreis "
                    "Integrationskonzept und der Koordinierungskreis Integration haben den Prozess begleitet. "
                    "Die Integrationskonferenz im Herbst 2026 hat die Entwürfe beraten. Jede Stadt hat ihre "
                    "örtlichen Prioritäten über die kommunale Ansprechperson gemeldet.",
                ),
                (
                    "4. Handlungsfelder",
                    "Die sechs Handlungsfelder Sprache, Bildung und Ausbildung, Wirtschaft und Arbeit, "
                    "Kultur, Sport sowie Zusammenleben in Sicherheit werden bestätigt. Das Handlungsfeld "
                    "**Zusammenleben in Sicherheit** wird um Demokratieförderung und den Schutz vor "
                    "Diskriminierung erweitert. Interkulturelle Öffnung und Vernetzung bleiben "
                    "Querschnittsaspekte.",
                ),
                (
                    "5. Arbeitsschwerpunkte 2025/26",
                    "**Integration durch Bildung:** frühe sprachliche Bildung in Kita und Familienzentrum, "
                    "schnellere Schulplatzversorgung neu zugewanderter Kinder, Ausbildung junger "
                    "Zugewanderter sichern.\n\n"
                    "**Integration als kommunale Querschnittsaufgabe:** Case Management in allen zehn "
                    "Städten, interkulturelle Öffnung von Verwaltung, Kultur und Sport, Zusammenleben in "
                    "Sicherheit und Demokratieförderung.",
                ),
                (
                    "6. Steuerung und Berichtswesen",
                    "Die Steuerungsgruppe Integration durch Bildung und der Koordinierungskreis Integration "
                    "steuern je einen Schwerpunkt. Jede Maßnahme ist mit Zielen, Wirkungen, Zielgruppen, "
                    "Laufzeit und Kennzahlen hinterlegt. Der Sozialausschuss erhält jährlich einen "
                    "Sachstandsbericht; die Fortschreibung geht über Sozialausschuss und Kreisausschuss an "
                    "den Kreistag.",
                ),
            ],
        },
    ],
    "work_periods": [
        {
            "kind": "kalender",
            "start_year": 2015,
            "priorities": [
                {
                    "focus": "bildung",
                    "title": P15_SPRACHE,
                    "description": "Griffbereit und Rucksack in allen zehn Städten anbieten; Fortbildung von Fach- und Lehrkräften.",
                },
                {
                    "focus": "bildung",
                    "title": P15_SEI,
                    "description": "Seiteneinsteigerberatung für die stark steigende Zahl geflüchteter Kinder und Jugendlicher.",
                },
                {
                    "focus": "querschnitt",
                    "title": P15_IKOE,
                    "description": "Schulungen für Beschäftigte der Kreisverwaltung mit Publikumsverkehr.",
                },
                {
                    "focus": "querschnitt",
                    "title": P15_NETZ,
                    "description": "Koordinierungskreis Integration und Integrationskonferenz als kreisweite Plattformen nutzen.",
                },
            ],
        },
        {
            "kind": "kalender",
            "start_year": 2021,
            "priorities": [
                {
                    "focus": "bildung",
                    "title": P21_PANDEMIE,
                    "description": "Elternarbeit und Seiteneinstieg auch unter Pandemiebedingungen fortführen, digitale Formate.",
                },
                {
                    "focus": "bildung",
                    "title": P21_AUSB,
                    "description": "Junge Geflüchtete beim Übergang in Ausbildung begleiten.",
                },
                {
                    "focus": "querschnitt",
                    "title": P21_KIM,
                    "description": "KIM nach § 9 TIntG NRW mit den Städten und dem Jobcenter ME-aktiv aufbauen.",
                },
                {
                    "focus": "querschnitt",
                    "title": P21_SICHER,
                    "description": "Präventionsnetzwerk mit der Kreispolizeibehörde und den Städten aufbauen.",
                },
            ],
        },
        {
            "kind": "kalender",
            "start_year": 2025,
            "priorities": [
                {
                    "focus": "bildung",
                    "title": P25_FRUEH,
                    "description": "Griffbereit und Rucksack KiTa in Stadtteilen mit hohem Zuzug ausbauen.",
                },
                {
                    "focus": "bildung",
                    "title": P25_SEI,
                    "description": "Wartezeiten zwischen Beratung und Schulplatz auf höchstens sechs Wochen senken.",
                },
                {
                    "focus": "bildung",
                    "title": P25_AUSB,
                    "description": "Ausbildungslotsen und Anerkennungsberatung verzahnen.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_CM,
                    "description": "Rechtskreisübergreifendes Case Management in allen zehn Städten verankern.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_IKOE,
                    "description": "Interkulturelle Öffnung über die Kreisverwaltung hinaus auf Kultur und Sport ausweiten.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_SICHER,
                    "description": "Demokratieförderung und Diskriminierungsschutz im Handlungsfeld Zusammenleben in Sicherheit.",
                },
            ],
        },
    ],
    "actors": [
        {
            "name": A_SCHULAMT,
            "type": "schulaufsicht",
            "municipality": "Mettmann",
            "fields_of_action": [HF_BILDUNG, HF_SPRACHE],
            "target_groups": [ZG_SEI, ZG_LEHR],
            "description": "Untere Schulaufsicht; Zuweisung neu zugewanderter Schülerinnen und Schüler an Grundschulen.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Barbara Lindemann",
                    "function": "Schulrätin",
                    "email": "b.lindemann@example.org",
                    "phone": "+49 2104 99-4310",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_SCHULVERW,
            "type": "schulverwaltung",
            "municipality": "Velbert",
            "fields_of_action": [HF_BILDUNG],
            "target_groups": [ZG_SEI],
            "description": "Örtliche Schulverwaltung der größten kreisangehörigen Stadt; Schulplatzplanung.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Uwe Kasprzak",
                    "function": "Abteilungsleitung Schulverwaltung",
                    "email": "u.kasprzak@example.org",
                    "phone": "+49 2051 26-2480",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_JUGEND,
            "type": "jugendhilfe",
            "municipality": None,
            "fields_of_action": [HF_SPRACHE, HF_SICHER],
            "target_groups": [ZG_U3, ZG_KITA, ZG_JUNG],
            "description": "Träger der öffentlichen Jugendhilfe; Kita-Fachberatung und Jugendarbeit.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Kerstin Wollenweber",
                    "function": "Kita-Fachberatung",
                    "email": "k.wollenweber@example.org",
                    "phone": "+49 2104 99-2170",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_CARITAS,
            "type": "wohlfahrtsverband",
            "municipality": None,
            "fields_of_action": [HF_SPRACHE, HF_ARBEIT],
            "target_groups": [ZG_GEFL, ZG_U3],
            "description": "Migrationsdienste, Flüchtlingsberatung und Träger von Griffbereit-Gruppen.",
            "published": True,
            "offers": [
                {
                    "title": "Flüchtlingsberatung",
                    "description": "Asyl- und Perspektivberatung für Geflüchtete.",
                    "target_groups": [ZG_GEFL],
                    "municipalities": ["Mettmann", "Erkrath", "Wülfrath"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Miriam Okafor",
                    "function": "Fachbereichsleitung Migration",
                    "email": "m.okafor@example.org",
                    "phone": "+49 2104 9262-40",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_AWO,
            "type": "wohlfahrtsverband",
            "municipality": None,
            "fields_of_action": [HF_BILDUNG, HF_SICHER],
            "target_groups": [ZG_JUNG, ZG_GS],
            "description": "Jugendmigrationsdienst und offene Ganztagsangebote.",
            "published": True,
            "offers": [
                {
                    "title": "Jugendmigrationsdienst",
                    "description": "Begleitung junger Zugewanderter von 12 bis 27 Jahren.",
                    "target_groups": [ZG_JUGEND, ZG_JUNG],
                    "municipalities": ["Ratingen", "Velbert", "Heiligenhaus"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Sven Overbeck",
                    "function": "Jugendmigrationsdienst",
                    "email": "s.overbeck@example.org",
                    "phone": "+49 2102 1688-23",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_IR_VELBERT,
            "type": "integrationsrat",
            "municipality": "Velbert",
            "fields_of_action": [HF_NETZ, HF_SICHER],
            "target_groups": [ZG_MSO],
            "description": "Integrationsrat der Stadt Velbert; Mitglied im Koordinierungskreis Integration.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Hasan Çelik",
                    "function": "Vorsitzender",
                    "email": "h.celik@example.org",
                    "phone": "+49 2051 26-2211",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_IR_HILDEN,
            "type": "integrationsrat",
            "municipality": "Hilden",
            "fields_of_action": [HF_NETZ],
            "target_groups": [ZG_MSO],
            "description": "Integrationsrat der Stadt Hilden.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Marta Wiśniewska",
                    "function": "Vorsitzende",
                    "email": "m.wisniewska@example.org",
                    "phone": "+49 2103 72-1160",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_MSO,
            "type": "mso",
            "municipality": None,
            "fields_of_action": [HF_KULTUR, HF_SPRACHE, HF_NETZ],
            "target_groups": [ZG_MSO],
            "description": "Zusammenschluss von Migrantenorganisationen aus allen zehn Städten; vertreten im "
            "Arbeitskreis Integrationskonzept.",
            "published": True,
            "offers": [
                {
                    "title": "Interkulturelles Sommerfest",
                    "description": "Jährliches Fest der Kulturvereine mit Bühnenprogramm.",
                    "target_groups": [ZG_MSO, ZG_EHRENAMT],
                    "municipalities": ["Langenfeld (Rhld.)"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Youssef El Amrani",
                    "function": "Sprecher",
                    "email": "y.elamrani@example.org",
                    "phone": "+49 2173 39-8811",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_IA,
            "type": "landesstruktur",
            "municipality": "Mettmann",
            "fields_of_action": [HF_IKOE, HF_SICHER],
            "target_groups": [ZG_MSO, ZG_EHRENAMT],
            "description": "Landesgeförderte Integrationsagentur; Schwerpunkt interkulturelle Öffnung.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Carina Pütz",
                    "function": "Integrationsagentur",
                    "email": "c.puetz@example.org",
                    "phone": "+49 2104 9262-55",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_KSB,
            "type": "sport",
            "municipality": None,
            "fields_of_action": [HF_SPORT],
            "target_groups": [ZG_VEREINE, ZG_GEFL],
            "description": "Dachverband der Sportvereine; Programm „Integration durch Sport“.",
            "published": True,
            "offers": [
                {
                    "title": "Vereinslotsen",
                    "description": "Ehrenamtliche Lotsen begleiten Neuzugewanderte in Sportvereine.",
                    "target_groups": [ZG_GEFL, ZG_VEREINE],
                    "municipalities": [],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Oliver Hambloch",
                    "function": "Referent Sportentwicklung",
                    "email": "o.hambloch@example.org",
                    "phone": "+49 2103 2506-14",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_FWA,
            "type": "freiwilligenagentur",
            "municipality": "Heiligenhaus",
            "fields_of_action": [HF_NETZ],
            "target_groups": [ZG_EHRENAMT],
            "description": "Vermittlung und Qualifizierung von Ehrenamtlichen.",
            "published": False,
            "offers": [],
            "contacts": [
                {
                    "name": "Renate Stöcker",
                    "function": "Koordination",
                    "email": "r.stoecker@example.org",
                    "phone": "+49 2056 13-380",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_AA,
            "type": "agentur_fuer_arbeit",
            "municipality": "Mettmann",
            "fields_of_action": [HF_ARBEIT, HF_BILDUNG],
            "target_groups": [ZG_JUGEND, ZG_FACHKR],
            "description": "Berufsberatung, Ausbildungsvermittlung, Arbeitgeber-Service.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Dennis Schäfermeier",
                    "function": "Teamleitung Berufsberatung",
                    "email": "d.schaefermeier@example.org",
                    "phone": "+49 2104 170-233",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_JC,
            "type": "jobcenter",
            "municipality": None,
            "fields_of_action": [HF_ARBEIT],
            "target_groups": [ZG_GEFL, ZG_FACHKR],
            "description": "Jobcenter für den Kreis Mettmann; Mitglied im Koordinierungskreis Integration.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Anja Terhorst",
                    "function": "Migrationsbeauftragte",
                    "email": "a.terhorst@example.org",
                    "phone": "+49 2104 9795-120",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_ABH,
            "type": "auslaenderbehoerde",
            "municipality": "Mettmann",
            "fields_of_action": [HF_IKOE],
            "target_groups": [ZG_GEFL, ZG_FACHKR],
            "description": "Ausländerbehörde des Kreises; KIM-Stellen nach § 9 TIntG NRW.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Michael Strunk",
                    "function": "Sachgebietsleitung",
                    "email": "m.strunk@example.org",
                    "phone": "+49 2104 99-3340",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_BAMF,
            "type": "bamf",
            "municipality": None,
            "fields_of_action": [HF_SPRACHE, HF_NETZ],
            "target_groups": [ZG_GEFL],
            "description": "Regionalkoordination des Bundesamts; Mitglied im Koordinierungskreis Integration.",
            "published": False,
            "offers": [],
            "contacts": [
                {
                    "name": "Jana Kühnert",
                    "function": "Regionalkoordinatorin",
                    "email": "j.kuehnert@example.org",
                    "phone": "+49 211 9438-214",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_POL,
            "type": "sonstige",
            "municipality": "Mettmann",
            "fields_of_action": [HF_SICHER],
            "target_groups": [ZG_JUNG],
            "description": "Kreispolizeibehörde; Kriminalprävention und Opferschutz; Mitglied im "
            "Arbeitskreis Integrationskonzept.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Thorsten Reuvers",
                    "function": "Kriminalprävention",
                    "email": "t.reuvers@example.org",
                    "phone": "+49 2104 982-5510",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_VHS,
            "type": "bildungstraeger",
            "municipality": "Hilden",
            "fields_of_action": [HF_SPRACHE],
            "target_groups": [ZG_GEFL],
            "description": "Volkshochschule; Integrations- und Berufssprachkurse.",
            "published": True,
            "offers": [
                {
                    "title": "Integrationskurs mit Kinderbetreuung",
                    "description": "Vormittagskurs mit paralleler Kinderbetreuung.",
                    "target_groups": [ZG_GEFL],
                    "municipalities": ["Hilden", "Haan"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Sandra Pohlmann",
                    "function": "Fachbereich Deutsch",
                    "email": "s.pohlmann@example.org",
                    "phone": "+49 2103 500-731",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_KITA,
            "type": "kita",
            "municipality": "Monheim am Rhein",
            "fields_of_action": [HF_SPRACHE],
            "target_groups": [ZG_U3, ZG_KITA],
            "description": "Familienzentrum mit Griffbereit- und Rucksack-KiTa-Gruppen.",
            "published": True,
            "offers": [
                {
                    "title": "Rucksack-KiTa-Gruppe",
                    "description": "Wöchentliche Elterngruppe auf Türkisch und Arabisch.",
                    "target_groups": [ZG_KITA],
                    "municipalities": ["Monheim am Rhein"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Claudia Niehaus",
                    "function": "Leitung",
                    "email": "c.niehaus@example.org",
                    "phone": "+49 2173 951-640",
                    "consent": True,
                }
            ],
        },
    ],
    "staff_posts": [
        {
            "title": "Leitung / Lehrkraft",
            "holder": "Dr. Katrin Weyers",
            "profession": "lehrkraft",
            "fte": 1.0,
            "funding": "land",
            "head": True,
            "deputy": False,
        },
        {
            "title": "Lehrkraft Seiteneinstieg",
            "holder": "Ömer Aydın",
            "profession": "lehrkraft",
            "fte": 1.0,
            "funding": "land",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Stellvertretende Leitung / Pädagogische Fachkraft",
            "holder": "Anne Thelen",
            "profession": "paedagogik",
            "fte": 1.0,
            "funding": "kreis",
            "head": False,
            "deputy": True,
        },
        {
            "title": "Pädagogische Fachkraft Elternbildung",
            "holder": "Irina Becker",
            "profession": "paedagogik",
            "fte": 0.5,
            "funding": "kreis",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Verwaltungsfachkraft",
            "holder": "Jürgen Kallweit",
            "profession": "verwaltung",
            "fte": 1.0,
            "funding": "kreis",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Assistenz",
            "holder": "Melanie Dreßen",
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
                (date(2012, 12, 18), SITZ_KREISHAUS, True),
                (date(2015, 6, 22), SITZ_KREISHAUS, True),
                (date(2026, 3, 23), SITZ_KREISHAUS, True),
                (date(2026, 6, 29), SITZ_KREISHAUS, True),
                (date(2026, 12, 14), SITZ_KREISHAUS, True),
                (date(2027, 3, 22), SITZ_KREISHAUS, True),
            ],
        },
        {
            "name": "Kreisausschuss",
            "kind": "kreisausschuss",
            "focus": None,
            "members": [],
            "meetings": [
                (date(2015, 6, 15), SITZ_KLEIN, False),
                (date(2026, 3, 9), SITZ_KLEIN, False),
                (date(2026, 6, 15), SITZ_KLEIN, False),
                (date(2026, 11, 30), SITZ_KLEIN, False),
                (date(2027, 3, 8), SITZ_KLEIN, False),
            ],
        },
        {
            "name": "Sozialausschuss",
            "kind": "fachausschuss",
            "focus": None,
            "members": [],
            "meetings": [
                (date(2015, 5, 11), SITZ_KLEIN, True),
                (date(2026, 2, 23), SITZ_KLEIN, True),
                (date(2026, 5, 18), SITZ_KLEIN, True),
                (date(2026, 11, 16), SITZ_KLEIN, True),
                (date(2027, 2, 15), SITZ_KLEIN, True),
            ],
        },
        {
            "name": "Steuerungsgruppe Integration durch Bildung",
            "kind": "steuerungsgremium",
            "focus": "bildung",
            "members": [A_SCHULAMT, A_SCHULVERW, A_JUGEND, A_KITA, A_AA],
            "meetings": [
                (date(2026, 1, 28), "Kreisintegrationszentrum, Mettmann", False),
                (date(2026, 5, 6), "Rathaus Ratingen", False),
                (date(2026, 9, 16), "Kreisintegrationszentrum, Mettmann", False),
                (date(2027, 1, 27), "Rathaus Langenfeld", False),
            ],
        },
        {
            "name": "Koordinierungskreis Integration",
            "kind": "steuerungsgremium",
            "focus": "querschnitt",
            "members": [
                A_CARITAS,
                A_AWO,
                A_IR_VELBERT,
                A_IR_HILDEN,
                A_MSO,
                A_JC,
                A_POL,
                A_BAMF,
                A_JUGEND,
            ],
            "meetings": [
                (date(2026, 2, 4), SITZ_KLEIN, False),
                (date(2026, 6, 10), SITZ_KLEIN, False),
                (date(2026, 10, 21), SITZ_KLEIN, False),
                (date(2027, 2, 3), SITZ_KLEIN, False),
            ],
        },
        {
            "name": "Arbeitskreis Integrationskonzept",
            "kind": "arbeitskreis",
            "focus": None,
            "members": [A_SCHULAMT, A_JUGEND, A_CARITAS, A_AWO, A_JC, A_MSO, A_POL],
            "meetings": [
                (date(2026, 1, 21), "Kreisintegrationszentrum, Mettmann", False),
                (date(2026, 4, 15), "Kreisintegrationszentrum, Mettmann", False),
                (date(2026, 8, 26), "Kreisintegrationszentrum, Mettmann", False),
                (date(2027, 1, 13), "Kreisintegrationszentrum, Mettmann", False),
            ],
        },
        {
            "name": "Projektbeirat Zusammenleben in Sicherheit",
            "kind": "projektbeirat",
            "focus": "querschnitt",
            "members": [A_POL, A_IA, A_AWO, A_IR_VELBERT],
            "meetings": [
                (date(2026, 3, 25), "Kreispolizeibehörde Mettmann", False),
                (date(2026, 9, 30), "Kreispolizeibehörde Mettmann", False),
            ],
        },
    ],
    "participation_events": [
        # Seed 001: vier Facharbeitsgruppen, über 50 Beteiligte aus ca. 40 Institutionen (Tage erfunden).
        {
            "kind": "arbeitsgruppe",
            "title": "Facharbeitsgruppe Sprache, Bildung und Ausbildung",
            "date": date(2014, 5, 14),
            "field_of_action": HF_BILDUNG,
            "participants": 15,
            "institutions": 11,
        },
        {
            "kind": "arbeitsgruppe",
            "title": "Facharbeitsgruppe Wirtschaft und Arbeit",
            "date": date(2014, 5, 21),
            "field_of_action": HF_ARBEIT,
            "participants": 12,
            "institutions": 9,
        },
        {
            "kind": "arbeitsgruppe",
            "title": "Facharbeitsgruppe Kultur und Sport",
            "date": date(2014, 6, 4),
            "field_of_action": HF_KULTUR,
            "participants": 13,
            "institutions": 10,
        },
        {
            "kind": "arbeitsgruppe",
            "title": "Facharbeitsgruppe Zusammenleben in Sicherheit",
            "date": date(2014, 6, 11),
            "field_of_action": HF_SICHER,
            "participants": 14,
            "institutions": 10,
        },
        {
            "kind": "workshop",
            "title": "Workshop Fortschreibung 2026: Bildung und Sprache",
            "date": date(2026, 4, 22),
            "field_of_action": HF_BILDUNG,
            "participants": 26,
            "institutions": 17,
        },
        {
            "kind": "workshop",
            "title": "Workshop Fortschreibung 2026: Zusammenleben in Sicherheit",
            "date": date(2026, 5, 13),
            "field_of_action": HF_SICHER,
            "participants": 21,
            "institutions": 14,
        },
        {
            "kind": "integrationskonferenz",
            "title": "Integrationskonferenz Kreis Mettmann 2026",
            "date": date(2026, 10, 8),
            "field_of_action": None,
            "participants": 164,
            "institutions": 72,
        },
    ],
    "measures": [
        {
            "title": "Griffbereit",
            "focus": "bildung",
            "field_of_action": HF_SPRACHE,
            "priorities": [P15_SPRACHE, P25_FRUEH],
            "start": date(2015, 9, 1),
            "end": None,
            "goal": "Eltern mit Kindern von 1 bis 3 Jahren fördern die Familiensprache und lernen Angebote der "
            "frühen Bildung kennen.",
            "effect": "Höhere Kita-Besuchsquote von Kindern aus zugewanderten Familien ab drei Jahren.",
            "target_groups": [ZG_U3],
            "status": "laufend",
            "municipalities": [],
            "lead": A_JUGEND,
            "partners": [A_CARITAS, A_KITA],
            "in_versions": [KONZEPT_2015, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende Familien je Kita-Jahr",
                    "unit": "Familien",
                    "baseline": 30,
                    "target": 130,
                    "direction": "up",
                    "land_key": "griffbereit_familien",
                    "measurements": _reihe(
                        "Jahresmeldung Griffbereit",
                        7,
                        31,
                        {
                            2016: 42,
                            2018: 71,
                            2020: 38,
                            2022: 96,
                            2023: 112,
                            2024: 125,
                            2025: 121,
                            2026: 128,
                        },
                    )
                    + _reihe(
                        "Jahresmeldung Griffbereit",
                        7,
                        31,
                        {2024: 21, 2025: 19, 2026: 24},
                        gemeinde="Velbert",
                    )
                    + _reihe(
                        "Jahresmeldung Griffbereit",
                        7,
                        31,
                        {2024: 15, 2025: 17, 2026: 16},
                        gemeinde="Hilden",
                    ),
                },
                {
                    "name": "Griffbereit-Gruppen",
                    "unit": "Gruppen",
                    "baseline": 3,
                    "target": 14,
                    "direction": "up",
                    "land_key": "griffbereit_gruppen",
                    "measurements": _reihe(
                        "Jahresmeldung Griffbereit",
                        7,
                        31,
                        {2016: 4, 2018: 7, 2022: 11, 2024: 13, 2025: 13, 2026: 14},
                    ),
                },
            ],
        },
        {
            "title": "Rucksack KiTa",
            "focus": "bildung",
            "field_of_action": HF_SPRACHE,
            "priorities": [P15_SPRACHE, P25_FRUEH],
            "start": date(2013, 9, 1),
            "end": None,
            "goal": "Eltern von Kindern von 4 bis 6 Jahren unterstützen die Sprachentwicklung parallel zur Kita.",
            "effect": "Engere Erziehungspartnerschaft zwischen Eltern und Kita.",
            "target_groups": [ZG_KITA, ZG_KITAFACH],
            "status": "regelangebot",
            "municipalities": [],
            "lead": A_JUGEND,
            "partners": [A_KITA, A_CARITAS],
            "in_versions": [KONZEPT_2015, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende Familien je Kita-Jahr",
                    "unit": "Familien",
                    "baseline": 60,
                    "target": 190,
                    "direction": "up",
                    "land_key": "rucksack_kita_familien",
                    "measurements": _reihe(
                        "Jahresmeldung Rucksack KiTa",
                        7,
                        31,
                        {
                            2015: 88,
                            2017: 131,
                            2019: (162, "seit 2019 Regelangebot der Familienzentren"),
                            2021: 104,
                            2023: 171,
                            2024: 183,
                            2025: 186,
                            2026: 192,
                        },
                    ),
                },
                {
                    "name": "Rucksack-KiTa-Gruppen",
                    "unit": "Gruppen",
                    "baseline": 6,
                    "target": 20,
                    "direction": "up",
                    "land_key": "rucksack_kita_gruppen",
                    "measurements": _reihe(
                        "Jahresmeldung Rucksack KiTa",
                        7,
                        31,
                        {2015: 9, 2019: 17, 2023: 19, 2024: 20, 2025: 20, 2026: 21},
                    ),
                },
            ],
        },
        {
            "title": "Rucksack Schule",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P15_SPRACHE, P21_PANDEMIE],
            "start": date(2016, 2, 1),
            "end": None,
            "goal": "Wöchentliche Elterngruppen in Grundschulen begleiten die Unterrichtsthemen in der Familiensprache.",
            "effect": "Eltern beteiligen sich stärker am Schulleben.",
            "target_groups": [ZG_GS],
            "status": "laufend",
            "municipalities": ["Velbert", "Ratingen", "Monheim am Rhein", "Langenfeld (Rhld.)"],
            "lead": A_SCHULAMT,
            "partners": [A_MSO, A_AWO],
            "in_versions": [KONZEPT_2015, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Elterngruppen an Grundschulen",
                    "unit": "Gruppen",
                    "baseline": 2,
                    "target": 12,
                    "direction": "up",
                    "land_key": "rucksack_schule_gruppen",
                    "measurements": _reihe(
                        "Schuljahresabfrage",
                        7,
                        31,
                        {
                            2016: 4,
                            2018: 7,
                            2020: (3, "pandemiebedingt digital"),
                            2022: 6,
                            2024: 8,
                            2025: 7,
                            2026: 8,
                        },
                    ),
                },
            ],
        },
        {
            "title": "Seiteneinsteigerberatung",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P15_SEI, P25_SEI],
            "start": date(2013, 8, 1),
            "end": None,
            "goal": "Neu zugewanderte Schülerinnen und Schüler werden beraten und zügig einer Schule zugewiesen.",
            "effect": "Kürzere Wartezeit bis zum ersten Schultag.",
            "target_groups": [ZG_SEI],
            "status": "laufend",
            "municipalities": [],
            "lead": A_SCHULAMT,
            "partners": [A_SCHULVERW, A_ABH],
            "in_versions": [KONZEPT_2015, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Beratene Schülerinnen und Schüler je Schuljahr",
                    "unit": "Schülerinnen und Schüler",
                    "baseline": 320,
                    "target": 700,
                    "direction": "up",
                    "land_key": "seiteneinstieg_beratene",
                    "measurements": _reihe(
                        "Beratungsstatistik Kreisintegrationszentrum",
                        7,
                        31,
                        {
                            2015: 644,
                            2016: 1208,
                            2018: 587,
                            2020: 342,
                            2022: 1391,
                            2023: 912,
                            2024: 736,
                            2025: 688,
                            2026: 702,
                        },
                    )
                    + _reihe(
                        "Beratungsstatistik Kreisintegrationszentrum",
                        7,
                        31,
                        {2025: 131, 2026: 127},
                        gemeinde="Velbert",
                    )
                    + _reihe(
                        "Beratungsstatistik Kreisintegrationszentrum",
                        7,
                        31,
                        {2025: 112, 2026: 119},
                        gemeinde="Ratingen",
                    ),
                },
                {
                    "name": "Durchschnittliche Wartezeit bis zum Schulplatz",
                    "unit": "Wochen",
                    "baseline": "9.5",
                    "target": "6.0",
                    "direction": "down",
                    "land_key": "seiteneinstieg_wartezeit_wochen",
                    "measurements": _reihe(
                        "Beratungsstatistik Kreisintegrationszentrum",
                        7,
                        31,
                        {2022: "11.0", 2023: "9.2", 2024: "8.4", 2025: "7.6", 2026: "7.1"},
                    ),
                },
                {
                    "name": "Anteil ohne Schulplatz sechs Wochen nach Beratung",
                    "unit": "%",
                    "baseline": "15.0",
                    "target": "5.0",
                    "direction": "down",
                    "land_key": "seiteneinstieg_ohne_schulplatz_quote",
                    "measurements": _reihe(
                        "Beratungsstatistik Kreisintegrationszentrum",
                        7,
                        31,
                        {2022: "24.0", 2024: "13.5", 2025: "10.8", 2026: "9.6"},
                    ),
                },
            ],
        },
        {
            "title": "Fortbildungsreihe Deutsch als Zweitsprache für Lehrkräfte",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P15_SEI],
            "start": date(2015, 9, 1),
            "end": date(2020, 7, 31),
            "goal": "Lehrkräfte in Vorbereitungsklassen erhalten Grundlagen in DaZ und sprachsensiblem Unterricht.",
            "effect": "Sprachsensibler Fachunterricht an den weiterführenden Schulen.",
            "target_groups": [ZG_LEHR],
            "status": "abgeschlossen",
            "municipalities": [],
            "lead": A_SCHULAMT,
            "partners": [],
            "in_versions": [KONZEPT_2015],
            "indicators": [
                {
                    "name": "Fortgebildete Lehrkräfte",
                    "unit": "Personen",
                    "baseline": 0,
                    "target": 150,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Teilnahmelisten Schulamt",
                        7,
                        31,
                        {2016: 58, 2017: 49, 2018: 31, 2019: 22, 2020: 9},
                    ),
                },
            ],
        },
        {
            "title": "Ausbildungslotsen für junge Geflüchtete",
            "focus": "bildung",
            "field_of_action": HF_BILDUNG,
            "priorities": [P21_AUSB, P25_AUSB],
            "start": date(2021, 8, 1),
            "end": None,
            "goal": "Junge Geflüchtete finden einen Ausbildungsplatz und schließen die Ausbildung ab.",
            "effect": "Weniger Ausbildungsabbrüche, mehr Übergänge in Ausbildung.",
            "target_groups": [ZG_JUGEND],
            "status": "laufend",
            "municipalities": [],
            "lead": A_AWO,
            "partners": [A_AA, A_JC],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Vermittelte Ausbildungsverhältnisse je Jahr",
                    "unit": "Personen",
                    "baseline": 18,
                    "target": 60,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Jahresbericht Jugendmigrationsdienst",
                        12,
                        31,
                        {2021: 18, 2022: 27, 2023: 39, 2024: 44, 2025: 47},
                    )
                    + [
                        _wert(
                            41,
                            date(2026, 10, 31),
                            "Jahresbericht Jugendmigrationsdienst",
                            "Stand 31.10.2026",
                        )
                    ],
                },
            ],
        },
        {
            "title": "Mehrsprachige Vorlesestunden in Stadtbibliotheken",
            "focus": "bildung",
            "field_of_action": HF_SPRACHE,
            "priorities": [P25_FRUEH],
            "start": date(2025, 3, 1),
            "end": None,
            "goal": "Kinder erleben Deutsch und ihre Familiensprachen beim gemeinsamen Vorlesen.",
            "effect": "Familien nutzen Bibliotheken als Bildungsort.",
            "target_groups": [ZG_KITA, ZG_EHRENAMT],
            "status": "laufend",
            "municipalities": ["Hilden", "Langenfeld (Rhld.)", "Monheim am Rhein"],
            "lead": A_MSO,
            "partners": [A_VHS],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Vorlesestunden je Jahr",
                    "unit": "Veranstaltungen",
                    "baseline": 0,
                    "target": 60,
                    "direction": "up",
                    "land_key": "",
                    "measurements": [
                        _wert(34, date(2025, 12, 31), "Meldungen der Stadtbibliotheken"),
                        _wert(
                            17,
                            date(2025, 12, 31),
                            "Meldungen der Stadtbibliotheken",
                            gemeinde="Hilden",
                        ),
                        _wert(
                            44,
                            date(2026, 10, 31),
                            "Meldungen der Stadtbibliotheken",
                            "Stand 31.10.2026",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Laiensprachmittlerpool Kreis Mettmann",
            "focus": "querschnitt",
            "field_of_action": HF_IKOE,
            "priorities": [P15_IKOE, P25_IKOE],
            "start": date(2015, 4, 1),
            "end": None,
            "goal": "Kitas, Schulen und Behörden erhalten kurzfristig Sprachmittlung für Gespräche mit Familien.",
            "effect": "Verständigung in Beratung und Elterngesprächen ohne Kinder als Dolmetscher.",
            "target_groups": [ZG_VERW, ZG_EHRENAMT, ZG_GEFL],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_FWA, A_MSO],
            "in_versions": [KONZEPT_2015, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Einsätze je Jahr",
                    "unit": "Einsätze",
                    "baseline": 150,
                    "target": 1200,
                    "direction": "up",
                    "land_key": "sprachmittler_einsaetze",
                    "measurements": _reihe(
                        "Einsatzstatistik Sprachmittlerpool",
                        12,
                        31,
                        {
                            2015: 212,
                            2016: 684,
                            2018: 702,
                            2020: 488,
                            2022: 1104,
                            2024: 1136,
                            2025: 1172,
                        },
                    )
                    + [
                        _wert(
                            968,
                            date(2026, 9, 30),
                            "Einsatzstatistik Sprachmittlerpool",
                            "Stand 30.09.2026",
                        )
                    ],
                },
                {
                    "name": "Abgedeckte Sprachen",
                    "unit": "Sprachen",
                    "baseline": 14,
                    "target": 40,
                    "direction": "up",
                    "land_key": "sprachmittler_sprachen",
                    "measurements": _reihe(
                        "Einsatzstatistik Sprachmittlerpool",
                        12,
                        31,
                        {2015: 14, 2018: 26, 2022: 36, 2024: 41, 2025: 42},
                    ),
                },
            ],
        },
        {
            "title": "Schulungen Interkulturelle Öffnung in der Kreisverwaltung",
            "focus": "querschnitt",
            "field_of_action": HF_IKOE,
            "priorities": [P15_IKOE, P25_IKOE],
            "start": date(2015, 9, 1),
            "end": None,
            "goal": "Beschäftigte mit Publikumsverkehr – Ausländerbehörde, Jobcenter, Sozialamt – werden geschult.",
            "effect": "Kundenorientierte, diskriminierungsarme Verwaltungspraxis.",
            "target_groups": [ZG_VERW],
            "status": "laufend",
            "municipalities": [],
            "lead": A_IA,
            "partners": [A_ABH, A_JC],
            "in_versions": [KONZEPT_2015, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Schulungstage je Jahr",
                    "unit": "Schulungstage",
                    "baseline": 3,
                    "target": 16,
                    "direction": "up",
                    "land_key": "ikoe_schulungstage",
                    "measurements": _reihe(
                        "Fortbildungsprogramm Kreisverwaltung",
                        12,
                        31,
                        {2016: 6, 2018: 9, 2020: 2, 2022: 10, 2024: 12, 2025: 11},
                    ),
                },
                {
                    "name": "Teilnehmende je Jahr",
                    "unit": "Teilnehmende",
                    "baseline": 40,
                    "target": 220,
                    "direction": "up",
                    "land_key": "ikoe_teilnehmende",
                    "measurements": _reihe(
                        "Fortbildungsprogramm Kreisverwaltung",
                        12,
                        31,
                        {2016: 74, 2018: 121, 2020: 28, 2022: 131, 2024: 166, 2025: 149},
                    ),
                },
            ],
        },
        {
            "title": "Integrationskonferenz Kreis Mettmann",
            "focus": "querschnitt",
            "field_of_action": HF_NETZ,
            "priorities": [P15_NETZ, P25_IKOE],
            "start": date(2016, 1, 1),
            "end": None,
            "goal": "Die Integrationsakteure aller zehn Städte tauschen sich über Ergebnisse aus und geben "
            "Empfehlungen für die Fortschreibung.",
            "effect": "Breiter Konsens über die Arbeitsschwerpunkte.",
            "target_groups": [ZG_MSO, ZG_EHRENAMT, ZG_VERW],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_IR_VELBERT, A_IR_HILDEN, A_MSO, A_CARITAS],
            "in_versions": [KONZEPT_2015, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende der Integrationskonferenz",
                    "unit": "Teilnehmende",
                    "baseline": 90,
                    "target": 150,
                    "direction": "up",
                    "land_key": "integrationskonferenz_teilnehmende",
                    "measurements": [
                        _wert(121, date(2016, 11, 17), "Teilnahmeliste"),
                        _wert(104, date(2019, 11, 14), "Teilnahmeliste"),
                        _wert(139, date(2023, 10, 12), "Teilnahmeliste"),
                        _wert(164, date(2026, 10, 8), "Teilnahmeliste"),
                    ],
                },
                {
                    "name": "In die Fortschreibung übernommene Empfehlungen",
                    "unit": "Empfehlungen",
                    "baseline": 0,
                    "target": 15,
                    "direction": "up",
                    "land_key": "integrationskonferenz_empfehlungen",
                    "measurements": [
                        _wert(
                            11,
                            date(2026, 11, 13),
                            "Dokumentation Integrationskonferenz 2026",
                            "Auswertung läuft noch",
                        )
                    ],
                },
            ],
        },
        {
            "title": "KIM – Rechtskreisübergreifendes Case Management",
            "focus": "querschnitt",
            "field_of_action": HF_NETZ,
            "priorities": [P21_KIM, P25_CM],
            "start": date(2021, 1, 1),
            "end": None,
            "goal": "Zugewanderte mit komplexen Problemlagen erhalten rechtskreisübergreifend abgestimmte "
            "Unterstützung (§ 9 TIntG NRW).",
            "effect": "Weniger Brüche zwischen Jobcenter, Ausländerbehörde und Beratungsdiensten.",
            "target_groups": [ZG_GEFL, ZG_FACHKR],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_JC, A_ABH, A_CARITAS, A_AWO],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Besetzte Case-Management-Stellen",
                    "unit": "Stellen",
                    "baseline": "3.0",
                    "target": "10.0",
                    "direction": "up",
                    "land_key": "kim_cm_stellen_besetzt",
                    "measurements": _reihe(
                        "Stellenplan KIM",
                        12,
                        31,
                        {2021: "3.0", 2022: "6.5", 2023: "8.0", 2024: "8.5", 2025: "9.0"},
                    )
                    + [_wert("9.5", date(2026, 9, 30), "Stellenplan KIM")],
                },
                {
                    "name": "Offene Fälle je Case Managerin bzw. Case Manager",
                    "unit": "Fälle",
                    "baseline": 55,
                    "target": 45,
                    "direction": "down",
                    "land_key": "kim_faelle_pro_cm",
                    "measurements": _reihe(
                        "Fallstatistik KIM", 12, 31, {2022: 57, 2023: 52, 2024: 48, 2025: 46}
                    )
                    + [_wert(44, date(2026, 9, 30), "Fallstatistik KIM", "Stand 30.09.2026")],
                },
                {
                    "name": "Städte mit eigener Case-Management-Sprechstunde",
                    "unit": "Städte",
                    "baseline": 3,
                    "target": 10,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Fallstatistik KIM", 12, 31, {2022: 5, 2023: 6, 2024: 7, 2025: 8}
                    ),
                },
            ],
        },
        {
            "title": "Lotsen zur Anerkennung ausländischer Berufsabschlüsse",
            "focus": "querschnitt",
            "field_of_action": HF_ARBEIT,
            "priorities": [P21_KIM, P25_CM],
            "start": date(2019, 4, 1),
            "end": None,
            "goal": "Zugewanderte mit ausländischem Abschluss werden zum Anerkennungsverfahren beraten und begleitet.",
            "effect": "Mehr Beschäftigung entsprechend der Qualifikation.",
            "target_groups": [ZG_FACHKR],
            "status": "laufend",
            "municipalities": [],
            "lead": A_JC,
            "partners": [A_AA, A_VHS],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Begleitete Anerkennungsverfahren je Jahr",
                    "unit": "Verfahren",
                    "baseline": 40,
                    "target": 150,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Statistik Jobcenter ME-aktiv",
                        12,
                        31,
                        {2019: 40, 2021: 66, 2023: 98, 2024: 112, 2025: 109},
                    ),
                },
            ],
        },
        {
            "title": "Interkultureller Veranstaltungskalender",
            "focus": "querschnitt",
            "field_of_action": HF_KULTUR,
            "priorities": [P15_NETZ],
            "start": date(2016, 3, 1),
            "end": date(2020, 12, 31),
            "goal": "Veranstaltungen der Kulturvereine und Migrantenorganisationen gebündelt bekannt machen.",
            "effect": "Mehr Besucherinnen und Besucher über die eigene Community hinaus.",
            "target_groups": [ZG_MSO],
            "status": "eingestellt",
            "municipalities": [],
            "lead": A_MSO,
            "partners": [],
            "in_versions": [KONZEPT_2015],
            "indicators": [
                {
                    "name": "Veröffentlichte Veranstaltungen je Jahr",
                    "unit": "Veranstaltungen",
                    "baseline": 20,
                    "target": 80,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Redaktion Veranstaltungskalender",
                        12,
                        31,
                        {
                            2016: 38,
                            2017: 41,
                            2018: 29,
                            2020: (6, "eingestellt; Termine laufen seither über die Kreis-Website"),
                        },
                    ),
                },
            ],
        },
        {
            "title": "Vereinslotsen – Integration im und durch Sport",
            "focus": "querschnitt",
            "field_of_action": HF_SPORT,
            "priorities": [P15_NETZ, P25_IKOE],
            "start": date(2016, 5, 1),
            "end": None,
            "goal": "Neu Zugewanderte finden mit Hilfe ehrenamtlicher Lotsen den Weg in einen Sportverein.",
            "effect": "Sportvereine öffnen sich; Zugewanderte übernehmen selbst Ehrenämter.",
            "target_groups": [ZG_GEFL, ZG_VEREINE, ZG_EHRENAMT],
            "status": "laufend",
            "municipalities": [],
            "lead": A_KSB,
            "partners": [A_FWA],
            "in_versions": [KONZEPT_2015, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "In Vereine vermittelte Personen je Jahr",
                    "unit": "Personen",
                    "baseline": 30,
                    "target": 200,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Jahresbericht Kreissportbund",
                        12,
                        31,
                        {2016: 87, 2018: 131, 2020: 44, 2022: 152, 2024: 171, 2025: 176},
                    ),
                },
            ],
        },
        {
            "title": "Präventionsnetzwerk Zusammenleben in Sicherheit",
            "focus": "querschnitt",
            "field_of_action": HF_SICHER,
            "priorities": [P21_SICHER, P25_SICHER],
            "start": date(2021, 9, 1),
            "end": None,
            "goal": "Polizei, Jugendhilfe, Integrationsräte und Migrantenorganisationen stimmen Präventionsarbeit "
            "in den Quartieren ab.",
            "effect": "Konflikte werden früher erkannt; das Sicherheitsgefühl in den Quartieren steigt.",
            "target_groups": [ZG_JUNG, ZG_MSO],
            "status": "laufend",
            "municipalities": ["Velbert", "Ratingen", "Monheim am Rhein"],
            "lead": A_POL,
            "partners": [A_JUGEND, A_IR_VELBERT, A_MSO, A_IA],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Präventionsveranstaltungen je Jahr",
                    "unit": "Veranstaltungen",
                    "baseline": 6,
                    "target": 24,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Kriminalprävention Kreispolizeibehörde",
                        12,
                        31,
                        {2022: 9, 2023: 14, 2024: 17, 2025: 19},
                    )
                    + _reihe(
                        "Kriminalprävention Kreispolizeibehörde",
                        12,
                        31,
                        {2024: 7, 2025: 8},
                        gemeinde="Velbert",
                    ),
                },
            ],
        },
        {
            "title": "Demokratiewerkstätten für Jugendliche",
            "focus": "querschnitt",
            "field_of_action": HF_SICHER,
            "priorities": [P25_SICHER],
            "start": date(2026, 12, 1),
            "end": None,
            "goal": "Jugendliche aus den Quartieren entwickeln eigene Projekte gegen Diskriminierung und Extremismus.",
            "effect": "Jugendliche erleben Beteiligung und Selbstwirksamkeit.",
            "target_groups": [ZG_JUNG],
            "status": "geplant",
            "municipalities": ["Heiligenhaus", "Wülfrath", "Erkrath"],
            "lead": A_AWO,
            "partners": [A_POL, A_JUGEND],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende Jugendliche",
                    "unit": "Personen",
                    "baseline": 0,
                    "target": 90,
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
            "Kommunales Integrationszentrum; im Kreis Mettmann unter der Bezeichnung "
            "„Kreisintegrationszentrum Mettmann“ geführt.",
            True,
        ),
        (
            "MAIS",
            "Ministerium für Arbeit, Integration und Soziales des Landes NRW (Zuständigkeit 2015).",
            True,
        ),
        (
            "TIntG NRW",
            "Teilhabe- und Integrationsgesetz NRW vom 25.11.2021; §§ 8 und 9 regeln KI und KIM.",
            True,
        ),
        ("KIM", "Kommunales Integrationsmanagement nach § 9 TIntG NRW.", True),
        ("ME-aktiv", "Jobcenter für den Kreis Mettmann.", True),
        ("BAMF", "Bundesamt für Migration und Flüchtlinge.", True),
        ("DaZ", "Deutsch als Zweitsprache.", True),
        (
            "Koordinierungskreis Integration",
            "Zentrale Arbeits- und Austauschplattform Integration unter "
            "Leitung des Kreisdirektors mit Vertretungen von Kreis, Städten, "
            "Wohlfahrt, Integrationsräten, Migrantenorganisationen, Jobcenter, "
            "Kreispolizeibehörde und BAMF.",
            False,
        ),
        (
            "Arbeitskreis Integrationskonzept",
            "Anfang 2014 gegründeter Arbeitskreis, der die Erstellung des "
            "Integrationskonzepts 2015 inhaltlich und strategisch begleitet hat.",
            False,
        ),
        (
            "Rahmenkonzept Integration",
            "Vorgängerkonzept von 2007 (Vorlage 50/034/2007), durch das "
            "Integrationskonzept 2015 abgelöst.",
            False,
        ),
        (
            "Seiteneinsteiger",
            "Kinder und Jugendliche, die im schulpflichtigen Alter neu zuwandern und in das "
            "deutsche Schulsystem einsteigen.",
            False,
        ),
        (
            "Interkulturelle Öffnung",
            "Querschnittsaspekt: Organisationen richten Angebote, Personal und Abläufe "
            "auf eine vielfältige Bevölkerung aus.",
            False,
        ),
        (
            "Beratungsfolge",
            "Weg einer Vorlage durch die Gremien, z. B. Sozialausschuss – Kreisausschuss – "
            "Kreistag.",
            False,
        ),
    ],
    # Sachstandsbericht (issue 7): Demo-Inhalt, kein Seed-Text; Zahlen kommen aus den Messwerten.
    "progress_reports": [
        {
            "title": "Sachstandsbericht Integrationskonzept 2024/25",
            "period_start": date(2024, 1, 1),
            "period_end": date(2025, 12, 31),
            "introduction": (
                "Der Bericht zeigt den Stand der Maßnahmen des Integrationskonzepts in den Jahren "
                "2024 und 2025 – je Schwerpunkt und Handlungsfeld, mit den Kennzahlen, die das "
                "Kreisintegrationszentrum und die Städte erheben."
            ),
            "remarks": (
                "Die Fortschreibung 2026 greift die Kennzahlen hinter Plan auf; die Städte werden "
                "in der Abstimmungsrunde zu den Arbeitsschwerpunkten 2027/28 beteiligt."
            ),
        }
    ],
    "decision_papers": [
        {
            "reference": "50/020/2015",
            "paper_type": "beschlussvorlage",
            "concept_version": 1,  # the Integrationskonzept 2015 the paper put to the Kreistag
            # Seed 001: "Anlage: Integrationskonzept Kreis Mettmann 2015"; the release renders
            # the concept version to PDF and keeps it with the paper.
            "attachments": [{"title": "Integrationskonzept Kreis Mettmann 2015", "version": 1}],
            "decision_kind": "beschluss",
            "public": True,
            "department": "Sozialamt",
            "author": "Cakal-Rasch, Arlin",
            "date": date(2015, 4, 2),
            "file_number": "CaRa",
            "subject": "Kreisintegrationszentrum - Integrationskonzept für den Kreis Mettmann",
            # Die angekreuzten Kästchen (ja / nein / noch nicht zu übersehen) sind im Seed-Text nicht
            # erhalten; "nein" ist eine Annahme für die Demo (Beschluss eines Konzepts ohne eigene Mittel).
            "financial_impact": "nein",
            "financial_note": "",
            "personnel_impact": "nein",
            "personnel_note": "",
            "organisational_impact": "nein",
            "organisational_note": "",
            "proposal": "Das Integrationskonzept für den Kreis Mettmann 2015 wird in der vorgelegten Form beschlossen.",
            "layout": "anlass",
            "occasion": (
                "Der Kreistag hat in seiner Sitzung am 18.12.2012 die Einrichtung eines Kommunalen "
                "Integrationszentrums für den Kreis Mettmann unter der Führung der Bezeichnung "
                "„Kreisintegrationszentrum Mettmann“ einstimmig beschlossen. Die Bewilligung durch das Land "
                "erfolgte daraufhin bereits zum 19.12.2012. Daran war u.a. die Bedingung geknüpft, das "
                "Rahmenkonzept Integration von 2007 fortzuschreiben bzw. ein neues Integrationskonzept für den "
                "Kreis Mettmann zu erstellen und bis zum 30.06.2015 vorzulegen.\n\n"
                "Da das Rahmenkonzept Integration (vgl. Vorlage 50/034/2007) verstärkt auf die "
                "Kreisverwaltung Mettmann ausgerichtet war und als Grundlage zur Ergänzung der "
                "Integrationsarbeit auch den kreisangehörigen Städte diene, erschien eine Ausweitung dieses "
                "Konzeptes auf den Kreis Mettmann selbst für sinnvoll. Der nun vorliegende Entwurf des "
                "Integrationskonzeptes 2015 bezieht und wendet sich an alle Integrationsakteure im Kreis "
                "Mettmann. Es soll auch dazu dienen, Integration gemeinsam voranzubringen und Ziele "
                "bedarfsorientiert aufeinander abzustimmen."
            ),
            "facts": (
                "Migration und Integration unterliegen einem stetigen Wandel und stellen – nicht nur aktuell "
                "aufgrund der vielen brisanten Ereignisse rund um Pegida, Anschlägen auf "
                "Flüchtlingsunterkünfte und salafistisch geprägten Jugendkulturen – stets einen wichtigen "
                "Stellenwert in unserer Gesellschaft dar. Integration hat dabei das Ziel, ein zufriedenes "
                "Zusammenleben der Menschen in einer Gesellschaft in Vielfalt zu schaffen und "
                "sicherzustellen. Um die Integrationsarbeit zielgerichtet auf die Bedarfe auszurichten, ist "
                "die Erstellung und die ständige Fortschreibung eines Integrationskonzeptes und damit die "
                "Anpassung an die sich verändernden gesellschaftlichen, politischen und sozialen Bedingungen "
                "eine wichtige Aufgabe.\n\n"
                "Umsetzungsschritte und Handlungsfelder\n\n"
                "Zur Umsetzung dieser Aufgabe für den Kreis Mettmann stellte die breite Beteiligung und "
                "Einbindung von Integrationsakteuren aus allen kreisangehörigen Städten im Kreis Mettmann "
                "eine wesentliche Bedingung seitens des Landes dar. Der Koordinierungskreis Integration¹ hat "
                "sich im Oktober 2013 mit dem Thema der Fortschreibung des Integrationskonzeptes befasst. Als "
                "Ergebnis dieser Sitzung wurde der „Arbeitskreis Integrationskonzept“ mit wichtigen "
                "Vertretungen aus den Integrationsbereichen gegründet, der den Aktualisierungs- bzw. "
                "Erstellungsprozess sowohl inhaltlich, als auch strategisch unterstützen und begleiten "
                "sollte.\n\n"
                "Anfang 2014 entstand der „Arbeitskreis Integrationskonzept“ mit Vertretern der "
                "Kreisverwaltung und den Stadtverwaltungen, der Schul- und Jugendbereiche, der Wohlfahrt, des "
                "Jobcenters, der Migrantenorganisationen und der Kreispolizeibehörde, die sich u.a. mit der "
                "Festlegung der künftigen Handlungsfelder und Querschnittsaufgaben befassten.\n\n"
                "Im Rahmen von mehreren Arbeitskreissitzungen wurden die Inhalte des Rahmenkonzeptes von 2007 "
                "überprüft und nach intensivem Austausch folgende Handlungsfelder bestätigt/festgelegt:\n\n"
                "1. Sprache,\n2. Bildung und Ausbildung,\n3. Wirtschaft und Arbeit,\n4. Kultur,\n5. Sport,\n"
                "6. Zusammenleben in Sicherheit.\n\n"
                "Um Integration im Querschnitt in allen Arbeitsfeldern zu berücksichtigen, wurden die Aspekte "
                "‚Interkulturelle Öffnung‘ und ‚Vernetzung‘ benannt und ausgearbeitet.\n\n"
                "Zur inhaltlichen Bestimmung und Konkretisierung der genannten Handlungsfelder wurden über den "
                "Arbeitskreis Integrationskonzept hinaus weitere vier Facharbeitsgruppen mit zahlreichen "
                "Fachleuten aus der Integrationsarbeit gebildet. Im Rahmen von Workshops haben eingeladene "
                "Expertinnen und Experten aus dem Kreis Mettmann die Inhalte und Ziele innerhalb der "
                "jeweiligen Handlungsfelder diskutiert und benannt. Neben eher bekannten und klassischen "
                "integrationsrelevanten Handlungsfeldern wie „Bildung/Ausbildung“ und „Wirtschaft/Arbeit“ "
                "führt dieses Konzept auf Wunsch des Arbeitskreises Integrationskonzept und der im Workshop "
                "Beteiligten ein neues und differenziertes sowie auch bisher unberücksichtigtes Handlungsfeld "
                "„Zusammenleben in Sicherheit“ auf.\n\n"
                "Zusammengefasst haben kreisweit aus ca. 40 unterschiedlichen Institutionen über 50 Beteiligte "
                "an den Arbeitsgruppen mitgewirkt und damit zur Erstellung des Integrationskonzeptes für den "
                "Kreis Mettmann beigetragen (siehe Anlagen im Integrationskonzept). Aufgrund der umfangreichen "
                "Einbindung und intensiven Beteiligung sozialer, politischer und kommunaler Vertretungen sowie "
                "Vertretungen aus der Wirtschaft und Migrantenorganisationen hat das Integrationskonzept einen "
                "breiten Konsens erhalten. Wie mit dem Ministerium für Arbeit, Integration und Soziales NRW "
                "(MAIS) vereinbart, wurde zur Wahrung der Frist für die Erstellung des Integrationskonzeptes "
                "der hier vorliegende Entwurf bereits im Dezember 2014 dem Ministerium vorgelegt. Ebenfalls "
                "vereinbart ist, den Beschluss des Kreistages zu dem Konzept dem Ministerium bis Juni 2015 "
                "nachzureichen.\n\n"
                "¹ Der Koordinierungskreis Integration ist eine zentrale Arbeits- und Austauschplattform "
                "Integration unter der Leitung von Kreisdirektor Herrn Richter mit kreisweit zentralen "
                "integrationsrelevanten Vertretungen der Kreisverwaltung, der kreisangehörigen Städte, der "
                "Wohlfahrt, der Integrationsbeauftragten und –räte, der Migrantenorganisationen, der Sozial-, "
                "Schul- und Jugenddezernenten, des Jobcenter ME-aktiv, der Kreispolizeibehörde und des "
                "Bundesamts für Migration und Flüchtlinge."
            ),
            "outlook": (
                "Es ist geplant, das „Integrationskonzept Kreis Mettmann 2015“ nach Beschlussfassung durch den "
                "Kreistag sowohl als Broschüre als auch auf der Internetseite des Kreises Mettmann zu "
                "veröffentlichen. Die Druckversion wird sowohl fristgerecht dem Land NRW als auch allen "
                "Beteiligten sowie den sozialen Akteuren und politischen Vertretungen zur Verfügung gestellt.\n\n"
                "Für die Arbeit des Kreisintegrationszentrums stellt das vorliegende Integrationskonzept eine "
                "wichtige Grundlage dar, um Maßnahmen und Arbeitsinhalte für die kommenden Jahre zu planen und "
                "umzusetzen – aber auch gemeinsam mit relevanten Akteuren Inhalte aufzugreifen und "
                "voranzubringen. Das Integrationskonzept für den Kreis Mettmann dient über die Kreisverwaltung "
                "hinaus allen am gesellschaftlichen, sozialen und wirtschaftlichen Handeln Beteiligten als "
                "wichtige weitere Austausch- und Arbeitsgrundlage.\n\n"
                "Anlage: Integrationskonzept Kreis Mettmann 2015"
            ),
            # Beratungsfolge laut Seed; Abstimmungsergebnisse sind im Seed nicht enthalten -> leer.
            "consultations": [
                {
                    "committee": "Sozialausschuss",
                    "meeting_date": date(2015, 5, 11),
                    "role": "vorberatung",
                    "authoritative": False,
                    "result": "",
                    "yes": None,
                    "no": None,
                    "abstain": None,
                },
                {
                    "committee": "Kreisausschuss",
                    "meeting_date": date(2015, 6, 15),
                    "role": "vorberatung",
                    "authoritative": False,
                    "result": "",
                    "yes": None,
                    "no": None,
                    "abstain": None,
                },
                {
                    "committee": "Kreistag",
                    "meeting_date": date(2015, 6, 22),
                    "role": "entscheidung",
                    "authoritative": True,
                    "result": "",
                    "yes": None,
                    "no": None,
                    "abstain": None,
                },
            ],
        },
    ],
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
        "progress_reports",
        "decision_papers",
    }, sorted(d)
    assert len(d["official_key"]) == 5 and d["official_key"].isdigit()

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
    # Seed 001: Beratungsfolge, Frist 30.06.2015, >50 Beteiligte aus ca. 40 Institutionen
    _p = DISTRICT["decision_papers"][0]
    assert [(c["committee"], c["meeting_date"]) for c in _p["consultations"]] == [
        ("Sozialausschuss", date(2015, 5, 11)),
        ("Kreisausschuss", date(2015, 6, 15)),
        ("Kreistag", date(2015, 6, 22)),
    ]
    assert DISTRICT["concept_versions"][1]["deadline"] == date(2015, 6, 30)
    _fag = [e for e in DISTRICT["participation_events"] if e["date"].year == 2014]
    assert (
        sum(e["participants"] for e in _fag) > 50
        and 38 <= sum(e["institutions"] for e in _fag) <= 42
    )
    assert any(p["start_year"] == 2015 for p in DISTRICT["work_periods"])
