"""``/land/…``: pages of the Land (Landesweite Koordinierungsstelle, Bezirksregierung Arnsberg).

Every view here uses ``accounts.access.LandMixin``; tests/test_permissions.py walks them.
"""

from django.urls import include, path

app_name = "land"

urlpatterns = [
    path("", include("land.urls_overview")),
    path("anforderungen/", include("land.urls_requirements")),
    path("kennzahlen/", include("land.urls_indicators")),
    path("kim-foerdersaetze/", include("land.urls_kim")),
]
