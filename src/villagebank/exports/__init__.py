"""Renderers (PDF with reportlab, XLSX) and the book workbook import/export."""
