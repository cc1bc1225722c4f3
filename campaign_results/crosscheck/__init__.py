"""Stage 3, cross-check: rules across records of the checked dataset (sums, dates, citations)."""
