"""URLs of the Land's overview pages (issue 17)."""

urlpatterns: list = []
