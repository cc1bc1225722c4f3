"""The whole dataset as open data: CSV tables (one zip), JSON, XLSX, and a Frictionless
``datapackage.json`` that describes them (fields, types, licence, sources).

Each table is a list of rows built from the checked :class:`Dataset`; its
field list (name, type, Vietnamese title) is the table's schema in the data
package. Figures are exact: counts as integers, money in đồng, measures as
decimals; a qualifier column keeps "hơn" / "khoảng". In the CSVs a text cell that a
spreadsheet would read as a formula is neutralised (:func:`neutralised`); the JSON and the
XLSX (inline strings, never formulas) hold the text as written.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from .model.records import Dataset
from .numbers import Quantity
from .workbook import workbook

LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
FOLDER = "du-lieu"

# CSV injection (OWASP): a spreadsheet opening a CSV reads a text cell that begins with one of
# these as a formula (=HYPERLINK(...), +cmd|...!A0, @SUM(...)). Such a cell gets a leading
# single quote, which spreadsheets show as text. Text cells only: a number, even -5, is written
# as it is. The same rule is FORMULA_START in content/assets/site.js, for each table's
# "Tải CSV" link built in the browser; change both together.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs as a formula: ``'`` + text if it begins like one."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


@dataclass
class Field:
    name: str
    type: str      # Frictionless type: string, integer, number, date, boolean
    title: str


@dataclass
class DataTable:
    name: str
    title: str
    fields: list[Field]
    rows: list[list]

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([neutralised(f.name) for f in self.fields])
        for row in self.rows:
            writer.writerow([_csv_cell(v) for v in row])
        return out.getvalue()

    def records(self) -> list[dict]:
        return [{f.name: _json(v) for f, v in zip(self.fields, row, strict=True)} for row in self.rows]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):  # text, as recorded: may begin like a formula
        # The csv module quotes a cell holding "\n" (the line end here) but not a bare "\r", which
        # spreadsheets take for a line end too: "x\r=1+1" would start a row with a formula.
        return neutralised(value).replace("\r\n", "\n").replace("\r", "\n")
    return _plain(value)  # a number, date or boolean: written as its value


def _plain(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _json(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _q(quantity: Quantity | None):
    return (quantity.value, quantity.qualifier) if quantity else (None, None)


def tables(dataset: Dataset) -> list[DataTable]:
    S, I, N, D, B = "string", "integer", "number", "date", "boolean"
    units = DataTable("don_vi", "Đơn vị", [
        Field("id", S, "Mã đơn vị"), Field("ten", S, "Tên"), Field("ten_ngan", S, "Tên ngắn"),
        Field("loai", S, "Loại"), Field("he_thong", S, "Hệ thống tỉnh (63: đến 30/6/2025; 34: từ 1/7/2025)"),
        Field("ma_gso", S, "Mã tỉnh (GSO)"), Field("thuoc_tinh_moi", S, "Từ 1/7/2025 thuộc")],
        [[u.id, u.name, u.short_name, u.kind, u.system or "", u.code or "", u.successor or ""]
         for u in dataset.units.by_id.values()])
    indicators = DataTable("chi_tieu", "Chỉ tiêu", [
        Field("ma", S, "Mã chỉ tiêu"), Field("ten", S, "Tên"), Field("don_vi_tinh", S, "Đơn vị tính"),
        Field("kieu", S, "Kiểu số (count, money, decimal)")],
        [[i.code, i.label, i.unit, i.kind] for i in dataset.indicators.values()])
    documents = DataTable("van_ban", "Văn bản nguồn", [
        Field("id", S, "Mã văn bản"), Field("so_hieu", S, "Số hiệu"), Field("loai", S, "Loại"),
        Field("co_quan", S, "Cơ quan ban hành (mã đơn vị)"), Field("ngay", D, "Ngày ban hành"),
        Field("trich_yeu", S, "Trích yếu"), Field("nguoi_ky", S, "Người ký"),
        Field("co_toan_van", B, "Có toàn văn")],
        [[d.id, d.number or "", d.type, d.issuer, d.date, d.title, d.signer.name if d.signer else "", d.held]
         for d in dataset.documents.values()])
    models = DataTable("mo_hinh", "Mô hình Dân vận khéo", [
        Field("id", S, "Mã mô hình"), Field("ten", S, "Tên"), Field("don_vi", S, "Đơn vị (mã)"),
        Field("nam", I, "Năm"), Field("cap", S, "Cấp"), Field("linh_vuc", S, "Lĩnh vực"),
        Field("trang_thai", S, "Trạng thái"), Field("dia_ban", S, "Địa bàn"),
        Field("kinh_phi_dong", I, "Kinh phí/giá trị (đồng)"), Field("kinh_phi_dinh_luong", S, "Định lượng"),
        Field("van_ban_nguon", S, "Văn bản nguồn (mã, cách nhau bởi ;)")], [])
    model_figures = DataTable("mo_hinh_chi_tieu", "Chỉ tiêu và kết quả của mô hình", [
        Field("mo_hinh", S, "Mã mô hình"), Field("chi_tieu", S, "Mã chỉ tiêu"), Field("pham_vi", S, "Phạm vi"),
        Field("chi_tieu_dat_ra", N, "Chỉ tiêu đặt ra"), Field("chi_tieu_dinh_luong", S, "Định lượng chỉ tiêu"),
        Field("ket_qua", N, "Kết quả"), Field("ket_qua_dinh_luong", S, "Định lượng kết quả"),
        Field("ti_le_dat", N, "Tỉ lệ đạt (%)"), Field("van_ban", S, "Văn bản nguồn")], [])
    for m in dataset.models.values():
        amount, qualifier = _q(m.budget.amount if m.budget else None)
        models.rows.append([m.id, m.name, m.unit, m.year, m.level, m.field or "", m.status, m.place or "",
                            amount, qualifier or "", ";".join(m.sources)])
        for f in m.indicators:
            target, target_q = _q(f.target)
            result, result_q = _q(f.result)
            share = round(f.percent, 1) if f.percent is not None else None
            model_figures.rows.append([m.id, f.indicator, f.scope or "", target, target_q or "", result,
                                       result_q or "", share, f.source or m.sources[0]])
    days = DataTable("ngay_cao_diem", "Ngày cao điểm", [
        Field("id", S, "Mã"), Field("ten", S, "Tên"), Field("ngay", D, "Ngày"), Field("chien_dich", S, "Chiến dịch"),
        Field("don_vi_chi_dao", S, "Đơn vị chỉ đạo"), Field("van_ban_nguon", S, "Văn bản nguồn")], [])
    totals = DataTable("tong_toan_quoc", "Tổng toàn quốc theo mặt hoạt động", [
        Field("ngay_cao_diem", S, "Ngày cao điểm"), Field("mat_hoat_dong", S, "Mặt hoạt động"),
        Field("chi_tieu", S, "Chỉ tiêu"), Field("gia_tri", N, "Giá trị"), Field("dinh_luong", S, "Định lượng"),
        Field("van_ban", S, "Văn bản nguồn")], [])
    results = DataTable("ket_qua_don_vi", "Kết quả từng đơn vị", [
        Field("ngay_cao_diem", S, "Ngày cao điểm"), Field("don_vi", S, "Đơn vị (mã)"),
        Field("mat_hoat_dong", S, "Mặt hoạt động"), Field("chi_tieu", S, "Chỉ tiêu"), Field("gia_tri", N, "Giá trị"),
        Field("dinh_luong", S, "Định lượng"), Field("ghi_chu", S, "Ghi chú"), Field("van_ban", S, "Văn bản nguồn")], [])
    resources = DataTable("nguon_luc", "Nguồn lực hoạt động điểm", [
        Field("ngay_cao_diem", S, "Ngày cao điểm"), Field("ten", S, "Nguồn lực"), Field("so_luong", N, "Số lượng"),
        Field("don_vi_tinh", S, "Đơn vị tính"), Field("gia_tri_dong", I, "Trị giá (đồng)"),
        Field("van_ban", S, "Văn bản nguồn")], [])
    late = DataTable("bao_cao_cham", "Đơn vị báo cáo chậm", [
        Field("ngay_cao_diem", S, "Ngày cao điểm"), Field("don_vi", S, "Đơn vị (mã)"),
        Field("van_ban", S, "Văn bản nguồn")], [])
    for day in dataset.peak_days.values():
        days.rows.append([day.id, day.name, day.date, day.campaign, day.organiser, ";".join(day.sources)])
        report = day.sources[0]
        for track in day.tracks:
            for total in track.totals:
                value, qualifier = _q(total.value)
                totals.rows.append([day.id, track.id, total.indicator, value, qualifier or "", total.source or report])
        for res in day.results:
            value, qualifier = _q(res.value)
            results.rows.append([day.id, res.unit, res.track, res.indicator, value, qualifier or "", res.note or "",
                                 res.source])
        for event in [day.central_event, *day.events]:
            for item in (event.resources if event else []):
                resources.rows.append([day.id, item.name, item.quantity.value if item.quantity else None,
                                       item.unit_of_measure or "", item.value.value, event.source])
        if day.late_reporters:
            for unit in day.late_reporters.units:
                late.rows.append([day.id, unit, day.late_reporters.source])
    return [units, indicators, documents, models, model_figures, days, totals, results, resources, late]


def datapackage(all_tables: list[DataTable], dataset: Dataset) -> dict:
    held = [d for d in dataset.documents.values() if d.held]
    return {
        "name": "ket-qua-dan-van-kheo-ngay-cao-diem",
        "title": "Kết quả mô hình \"Dân vận khéo\" và Ngày cao điểm",
        "licenses": [LICENCE],
        "sources": [{"title": f"{d.number or d.type} – {d.title}"} for d in held],
        "resources": [{
            "name": t.name, "title": t.title, "path": f"{t.name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [{"name": f.name, "type": f.type, "title": f.title} for f in t.fields]},
        } for t in all_tables],
    }


BUNDLES = ("du-lieu.zip", "datapackage.json", "du-lieu.json", "du-lieu.xlsx")


def file_paths(all_tables: list[DataTable]) -> list[str]:
    """The paths :func:`files` writes, known before the files are made."""
    return [f"{FOLDER}/{t.name}.csv" for t in all_tables] + [f"{FOLDER}/{name}" for name in BUNDLES]


def files(all_tables: list[DataTable], dataset: Dataset) -> dict[str, bytes]:
    """Every download, by its path under the site: CSVs, the zip, JSON, XLSX, datapackage.json."""
    package = datapackage(all_tables, dataset)
    out: dict[str, bytes] = {}
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for t in all_tables:
            data = t.csv_text().encode("utf-8")
            out[f"{FOLDER}/{t.name}.csv"] = data
            info = zipfile.ZipInfo(f"{t.name}.csv", date_time=(2020, 1, 1, 0, 0, 0))  # same bytes for same data
            bundle.writestr(info, data, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("datapackage.json", date_time=(2020, 1, 1, 0, 0, 0))
        bundle.writestr(info, json.dumps(package, ensure_ascii=False, indent=2), zipfile.ZIP_DEFLATED)
    out[f"{FOLDER}/du-lieu.zip"] = archive.getvalue()
    out[f"{FOLDER}/datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
    out[f"{FOLDER}/du-lieu.json"] = json.dumps({t.name: t.records() for t in all_tables},
                                                ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out[f"{FOLDER}/du-lieu.xlsx"] = _xlsx(all_tables)
    return out


def _xlsx(all_tables: list[DataTable]) -> bytes:
    return workbook([(t.name[:31], [f.name for f in t.fields], t.rows) for t in all_tables])
