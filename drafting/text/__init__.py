"""Plain text and Markdown in the seed's format, in and out."""

from drafting.text.reader import ImportResult, read_text
from drafting.text.writer import write_text

__all__ = ["ImportResult", "read_text", "write_text"]
