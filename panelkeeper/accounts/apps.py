from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "panelkeeper.accounts"
    label = "accounts"
