"""The static report: one HTML file (images embedded, also written beside it) that a person
can send by mail: what changed hands in a period, casualties, contested places, and every
statement with its sources. Article text is untrusted: the template escapes everything."""
from frontwatch.report.build import build_report

__all__ = ["build_report"]
