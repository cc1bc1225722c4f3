"""Stage 2, check: each record against the schema of its kind, then built into the typed, linked dataset."""
