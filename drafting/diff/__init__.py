"""Diff two versions of a resolution clause by clause, word by word."""
