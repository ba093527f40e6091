"""Tracing Desk: poste de traçage des contacts (décret 2020-551, MARS n°2020_109)."""

__version__ = "0.1.0"
