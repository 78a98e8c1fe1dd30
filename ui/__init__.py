"""Tidings' pages (NiceGUI): per-client element trees that show core's read models and call its actions."""
