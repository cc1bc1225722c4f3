"""The command line behind build_site.py.

    python build_site.py check [--data DIR] [--format text|json]
    python build_site.py build            check, then write site/
    python build_site.py serve [--port N] build, serve site/ locally, rebuild on changes

Exit status: 0 when the data is valid, 1 when it has errors, 2 when the tool
itself failed. No Python traceback reaches the user: an unexpected failure
is reported as an ``internal-error`` problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .pipeline import PROJECT_ROOT, check_data
from .problems import Place, Report
from .publish.assemble import assemble_docs
from .publish.publish import publish
from .publish.serve import serve
from .render.site_pages import render_site
from .report_output import print_json, print_text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_site.py",
        description="Kiểm tra dữ liệu và dựng trang kết quả \"Dân vận khéo\" và Ngày cao điểm.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    check = commands.add_parser("check", help="kiểm tra toàn bộ dữ liệu trong data/ và báo mọi lỗi")
    check.add_argument("--data", type=Path, default=None, help="thư mục dữ liệu (mặc định: data/)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text: cho người đọc; json: cho chương trình khác")
    commands.add_parser("build", help="kiểm tra dữ liệu rồi dựng trang web vào thư mục site/")
    serve = commands.add_parser("serve", help="dựng trang, mở xem trên máy, tự dựng lại khi data/ hoặc content/ thay đổi")
    serve.add_argument("--port", type=int, default=8000, help="cổng HTTP (mặc định 8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "build":
            return _build()
        if args.command == "serve":
            _build()
            serve(PROJECT_ROOT / "site", [PROJECT_ROOT / "data", PROJECT_ROOT / "content"], _build, args.port)
            return 0
    except Exception as error:  # the last guard: a report, never a traceback
        report = Report()
        report.add("internal-error", Place("build_site.py"), detail=f"{type(error).__name__}: {error}")
        print_text(report, sys.stdout)
        return 2
    return 0


def _check(args) -> int:
    result = check_data(args.data.resolve() if args.data else None)
    if args.format == "json":
        print_json(result.report, sys.stdout)
    else:
        print_text(result.report, sys.stdout)
    return 0 if result.report.ok else 1


def _build() -> int:
    """Check, assemble the Markdown, build with MkDocs; stop at the first failing stage."""
    result = check_data()
    if not result.report.ok:
        print_text(result.report, sys.stdout)
        print("Không dựng trang: thư mục site/ giữ nguyên bản trước.")
        return 1
    docs_dir = PROJECT_ROOT / "build" / "docs"
    hand_written = assemble_docs(PROJECT_ROOT / "content", docs_dir)
    render_site(result.dataset, docs_dir, PROJECT_ROOT / ".cache" / "charts", frozenset(hand_written))
    built = publish(PROJECT_ROOT / "mkdocs.yml", PROJECT_ROOT / "site")
    if not built.ok:
        print(built.log)
        print("MkDocs báo lỗi: thư mục site/ giữ nguyên bản trước.")
        return 1
    print(f"Đã dựng trang vào {PROJECT_ROOT / 'site'}.")
    return 0
