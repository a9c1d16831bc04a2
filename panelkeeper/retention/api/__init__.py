from panelkeeper.retention.api.officer import router

__all__ = ["router"]
