"""URLs of the Land's requirements pages (issue 17)."""

urlpatterns: list = []
