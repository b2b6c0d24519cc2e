"""The web UI and JSON API (FastAPI + Jinja2, server-rendered, offline)."""

from cachlamhay.web.app import create_app, run

__all__ = ["create_app", "run"]
