"""drafting's profile schema for resolutions, installed as package data ``drafting.schemas``."""
