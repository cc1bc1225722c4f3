"""The benchmark: `python build_site.py bench --records N [--json FILE]` (see run.py)."""
