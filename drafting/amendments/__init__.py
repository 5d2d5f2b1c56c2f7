"""Amendments: parsed from parliamentary wording, checked, ordered for voting, applied."""
