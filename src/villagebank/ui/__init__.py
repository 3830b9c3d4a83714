"""The villagebank Qt GUI (the only package that imports PySide6)."""
