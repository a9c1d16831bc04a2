from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "panelkeeper.today"
    label = "today"
