"""The bundled example resolutions, installed as package data ``drafting.examples``
so that ``drafting demo`` works for a user who has only the package."""
