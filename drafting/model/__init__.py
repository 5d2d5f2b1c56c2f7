"""The drafting model: documents, provisions, metadata and house styles."""

from drafting.model.document import Document, Note
from drafting.model.metadata import Event, Metadata
from drafting.model.provision import Provision
from drafting.model.styles import EP, NATO_PA, PACE, PLAIN, STYLES, UN_GA, HouseStyle, get_style

__all__ = [
    "EP",
    "NATO_PA",
    "PACE",
    "PLAIN",
    "STYLES",
    "UN_GA",
    "Document",
    "Event",
    "HouseStyle",
    "Metadata",
    "Note",
    "Provision",
    "get_style",
]
