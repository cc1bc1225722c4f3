#!/usr/bin/env python3
"""Entry point: check the records in data/ and build the public site.

Run ``python build_site.py --help`` for the commands.

Staff type plain ``python build_site.py …`` (the contributor guide, the pre-commit hook and the
files ``new`` writes all say so). The packages live in the project's ``.venv/``, made by
``make site``; so when this file is run by another Python, it hands itself over to the project's
own. Without a ``.venv/`` and without the packages, it says in Vietnamese how to set one up.
This part must run on any Python 3, so it uses nothing newer than the standard library.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MINIMUM = (3, 11)
HANDED_OVER = "CAMPAIGN_RESULTS_IN_VENV"  # set before handing over: never hand over twice


def _venv_python():
    for candidate in (VENV / "bin" / "python", VENV / "Scripts" / "python.exe"):
        if candidate.is_file():
            return candidate
    return None


def _move_into_venv() -> None:
    """Run this same command with the project's .venv Python, when there is one and it is not us."""
    python = _venv_python()
    if python is None or os.environ.get(HANDED_OVER) or Path(sys.prefix).resolve() == VENV.resolve():
        return
    os.environ[HANDED_OVER] = "1"
    os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


def _stop(message: str) -> None:
    print(message)
    sys.exit(2)


def _check_setup() -> None:
    if sys.version_info < MINIMUM:
        _stop(f"LỖI: cần Python {MINIMUM[0]}.{MINIMUM[1]} trở lên (máy đang dùng "
              f"{sys.version_info[0]}.{sys.version_info[1]}).\n"
              "    Cách sửa: cài Python 3.11 hoặc mới hơn, rồi chạy `make site` một lần trong thư mục dự án.")
    try:
        import jsonschema  # noqa: F401  (the packages every command needs)
        import mkdocs  # noqa: F401
        import yaml  # noqa: F401
    except ImportError as error:
        _stop(f"LỖI: máy chưa cài các gói mà công cụ cần (thiếu gói \"{error.name}\").\n"
              f"    Cách sửa: trong thư mục {ROOT}, chạy `make site` một lần: lệnh này tạo thư mục .venv/, "
              "cài đúng các gói đã ghi trong requirements.lock và dựng trang lần đầu. "
              "Sau đó `python build_site.py …` tự dùng .venv/.")


if __name__ == "__main__":
    _move_into_venv()
    _check_setup()
    from campaign_results.cli import main

    sys.exit(main())
