"""AKN to Word: the numbered final text, and Word views of changes."""
