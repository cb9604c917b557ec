from django.urls import path

from . import views

app_name = "districts"

urlpatterns = [
    path("", views.DistrictHomeView.as_view(), name="home"),
]
