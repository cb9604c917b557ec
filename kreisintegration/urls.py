from django.contrib import admin
from django.urls import include, path

from accounts.views import HomeView
from workspace.health import healthz

admin.site.site_header = "Kreisintegration – Verwaltung"
admin.site.site_title = "Kreisintegration"
admin.site.index_title = "Stammdaten und Inhalte"

# Every KI page lives under the District's slug; each app's URLs carry their German prefix
# (massnahmen/, akteure/, …). tests/test_permissions.py walks all of them.
district_patterns = [
    path("", include("concepts.urls")),
    path("", include("measures.urls")),
    path("", include("actors.urls")),
    path("", include("kim.urls")),
    path("", include("coordination.urls")),
    path("", include("papers.urls")),
    path("", include("documents.urls")),
    path("", include("reports.urls")),
]

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    # Database and worker for monitoring, no login (issue 15). No slash: a District slug
    # "healthz" keeps its pages under /healthz/.
    path("healthz", healthz, name="healthz"),
    # The Land across all Districts (issue 17); "land" is a reserved District slug. Before the
    # District patterns: workspace's "<district>/" would take /land/ otherwise.
    path("land/", include("land.urls")),
    path("", include("accounts.urls")),  # konto/… and <district>/mitglieder/…
    path("", include("public.urls")),  # oeffentlich/… and <district>/rueckmeldungen/…
    path("", include("workspace.urls")),  # betrieb/… (operator) and the District's dashboard
    # Read-only OParl 1.1 of released öffentlich papers (https://oparl.org/spezifikation/).
    path("oparl/v1.1/", include("oparl.urls")),
    # Concept images with a permission check; nothing else under /media/ is reachable (issue 15).
    path("media/", include("concepts.urls_media")),
    path("<slug:district_slug>/", include(district_patterns)),
]
