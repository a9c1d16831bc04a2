from django.urls import path

from panelkeeper.pages.views import portal, public

app_name = "pages"
urlpatterns = [
    path("accessibility/", public.accessibility_statement, name="accessibility"),
    path("api/guide/", public.api_guide, name="api-guide"),
    path("my/<int:member>/home/", portal.home, name="home"),
]
