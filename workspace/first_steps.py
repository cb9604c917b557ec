"""„Erste Schritte“: what a new District still has to set up, read from its data (issue 13).

The steps compose several domains (districts, accounts, concepts), so they live here in
``workspace``. Each step ticks itself off from the data — there is no checkbox to forget — and
the dashboard shows the card until every step is done. The number of queries is constant: one
for the District's facts, one for the roles of its members.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Subquery, Value
from django.urls import NoReverseMatch, reverse

from accounts.models import Membership
from accounts.rights import Capability, Role
from concepts.models import ConceptVersion, FieldOfAction, FocusArea, WorkPeriod
from districts.models import District, Municipality


def url_or_none(name: str, district: District) -> str | None:
    """The URL of the District page ``name``, or None while no app provides that page.

    A step whose page does not exist (a URL name not, or no longer, provided) is shown as plain
    text instead of a broken link.
    """
    try:
        return reverse(name, kwargs={"district_slug": district.slug})
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    done: bool
    url: str | None  # None while the page does not exist or the viewer may not open it
    missing: str = ""  # what is still missing, in German; empty once done
    page_pending: bool = False  # the page is not built yet ("Seite folgt")


def _periods_with_both_focus_areas():
    """Work periods of the outer District with an Arbeitsschwerpunkt in every Schwerpunkt.

    Eckpunktepapier (seed 002): both Schwerpunkte are mandatory.
    """
    focus_area_count = Subquery(
        FocusArea.objects.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        WorkPeriod.objects.filter(district=OuterRef("pk"))
        .annotate(areas=Count("priorities__focus_area", distinct=True))
        .filter(areas__gte=focus_area_count)
    )


# step -> (URL name of its page, capability needed to open it)
PAGES = {
    "municipalities": ("workspace:municipalities", Capability.READ_INTERNAL),
    "members": ("accounts:members", Capability.MANAGE_MEMBERS),
    "period": ("concepts:periods", Capability.READ),
    "fields": ("concepts:fields", Capability.READ),
    "version": ("concepts:versions", Capability.READ),
    "paper_settings": ("papers:settings", Capability.DECIDE),
}


def _link(key: str, district: District, access) -> tuple[str | None, bool]:
    """(URL or None, page pending): no link to a page the viewer would get 403 on."""
    name, capability = PAGES[key]
    url = url_or_none(name, district)
    if url is None:
        return None, True
    if access is not None and not access.can(capability):
        return None, False
    return url, False


def first_steps(district: District, access=None) -> list[Step]:
    """The set-up steps of ``district`` in their order, each done or not according to its data.

    With ``access`` (accounts.access.Access) a step links to its page only if the viewer may
    open it.
    """
    facts = (
        District.objects.filter(pk=district.pk)
        .annotate(
            has_municipalities=Exists(Municipality.objects.filter(district=OuterRef("pk"))),
            has_period=Exists(_periods_with_both_focus_areas()),
            has_fields=Exists(FieldOfAction.objects.filter(district=OuterRef("pk"))),
            has_version=Exists(ConceptVersion.objects.filter(concept__district=OuterRef("pk"))),
        )
        .values("has_municipalities", "has_period", "has_fields", "has_version", "logo")
        .get()
    )
    roles = set(
        Membership.objects.filter(district=district, is_active=True, user__is_active=True)
        .order_by()  # without Meta.ordering's joins: one row per role
        .values_list("role", flat=True)
        .distinct()
    )

    def step(key: str, label: str, done: bool, missing: str) -> Step:
        url, pending = _link(key, district, access)
        return Step(key, label, done, url, "" if done else missing, pending)

    # Issue 13 asks for one member per role of the KI's work; Mitzeichnung (issue 14) is
    # needed only where the Kreis sets up sign-off steps, so it is not a first step.
    missing_roles = [role.label for role in Role if role not in roles and role != Role.SIGNATORY]
    return [
        step(
            "municipalities",
            "Kommunen eintragen",
            facts["has_municipalities"],
            "Noch keine Kommune eingetragen.",
        ),
        step(
            "members",
            "Mitglieder einladen (je Rolle mindestens eine Person)",
            not missing_roles,
            "Es fehlt: " + ", ".join(missing_roles) + "." if missing_roles else "",
        ),
        step(
            "period",
            "Erste Arbeitsperiode mit Arbeitsschwerpunkten in beiden Schwerpunkten",
            facts["has_period"],
            "Noch keine Arbeitsperiode mit Arbeitsschwerpunkten in beiden Schwerpunkten.",
        ),
        step(
            "fields",
            "Handlungsfelder festlegen",
            facts["has_fields"],
            "Noch kein Handlungsfeld.",
        ),
        step(
            "version",
            "Erste Konzeptfassung anlegen",
            facts["has_version"],
            "Noch keine Fassung des Integrationskonzepts.",
        ),
        # Layout and number pattern have working defaults (the Mettmann layout, 50/020/2015);
        # the logo has none, so the step is done once the logo is there.
        step(
            "paper_settings",
            "Einstellungen für Vorlagen (Nummernmuster, Gliederung, Logo)",
            bool(facts["logo"]),
            "Noch kein Logo für die Vorlagen hochgeladen.",
        ),
    ]
