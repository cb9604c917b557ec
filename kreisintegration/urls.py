from django.contrib import admin
from django.urls import include, path

from accounts.views import HomeView
from actors import urls as actors_urls
from papers import urls_calendar as papers_calendar_urls

admin.site.site_header = "Kreisintegration – Verwaltung"
admin.site.site_title = "Kreisintegration"
admin.site.index_title = "Stammdaten und Inhalte"

# Every KI page lives under the District's slug; each app's URLs carry their German prefix
# (massnahmen/, akteure/, …). tests/test_permissions.py walks all of them.
district_patterns = [
    path("", include("workspace.urls")),
    path("", include("concepts.urls")),
    path("", include("measures.urls")),
    # The meetings feeds list papers, so their views are papers' (actors may not import
    # papers); they keep their names in the actors namespace, next to the committee pages.
    path("", include((actors_urls.urlpatterns + papers_calendar_urls.urlpatterns, "actors"))),
    path("", include("coordination.urls")),
    path("", include("papers.urls")),
    path("", include("documents.urls")),
    path("", include("reports.urls")),
]

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("", include("accounts.urls")),  # konto/… and <district>/mitglieder/…
    path("", include("public.urls")),  # oeffentlich/… and <district>/rueckmeldungen/…
    # Read-only OParl 1.1 of released öffentlich papers (https://oparl.org/spezifikation/).
    path("oparl/v1.1/", include("oparl.urls")),
    path("<slug:district_slug>/", include(district_patterns)),
]
