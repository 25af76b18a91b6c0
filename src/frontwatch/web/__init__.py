"""The web app: a read-only JSON API and a map page over the store (`frontwatch serve`)."""
from frontwatch.web.app import create_app

__all__ = ["create_app"]
