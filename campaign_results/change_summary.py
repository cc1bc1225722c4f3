"""`python build_site.py diff --base REF`: what a pull request does to the records, as Vietnamese
Markdown tables for the job summary, so a reviewer sees the figures without downloading the site."""

from __future__ import annotations

from .model.changes import ADDED, CHANGED, KIND_ORDER, REMOVED, RecordChange, figure_text
from .model.records import Dataset
from .render import urls
from .render.safe import t
from .render.sections.changes import record_page

FIGURES_SHOWN = 20  # per record; the rest are counted
_TITLES = {
    "model": "Mô hình", "peak_day": "Ngày cao điểm", "result": "Kết quả từng đơn vị", "document": "Văn bản",
    "campaign": "Chiến dịch", "plan": "Kế hoạch", "unit": "Đơn vị", "indicator": "Chỉ tiêu",
}


def cell(text: str) -> str:
    """Record text as the literal content of a Markdown table cell: no markup, no HTML, one line."""
    return t(" ".join(str(text).split()))


def summary_markdown(changes: list[RecordChange], dataset: Dataset | None, base: str, site_url: str) -> str:
    lines = ["## Dữ liệu thay đổi", ""]
    if not changes:
        lines.append(f"So với `{base[:12]}`, thay đổi này không thêm, sửa hay xoá bản ghi nào "
                     "(chỉ mã nguồn, tài liệu, hoặc cách viết không làm đổi dữ liệu).")
        return "\n".join(lines) + "\n"
    counts = {action: sum(c.action == action for c in changes) for action in (ADDED, CHANGED, REMOVED)}
    lines.append(f"So với `{base[:12]}`: {counts[ADDED]} bản ghi thêm, {counts[CHANGED]} sửa, "
                 f"{counts[REMOVED]} xoá. Cột Trang là trang sẽ có trên trang web "
                 "(xem trước trong tệp site.zip của lần chạy này).")
    for kind in KIND_ORDER:
        of_kind = [c for c in changes if c.kind == kind]
        if not of_kind:
            continue
        lines += ["", f"### {_TITLES[kind]}", "", "| Thay đổi | Bản ghi | Số liệu | Trang |", "|---|---|---|---|"]
        for change in of_kind:
            lines.append(f"| {change.action.capitalize()} | {cell(_record_name(change, dataset))} "
                         f"| {_figures(change)} | {_page(change, dataset, site_url)} |")
    return "\n".join(lines) + "\n"


def _record_name(change: RecordChange, dataset: Dataset | None) -> str:
    if change.kind == "result":
        day = dataset.peak_days.get(change.record_id) if dataset else None
        return f"{change.name} — {day.name if day else change.record_id}"
    return change.name


def _figures(change: RecordChange) -> str:
    if change.action == REMOVED:
        return ""
    shown = [cell(figure_text(f)) for f in change.figures[:FIGURES_SHOWN]]
    if len(change.figures) > FIGURES_SHOWN:
        shown.append(f"và {len(change.figures) - FIGURES_SHOWN} số liệu khác")
    if change.fields and change.action == CHANGED:
        shown.append("sửa " + ", ".join(cell(name) for name in change.fields))
    return "<br>".join(shown)


def _page(change: RecordChange, dataset: Dataset | None, site_url: str) -> str:
    page = record_page(dataset, change) if dataset else None
    if page is None:
        return "(không có trang)"
    path = urls.url_of(page)
    return f"[{cell(path)}]({site_url.rstrip('/')}/{path})" if site_url else f"`{path}`"
