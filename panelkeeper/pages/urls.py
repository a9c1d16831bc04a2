from django.urls import path

from panelkeeper.pages import views

app_name = "pages"
urlpatterns = [
    path("accessibility/", views.accessibility_statement, name="accessibility"),
]
