"""Namespaces and qualified-name helpers for Akoma Ntoso 3.0."""

from __future__ import annotations

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: drafting's own namespace, used only inside ``<proprietary>`` metadata.
DRAFTING = "https://drafting.example.org/ns/1.0"
NSMAP: dict[str | None, str] = {None: AKN}
XPATH_NS = {"a": AKN, "d": DRAFTING}


def q(local: str) -> str:
    """Return the Clark name ``{AKN}local``."""
    return f"{{{AKN}}}{local}"


def dq(local: str) -> str:
    """Return the Clark name of a drafting proprietary element."""
    return f"{{{DRAFTING}}}{local}"


def local_name(tag: object) -> str:
    """Return the local part of an element's tag; '' for comments and PIs."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]
