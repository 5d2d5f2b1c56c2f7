"""The XML layer: namespaces, the one hardened parser, element classes, schemas."""
