"""``python -m drafting`` runs the command-line interface."""

from drafting.cli import main

main()
