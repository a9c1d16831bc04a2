from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "panelkeeper.cases"
    verbose_name = "Breach cases"
    default_auto_field = "django.db.models.BigAutoField"
