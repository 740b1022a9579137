"""Renderers: a report's page model (or table) to PDF, HTML, CSV, XLSX or iCalendar."""
