"""Which kind of change CI is looking at: data only, or code as well.

A commit that touches only the records in ``data/`` (not the province lists in
``data/reference/``, which the code and its tests are written against) is checked and built
and then published, without waiting for the code's test suite: the test suite reads its own
fixture records (``tests/fixtures/``), so new records cannot change its outcome. Any other
change runs everything before publishing.

    python3 -m campaign_results.ci BASE HEAD

prints ``code=true`` or ``code=false`` (and appends it to ``$GITHUB_OUTPUT`` under GitHub
Actions). When BASE is unknown (a new branch, a force-push, a shallow clone), the answer is
``code=true``: when in doubt, run everything. Standard library only: it runs before set-up.
"""

from __future__ import annotations

import os
import subprocess
import sys

DATA = "data/"
NOT_DATA = ("data/reference/",)
NO_COMMIT = "0" * 40


def is_data_only(paths: list[str]) -> bool:
    """True when every changed path is a record under data/ (and there is at least one)."""
    return bool(paths) and all(p.startswith(DATA) and not p.startswith(NOT_DATA) for p in paths)


def changed_paths(base: str, head: str, cwd: str | None = None) -> list[str] | None:
    """Paths changed between two commits, or None when the comparison cannot be made."""
    if not base or base == NO_COMMIT:
        return None
    run = subprocess.run(["git", "diff", "--name-only", "--no-renames", base, head],
                         capture_output=True, text=True, cwd=cwd)
    if run.returncode != 0:
        return None
    return [line for line in run.stdout.splitlines() if line]


def code_changed(base: str, head: str, cwd: str | None = None) -> bool:
    paths = changed_paths(base, head, cwd)
    return paths is None or not is_data_only(paths)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("Cách dùng: python3 -m campaign_results.ci BASE HEAD")
        return 2
    line = f"code={'true' if code_changed(*argv) else 'false'}"
    print(line)
    output = os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
