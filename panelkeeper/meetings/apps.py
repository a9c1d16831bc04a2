from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "panelkeeper.meetings"

    def ready(self) -> None:
        # The daily trigger's job table is a plain dict; the agenda job joins it from here
        # so that gifts declared since yesterday reach the next meeting's agenda (GIFT-2).
        from panelkeeper.core.daily import JOBS
        from panelkeeper.meetings.tasks import put_waiting_matters_on_agendas

        JOBS.setdefault("meetings_agendas", put_waiting_matters_on_agendas)
        # A gift declared while its meeting is already scheduled goes on that agenda at
        # once, in the declaring transaction (GIFT-2).
        from panelkeeper.meetings.agenda import place_declared_gift
        from panelkeeper.registers.gifts import when_gift_declared

        when_gift_declared(place_declared_gift)
