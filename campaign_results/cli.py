"""The command line behind build_site.py.

    python build_site.py check [--data DIR] [--format text|json]
    python build_site.py build            check, then write site/
    python build_site.py serve [--port N] build, serve site/ locally, rebuild on changes
    python build_site.py synth --records N --out DIR   synthetic data for the benchmark
    python build_site.py bench --records N [--json FILE]   build-time, size and browser figures
    python build_site.py new model|peak-day|document|campaign|plan …   start a record from a skeleton
    python build_site.py import-xlsx FILE --peak-day ID      per-unit results from the Excel template
    python build_site.py template [--out FILE]   write the Excel template again from data/indicators.csv
    python build_site.py diff --base REF    the records a change adds, changes or removes (Markdown)

Exit status: 0 when the data is valid, 1 when it has errors, 2 when the tool
itself failed or could not finish (another build running in the same folder,
a full disk). No Python traceback reaches the user: an unexpected failure
is reported as an ``internal-error`` problem; output cut short by its reader
(``… | head``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import change_summary, data_changes, history, new_record, spreadsheet
from .files import DiskFull, write_atomically
from .pipeline import check_data
from .problems import Place, Report
from .project import Project
from .publish.serve import serve
from .report_output import print_github, print_json, print_problem, print_text, summary_markdown
from .site_build import LOCK_WAIT, BuildLocked, build_project
from .synth import synthesize


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_site.py",
        description="Kiểm tra dữ liệu và dựng trang kết quả \"Dân vận khéo\" và Ngày cao điểm.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    check = commands.add_parser("check", help="kiểm tra toàn bộ dữ liệu trong data/ và báo mọi lỗi")
    check.add_argument("--data", type=Path, default=None, help="thư mục dữ liệu (mặc định: data/)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text: cho người đọc; json: cho chương trình khác")
    build = commands.add_parser("build", help="kiểm tra dữ liệu rồi dựng trang web vào thư mục site/")
    build.add_argument("--root", type=Path, default=None,
                       help="thư mục dự án khác (mặc định: thư mục chứa build_site.py); bench dùng để dựng dữ liệu tổng hợp")
    build.add_argument("--timings", type=Path, default=None, help="ghi thời gian từng bước vào tệp JSON này")
    build.add_argument("--wait", type=float, default=LOCK_WAIT, metavar="GIÂY",
                       help="nếu một lần dựng khác đang chạy trong thư mục này, chờ tối đa bấy nhiêu giây "
                            f"(mặc định {LOCK_WAIT:g}; 0: không chờ)")
    serve = commands.add_parser("serve", help="dựng trang, mở xem trên máy, tự dựng lại khi data/ hoặc content/ thay đổi")
    serve.add_argument("--port", type=int, default=8000, help="cổng HTTP (mặc định 8000)")
    synth = commands.add_parser("synth", help="tạo dữ liệu tổng hợp (giả lập) để đo hiệu năng")
    synth.add_argument("--records", type=int, required=True, help="số bản ghi")
    synth.add_argument("--out", type=Path, required=True, help="thư mục dữ liệu sẽ tạo (bị ghi đè)")
    new = commands.add_parser("new", help="tạo bản ghi mới từ mẫu, đúng chỗ, đúng mã",
                              description="Tạo bản ghi mới. Ví dụ: new model --unit \"Bến Tre\" --year 2024 "
                                          "--name \"Thắp sáng đường quê\"; new peak-day --date 11/8/2026 "
                                          "--name \"…\"; new document --issuer \"Trung ương Đoàn\" "
                                          "--number 120-BC/TWĐTN-PTN --date 20/8/2026; new campaign --name "
                                          "\"Chiến dịch Thanh niên tình nguyện Hè 2026\" --year 2026; new plan "
                                          "--unit \"Vĩnh Long\" --year 2026 --name \"…\" --document vinh-long-2026-15-kh")
    new.add_argument("kind", choices=new_record.KINDS, help="loại bản ghi")
    new.add_argument("--unit", help="đơn vị (mô hình, kế hoạch; chiến dịch: đơn vị tổ chức, mặc định Trung ương Đoàn)")
    new.add_argument("--year", type=int, help="năm (mô hình, chiến dịch, kế hoạch)")
    new.add_argument("--name", help="tên mô hình, Ngày cao điểm, chiến dịch hoặc kế hoạch")
    new.add_argument("--date", help="ngày (Ngày cao điểm, văn bản), dạng 11/8/2026")
    new.add_argument("--campaign", help="mã chiến dịch (Ngày cao điểm)")
    new.add_argument("--issuer", help="cơ quan ban hành (văn bản): tỉnh, thành hoặc Trung ương Đoàn, Đoàn trực thuộc")
    new.add_argument("--number", help="số hiệu (văn bản), ví dụ 15-CV/TĐTN-BPT")
    new.add_argument("--document", help="mã văn bản của kế hoạch trong data/documents/")
    xlsx = commands.add_parser("import-xlsx", help="nhập kết quả từng đơn vị của một Ngày cao điểm từ bảng tính mẫu",
                               description="Đọc trang \"Kết quả\" của bảng tính mẫu "
                                           "(content/assets/mau-ket-qua-ngay-cao-diem.xlsx), kiểm tra từng ô "
                                           "và ghi data/results/<mã Ngày cao điểm>.csv.")
    xlsx.add_argument("file", type=Path, help="tệp .xlsx")
    xlsx.add_argument("--peak-day", required=True, help="mã Ngày cao điểm (tên tệp trong data/peak-days/)")
    xlsx.add_argument("--source", help="mã văn bản nguồn cho các dòng không ghi cột Văn bản nguồn")
    xlsx.add_argument("--replace", action="store_true", help="thay toàn bộ kết quả đã có của Ngày cao điểm")
    template = commands.add_parser(
        "template", help="tạo lại bảng tính mẫu nhập kết quả từ danh mục chỉ tiêu data/indicators.csv",
        description=f"Tạo lại bảng tính mẫu {spreadsheet.TEMPLATE.as_posix()} (trang \"Kết quả\" với dòng "
                    "tiêu đề, trang \"Hướng dẫn\" với danh sách chỉ tiêu của data/indicators.csv). Chạy sau "
                    "khi thêm hoặc sửa chỉ tiêu, rồi gửi (commit) tệp mẫu mới.")
    template.add_argument("--out", type=Path, default=None, metavar="TỆP",
                          help=f"ghi vào tệp này (mặc định: {spreadsheet.TEMPLATE.as_posix()})")
    diff = commands.add_parser("diff", help="liệt kê bản ghi được thêm, sửa, xoá so với một commit khác (Markdown)",
                               description="So sánh dữ liệu của hai commit và in bảng Markdown các bản ghi "
                                           "thêm, sửa, xoá cùng số liệu và trang của chúng. Ví dụ: "
                                           "diff --base origin/main")
    diff.add_argument("--base", required=True, help="commit hoặc nhánh để so sánh, ví dụ origin/main")
    diff.add_argument("--head", default="HEAD", help="commit có thay đổi (mặc định: HEAD)")
    bench = commands.add_parser("bench", help="đo thời gian dựng, dung lượng và tải trang trên dữ liệu tổng hợp")
    bench.add_argument("--records", type=int, required=True, help="số bản ghi tổng hợp")
    bench.add_argument("--json", type=Path, default=None, help="ghi các số đo ra tệp JSON này")
    bench.add_argument("--no-lighthouse", action="store_true", help="bỏ qua phần đo bằng Lighthouse")
    bench.add_argument("--workdir", type=Path, default=None, help="thư mục tạm (mặc định: thư mục tạm của hệ thống)")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        try:
            code = COMMANDS[args.command](args)
        except BrokenPipeError:
            raise
        except Exception as error:  # the last guard: a report, never a traceback
            problem = Report().add("internal-error", Place("build_site.py"), detail=f"{type(error).__name__}: {error}")
            print(f"LỖI [{problem.code}] {problem.message}\n    Cách sửa: {problem.hint}")
            code = 2
        sys.stdout.flush()  # a closed reader shows here, not in the interpreter's last flush
        return code
    except BrokenPipeError:  # the reader stopped reading (`… | head`): say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 1


# Messages about the run itself, not the data.
WAITING = ("Một lần dựng trang khác đang chạy trong thư mục này ({root}): "
           "chờ lần đó xong (tối đa {wait:g} giây)…")
LOCKED = ("LỖI: Một lần dựng trang khác đang chạy trong thư mục này ({root}){waited}: lần này không dựng. "
          "Thư mục site/ giữ nguyên bản trước.\n"
          "    Cách sửa: chờ lần dựng kia xong (lệnh serve cũng tự dựng lại mỗi khi dữ liệu thay đổi), "
          "rồi chạy lại `python build_site.py build`.")
DISK_FULL = ("LỖI: {what}: không ghi được vào thư mục {folder}. "
             "Không dựng trang: thư mục {site} giữ nguyên bản trước, đầy đủ.\n"
             "    Cách sửa: giải phóng chỗ trống trên ổ đĩa chứa thư mục {folder} (xoá các tệp không cần), "
             "rồi chạy lại `python build_site.py build`.")
NO_SPACE = "Ổ đĩa đã đầy"
NO_QUOTA = "Đã hết hạn mức dung lượng (quota) được cấp trên ổ đĩa"


def _disk_full_message(full: DiskFull, project: Project) -> str:
    return DISK_FULL.format(what=NO_QUOTA if full.quota else NO_SPACE, folder=full.folder, site=project.site_dir)


def _build_command(args) -> int:
    return _build(Project(args.root.resolve()) if args.root else Project(), args.timings, args.wait)


def _serve(args) -> int:
    project = Project()
    _build(project)
    serve(project.site_dir, [project.data_dir, project.content_dir], lambda: _build(project), args.port)
    return 0


def _synth(args) -> int:
    summary = synthesize(args.out, args.records)
    print(f"Đã tạo {summary.records} bản ghi trong {args.out}: {summary.models} mô hình, "
          f"{summary.documents} văn bản, {summary.peak_days} Ngày cao điểm "
          f"({summary.result_rows} dòng kết quả), {summary.plans} kế hoạch, {summary.campaigns} chiến dịch.")
    return 0


def _bench(args) -> int:
    from .benchmark import run as benchmark  # imports Playwright only when measuring
    figures = benchmark.run(args.records, args.workdir, not args.no_lighthouse)
    print(benchmark.table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def _print_report(report, format: str = "text") -> None:
    """The report as asked; under GitHub Actions also as annotations and a job summary."""
    if format == "json":
        print_json(report, sys.stdout)
        return
    print_text(report, sys.stdout)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print_github(report, sys.stdout)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(summary_markdown(report))


def _check(args) -> int:
    result = check_data(args.data.resolve() if args.data else None)
    _print_report(result.report, args.format)
    return 0 if result.report.ok else 1


def _build(project: Project, timings: Path | None = None, wait: float = LOCK_WAIT) -> int:
    """Check, generate the Markdown, publish; stop at the first failing stage."""
    try:
        outcome = build_project(project, wait=wait,
                                waiting=lambda: print(WAITING.format(root=project.root, wait=wait), flush=True))
    except BuildLocked:
        print(LOCKED.format(root=project.root, waited=f" và chưa xong sau {wait:g} giây" if wait > 0 else ""))
        return 2
    except DiskFull as full:
        print(_disk_full_message(full, project))
        return 2
    if timings:
        seconds = dict(outcome.seconds)
        if outcome.published:
            seconds.update(outcome.published.seconds)
        write_atomically(timings, json.dumps(seconds).encode("utf-8"))
    if not outcome.report.ok:
        _print_report(outcome.report)
        print("Không dựng trang: thư mục site/ giữ nguyên bản trước.")
        return 1
    if outcome.published.disk_full:
        print(_disk_full_message(outcome.published.disk_full, project))
        return 2
    if not outcome.published.ok:
        print(outcome.published.log)
        print("MkDocs báo lỗi: thư mục site/ giữ nguyên bản trước.")
        return 1
    if outcome.report.warnings:
        _print_report(outcome.report)
    print(f"Đã dựng trang vào {project.site_dir} "
          f"({outcome.files_written}/{outcome.files_generated} tệp nguồn thay đổi, "
          f"{outcome.charts_drawn} biểu đồ vẽ mới).")
    return 0


def _new(args) -> int:
    project = Project()
    try:
        created = new_record.create(project, args.kind, unit=args.unit, year=args.year, name=args.name,
                                    date=args.date, campaign=args.campaign, issuer=args.issuer,
                                    number=args.number, document=args.document)
    except new_record.NewRecordError as error:
        print_problem(error.problem, sys.stdout, field_label="tuỳ chọn")
        return 1
    print(f"Đã tạo {created.path.relative_to(project.root)}. Còn phải điền:")
    for line, what in created.to_fill:
        print(f"  dòng {line}: {what}")
    print("Sau đó chạy: python build_site.py check")
    return 0


def _diff(args) -> int:
    project = Project()
    base, head = history.resolve(project.root, args.base), history.resolve(project.root, args.head)
    if not base or not head:
        print(f"LỖI: không tìm thấy commit \"{args.base if not base else args.head}\" trong kho git này "
              "(với GitHub Actions, cần actions/checkout với fetch-depth: 0).")
        return 1
    dataset = check_data(project.data_dir, project.root).dataset  # names and pages, as they will be published
    changes = data_changes.compare(project.root, base, head, dataset)
    if changes is None:
        print(f"LỖI: git không so sánh được {args.base} với {args.head}.")
        return 1
    print(change_summary.summary_markdown(changes, dataset, base, os.environ.get("SITE_URL", "")),
          end="")
    return 0


def _import_xlsx(args) -> int:
    project = Project()
    result = spreadsheet.import_results(project, args.file.resolve(), args.peak_day, args.source, args.replace)
    if not result.report.ok:
        _print_report(result.report)
        print("Không ghi gì vào data/: sửa bảng tính rồi nhập lại.")
        return 1
    print(f"Đã nhập {result.rows} dòng vào {result.written.relative_to(project.root)}. "
          "Xem lại rồi gửi (commit) tệp này.")
    return 0


def _template(args) -> int:
    project = Project()
    result = check_data(project.data_dir, project.root)
    if not result.report.ok:
        _print_report(result.report)
        print("Không tạo lại bảng tính mẫu: sửa lỗi dữ liệu rồi chạy lại.")
        return 1
    target = args.out.resolve() if args.out else project.root / spreadsheet.TEMPLATE
    spreadsheet.write_template(target, result.dataset.indicators)
    in_project = target.is_relative_to(project.root)
    shown = (target.relative_to(project.root) if in_project else target).as_posix()
    print(f"Đã tạo lại bảng tính mẫu {shown} với {len(result.dataset.indicators)} chỉ tiêu của "
          "data/indicators.csv." + (" Xem lại rồi gửi (commit) tệp này." if in_project else ""))
    return 0


COMMANDS = {
    "check": _check,
    "build": _build_command,
    "serve": _serve,
    "synth": _synth,
    "bench": _bench,
    "new": _new,
    "import-xlsx": _import_xlsx,
    "template": _template,
    "diff": _diff,
}
