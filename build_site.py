#!/usr/bin/env python3
"""Entry point: check the records in data/ and build the public site.

Run ``python build_site.py --help`` for the commands.
"""

import sys

from campaign_results.cli import main

if __name__ == "__main__":
    sys.exit(main())
