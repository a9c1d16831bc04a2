from django.urls import path

from panelkeeper.pages.views import health, portal, public

app_name = "pages"
urlpatterns = [
    path("accessibility/", public.accessibility_statement, name="accessibility"),
    path("api/guide/", public.api_guide, name="api-guide"),
    path("health/", health.process, name="health"),
    path("health/database/", health.database, name="health-database"),
    path("my/<int:member>/home/", portal.home, name="home"),
]
