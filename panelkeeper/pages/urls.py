from django.urls import path

from panelkeeper.pages.views import public

app_name = "pages"
urlpatterns = [
    path("accessibility/", public.accessibility_statement, name="accessibility"),
]
