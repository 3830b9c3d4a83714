"""The book workbook (``shared/interchange.md``, version 1): import, export and the network consolidation."""
