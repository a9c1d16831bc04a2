"""The demo organisations (``panelkeeper demo``). It sits above every other app:
loading a demo organisation reaches into all of them."""
