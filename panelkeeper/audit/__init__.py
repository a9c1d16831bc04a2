"""The append-only audit log; write to it with ``panelkeeper.audit.log.record``."""
