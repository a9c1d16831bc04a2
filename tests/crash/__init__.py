"""Processes killed with SIGKILL: the web server during writes, the worker while sending."""
