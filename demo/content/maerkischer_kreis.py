"""Demo-Inhalte für den Märkischen Kreis (Kommunales Integrationszentrum, Dienstort Lüdenscheid).

Grundlage: Integrationskonzept für den Märkischen Kreis, Beschluss des Kreistags vom
31.10.2012 (Seed 000), Eckpunktepapier vom 29.02.2012 (Seed 002). Alles, was die Seeds nicht
hergeben (Personen, Zahlen ab 2014, Sitzungstermine ab 2013), ist erfundenes, aber
realistisches Demomaterial. Personen sind fiktiv, E-Mail-Adressen liegen unter example.org.
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


# Handlungsfelder (aus Seed 000 abgeleitet: Sprache/Bildungsbeteiligung mit "oberster Priorität",
# Rucksack als interkulturelle Elternarbeit, Seiteneinstieg, Ausbildungskonsens, Abbau von
# Fremdenfeindlichkeit, Sensibilisierung des Regelsystems, Vernetzung/Transparenz)
HF_SPRACHE = "Sprache und Mehrsprachigkeit"
HF_FRUEH = "Frühe Bildung und Elternarbeit"
HF_SCHULE = "Schule und Seiteneinstieg"
HF_UEBERGANG = "Übergang Schule – Beruf"
HF_ZUSAMMEN = "Zusammenleben und Teilhabe"
HF_IKOE = "Interkulturelle Öffnung des Regelsystems"
HF_NETZ = "Vernetzung und Transparenz"

ZG_U3 = "Kinder im Alter von 1–3 Jahren und ihre Eltern"
ZG_KITA = "Kinder im Alter von 4–6 Jahren und ihre Eltern"
ZG_GS = "Grundschulkinder und ihre Eltern"
ZG_SEI = "Neu zugewanderte Schülerinnen und Schüler"
ZG_ELTERN_NEU = "Eltern neu zugewanderter Kinder"
ZG_JUGEND = "Jugendliche und junge Erwachsene im Übergang Schule–Beruf"
ZG_LEHR = "Lehrkräfte"
ZG_KITAFACH = "Pädagogische Fachkräfte in Kindertageseinrichtungen"
ZG_VERW = "Beschäftigte der Kommunalverwaltungen"
ZG_EHRENAMT = "Ehrenamtlich Engagierte"
ZG_MSO = "Migrantenselbstorganisationen"
ZG_ERW = "Neu zugewanderte Erwachsene"
ZG_GEFL = "Geflüchtete Menschen"

ALLE = [
    "Altena",
    "Balve",
    "Halver",
    "Hemer",
    "Herscheid",
    "Iserlohn",
    "Kierspe",
    "Lüdenscheid",
    "Meinerzhagen",
    "Menden (Sauerland)",
    "Nachrodt-Wiblingwerde",
    "Neuenrade",
    "Plettenberg",
    "Schalksmühle",
    "Werdohl",
]

# Akteursnamen (als Konstanten, damit Verweise nicht auseinanderlaufen)
A_SCHULAMT = "Schulamt für den Märkischen Kreis"
A_SCHULVERW = "Fachdienst Schule und Bildung des Märkischen Kreises"
A_JUGEND = "Kreisjugendamt Märkischer Kreis"
A_CARITAS = "Caritasverband Altena-Lüdenscheid e.V."
A_DIAKONIE = "Diakonisches Werk im Kirchenkreis Lüdenscheid-Plettenberg"
A_IR_ISERLOHN = "Integrationsrat der Stadt Iserlohn"
A_IR_LUED = "Integrationsrat der Stadt Lüdenscheid"
A_MSO = "Netzwerk der Migrantenorganisationen im Märkischen Kreis"
A_IA = "Integrationsagentur Iserlohn"
A_KSB = "KreisSportBund Märkischer Kreis e.V."
A_FWZ = "Freiwilligenzentrale Lüdenscheid"
A_AA = "Agentur für Arbeit Iserlohn"
A_JC = "Jobcenter Märkischer Kreis"
A_ABH = "Ausländerbehörde des Märkischen Kreises"
A_BAMF = "Bundesamt für Migration und Flüchtlinge – Regionalkoordination Südwestfalen"
A_KITA = "Familienzentrum Kita Regenbogen Plettenberg"
A_BK = "Berufskolleg für Technik Lüdenscheid"
A_VHS = "VHS Volmetal"

# Prioritäten (Arbeitsschwerpunkte)
P13_RUCKSACK = "Interkulturelle Elternarbeit mit Rucksack aufbauen"
P13_SEI = "Beratung neu eingewanderter Schülerinnen und Schüler und ihrer Eltern"
P13_STEUER = "Steuerungsstrukturen mit den 15 Städten und Gemeinden aufbauen"
P13_TRANSPARENZ = "Transparenz der Integrationsangebote im Kreisgebiet verbessern"
P23_SPRACHE = "Sprachbildung in Kita und Grundschule stärken"
P23_UKRAINE = "Seiteneinstieg nach der Zuwanderung aus der Ukraine bewältigen"
P23_KIM = "Kommunales Integrationsmanagement aufbauen"
P23_SPRACHMITTLUNG = "Sprachmittlung im Regelsystem sichern"
P25_FRUEH = "Frühe Bildung für neu zugewanderte Familien"
P25_UEBERGANG = "Übergänge in Ausbildung für neu zugewanderte Jugendliche"
P25_MEHRSPRACHIG = "Durchgängige Sprachbildung und Herkunftssprachen"
P25_CM = "Rechtskreisübergreifendes Case Management verstetigen"
P25_IKOE = "Interkulturelle Öffnung der Kommunalverwaltungen im ländlichen Raum"
P25_ZUSAMMENHALT = "Zusammenhalt stärken – Rassismus und Antisemitismus entgegenwirken"

KONZEPT_2012 = 0
FORTSCHREIBUNG_2026 = 1

DISTRICT = {
    "name": "Märkischer Kreis",
    "slug": "maerkischer-kreis",
    "official_key": "05962",
    # AGS-Endziffern sind hier bewusst leer: keine amtliche Liste zur Hand, nichts erfinden.
    "municipalities": [(name, "") for name in ALLE],
    "fields_of_action": [
        {
            "name": HF_SPRACHE,
            "cross_cutting": False,
            "description": "Der Erwerb von Sprachkompetenz und das Erlernen der deutschen Sprache haben oberste "
            "Priorität. Zugleich wird der Herkunftssprache als Erst- oder Familiensprache ein hoher "
            "Stellenwert eingeräumt: Beratung der Schulen zum herkunftssprachlichen Unterricht, "
            "Mehrsprachigkeit als Potenzial.",
        },
        {
            "name": HF_FRUEH,
            "cross_cutting": False,
            "description": "Frühe Bildung und interkulturelle Elternarbeit in Familienzentren und "
            "Kindertageseinrichtungen, insbesondere mit den bewährten Programmen Griffbereit und "
            "Rucksack KiTa; Stärkung der Eltern als Bildungsbegleiter ihrer Kinder.",
        },
        {
            "name": HF_SCHULE,
            "cross_cutting": False,
            "description": "Beratung und Unterstützung von Schulen sowie von neu eingewanderten Schülerinnen und "
            "Schülern und deren Eltern mit geringen deutschen Sprachkenntnissen beim Seiteneinstieg; "
            "Rucksack Schule; Fortbildung von Lehrkräften zu Deutsch als Zweitsprache.",
        },
        {
            "name": HF_UEBERGANG,
            "cross_cutting": False,
            "description": "Begleitung neu zugewanderter Jugendlicher in Internationalen Förderklassen und beim "
            "Übergang in Ausbildung – abgestimmt mit den Akteuren im Ausbildungskonsens und dem "
            "regionalen Bildungsnetzwerk.",
        },
        {
            "name": HF_ZUSAMMEN,
            "cross_cutting": False,
            "description": "Friedliches Zusammenleben auf der Wertebasis des Grundgesetzes: Abbau von "
            "Fremdenfeindlichkeit, Rassismus und Antisemitismus, Stärkung des Ehrenamts und der "
            "Migrantenorganisationen, Beteiligung an örtlichen Entscheidungsprozessen.",
        },
        {
            "name": HF_IKOE,
            "cross_cutting": True,
            "description": "Querschnitt: Einrichtungen des Regelsystems – Ämter, Schulen, Kitas, Träger der "
            "Kinder- und Jugendhilfe – werden für die Integration von Menschen mit "
            "Migrationshintergrund sensibilisiert und qualifiziert; Sprachmittlung im Regelsystem.",
        },
        {
            "name": HF_NETZ,
            "cross_cutting": True,
            "description": "Querschnitt: Einbindung in bestehende Netzwerke, Transparenz des Angebots, Vermeidung "
            "paralleler Strukturen und Dopplungen, Integrationskonferenzen und "
            "Steuerungsgremien mit den 15 Städten und Gemeinden.",
        },
    ],
    "target_groups": [
        ZG_U3,
        ZG_KITA,
        ZG_GS,
        ZG_SEI,
        ZG_ELTERN_NEU,
        ZG_JUGEND,
        ZG_LEHR,
        ZG_KITAFACH,
        ZG_VERW,
        ZG_EHRENAMT,
        ZG_MSO,
        ZG_ERW,
        ZG_GEFL,
    ],
    "concept_versions": [
        {
            "title": "Integrationskonzept für den Märkischen Kreis",
            "status": "beschlossen",
            "decided_on": date(2012, 10, 31),
            "submitted_on": None,
            "deadline": None,
            "sections": [
                (
                    "1. Grundsätzliche Überlegungen",
                    "Integration orientiert sich als Querschnittsaufgabe an den Bedarfen der Menschen mit "
                    "Migrationshintergrund in ihren verschiedenen Lebenslagen sowie an den Prinzipien der "
                    "Interkulturalität, der Mehrsprachigkeit, der sozialen Vielfalt und des "
                    "Potenzialansatzes. Ziel ist, Zuwanderern im Märkischen Kreis eine gleichberechtigte "
                    "Teilhabe am gesellschaftlichen, wirtschaftlichen, arbeitsweltbezogenen und "
                    "bildungsorientierten Leben unter Anerkennung ihrer eigenen kulturellen Identität zu "
                    "ermöglichen und den Zusammenhalt in der Gesellschaft insgesamt zu fördern.\n\n"
                    "Integration ist ein **wechselseitiger Prozess**. Sie bedarf gemeinsamer Anstrengungen "
                    "der Einheimischen wie der Zuwanderer. Ein friedliches Miteinander basiert auf einer "
                    "gemeinsamen Wertebasis, deren Grundlage die Verfassung der Bundesrepublik Deutschland "
                    "ist. Der Abbau von Fremdenfeindlichkeit, Rassismus und Antisemitismus, die "
                    "Mitverantwortung bei der Gestaltung des Zusammenlebens und die Akzeptanz einer durch "
                    "Migration veränderten Gesellschaft sind die tragenden Säulen.\n\n"
                    "Der Erwerb von Sprachkompetenz, das Erlernen der deutschen Sprache und die "
                    "Bildungsbeteiligung haben **oberste Priorität**. Dabei wird der Herkunftssprache als "
                    "Erst- oder Familiensprache ein hoher Stellenwert eingeräumt.",
                ),
                (
                    "2. Abstimmung und Zusammenarbeit",
                    "Kreis und kreisangehörige Kommunen sind bereits vielfältig im Aufgabenbereich "
                    "Integration tätig. Das Kommunale Integrationszentrum unterstützt und ergänzt die "
                    "Arbeit der Städte und Gemeinden. Ein einvernehmliches, mit den Akteuren abgestimmtes "
                    "Integrationskonzept ist seine Arbeitsgrundlage; es arbeitet arbeitsteilig mit den "
                    "örtlichen Akteuren, etwa im Ausbildungskonsens und in den regionalen "
                    "Bildungsnetzwerken, und kooperiert mit den vom Land geförderten "
                    "Integrationsstrukturen und mit Migrantenorganisationen.\n\n"
                    "Zu beteiligen sind die Schulaufsicht, der örtliche Träger der öffentlichen "
                    "Jugendhilfe, die örtlichen oder regionalen Träger der Integrationsarbeit und die "
                    "kommunalen Migrant\\*innenvertretungen; anzustreben ist die Beteiligung der freien "
                    "Wohlfahrtspflege, der freien Träger der Kinder- und Jugendhilfe, des organisierten "
                    "Sports, der Freiwilligenagenturen, der Agentur für Arbeit, des Jobcenters und der "
                    "Ausländerbehörde.\n\n"
                    "Der Maßnahmenkatalog kann bei Bedarf für jede Kommune individuell angepasst werden. "
                    "Für jeden der beiden Arbeitsschwerpunkte wird ein **Steuerungsgremium** eingerichtet, "
                    "an dem die Kommunen beteiligt sind; fachbezogene Projektbeiräte ergänzen die "
                    "Steuerung. Vertreter von Migrant\\*innenorganisationen sind ausdrücklich zur "
                    "Mitarbeit eingeladen. Die strategischen Ziele werden gemeinsam festgelegt und mit "
                    "messbaren Kennzahlen hinterlegt.",
                ),
                (
                    "3. Bildung von Arbeitsschwerpunkten",
                    "Die Schwerpunkte der Arbeit werden im Benehmen mit den örtlichen Partnern für einen "
                    "Zeitraum von **zwei Jahren** festgelegt. Sie beziehen sich zum einen auf den "
                    "Themenbereich „Integration durch Bildung“ und zum anderen auf „Integration als "
                    "kommunale Querschnittsaufgabe“.\n\n"
                    "Die Akteure verpflichten sich über einen Zeitraum von jeweils zwei Jahren zur "
                    "Mitarbeit an diesen inhaltlichen Schwerpunkten. Die für den Zeitraum 2013/14 "
                    "vereinbarten Arbeitsschwerpunkte sind im Anhang dieses Konzeptes enthalten.",
                ),
                (
                    "4. Aufgaben und Arbeitsweisen des Kommunalen Integrationszentrums",
                    "Das Kommunale Integrationszentrum sensibilisiert und qualifiziert durch Koordinierungs-, "
                    "Beratungs- und Unterstützungsleistungen die Einrichtungen des Regelsystems. Es berät "
                    "kommunale Ämter, Schulen, Kindertageseinrichtungen, Träger der Kinder- und Jugendhilfe "
                    "und weitere Einrichtungen, trägt zur Vernetzung bei und fördert den Wissensstand der "
                    "Mitarbeitenden durch Weiterbildung und Information.\n\n"
                    "Es greift auf bewährte Konzepte wie **Rucksack** im Kindergarten und in der "
                    "Grundschule zurück, führt erfolgreiche Ansätze fort, erprobt neue Maßnahmen und "
                    "überführt sie bei entsprechender Wirkung in ein **Regelangebot**. Eine Finanzierung "
                    "der Regelangebote durch den Kreis ist grundsätzlich nicht vorgesehen.\n\n"
                    "Die Angebote richten sich an seit längerem hier lebende wie an neu zugezogene "
                    "Menschen, insbesondere an neu eingewanderte Schülerinnen und Schüler und deren Eltern. "
                    "Das Zentrum nimmt Rücksicht auf die Flächenstruktur: Veranstaltungen finden nicht nur "
                    "am Dienstort statt, Fortbildungen werden nach Möglichkeit regional organisiert. Ein "
                    "gemeinsames örtliches Einsatzmanagement von Land und Kommune verhindert parallele "
                    "Strukturen und Dopplungen. Das Zentrum beteiligt sich am landesweiten Verbund.",
                ),
                (
                    "5. Evaluation und Berichtswesen",
                    "Erfolgreiche Integration ist ein komplexer, von vielen Faktoren beeinflusster Vorgang; "
                    "die Messbarkeit des Erfolges beschränkt sich auf die Wirkung von Einzelmaßnahmen.\n\n"
                    "Die Aufgabenschwerpunkte werden durch einen **Maßnahmenkatalog** in Bezug auf Ziele, "
                    "Wirkungen, Zielgruppen und zeitliche Dauer konkretisiert. Durch Evaluation wird "
                    "gemessen, inwieweit die beabsichtigten Ziele erreicht worden sind. Die Ergebnisse "
                    "gehen an die Steuerungsgruppe und fließen in Berichtswesen und Managementkreislauf "
                    "ein. Dem Kreistag wird regelmäßig berichtet; in Integrationskonferenzen erfolgt der "
                    "Austausch mit den Akteuren der Integrationsarbeit.",
                ),
                (
                    "6. Personelle und sachliche Ausstattung",
                    "Das Zentrum wird mit zwei Vollzeitstellen vom Land freigestellter Lehrkräfte und bis "
                    "zu 3,5 vom Land geförderten Stellen kommunaler Bediensteter ausgestattet (zwei "
                    "außerschulische pädagogische Fachkräfte, eine Verwaltungsfachkraft, 0,5 Stelle "
                    "Assistenzkraft). Beschäftigt werden sollen Fachkräfte mit und ohne "
                    "Migrationshintergrund.\n\n"
                    "Der Sachetat wird vom Kreistag im Rahmen des Haushaltsplans festgelegt und richtet "
                    "sich nach den geplanten Arbeitsschwerpunkten. Räume und Technik stellt der Kreis. Das "
                    "Integrationszentrum ist eine eigenständige Organisationseinheit unter Leitung des "
                    "Integrationsbeauftragten im Fachbereich Zentrale Steuerung. Dienstort ist "
                    "**Lüdenscheid**.",
                ),
            ],
        },
        {
            "title": "Integrationskonzept für den Märkischen Kreis – Fortschreibung 2026",
            "status": "in_abstimmung",
            "decided_on": None,
            "submitted_on": None,
            "deadline": date(2027, 3, 31),
            "sections": [
                (
                    "1. Anlass der Fortschreibung",
                    "Das Integrationskonzept vom 31.10.2012 ist seit über einem Jahrzehnt die "
                    "Arbeitsgrundlage des Kommunalen Integrationszentrums. Seitdem haben sich "
                    "Zuwanderung und Rechtsrahmen grundlegend verändert: die Fluchtzuwanderung 2015/16, "
                    "die Aufnahme von Schutzsuchenden aus der Ukraine seit 2022 und das "
                    "**Teilhabe- und Integrationsgesetz NRW vom 25.11.2021** (in Kraft seit 01.01.2022).\n\n"
                    "Die Fortschreibung übernimmt die Grundsätze von 2012 – Potenzialansatz, "
                    "Mehrsprachigkeit, Integration als wechselseitiger Prozess – und ordnet die Arbeit "
                    "des Zentrums den Arbeitsschwerpunkten 2025/26 zu.",
                ),
                (
                    "2. Rechtsrahmen: TIntG NRW 2021, §§ 8 und 9",
                    "Nach **§ 8 TIntG NRW** fördert das Land Kommunale Integrationszentren in Kreisen, "
                    "die über ein Integrationskonzept verfügen. Im Einvernehmen mit den Städten und "
                    "Gemeinden unterstützt das Zentrum Angebote in Kita, Schule und im Übergang "
                    "Schule–Beruf (gemeinsam mit der unteren Schulaufsicht), koordiniert kommunale "
                    "Angebote und die der freien Träger und koordiniert das ehrenamtliche Engagement.\n\n"
                    "**§ 9 TIntG NRW** fördert das **Kommunale Integrationsmanagement (KIM)**: "
                    "strategische Steuerung, rechtskreisübergreifendes Case Management sowie Stellen in "
                    "Ausländer- und Einbürgerungsbehörde. Der Kreis bindet seine Kommunen auf der "
                    "Grundlage eines gemeinsamen Integrationskonzepts ein – diese Fortschreibung ist "
                    "dieses gemeinsame Konzept.",
                ),
                (
                    "3. Abstimmung mit den 15 Städten und Gemeinden",
                    "Die Fortschreibung wurde 2026 in Workshops zu den Handlungsfeldern und in beiden "
                    "Steuerungsgremien erarbeitet. Jede Kommune hat über ihre Ansprechperson die "
                    "örtlichen Schwerpunkte gemeldet; der Maßnahmenkatalog weist aus, welche Maßnahmen "
                    "kreisweit und welche nur in einzelnen Kommunen umgesetzt werden.\n\n"
                    "Die Rücksicht auf die Flächenstruktur bleibt Grundsatz: Von Balve bis Meinerzhagen "
                    "sollen Fortbildungen regional angeboten werden; Angebote konzentrieren sich nicht "
                    "auf Lüdenscheid und Iserlohn.",
                ),
                (
                    "4. Arbeitsschwerpunkte 2025/26",
                    "**Integration durch Bildung:** Frühe Bildung für neu zugewanderte Familien "
                    "(Griffbereit, Rucksack KiTa), Übergänge in Ausbildung für neu zugewanderte "
                    "Jugendliche, durchgängige Sprachbildung und Herkunftssprachen.\n\n"
                    "**Integration als kommunale Querschnittsaufgabe:** rechtskreisübergreifendes Case "
                    "Management verstetigen, interkulturelle Öffnung der Kommunalverwaltungen im "
                    "ländlichen Raum, Zusammenhalt stärken – Rassismus und Antisemitismus entgegenwirken.\n\n"
                    "Die Akteure verpflichten sich wie bisher für jeweils zwei Jahre zur Mitarbeit.",
                ),
                (
                    "5. Steuerung, Evaluation und Berichtswesen",
                    "Die beiden Steuerungsgremien (je Schwerpunkt) und der Projektbeirat Seiteneinstieg "
                    "begleiten die Umsetzung. Jede Maßnahme ist mit Zielen, Wirkungen, Zielgruppen, "
                    "Laufzeit und messbaren Kennzahlen hinterlegt; die Messwerte werden jährlich "
                    "erhoben und – wo sinnvoll – nach Kommunen ausgewiesen.\n\n"
                    "Dem Kreistag wird jährlich ein Sachstandsbericht vorgelegt. Die "
                    "Integrationskonferenz 2026 hat die Ergebnisse mit den Akteuren beraten; ihre "
                    "Empfehlungen sind in diese Fortschreibung eingeflossen.",
                ),
                (
                    "6. Personal und Ausstattung",
                    "Das Zentrum arbeitet mit zwei vom Land abgeordneten Lehrkräften (2,0 Stellen), zwei "
                    "außerschulischen pädagogischen Fachkräften, einer Verwaltungsfachkraft und 0,5 "
                    "Stelle Assistenz; hinzu kommen die nach § 9 TIntG NRW geförderten KIM-Stellen. Die "
                    "Stellenzahlen richten sich nach der jeweils geltenden Förderrichtlinie des Landes. "
                    "Dienstort bleibt Lüdenscheid.",
                ),
            ],
        },
    ],
    "work_periods": [
        {
            "kind": "kalender",
            "start_year": 2013,
            "priorities": [
                {
                    "focus": "bildung",
                    "title": P13_RUCKSACK,
                    "description": "Rucksack im Kindergarten und in der Grundschule als Methode der interkulturellen "
                    "Elternarbeit kreisweit einführen; Elternbegleiterinnen gewinnen und qualifizieren.",
                },
                {
                    "focus": "bildung",
                    "title": P13_SEI,
                    "description": "Neu eingewanderte Schülerinnen und Schüler und deren Eltern mit geringen deutschen "
                    "Sprachkenntnissen beraten und gemeinsam mit dem Schulamt Schulplätze vermitteln.",
                },
                {
                    "focus": "querschnitt",
                    "title": P13_STEUER,
                    "description": "Die beiden Steuerungsgremien mit den Kommunen einrichten, Einsatzmanagement von Land "
                    "und Kreis vereinbaren, Doppelstrukturen vermeiden.",
                },
                {
                    "focus": "querschnitt",
                    "title": P13_TRANSPARENZ,
                    "description": "Bestehende Integrationsangebote der Kommunen und freien Träger erfassen und die "
                    "Transparenz des Angebotes verbessern.",
                },
            ],
        },
        {
            "kind": "kalender",
            "start_year": 2023,
            "priorities": [
                {
                    "focus": "bildung",
                    "title": P23_SPRACHE,
                    "description": "Alltagsintegrierte Sprachbildung in Kitas und Grundschulen durch Fortbildung der "
                    "Fachkräfte und Ausbau von Griffbereit und Rucksack stärken.",
                },
                {
                    "focus": "bildung",
                    "title": P23_UKRAINE,
                    "description": "Die stark gestiegene Zahl neu zugewanderter Kinder und Jugendlicher aus der Ukraine "
                    "beraten und zügig in Schulen vermitteln.",
                },
                {
                    "focus": "querschnitt",
                    "title": P23_KIM,
                    "description": "KIM nach § 9 TIntG NRW aufbauen: Case-Management-Stellen besetzen, Fallkonferenzen "
                    "mit Jobcenter und Ausländerbehörde einführen.",
                },
                {
                    "focus": "querschnitt",
                    "title": P23_SPRACHMITTLUNG,
                    "description": "Den Laiensprachmittlerpool ausbauen, damit Schulen, Kitas und Ämter Gespräche mit "
                    "Eltern auch in selteneren Sprachen führen können.",
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
                    "description": "Familien mit Kindern unter sechs Jahren, die neu zugewandert sind, früh erreichen "
                    "und an Kita und Familienzentren heranführen.",
                },
                {
                    "focus": "bildung",
                    "title": P25_UEBERGANG,
                    "description": "Neu zugewanderte Jugendliche in Internationalen Förderklassen begleiten und mit "
                    "Betrieben im Ausbildungskonsens zusammenbringen.",
                },
                {
                    "focus": "bildung",
                    "title": P25_MEHRSPRACHIG,
                    "description": "Deutsch als Zweitsprache und Herkunftssprachen als zusammenhängende Aufgabe der "
                    "Schulen unterstützen.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_CM,
                    "description": "Das rechtskreisübergreifende Case Management aus der Aufbauphase in den Regelbetrieb "
                    "überführen; Fallzahlen je Case Managerin bzw. Case Manager senken.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_IKOE,
                    "description": "Kleinere Kommunalverwaltungen bei der interkulturellen Öffnung mit regional "
                    "organisierten Schulungen unterstützen.",
                },
                {
                    "focus": "querschnitt",
                    "title": P25_ZUSAMMENHALT,
                    "description": "Gemeinsam mit Schulen, Migrantenorganisationen und Sport Angebote gegen Rassismus und "
                    "Antisemitismus bündeln.",
                },
            ],
        },
    ],
    "actors": [
        {
            "name": A_SCHULAMT,
            "type": "schulaufsicht",
            "municipality": "Lüdenscheid",
            "fields_of_action": [HF_SCHULE, HF_SPRACHE],
            "target_groups": [ZG_SEI, ZG_LEHR],
            "description": "Untere Schulaufsicht für Grund- und Förderschulen; zuständig für die Zuweisung "
            "neu zugewanderter Schülerinnen und Schüler gemeinsam mit dem KI.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Gabriele Hoffmeister",
                    "function": "Schulrätin, Generale Integration",
                    "email": "g.hoffmeister@example.org",
                    "phone": "+49 2351 966-7120",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_SCHULVERW,
            "type": "schulverwaltung",
            "municipality": "Lüdenscheid",
            "fields_of_action": [HF_SCHULE, HF_UEBERGANG],
            "target_groups": [ZG_SEI, ZG_JUGEND],
            "description": "Schulträger der Berufskollegs und Förderschulen des Kreises; Schulentwicklungsplanung.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Holger Brinkmann",
                    "function": "Sachgebietsleitung Schulverwaltung",
                    "email": "h.brinkmann@example.org",
                    "phone": "+49 2351 966-6410",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_JUGEND,
            "type": "jugendhilfe",
            "municipality": None,
            "fields_of_action": [HF_FRUEH, HF_ZUSAMMEN],
            "target_groups": [ZG_U3, ZG_KITA, ZG_GEFL],
            "description": "Träger der öffentlichen Jugendhilfe für die Kommunen ohne eigenes Jugendamt; "
            "Kita-Bedarfsplanung und Frühe Hilfen.",
            "published": True,
            "offers": [
                {
                    "title": "Frühe Hilfen – Willkommensbesuche",
                    "description": "Hausbesuche bei Familien mit Neugeborenen, auf Wunsch mit Sprachmittlung.",
                    "target_groups": [ZG_U3],
                    "municipalities": [
                        "Balve",
                        "Herscheid",
                        "Neuenrade",
                        "Schalksmühle",
                        "Nachrodt-Wiblingwerde",
                    ],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Sabine Kortmann",
                    "function": "Koordination Frühe Hilfen",
                    "email": "s.kortmann@example.org",
                    "phone": "+49 2351 966-6620",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_CARITAS,
            "type": "wohlfahrtsverband",
            "municipality": "Lüdenscheid",
            "fields_of_action": [HF_ZUSAMMEN, HF_FRUEH],
            "target_groups": [ZG_GEFL, ZG_ERW, ZG_U3],
            "description": "Migrationsberatung für Erwachsene, Flüchtlingsberatung und Träger mehrerer "
            "Griffbereit-Gruppen.",
            "published": True,
            "offers": [
                {
                    "title": "Migrationsberatung für erwachsene Zugewanderte (MBE)",
                    "description": "Individuelle Beratung zu Sprache, Arbeit, Wohnen und Aufenthalt.",
                    "target_groups": [ZG_ERW, ZG_GEFL],
                    "municipalities": ["Lüdenscheid", "Altena", "Werdohl"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Ayşe Demirtaş",
                    "function": "Fachdienst Migration",
                    "email": "a.demirtas@example.org",
                    "phone": "+49 2351 9077-30",
                    "consent": True,
                },
                {
                    "name": "Thomas Lennartz",
                    "function": "Bereichsleitung Soziale Dienste",
                    "email": "t.lennartz@example.org",
                    "phone": "+49 2351 9077-10",
                    "consent": False,
                },
            ],
        },
        {
            "name": A_DIAKONIE,
            "type": "wohlfahrtsverband",
            "municipality": "Plettenberg",
            "fields_of_action": [HF_ZUSAMMEN, HF_IKOE],
            "target_groups": [ZG_GEFL, ZG_EHRENAMT],
            "description": "Flüchtlingsberatung und Begleitung ehrenamtlicher Willkommensinitiativen im "
            "südlichen Kreisgebiet.",
            "published": True,
            "offers": [
                {
                    "title": "Ehrenamtskoordination Flüchtlingshilfe",
                    "description": "Schulung und Begleitung ehrenamtlich Engagierter in Plettenberg, Herscheid und Werdohl.",
                    "target_groups": [ZG_EHRENAMT],
                    "municipalities": ["Plettenberg", "Herscheid", "Werdohl"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Martin Ebbinghaus",
                    "function": "Flüchtlingsberatung",
                    "email": "m.ebbinghaus@example.org",
                    "phone": "+49 2391 9540-22",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_IR_ISERLOHN,
            "type": "integrationsrat",
            "municipality": "Iserlohn",
            "fields_of_action": [HF_ZUSAMMEN, HF_NETZ],
            "target_groups": [ZG_MSO],
            "description": "Gewählte Vertretung der Migrantinnen und Migranten in Iserlohn; Mitglied im "
            "Steuerungsgremium Querschnitt.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Kemal Yıldırım",
                    "function": "Vorsitzender",
                    "email": "k.yildirim@example.org",
                    "phone": "+49 2371 217-1450",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_IR_LUED,
            "type": "integrationsrat",
            "municipality": "Lüdenscheid",
            "fields_of_action": [HF_ZUSAMMEN],
            "target_groups": [ZG_MSO],
            "description": "Integrationsrat der größten kreisangehörigen Stadt.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Eleni Papadopoulou",
                    "function": "Vorsitzende",
                    "email": "e.papadopoulou@example.org",
                    "phone": "+49 2351 17-1290",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_MSO,
            "type": "mso",
            "municipality": None,
            "fields_of_action": [HF_ZUSAMMEN, HF_SPRACHE, HF_NETZ],
            "target_groups": [ZG_MSO, ZG_GS],
            "description": "Zusammenschluss von 14 Vereinen (u. a. griechische, italienische, türkische, "
            "syrische und ukrainische Gemeinden); ausdrücklich zur Mitarbeit in der Steuerung "
            "eingeladen.",
            "published": True,
            "offers": [
                {
                    "title": "Herkunftssprachliche Samstagsschulen",
                    "description": "Ergänzender Unterricht in Griechisch, Arabisch und Ukrainisch in Vereinsräumen.",
                    "target_groups": [ZG_GS],
                    "municipalities": ["Lüdenscheid", "Iserlohn"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Olena Kovalenko",
                    "function": "Sprecherin",
                    "email": "o.kovalenko@example.org",
                    "phone": "+49 2371 4409-18",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_IA,
            "type": "landesstruktur",
            "municipality": "Iserlohn",
            "fields_of_action": [HF_IKOE, HF_ZUSAMMEN],
            "target_groups": [ZG_MSO, ZG_EHRENAMT],
            "description": "Landesgeförderte Integrationsagentur (Trägerschaft AWO); Schwerpunkte "
            "bürgerschaftliches Engagement und Antidiskriminierungsarbeit.",
            "published": True,
            "offers": [
                {
                    "title": "Beratung bei Diskriminierung",
                    "description": "Erstberatung und Verweisberatung für Betroffene von Diskriminierung.",
                    "target_groups": [ZG_ERW, ZG_GEFL],
                    "municipalities": [],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Nadine Schulte-Rademacher",
                    "function": "Integrationsagentur",
                    "email": "n.schulte-rademacher@example.org",
                    "phone": "+49 2371 8390-41",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_KSB,
            "type": "sport",
            "municipality": None,
            "fields_of_action": [HF_ZUSAMMEN],
            "target_groups": [ZG_GEFL, ZG_EHRENAMT],
            "description": "Dachverband des organisierten Sports; Programm „Integration durch Sport“.",
            "published": True,
            "offers": [
                {
                    "title": "Integration durch Sport – Stützpunktvereine",
                    "description": "Vereine mit offenen Angeboten für neu Zugewanderte, u. a. in Menden, Hemer und Kierspe.",
                    "target_groups": [ZG_GEFL],
                    "municipalities": ["Menden (Sauerland)", "Hemer", "Kierspe"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Jörg Wiethoff",
                    "function": "Referent Integration durch Sport",
                    "email": "j.wiethoff@example.org",
                    "phone": "+49 2351 6601-25",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_FWZ,
            "type": "freiwilligenagentur",
            "municipality": "Lüdenscheid",
            "fields_of_action": [HF_ZUSAMMEN, HF_NETZ],
            "target_groups": [ZG_EHRENAMT],
            "description": "Vermittlung von Ehrenamtlichen, u. a. für Lernpatenschaften und den "
            "Laiensprachmittlerpool.",
            "published": False,
            "offers": [],
            "contacts": [
                {
                    "name": "Birgit Assmann",
                    "function": "Leitung",
                    "email": "b.assmann@example.org",
                    "phone": "+49 2351 3894-0",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_AA,
            "type": "agentur_fuer_arbeit",
            "municipality": "Iserlohn",
            "fields_of_action": [HF_UEBERGANG],
            "target_groups": [ZG_JUGEND],
            "description": "Berufsberatung und Ausbildungsvermittlung; Partner im Ausbildungskonsens.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Stefan Kleinebrahm",
                    "function": "Teamleitung Berufsberatung",
                    "email": "s.kleinebrahm@example.org",
                    "phone": "+49 2371 905-310",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_JC,
            "type": "jobcenter",
            "municipality": None,
            "fields_of_action": [HF_UEBERGANG, HF_IKOE],
            "target_groups": [ZG_ERW, ZG_GEFL],
            "description": "Träger der Grundsicherung; Partner im rechtskreisübergreifenden Case Management.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Andrea Vollmerhaus",
                    "function": "Migrationsbeauftragte",
                    "email": "a.vollmerhaus@example.org",
                    "phone": "+49 2351 1808-44",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_ABH,
            "type": "auslaenderbehoerde",
            "municipality": None,
            "fields_of_action": [HF_IKOE],
            "target_groups": [ZG_ERW, ZG_GEFL],
            "description": "Ausländerbehörde des Kreises für alle Kommunen außer Iserlohn und Lüdenscheid; "
            "KIM-Stellen nach § 9 TIntG NRW.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Ralf Dahlhaus",
                    "function": "Sachgebietsleitung",
                    "email": "r.dahlhaus@example.org",
                    "phone": "+49 2351 966-6330",
                    "consent": False,
                }
            ],
        },
        {
            "name": A_BAMF,
            "type": "bamf",
            "municipality": None,
            "fields_of_action": [HF_SPRACHE, HF_NETZ],
            "target_groups": [ZG_ERW],
            "description": "Regionalkoordination für Integrationskurse und Migrationsberatung.",
            "published": False,
            "offers": [],
            "contacts": [
                {
                    "name": "Claudia Reinecke",
                    "function": "Regionalkoordinatorin",
                    "email": "c.reinecke@example.org",
                    "phone": "+49 231 9057-412",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_KITA,
            "type": "kita",
            "municipality": "Plettenberg",
            "fields_of_action": [HF_FRUEH],
            "target_groups": [ZG_U3, ZG_KITA],
            "description": "Familienzentrum mit Griffbereit- und Rucksack-KiTa-Gruppe.",
            "published": True,
            "offers": [
                {
                    "title": "Griffbereit-Gruppe Plettenberg-Eiringhausen",
                    "description": "Wöchentliches Treffen für Eltern mit Kindern von 1 bis 3 Jahren.",
                    "target_groups": [ZG_U3],
                    "municipalities": ["Plettenberg"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Petra Vogelsang",
                    "function": "Leitung Familienzentrum",
                    "email": "p.vogelsang@example.org",
                    "phone": "+49 2391 6083-0",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_BK,
            "type": "schule",
            "municipality": "Lüdenscheid",
            "fields_of_action": [HF_UEBERGANG],
            "target_groups": [ZG_JUGEND, ZG_SEI],
            "description": "Berufskolleg mit Internationalen Förderklassen.",
            "published": True,
            "offers": [],
            "contacts": [
                {
                    "name": "Dirk Habicht",
                    "function": "Bildungsgangleitung Internationale Förderklasse",
                    "email": "d.habicht@example.org",
                    "phone": "+49 2351 9680-15",
                    "consent": True,
                }
            ],
        },
        {
            "name": A_VHS,
            "type": "bildungstraeger",
            "municipality": "Meinerzhagen",
            "fields_of_action": [HF_SPRACHE],
            "target_groups": [ZG_ERW],
            "description": "Volkshochschule für Halver, Kierspe, Meinerzhagen und Schalksmühle; "
            "Integrations- und Berufssprachkurse.",
            "published": True,
            "offers": [
                {
                    "title": "Integrationskurse mit Kinderbetreuung",
                    "description": "Allgemeine Integrationskurse am Vormittag mit paralleler Kinderbetreuung.",
                    "target_groups": [ZG_ERW],
                    "municipalities": ["Halver", "Kierspe", "Meinerzhagen", "Schalksmühle"],
                    "published": True,
                }
            ],
            "contacts": [
                {
                    "name": "Monika Ibach",
                    "function": "Fachbereich Deutsch als Fremdsprache",
                    "email": "m.ibach@example.org",
                    "phone": "+49 2354 9279-12",
                    "consent": True,
                }
            ],
        },
    ],
    # Eckpunktepapier (Seed 002): Leitung an eine Stelle gekoppelt, Stellvertretung aus anderer Profession.
    # Seed 000: Leitung durch den Integrationsbeauftragten.
    "staff_posts": [
        {
            "title": "Leitung / Integrationsbeauftragter",
            "holder": "Frank Schürmann",
            "profession": "paedagogik",
            "fte": 1.0,
            "funding": "kreis",
            "head": True,
            "deputy": False,
        },
        {
            "title": "Stellvertretende Leitung / Lehrkraft (Primarstufe)",
            "holder": "Claudia Bergmann-Öztürk",
            "profession": "lehrkraft",
            "fte": 1.0,
            "funding": "land",
            "head": False,
            "deputy": True,
        },
        {
            "title": "Lehrkraft Seiteneinstieg (Sek. I)",
            "holder": "Markus Heuser",
            "profession": "lehrkraft",
            "fte": 0.5,
            "funding": "land",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Lehrkraft Übergang Schule–Beruf",
            "holder": "Julia Assenmacher",
            "profession": "lehrkraft",
            "fte": 0.5,
            "funding": "land",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Pädagogische Fachkraft Frühe Bildung",
            "holder": "Derya Kaplan",
            "profession": "paedagogik",
            "fte": 1.0,
            "funding": "kreis",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Verwaltungsfachkraft",
            "holder": "Heike Rüsche",
            "profession": "verwaltung",
            "fte": 1.0,
            "funding": "kreis",
            "head": False,
            "deputy": False,
        },
        {
            "title": "Assistenz",
            "holder": "Lena Wortmann",
            "profession": "assistenz",
            "fte": 0.5,
            "funding": "kreis",
            "head": False,
            "deputy": False,
        },
    ],
    "committees": [
        {
            "name": "Kreistag des Märkischen Kreises",
            "kind": "kreistag",
            "focus": None,
            "members": [],
            "meetings": [
                (date(2012, 10, 31), "Kreishaus Lüdenscheid, Großer Sitzungssaal", True),
                (date(2026, 3, 26), "Kreishaus Lüdenscheid, Großer Sitzungssaal", True),
                (date(2026, 7, 2), "Kreishaus Lüdenscheid, Großer Sitzungssaal", True),
                (date(2026, 12, 10), "Kreishaus Lüdenscheid, Großer Sitzungssaal", True),
                (date(2027, 3, 25), "Kreishaus Lüdenscheid, Großer Sitzungssaal", True),
            ],
        },
        {
            "name": "Kreisausschuss",
            "kind": "kreisausschuss",
            "focus": None,
            "members": [],
            "meetings": [
                (date(2026, 3, 12), "Kreishaus Lüdenscheid, Sitzungsraum 1", False),
                (date(2026, 11, 26), "Kreishaus Lüdenscheid, Sitzungsraum 1", False),
                (date(2027, 3, 11), "Kreishaus Lüdenscheid, Sitzungsraum 1", False),
            ],
        },
        {
            "name": "Ausschuss für Soziales, Gesundheit und Integration",
            "kind": "fachausschuss",
            "focus": None,
            "members": [],
            "meetings": [
                (date(2026, 2, 24), "Kreishaus Lüdenscheid, Sitzungsraum 1", True),
                (date(2026, 9, 15), "Kreishaus Lüdenscheid, Sitzungsraum 1", True),
                (date(2026, 11, 10), "Kreishaus Lüdenscheid, Sitzungsraum 1", True),
                (date(2027, 2, 23), "Kreishaus Lüdenscheid, Sitzungsraum 1", True),
            ],
        },
        {
            "name": "Steuerungsgremium Integration durch Bildung",
            "kind": "steuerungsgremium",
            "focus": "bildung",
            "members": [A_SCHULAMT, A_SCHULVERW, A_JUGEND, A_KITA, A_BK, A_MSO],
            "meetings": [
                (date(2026, 2, 4), "Kommunales Integrationszentrum, Lüdenscheid", False),
                (date(2026, 6, 17), "Rathaus Iserlohn", False),
                (date(2026, 10, 7), "Rathaus Plettenberg", False),
                (date(2027, 2, 3), "Kommunales Integrationszentrum, Lüdenscheid", False),
            ],
        },
        {
            "name": "Steuerungsgremium Integration als kommunale Querschnittsaufgabe",
            "kind": "steuerungsgremium",
            "focus": "querschnitt",
            "members": [A_IR_ISERLOHN, A_IR_LUED, A_MSO, A_IA, A_CARITAS, A_DIAKONIE, A_JC, A_ABH],
            "meetings": [
                (date(2026, 2, 11), "Kommunales Integrationszentrum, Lüdenscheid", False),
                (date(2026, 6, 24), "Rathaus Menden (Sauerland)", False),
                (date(2026, 10, 14), "Kommunales Integrationszentrum, Lüdenscheid", False),
                (date(2027, 2, 10), "Rathaus Meinerzhagen", False),
            ],
        },
        {
            "name": "Projektbeirat Seiteneinstieg",
            "kind": "projektbeirat",
            "focus": "bildung",
            "members": [A_SCHULAMT, A_SCHULVERW, A_BK, A_ABH],
            "meetings": [
                (date(2026, 4, 22), "Schulamt Lüdenscheid", False),
                (date(2026, 9, 23), "Schulamt Lüdenscheid", False),
                (date(2027, 1, 20), "Schulamt Lüdenscheid", False),
            ],
        },
        {
            "name": "Arbeitskreis Migrantenorganisationen",
            "kind": "arbeitskreis",
            "focus": "querschnitt",
            "members": [A_MSO, A_IR_ISERLOHN, A_IR_LUED, A_IA, A_KSB, A_FWZ],
            "meetings": [
                (date(2026, 3, 18), "Stadtteilzentrum Lüdenscheid", True),
                (date(2026, 9, 9), "Bürgerhaus Iserlohn", True),
                (date(2027, 1, 27), "Stadtteilzentrum Lüdenscheid", True),
            ],
        },
    ],
    "participation_events": [
        {
            "kind": "arbeitsgruppe",
            "title": "Abstimmung der Arbeitsschwerpunkte 2013/14 mit den Kommunen",
            "date": date(2012, 12, 5),
            "field_of_action": None,
            "participants": 24,
            "institutions": 17,
        },
        {
            "kind": "integrationskonferenz",
            "title": "1. Integrationskonferenz Märkischer Kreis",
            "date": date(2014, 11, 19),
            "field_of_action": HF_NETZ,
            "participants": 118,
            "institutions": 52,
        },
        {
            "kind": "workshop",
            "title": "Workshop Fortschreibung: Frühe Bildung und Elternarbeit",
            "date": date(2026, 3, 4),
            "field_of_action": HF_FRUEH,
            "participants": 31,
            "institutions": 19,
        },
        {
            "kind": "workshop",
            "title": "Workshop Fortschreibung: Schule, Seiteneinstieg und Übergang",
            "date": date(2026, 3, 11),
            "field_of_action": HF_SCHULE,
            "participants": 37,
            "institutions": 22,
        },
        {
            "kind": "workshop",
            "title": "Workshop Fortschreibung: Zusammenleben und Teilhabe",
            "date": date(2026, 4, 15),
            "field_of_action": HF_ZUSAMMEN,
            "participants": 28,
            "institutions": 18,
        },
        {
            "kind": "integrationskonferenz",
            "title": "Integrationskonferenz 2026 „Zusammen im Sauerland“",
            "date": date(2026, 9, 30),
            "field_of_action": None,
            "participants": 142,
            "institutions": 61,
        },
    ],
    "measures": [
        {
            "title": "Griffbereit",
            "focus": "bildung",
            "field_of_action": HF_FRUEH,
            "priorities": [P23_SPRACHE, P25_FRUEH],
            "start": date(2014, 8, 1),
            "end": None,
            "goal": "Eltern mit Kindern von 1 bis 3 Jahren stärken die Familiensprache und bereiten den Kita-Besuch vor.",
            "effect": "Mehr Kinder aus zugewanderten Familien besuchen ab drei Jahren eine Kita; Eltern nutzen "
            "Familienzentren.",
            "target_groups": [ZG_U3],
            "status": "laufend",
            "municipalities": [],
            "lead": A_JUGEND,
            "partners": [A_KITA, A_CARITAS],
            "in_versions": [KONZEPT_2012, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende Familien je Kita-Jahr",
                    "unit": "Familien",
                    "baseline": 36,
                    "target": 140,
                    "direction": "up",
                    "land_key": "griffbereit_familien",
                    "measurements": _reihe(
                        "Gruppenmeldungen der Elternbegleiterinnen",
                        7,
                        31,
                        {
                            2015: 36,
                            2017: 58,
                            2019: 74,
                            2021: (41, "Corona: Gruppen zeitweise ausgesetzt"),
                            2022: 88,
                            2023: 109,
                            2024: 118,
                            2025: 124,
                            2026: 131,
                        },
                    ),
                },
                {
                    "name": "Griffbereit-Gruppen",
                    "unit": "Gruppen",
                    "baseline": 4,
                    "target": 15,
                    "direction": "up",
                    "land_key": "griffbereit_gruppen",
                    "measurements": _reihe(
                        "Gruppenmeldungen der Elternbegleiterinnen",
                        7,
                        31,
                        {2015: 4, 2019: 8, 2023: 12, 2024: 13, 2025: 13, 2026: 14},
                    ),
                },
            ],
        },
        {
            "title": "Rucksack KiTa",
            "focus": "bildung",
            "field_of_action": HF_FRUEH,
            "priorities": [P13_RUCKSACK, P23_SPRACHE, P25_FRUEH],
            "start": date(2013, 9, 1),
            "end": None,
            "goal": "Eltern von Kindern zwischen 4 und 6 Jahren fördern die Sprachentwicklung in der Familiensprache "
            "parallel zur Deutschförderung in der Kita.",
            "effect": "Eltern arbeiten enger mit der Kita zusammen; die Sprachstände der Kinder verbessern sich.",
            "target_groups": [ZG_KITA, ZG_KITAFACH],
            "status": "regelangebot",
            "municipalities": [],
            "lead": A_JUGEND,
            "partners": [A_KITA, A_CARITAS, A_DIAKONIE],
            "in_versions": [KONZEPT_2012, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende Familien je Kita-Jahr",
                    "unit": "Familien",
                    "baseline": 48,
                    "target": 180,
                    "direction": "up",
                    "land_key": "rucksack_kita_familien",
                    "measurements": _reihe(
                        "Jahresstatistik Rucksack KiTa",
                        7,
                        31,
                        {
                            2014: 48,
                            2016: 96,
                            2018: (142, "seit 2018 Regelangebot der Familienzentren"),
                            2020: 97,
                            2022: 151,
                            2023: 168,
                            2024: 176,
                            2025: 183,
                            2026: 179,
                        },
                    )
                    + _reihe(
                        "Jahresstatistik Rucksack KiTa",
                        7,
                        31,
                        {2024: 41, 2025: 44, 2026: 46},
                        gemeinde="Lüdenscheid",
                    )
                    + _reihe(
                        "Jahresstatistik Rucksack KiTa",
                        7,
                        31,
                        {2024: 37, 2025: 39, 2026: 35},
                        gemeinde="Iserlohn",
                    )
                    + _reihe(
                        "Jahresstatistik Rucksack KiTa",
                        7,
                        31,
                        {2024: 12, 2025: 14, 2026: 15},
                        gemeinde="Werdohl",
                    ),
                },
                {
                    "name": "Rucksack-KiTa-Gruppen",
                    "unit": "Gruppen",
                    "baseline": 5,
                    "target": 20,
                    "direction": "up",
                    "land_key": "rucksack_kita_gruppen",
                    "measurements": _reihe(
                        "Jahresstatistik Rucksack KiTa",
                        7,
                        31,
                        {2014: 5, 2018: 15, 2022: 17, 2024: 19, 2025: 20, 2026: 20},
                    ),
                },
            ],
        },
        {
            "title": "Rucksack Schule",
            "focus": "bildung",
            "field_of_action": HF_SCHULE,
            "priorities": [P13_RUCKSACK, P25_MEHRSPRACHIG],
            "start": date(2014, 2, 1),
            "end": None,
            "goal": "Wöchentliche Elterngruppen an Grundschulen begleiten den Unterricht in der Familiensprache.",
            "effect": "Eltern unterstützen das Lernen ihrer Kinder und nehmen häufiger an Elternabenden teil.",
            "target_groups": [ZG_GS],
            "status": "laufend",
            "municipalities": [
                "Lüdenscheid",
                "Iserlohn",
                "Werdohl",
                "Altena",
                "Menden (Sauerland)",
            ],
            "lead": A_SCHULAMT,
            "partners": [A_MSO],
            "in_versions": [KONZEPT_2012, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Elterngruppen an Grundschulen",
                    "unit": "Gruppen",
                    "baseline": 3,
                    "target": 14,
                    "direction": "up",
                    "land_key": "rucksack_schule_gruppen",
                    "measurements": _reihe(
                        "Schuljahresabfrage KI",
                        7,
                        31,
                        {
                            2015: 5,
                            2017: 8,
                            2019: 9,
                            2021: 4,
                            2023: 7,
                            2024: 8,
                            2025: 8,
                            2026: (9, "zwei Elternbegleiterinnen fehlen weiterhin"),
                        },
                    ),
                },
            ],
        },
        {
            "title": "Seiteneinsteigerberatung",
            "focus": "bildung",
            "field_of_action": HF_SCHULE,
            "priorities": [P13_SEI, P23_UKRAINE, P25_MEHRSPRACHIG],
            "start": date(2013, 8, 1),
            "end": None,
            "goal": "Neu zugewanderte Kinder und Jugendliche werden beraten und innerhalb von sechs Wochen einer "
            "Schule zugewiesen.",
            "effect": "Kurze Wartezeiten bis zum Schulbesuch; passende Schulform von Beginn an.",
            "target_groups": [ZG_SEI, ZG_ELTERN_NEU],
            "status": "laufend",
            "municipalities": [],
            "lead": A_SCHULAMT,
            "partners": [A_SCHULVERW, A_ABH],
            "in_versions": [KONZEPT_2012, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Beratene Schülerinnen und Schüler je Schuljahr",
                    "unit": "Schülerinnen und Schüler",
                    "baseline": 180,
                    "target": 500,
                    "direction": "up",
                    "land_key": "seiteneinstieg_beratene",
                    "measurements": _reihe(
                        "Beratungsstatistik KI",
                        7,
                        31,
                        {
                            2014: 184,
                            2016: (912, "Fluchtzuwanderung 2015/16"),
                            2018: 431,
                            2020: 268,
                            2022: (1046, "Zuwanderung aus der Ukraine"),
                            2023: 734,
                            2024: 562,
                            2025: 498,
                            2026: 517,
                        },
                    )
                    + _reihe(
                        "Beratungsstatistik KI",
                        7,
                        31,
                        {2025: 141, 2026: 149},
                        gemeinde="Lüdenscheid",
                    )
                    + _reihe(
                        "Beratungsstatistik KI", 7, 31, {2025: 118, 2026: 112}, gemeinde="Iserlohn"
                    ),
                },
                {
                    "name": "Anteil ohne Schulplatz sechs Wochen nach Beratung",
                    "unit": "%",
                    "baseline": "12.0",
                    "target": "5.0",
                    "direction": "down",
                    "land_key": "seiteneinstieg_ohne_schulplatz_quote",
                    "measurements": _reihe(
                        "Beratungsstatistik KI",
                        7,
                        31,
                        {
                            2016: "21.5",
                            2018: "9.8",
                            2022: "18.4",
                            2023: "11.2",
                            2024: "8.1",
                            2025: "7.4",
                            2026: "6.9",
                        },
                    ),
                },
            ],
        },
        {
            "title": "Beratung der Schulen zum herkunftssprachlichen Unterricht",
            "focus": "bildung",
            "field_of_action": HF_SPRACHE,
            "priorities": [P25_MEHRSPRACHIG],
            "start": date(2019, 8, 1),
            "end": None,
            "goal": "Schulen richten herkunftssprachlichen Unterricht dort ein, wo genügend Anmeldungen vorliegen.",
            "effect": "Mehrsprachigkeit wird als Potenzial sichtbar; mehr Kinder lernen ihre Familiensprache schriftlich.",
            "target_groups": [ZG_GS, ZG_LEHR],
            "status": "laufend",
            "municipalities": [],
            "lead": A_SCHULAMT,
            "partners": [A_MSO],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Angebotene Herkunftssprachen",
                    "unit": "Sprachen",
                    "baseline": 5,
                    "target": 10,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Schulamt, Erhebung HSU",
                        10,
                        15,
                        {2019: 5, 2021: 6, 2023: 7, 2024: 8, 2025: 8, 2026: 9},
                    ),
                },
            ],
        },
        {
            "title": "Fortbildungsreihe Alltagsintegrierte Sprachbildung für Kita-Fachkräfte",
            "focus": "bildung",
            "field_of_action": HF_SPRACHE,
            "priorities": [P23_SPRACHE, P25_FRUEH],
            "start": date(2023, 1, 15),
            "end": date(2026, 12, 31),
            "goal": "Kita-Fachkräfte in allen 15 Kommunen werden regional in alltagsintegrierter Sprachbildung und "
            "Mehrsprachigkeit fortgebildet.",
            "effect": "Sprachbildung gelingt im Kita-Alltag; Fortbildungen erreichen auch kleine Gemeinden.",
            "target_groups": [ZG_KITAFACH],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_JUGEND, A_KITA],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Fortgebildete Fachkräfte (kumuliert)",
                    "unit": "Personen",
                    "baseline": 0,
                    "target": 240,
                    "direction": "up",
                    "land_key": "",
                    "measurements": [
                        _wert(64, date(2023, 12, 31), "Teilnahmelisten KI"),
                        _wert(131, date(2024, 12, 31), "Teilnahmelisten KI"),
                        _wert(187, date(2025, 12, 31), "Teilnahmelisten KI"),
                        _wert(219, date(2026, 10, 31), "Teilnahmelisten KI", "Stand 31.10.2026"),
                    ],
                },
            ],
        },
        {
            "title": "Übergangsbegleitung Internationale Förderklassen",
            "focus": "bildung",
            "field_of_action": HF_UEBERGANG,
            "priorities": [P25_UEBERGANG],
            "start": date(2025, 2, 1),
            "end": None,
            "goal": "Jugendliche der Internationalen Förderklassen erhalten Praktika und Ausbildungsplätze.",
            "effect": "Weniger Abbrüche nach der Internationalen Förderklasse; mehr Übergänge in Ausbildung.",
            "target_groups": [ZG_JUGEND, ZG_SEI],
            "status": "laufend",
            "municipalities": ["Lüdenscheid", "Iserlohn"],
            "lead": A_BK,
            "partners": [A_AA, A_JC, A_SCHULVERW],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Übergänge in Ausbildung nach der Internationalen Förderklasse",
                    "unit": "%",
                    "baseline": "18.0",
                    "target": "35.0",
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Verbleibsabfrage Berufskolleg", 9, 30, {2025: "21.0", 2026: "24.5"}
                    ),
                },
            ],
        },
        {
            "title": "Ausbildungspatenschaften für neu zugewanderte Jugendliche",
            "focus": "bildung",
            "field_of_action": HF_UEBERGANG,
            "priorities": [P25_UEBERGANG],
            "start": date(2026, 12, 1),
            "end": None,
            "goal": "Ehrenamtliche Patinnen und Paten begleiten Jugendliche bis zum Ende des ersten Ausbildungsjahres.",
            "effect": "Ausbildungsabbrüche junger Zugewanderter sinken.",
            "target_groups": [ZG_JUGEND, ZG_EHRENAMT],
            "status": "geplant",
            "municipalities": ["Plettenberg", "Werdohl", "Altena", "Neuenrade"],
            "lead": A_FWZ,
            "partners": [A_AA, A_DIAKONIE],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Aktive Patenschaften",
                    "unit": "Patenschaften",
                    "baseline": 0,
                    "target": 25,
                    "direction": "up",
                    "land_key": "",
                    "measurements": [],
                },
            ],
        },
        {
            "title": "Laiensprachmittlerpool Märkischer Kreis",
            "focus": "querschnitt",
            "field_of_action": HF_IKOE,
            "priorities": [P23_SPRACHMITTLUNG, P25_IKOE],
            "start": date(2016, 3, 1),
            "end": None,
            "goal": "Schulen, Kitas und Verwaltungen können kurzfristig qualifizierte Laiensprachmittelnde anfordern.",
            "effect": "Elterngespräche und Beratungen gelingen ohne Kinder als Dolmetscher.",
            "target_groups": [ZG_ELTERN_NEU, ZG_VERW, ZG_EHRENAMT],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_FWZ, A_MSO],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Einsätze je Jahr",
                    "unit": "Einsätze",
                    "baseline": 120,
                    "target": 900,
                    "direction": "up",
                    "land_key": "sprachmittler_einsaetze",
                    "measurements": _reihe(
                        "Einsatzstatistik Sprachmittlerpool",
                        12,
                        31,
                        {
                            2016: 120,
                            2018: 388,
                            2020: 301,
                            2022: 812,
                            2023: 874,
                            2024: 921,
                            2025: 958,
                        },
                    )
                    + [
                        _wert(
                            803,
                            date(2026, 9, 30),
                            "Einsatzstatistik Sprachmittlerpool",
                            "Stand 30.09.2026",
                        )
                    ]
                    + _reihe(
                        "Einsatzstatistik Sprachmittlerpool",
                        12,
                        31,
                        {2024: 212, 2025: 236},
                        gemeinde="Lüdenscheid",
                    ),
                },
                {
                    "name": "Abgedeckte Sprachen",
                    "unit": "Sprachen",
                    "baseline": 11,
                    "target": 35,
                    "direction": "up",
                    "land_key": "sprachmittler_sprachen",
                    "measurements": _reihe(
                        "Einsatzstatistik Sprachmittlerpool",
                        12,
                        31,
                        {2016: 11, 2019: 19, 2022: 27, 2024: 31, 2025: 32},
                    ),
                },
                {
                    "name": "Aktive Laiensprachmittelnde",
                    "unit": "Personen",
                    "baseline": 18,
                    "target": 80,
                    "direction": "up",
                    "land_key": "sprachmittler_aktive",
                    "measurements": _reihe(
                        "Einsatzstatistik Sprachmittlerpool",
                        12,
                        31,
                        {2016: 18, 2019: 46, 2022: 71, 2024: 64, 2025: 58},
                    ),
                },
            ],
        },
        {
            "title": "Schulungen Interkulturelle Öffnung für Kommunalverwaltungen",
            "focus": "querschnitt",
            "field_of_action": HF_IKOE,
            "priorities": [P25_IKOE],
            "start": date(2017, 1, 1),
            "end": None,
            "goal": "Beschäftigte der Kreis- und Stadtverwaltungen mit Publikumsverkehr werden interkulturell geschult.",
            "effect": "Weniger Verständigungsprobleme und Beschwerden im Kundenkontakt.",
            "target_groups": [ZG_VERW],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_IA, A_ABH],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Schulungstage je Jahr",
                    "unit": "Schulungstage",
                    "baseline": 4,
                    "target": 20,
                    "direction": "up",
                    "land_key": "ikoe_schulungstage",
                    "measurements": _reihe(
                        "Fortbildungsstatistik KI",
                        12,
                        31,
                        {2017: 4, 2019: 9, 2021: 6, 2023: 12, 2024: 14, 2025: 13},
                    )
                    + [
                        _wert(
                            11, date(2026, 10, 31), "Fortbildungsstatistik KI", "Stand 31.10.2026"
                        )
                    ],
                },
                {
                    "name": "Teilnehmende je Jahr",
                    "unit": "Teilnehmende",
                    "baseline": 52,
                    "target": 260,
                    "direction": "up",
                    "land_key": "ikoe_teilnehmende",
                    "measurements": _reihe(
                        "Fortbildungsstatistik KI",
                        12,
                        31,
                        {2017: 52, 2019: 118, 2021: 71, 2023: 164, 2024: 187, 2025: 171},
                    )
                    + _reihe(
                        "Fortbildungsstatistik KI", 12, 31, {2024: 14, 2025: 22}, gemeinde="Balve"
                    )
                    + _reihe(
                        "Fortbildungsstatistik KI",
                        12,
                        31,
                        {2024: 9, 2025: 17},
                        gemeinde="Nachrodt-Wiblingwerde",
                    ),
                },
            ],
        },
        {
            "title": "Integrationskonferenz Märkischer Kreis",
            "focus": "querschnitt",
            "field_of_action": HF_NETZ,
            "priorities": [P13_TRANSPARENZ, P25_ZUSAMMENHALT],
            "start": date(2014, 1, 1),
            "end": None,
            "goal": "Information und Austausch über die erzielten Ergebnisse mit den Akteuren der Integrationsarbeit.",
            "effect": "Empfehlungen der Akteure fließen nachvollziehbar in Arbeitsschwerpunkte und Fortschreibung ein.",
            "target_groups": [ZG_MSO, ZG_EHRENAMT, ZG_VERW],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_IR_ISERLOHN, A_IR_LUED, A_MSO, A_IA],
            "in_versions": [KONZEPT_2012, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Teilnehmende der Integrationskonferenz",
                    "unit": "Teilnehmende",
                    "baseline": 118,
                    "target": 150,
                    "direction": "up",
                    "land_key": "integrationskonferenz_teilnehmende",
                    "measurements": [
                        _wert(118, date(2014, 11, 19), "Teilnahmeliste"),
                        _wert(96, date(2018, 11, 14), "Teilnahmeliste"),
                        _wert(131, date(2022, 11, 9), "Teilnahmeliste"),
                        _wert(142, date(2026, 9, 30), "Teilnahmeliste"),
                    ],
                },
                {
                    "name": "In die Fortschreibung übernommene Empfehlungen",
                    "unit": "Empfehlungen",
                    "baseline": 0,
                    "target": 12,
                    "direction": "up",
                    "land_key": "integrationskonferenz_empfehlungen",
                    "measurements": [
                        _wert(9, date(2026, 10, 31), "Dokumentation Integrationskonferenz 2026")
                    ],
                },
            ],
        },
        {
            "title": "KIM – Rechtskreisübergreifendes Case Management",
            "focus": "querschnitt",
            "field_of_action": HF_IKOE,
            "priorities": [P23_KIM, P25_CM],
            "start": date(2021, 4, 1),
            "end": None,
            "goal": "Zugewanderte mit komplexem Unterstützungsbedarf erhalten eine feste Ansprechperson über "
            "Rechtskreise hinweg (§ 9 TIntG NRW).",
            "effect": "Abgestimmte Hilfeplanung zwischen Jobcenter, Ausländerbehörde und Jugendhilfe.",
            "target_groups": [ZG_ERW, ZG_GEFL],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_JC, A_ABH, A_CARITAS, A_DIAKONIE],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Besetzte Case-Management-Stellen",
                    "unit": "Stellen",
                    "baseline": "2.0",
                    "target": "6.0",
                    "direction": "up",
                    "land_key": "kim_cm_stellen_besetzt",
                    "measurements": _reihe(
                        "Stellenplan KIM",
                        12,
                        31,
                        {2021: "2.0", 2022: "4.5", 2023: "5.5", 2024: "5.0", 2025: "5.5"},
                    )
                    + [_wert("6.0", date(2026, 9, 30), "Stellenplan KIM")],
                },
                {
                    "name": "Offene Fälle je Case Managerin bzw. Case Manager",
                    "unit": "Fälle",
                    "baseline": 58,
                    "target": 45,
                    "direction": "down",
                    "land_key": "kim_faelle_pro_cm",
                    "measurements": _reihe(
                        "Fallstatistik KIM", 12, 31, {2022: 61, 2023: 64, 2024: 59, 2025: 53}
                    )
                    + [_wert(51, date(2026, 9, 30), "Fallstatistik KIM", "Stand 30.09.2026")],
                },
            ],
        },
        {
            "title": "Online-Wegweiser Integration im Märkischen Kreis",
            "focus": "querschnitt",
            "field_of_action": HF_NETZ,
            "priorities": [P13_TRANSPARENZ, P25_IKOE],
            "start": date(2014, 6, 1),
            "end": None,
            "goal": "Alle Integrationsangebote im Kreisgebiet sind aktuell und durchsuchbar auf der Website des "
            "Kreises veröffentlicht.",
            "effect": "Fachkräfte und Zugewanderte finden passende Angebote ohne Umwege.",
            "target_groups": [ZG_ERW, ZG_EHRENAMT, ZG_VERW],
            "status": "laufend",
            "municipalities": [],
            "lead": None,
            "partners": [A_FWZ, A_CARITAS],
            "in_versions": [KONZEPT_2012, FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Veröffentlichte Angebote",
                    "unit": "Einträge",
                    "baseline": 85,
                    "target": 300,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Redaktionssystem Kreis-Website",
                        12,
                        31,
                        {2014: 85, 2017: 164, 2020: 201, 2023: 236, 2024: 248, 2025: 259},
                    ),
                },
            ],
        },
        {
            "title": "Workshops „Schule ohne Rassismus“ an weiterführenden Schulen",
            "focus": "querschnitt",
            "field_of_action": HF_ZUSAMMEN,
            "priorities": [P25_ZUSAMMENHALT],
            "start": date(2025, 1, 15),
            "end": None,
            "goal": "Schülerinnen und Schüler setzen sich mit Rassismus und Antisemitismus auseinander.",
            "effect": "Mehr Schulen treten dem Netzwerk „Schule ohne Rassismus – Schule mit Courage“ bei.",
            "target_groups": [ZG_LEHR],
            "status": "laufend",
            "municipalities": [],
            "lead": A_IA,
            "partners": [A_MSO, A_KSB, A_SCHULAMT],
            "in_versions": [FORTSCHREIBUNG_2026],
            "indicators": [
                {
                    "name": "Durchgeführte Workshops",
                    "unit": "Workshops",
                    "baseline": 0,
                    "target": 30,
                    "direction": "up",
                    "land_key": "",
                    "measurements": [
                        _wert(12, date(2025, 12, 31), "Dokumentation Integrationsagentur"),
                        _wert(
                            19,
                            date(2026, 10, 31),
                            "Dokumentation Integrationsagentur",
                            "Stand 31.10.2026",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Elterncafés für neu zugewanderte Familien",
            "focus": "bildung",
            "field_of_action": HF_FRUEH,
            "priorities": [P13_SEI],
            "start": date(2014, 3, 1),
            "end": date(2019, 7, 31),
            "goal": "Niedrigschwelliger Treffpunkt für Eltern neu zugewanderter Kinder an Grundschulen.",
            "effect": "Eltern erhalten Orientierung im Schulsystem.",
            "target_groups": [ZG_ELTERN_NEU],
            "status": "eingestellt",
            "municipalities": ["Werdohl", "Altena"],
            "lead": A_CARITAS,
            "partners": [],
            "in_versions": [KONZEPT_2012],
            "indicators": [
                {
                    "name": "Regelmäßig Teilnehmende",
                    "unit": "Personen",
                    "baseline": 10,
                    "target": 30,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Teilnahmelisten",
                        7,
                        31,
                        {
                            2015: 14,
                            2016: 21,
                            2017: 12,
                            2019: (
                                6,
                                "eingestellt mangels Nachfrage; Inhalte gehen in Rucksack Schule auf",
                            ),
                        },
                    ),
                },
            ],
        },
        {
            "title": "Qualifizierung Ehrenamtlicher in der Flüchtlingshilfe",
            "focus": "querschnitt",
            "field_of_action": HF_ZUSAMMEN,
            "priorities": [P13_TRANSPARENZ],
            "start": date(2014, 9, 1),
            "end": date(2018, 12, 31),
            "goal": "Ehrenamtlich Engagierte erhalten Grundlagenwissen zu Asylverfahren, Sprache und Behördenwegen.",
            "effect": "Ehrenamtliche Initiativen arbeiten abgestimmt mit den hauptamtlichen Diensten.",
            "target_groups": [ZG_EHRENAMT],
            "status": "abgeschlossen",
            "municipalities": [],
            "lead": A_DIAKONIE,
            "partners": [A_FWZ, A_CARITAS],
            "in_versions": [KONZEPT_2012],
            "indicators": [
                {
                    "name": "Geschulte Ehrenamtliche",
                    "unit": "Personen",
                    "baseline": 0,
                    "target": 300,
                    "direction": "up",
                    "land_key": "",
                    "measurements": _reihe(
                        "Teilnahmelisten", 12, 31, {2015: 146, 2016: 212, 2017: 68, 2018: 31}
                    ),
                },
            ],
        },
    ],
    "glossary": [
        (
            "KI",
            "Kommunales Integrationszentrum – vom Land gefördertes Zentrum des Kreises für Integration "
            "durch Bildung und Integration als kommunale Querschnittsaufgabe.",
            True,
        ),
        (
            "TIntG NRW",
            "Teilhabe- und Integrationsgesetz des Landes Nordrhein-Westfalen vom 25.11.2021; "
            "§ 8 regelt die Kommunalen Integrationszentren, § 9 das Kommunale Integrationsmanagement.",
            True,
        ),
        (
            "KIM",
            "Kommunales Integrationsmanagement nach § 9 TIntG NRW: strategische Steuerung, "
            "rechtskreisübergreifendes Case Management, Stellen in der Ausländerbehörde.",
            True,
        ),
        ("LaKI", "Landesweite Koordinierungsstelle Kommunale Integrationszentren.", True),
        ("HSU", "Herkunftssprachlicher Unterricht an Schulen in Nordrhein-Westfalen.", True),
        ("DaZ", "Deutsch als Zweitsprache.", True),
        (
            "IFK",
            "Internationale Förderklasse am Berufskolleg für neu zugewanderte Jugendliche.",
            True,
        ),
        (
            "Seiteneinsteiger",
            "Schülerinnen und Schüler, die im schulpflichtigen Alter neu nach Deutschland "
            "kommen und während der Schullaufbahn in das deutsche Schulsystem einsteigen.",
            False,
        ),
        (
            "Griffbereit",
            "Programm für Eltern mit Kindern von 1 bis 3 Jahren zur Förderung der "
            "Familiensprache und zur Vorbereitung auf die Kita.",
            False,
        ),
        (
            "Rucksack",
            "Programm der interkulturellen Elternarbeit in Kita (Rucksack KiTa) und Grundschule "
            "(Rucksack Schule), das Familiensprache und Deutsch verbindet.",
            False,
        ),
        (
            "Arbeitsschwerpunkt",
            "Für jeweils zwei Jahre mit den örtlichen Partnern vereinbarter Schwerpunkt "
            "der Arbeit des KI, z. B. für 2025/26.",
            False,
        ),
        (
            "Regelangebot",
            "Eine erprobte Maßnahme, die bei entsprechender Wirkung dauerhaft vom Regelsystem "
            "getragen wird; eine Finanzierung durch den Kreis ist grundsätzlich nicht vorgesehen.",
            False,
        ),
        (
            "Einsatzmanagement",
            "Gemeinsame Steuerung des Personaleinsatzes im KI durch Land und Kreis.",
            False,
        ),
    ],
    "decision_papers": [],
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
    # Seed 000: Kreistagsbeschluss 31.10.2012, Arbeitsschwerpunkte 2013/14, Dienstort Lüdenscheid
    assert DISTRICT["concept_versions"][0]["decided_on"] == date(2012, 10, 31)
    assert any(p["start_year"] == 2013 for p in DISTRICT["work_periods"])
    assert len(DISTRICT["municipalities"]) == 15
