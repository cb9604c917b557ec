"""The 54 bodies in NRW that run a KI (DOMAIN.md: AGS annex of a federal ordinance, 25.01.2021).

31 Kreise (incl. StädteRegion Aachen), 22 kreisfreie Städte, and the Stadt Aachen inside the
StädteRegion. Used by a data migration and by ``load_demo``; plain data, no models.
"""

KREISE = [
    ("05154", "Kreis Kleve"),
    ("05158", "Kreis Mettmann"),
    ("05162", "Rhein-Kreis Neuss"),
    ("05166", "Kreis Viersen"),
    ("05170", "Kreis Wesel"),
    ("05334", "StädteRegion Aachen"),
    ("05358", "Kreis Düren"),
    ("05362", "Rhein-Erft-Kreis"),
    ("05366", "Kreis Euskirchen"),
    ("05370", "Kreis Heinsberg"),
    ("05374", "Oberbergischer Kreis"),
    ("05378", "Rheinisch-Bergischer Kreis"),
    ("05382", "Rhein-Sieg-Kreis"),
    ("05554", "Kreis Borken"),
    ("05558", "Kreis Coesfeld"),
    ("05562", "Kreis Recklinghausen"),
    ("05566", "Kreis Steinfurt"),
    ("05570", "Kreis Warendorf"),
    ("05754", "Kreis Gütersloh"),
    ("05758", "Kreis Herford"),
    ("05762", "Kreis Höxter"),
    ("05766", "Kreis Lippe"),
    ("05770", "Kreis Minden-Lübbecke"),
    ("05774", "Kreis Paderborn"),
    ("05954", "Ennepe-Ruhr-Kreis"),
    ("05958", "Hochsauerlandkreis"),
    ("05962", "Märkischer Kreis"),
    ("05966", "Kreis Olpe"),
    ("05970", "Kreis Siegen-Wittgenstein"),
    ("05974", "Kreis Soest"),
    ("05978", "Kreis Unna"),
]

KREISFREIE_STAEDTE = [
    ("05111", "Düsseldorf"),
    ("05112", "Duisburg"),
    ("05113", "Essen"),
    ("05114", "Krefeld"),
    ("05116", "Mönchengladbach"),
    ("05117", "Mülheim an der Ruhr"),
    ("05119", "Oberhausen"),
    ("05120", "Remscheid"),
    ("05122", "Solingen"),
    ("05124", "Wuppertal"),
    ("05314", "Bonn"),
    ("05315", "Köln"),
    ("05316", "Leverkusen"),
    ("05512", "Bottrop"),
    ("05513", "Gelsenkirchen"),
    ("05515", "Münster"),
    ("05711", "Bielefeld"),
    ("05911", "Bochum"),
    ("05913", "Dortmund"),
    ("05914", "Hagen"),
    ("05915", "Hamm"),
    ("05916", "Herne"),
]

# Aachen is a municipality of the StädteRegion (AGS 05334002) and runs its own KI.
REGIONSSTADT = [("05334002", "Stadt Aachen")]


def all_districts() -> list[tuple[str, str, str]]:
    """(official key, name, kind) for all 54 KI bodies."""
    return (
        [(key, name, "kreis") for key, name in KREISE]
        + [(key, name, "kreisfreie_stadt") for key, name in KREISFREIE_STAEDTE]
        + [(key, name, "regionsstadt") for key, name in REGIONSSTADT]
    )
