"""HTML for documents and change records."""
