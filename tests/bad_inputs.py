"""A corpus of bad inputs: what staff can get wrong, and what the check must say.

Each case writes or edits files in a copy of the shipped ``data/`` and names
the problem the check must report: its code, its file and the line, given
either as a number or as a piece of text that stands on that line of the
written file.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field

PEAK_DAY = "2023-08-11-do-thi-van-minh-dich-vu-cong"
PEAK_DAY_FILE = f"data/peak-days/{PEAK_DAY}.yaml"
RESULTS_FILE = f"data/results/{PEAK_DAY}.csv"
REPORT_FILE = "data/documents/trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8.yaml"
MODEL_FILE = "data/models/2021/ben-tre-2021-dich-vu-cong-truc-tuyen.yaml"
TREES_FILE = "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
SCHOOLS_FILE = "data/models/2021/ben-tre-2021-truong-hoc-xanh-sach-nang-dong.yaml"
NEW_MODEL = "data/models/2021/ben-tre-2021-mo-hinh-moi.yaml"


def model(**fields: str) -> str:
    """A valid new model record, with some lines replaced or added."""
    lines = {
        "id": "ben-tre-2021-mo-hinh-moi",
        "name": "Mô hình mới",
        "unit": "Bến Tre",
        "year": "2021",
        "level": "tinh",
        "status": "de-nghi",
        "sources": "[ben-tre-2021-2616-cv]",
    }
    lines.update(fields)
    return "".join(f"{key}: {value}\n" for key, value in lines.items() if value is not None)


def model_with_figure(**figure: str) -> str:
    text = model() + "indicators:\n  - indicator: " + figure.pop("indicator", "cay-xanh") + "\n"
    return text + "".join(f"    {key}: {value}\n" for key, value in figure.items())


def workbook(*rows: list, header: list[str] | None = None, formats: dict[str, str] | None = None) -> bytes:
    """An .xlsx like the template filled in: the sheet "Kết quả", its header row, then ``rows``
    (``formats``: cell → number format, e.g. {"D2": "0%"})."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Kết quả"
    sheet.append(header or ["Đơn vị", "Mặt hoạt động", "Chỉ tiêu", "Kết quả", "Ghi chú", "Văn bản nguồn"])
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


SHEET_FILE = f"data/results/{PEAK_DAY}-quang-ninh.xlsx"  # a second results file for the peak day


def sheet_row(value: object = 12, source: str | None = "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8") -> list:
    """A row of a unit with no results yet (so no total is exceeded), with ``value`` in D."""
    return ["Quảng Ninh", "dich-vu-cong", "doi-hinh", value, "", source]


RESULTS_HEADER = "unit,track,indicator,value,note,source\n"
RESULT_ROW = "Hưng Yên,dich-vu-cong,doi-hinh,161,,trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8\n"


@dataclass
class Case:
    name: str
    expect: list[tuple[str, str, int | str | None]]  # (code, file, line or text on the line)
    write: dict[str, str | bytes] = field(default_factory=dict)
    edit: dict[str, tuple[str, str]] = field(default_factory=dict)  # file → (old, new)
    exit_code: int = 1
    hint_contains: str | None = None
    symlinks: dict[str, str] = field(default_factory=dict)  # link → what it points to (both from the root)


CASES = [
    # --- files ---------------------------------------------------------------
    Case("excel file dropped into data", [("file-unexpected", "data/models/2021/ket-qua.xlsx", None)],
         write={"data/models/2021/ket-qua.xlsx": b"PK\x03\x04 not really a workbook"}),
    Case("CSV saved as UTF-16 by Excel", [("file-encoding", RESULTS_FILE, 1)],
         write={RESULTS_FILE: (RESULTS_HEADER + RESULT_ROW).encode("utf-16")}),
    Case("CSV saved as Windows-1258", [("file-encoding", RESULTS_FILE, 2)],
         write={RESULTS_FILE: unicodedata.normalize(  # Windows-1258 stores tones as combining marks
             "NFD", RESULTS_HEADER + "Hà Tĩnh,dich-vu-cong,doi-hinh,612,,x\n").encode("cp1258")}),
    Case("empty record file", [("file-empty", NEW_MODEL, 1)], write={NEW_MODEL: "\n"}),
    Case("colon in unquoted text", [("yaml-colon-in-value", NEW_MODEL, 2)],
         write={NEW_MODEL: model(name='Mô hình: "Vì một Bến Tre xanh": lần hai')}),
    Case("text after the closing quote", [("yaml-text-after-quote", NEW_MODEL, 2)],
         write={NEW_MODEL: model(name='"Vì một Bến Tre xanh" của Đoàn')}),
    Case("tab used for indentation", [("yaml-tab", NEW_MODEL, "\tresult")],
         write={NEW_MODEL: model() + "indicators:\n  - indicator: cay-xanh\n\tresult: 5\n"}),
    Case("field under a list item misaligned", [("yaml-indentation", NEW_MODEL, "   result: 5")],
         write={NEW_MODEL: model() + "indicators:\n  - indicator: cay-xanh\n   result: 5\n"}),
    Case("list bracket not closed", [("yaml-unclosed-bracket", NEW_MODEL, "sources:")],
         write={NEW_MODEL: model(sources="[ben-tre-2021-2616-cv")}),
    Case("quote not closed", [("yaml-unclosed-quote", NEW_MODEL, 2)],
         write={NEW_MODEL: model(name='"Vì một Bến Tre xanh')}),
    Case("Markdown emphasis at the start of a value", [("yaml-special-start", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="*Nghiêng* ở đầu giá trị")}),
    Case("no space after the colon", [("yaml-missing-colon", NEW_MODEL, 2)],
         write={NEW_MODEL: model().replace("name: ", "name:")}),
    Case("separator line pasted mid-file", [("yaml-syntax", NEW_MODEL, "---")],
         write={NEW_MODEL: model() + "---\nnote: Bản ghi thứ hai\n"}),
    Case("field written twice", [("yaml-duplicate-key", NEW_MODEL, "year: 2022")],
         write={NEW_MODEL: model() + "year: 2022\n"}),
    Case("file is a list, not a record", [("not-a-record", NEW_MODEL, 1)],
         write={NEW_MODEL: "- Bến Tre\n- Trà Vinh\n"}),
    # --- CSV -----------------------------------------------------------------
    Case("semicolon-separated CSV", [("csv-delimiter", RESULTS_FILE, 1)],
         write={RESULTS_FILE: RESULTS_HEADER.replace(",", ";") + RESULT_ROW.replace(",", ";")}),
    Case("CSV column missing", [("csv-missing-column", RESULTS_FILE, 1)],
         write={RESULTS_FILE: "unit,track,value,note,source\nHưng Yên,dich-vu-cong,161,,x\n"}),
    Case("CSV column misspelled", [("csv-unknown-column", RESULTS_FILE, 1)],
         write={RESULTS_FILE: "unit,track,indicator,gia_tri,note,source\n"}),
    Case("CSV row with an extra comma", [("csv-row-length", RESULTS_FILE, 3)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW +
                "Nghệ An,dich-vu-cong,doi-hinh,300,Triển khai, hỗ trợ,trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8\n"}),
    # --- spreadsheets (an .xlsx in data/results/; the line is the sheet row) --------
    Case("workbook that is not an .xlsx", [("sheet-unreadable", SHEET_FILE, None)],
         write={SHEET_FILE: b"PK\x03\x04 not really a workbook"}),
    Case("workbook over the size limit", [("sheet-too-large", SHEET_FILE, None)],
         write={SHEET_FILE: b"PK\x03\x04" + b"\0" * (20 * 1024 * 1024)}),
    Case("workbook named after no peak day", [("sheet-file-name", "data/results/ket-qua-quang-ninh.xlsx", 1)],
         write={"data/results/ket-qua-quang-ninh.xlsx": workbook(sheet_row())}, hint_contains=PEAK_DAY),
    Case("workbook without the Kết quả column", [("sheet-missing-column", SHEET_FILE, 1)],
         write={SHEET_FILE: workbook(sheet_row(), header=["Đơn vị", "Mặt hoạt động", "Chỉ tiêu", "Số liệu",
                                                          "Ghi chú", "Văn bản nguồn"])}),
    Case("blank result cell", [("sheet-empty-cell", SHEET_FILE, 2)],
         write={SHEET_FILE: workbook(sheet_row(None))}, hint_contains="Kết quả!D2 (Kết quả) đang trống"),
    Case("blank source cell", [("sheet-empty-cell", SHEET_FILE, 3)],
         write={SHEET_FILE: workbook(sheet_row(), sheet_row(source=None))}, hint_contains="data/documents/"),
    Case("formula never calculated", [("sheet-formula-no-value", SHEET_FILE, 2)],
         write={SHEET_FILE: workbook(sheet_row("=SUM(5,7)"))}, hint_contains="=SUM(5,7)"),
    Case("percentage for a count", [("sheet-percent", SHEET_FILE, 2)],
         write={SHEET_FILE: workbook(sheet_row(0.85), formats={"D2": "0%"})}, hint_contains="85%"),
    Case("1.250 typed in an English-locale Excel", [("sheet-decimal-in-count", SHEET_FILE, 2)],
         write={SHEET_FILE: workbook(sheet_row(1.25))}, hint_contains="gõ 1250"),
    Case("text 1,250 with English thousands", [("sheet-english-thousands", SHEET_FILE, 2)],
         write={SHEET_FILE: workbook(sheet_row("1,250"))},
         hint_contains="nếu là một nghìn hai trăm năm mươi (1.250), gõ 1250"),
    Case("words in a result cell", [("sheet-number-format", SHEET_FILE, 2)],
         write={SHEET_FILE: workbook(sheet_row("nhiều"))}),
    Case("decimal text for a count", [("sheet-number-not-integer", SHEET_FILE, 2)],
         write={SHEET_FILE: workbook(sheet_row("1,5"))}),
    # --- schema ----------------------------------------------------------------
    Case("required field missing", [("missing-field", NEW_MODEL, 1)], write={NEW_MODEL: model(year=None)}),
    Case("unknown field", [("unknown-field", NEW_MODEL, "nam:")], write={NEW_MODEL: model() + "nam: 2021\n"},
         hint_contains="year"),
    Case("list written as a single value", [("wrong-type", NEW_MODEL, "sources:")],
         write={NEW_MODEL: model(sources="ben-tre-2021-2616-cv")}),
    Case("status not in the list", [("not-in-list", NEW_MODEL, "status:")],
         write={NEW_MODEL: model(status="de-ngi")}, hint_contains="de-nghi"),
    Case("id with spaces and capitals", [("bad-format", "data/models/2021/Mo hinh.yaml", "id:")],
         write={"data/models/2021/Mo hinh.yaml": model(id="Mô hình Bến Tre")}),
    Case("empty name", [("empty-value", NEW_MODEL, "name:")], write={NEW_MODEL: model(name='""')}),
    Case("result left empty", [("empty-value", NEW_MODEL, "    result:")],
         write={NEW_MODEL: model_with_figure(target="100", result="")}, hint_contains="Điền giá trị"),
    Case("year out of range", [("out-of-range", NEW_MODEL, "year:")], write={NEW_MODEL: model(year="1921")}),
    Case("value left to fill in", [("placeholder", NEW_MODEL, "place:")],
         write={NEW_MODEL: model(place='"ĐIỀN: địa bàn thực hiện"')}),
    Case("copied file with its old id", [("id-file-mismatch", "data/models/2021/ban-sao.yaml", "id:")],
         write={"data/models/2021/ban-sao.yaml": model()}),
    # --- numbers -------------------------------------------------------------
    Case("thousands typed with a dot in YAML", [("number-dot-thousands", NEW_MODEL, "result: 1.166")],
         write={NEW_MODEL: model_with_figure(indicator="dvtn-duoc-tap-huan", result="1.166")},
         hint_contains="1166"),
    Case("round thousands typed with a dot", [("number-dot-thousands", MODEL_FILE, "target: 1.000")],
         edit={MODEL_FILE: ('target: "1.000"', "target: 1.000")}),
    Case("decimal in a count", [("number-not-integer", NEW_MODEL, "result:")],
         write={NEW_MODEL: model_with_figure(result='"1,5"')}),
    Case("unit of measure typed after the number", [("number-format", NEW_MODEL, "result:")],
         write={NEW_MODEL: model_with_figure(result="40.201 cây")}),
    Case("negative number", [("number-negative", NEW_MODEL, "result:")],
         write={NEW_MODEL: model_with_figure(result="-5")}),
    Case("English thousands separators", [("number-english-format", RESULTS_FILE, 2)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW.replace(",161,", ',"1,166,000",')},
         hint_contains="1.166.000"),
    Case("money below one đồng", [("money-fraction", NEW_MODEL, "amount:")],
         write={NEW_MODEL: model() + "budget:\n  amount: 1,0000000005 tỷ đồng\n"}),
    Case("percent that is not a number", [("percent-format", NEW_MODEL, "stated_percent:")],
         write={NEW_MODEL: model_with_figure(target="10", result="10", stated_percent="đạt")}),
    # --- dates ---------------------------------------------------------------
    Case("date in a foreign format", [("date-format", PEAK_DAY_FILE, "date: 11-8-23")],
         edit={PEAK_DAY_FILE: ("date: 11/8/2023\nweekday", "date: 11-8-23\nweekday")}),
    Case("date that does not exist", [("date-invalid", REPORT_FILE, "date: 31/2/2023")],
         edit={REPORT_FILE: ("date_note:", "date: 31/2/2023\ndate_note:")}),
    Case("year typed wrong", [("date-out-of-range", REPORT_FILE, "date: 11/8/2203")],
         edit={REPORT_FILE: ("date_note:", "date: 11/8/2203\ndate_note:")}),
    Case("time that does not exist", [("time-format", PEAK_DAY_FILE, "time: 25h00")],
         edit={PEAK_DAY_FILE: ("time: 07h30", "time: 25h00")}),
    Case("weekday does not match the date", [("weekday-mismatch", PEAK_DAY_FILE, "weekday: Thứ Bảy\ncampaign")],
         edit={PEAK_DAY_FILE: ("weekday: Thứ Sáu\ncampaign", "weekday: Thứ Bảy\ncampaign")}),
    Case("results report dated before the peak day",
         [("report-before-peak-day", PEAK_DAY_FILE, "  - trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8\n  - kien-giang"),
          ("result-report-before-peak-day", RESULTS_FILE, 2)],
         edit={REPORT_FILE: ("date_note:", "date: 10/8/2023\ndate_note:")}),
    Case("directive dated after the peak day",
         [("directive-after-peak-day", PEAK_DAY_FILE, "directive: trung-uong-doan-2023-1134-cv")],
         edit={"data/documents/trung-uong-doan-2023-1134-cv.yaml": ("date: 07/7/2023", "date: 20/8/2023")},
         hint_contains="1134-CV/TWĐTN-CNĐT (20/8/2023)"),
    Case("deadline before the letter that sets it",
         [("deadline-before-document", "data/plans/kien-giang-2023-ngay-cao-diem-11-8.yaml", "date: 04/7/2023")],
         edit={"data/plans/kien-giang-2023-ngay-cao-diem-11-8.yaml": ("date: 04/8/2023", "date: 04/7/2023")}),
    Case("model year far from its document", [("year-mismatch", NEW_MODEL, "sources:")],
         write={NEW_MODEL: model(year="2018")}),
    Case("peak day outside the year of its campaign", [("campaign-year-mismatch", PEAK_DAY_FILE, "date: 11/8/2023")],
         edit={"data/campaigns/2023-thanh-nien-tinh-nguyen-he.yaml": ("year: 2023", "year: 2022")},
         hint_contains="năm 2022"),
    # --- text safety -----------------------------------------------------------
    Case("script in a description", [("html-script", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description='"Kết quả <script>alert(1)</script>"')}),
    Case("image with onerror in a description", [("html-script", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="\"<img src=x onerror=alert(1)>\"")}),
    Case("HTML pasted from a web page", [("html-tag", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description='"<p>Ra quân <i>Thanh niên xung kích</i></p>"')}),
    Case("javascript link", [("unsafe-link", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description='"[xem](javascript:alert(1))"')}),
    Case("HTML in a plain-text name", [("html-tag", NEW_MODEL, "name:")],
         write={NEW_MODEL: model(name='"Mô hình <b>mới</b>"')}, hint_contains="<b>"),
    Case("script in a plain-text name", [("html-script", NEW_MODEL, "name:")],
         write={NEW_MODEL: model(name='"Mô hình <svg onload=alert(1)>"')}),
    # --- references and consistency ----------------------------------------------
    Case("two records with one id", [("duplicate-id", "data/documents/2021/ben-tre-2021-2616-cv.yaml", "id:")],
         write={"data/documents/2021/ben-tre-2021-2616-cv.yaml":
                "id: ben-tre-2021-2616-cv\ntype: CV\nissuer: Bến Tre\ntitle: Bản sao\n"}),
    Case("misspelled province", [("unknown-unit", NEW_MODEL, "unit:")],
         write={NEW_MODEL: model(unit="Ben Tree")}, hint_contains="Bến Tre"),
    Case("old province name after the 2025 merger",
         [("province-merged", "data/documents/ben-tre-2026-15-cv.yaml", "issuer:")],
         write={"data/documents/ben-tre-2026-15-cv.yaml":
                "id: ben-tre-2026-15-cv\nnumber: 15-CV/TĐTN-BPT\ntype: CV\nissuer: Tỉnh đoàn Bến Tre\n"
                "date: 12/01/2026\ntitle: Về việc triển khai Ngày cao điểm\n"},
         hint_contains="Vĩnh Long"),
    Case("unknown province in a results row", [("unknown-unit", RESULTS_FILE, 2)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW.replace("Hưng Yên", "Hung Yen Moi")}),
    Case("document id mistyped", [("unknown-document", NEW_MODEL, "sources:")],
         write={NEW_MODEL: model(sources="[ben-tre-2021-2616]")}, hint_contains="ben-tre-2021-2616-cv"),
    Case("reference to a document whose file cannot be read",
         [("reference-unreadable", MODEL_FILE, "  - ben-tre-2021-2616-cv"),
          ("yaml-colon-in-value", "data/documents/ben-tre-2021-2616-cv.yaml", "title:")],
         edit={"data/documents/ben-tre-2021-2616-cv.yaml": ("title: Về việc đề nghị", "title: Về việc: đề nghị")},
         hint_contains="data/documents/ben-tre-2021-2616-cv.yaml"),
    Case("indicator not in the vocabulary", [("unknown-indicator", NEW_MODEL, "- indicator: cay")],
         write={NEW_MODEL: model_with_figure(indicator="cay", result="5")}),
    Case("results file named after no peak day", [("unknown-reference", "data/results/2023-08-12.csv", 1)],
         write={"data/results/2023-08-12.csv": RESULTS_HEADER + RESULT_ROW}),
    Case("track not in the peak day", [("unknown-reference", RESULTS_FILE, 2)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW.replace("dich-vu-cong", "dich-vu")}),
    Case("campaign id mistyped", [("unknown-reference", PEAK_DAY_FILE, "campaign:")],
         edit={PEAK_DAY_FILE: ("campaign: 2023-thanh-nien-tinh-nguyen-he", "campaign: 2023-he-tinh-nguyen")}),
    Case("document type against its number", [("document-type-mismatch", "data/documents/ben-tre-2021-2616-cv.yaml", "type: KH")],
         edit={"data/documents/ben-tre-2021-2616-cv.yaml": ("type: CV", "type: KH")}),
    Case("resources do not add up to the total", [("sum-mismatch", PEAK_DAY_FILE, "resources_total:")],
         edit={PEAK_DAY_FILE: ("value: 125 triệu đồng", "value: 115 triệu đồng")}),
    Case("budget parts do not add up", [("sum-mismatch", SCHOOLS_FILE, "parts:")],
         edit={SCHOOLS_FILE: ("amount: 330 triệu đồng", "amount: 303 triệu đồng")}),
    Case("one unit above the national total", [("part-exceeds-total", PEAK_DAY_FILE, 'value: "6.369"')],
         edit={RESULTS_FILE: ("Hưng Yên,dich-vu-cong,doi-hinh,161,", "Hưng Yên,dich-vu-cong,doi-hinh,16.100,")}),
    Case("same result twice", [("duplicate-result", RESULTS_FILE, 3)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW + RESULT_ROW}, hint_contains="đã có ở dòng 2."),
    Case("same result in two files of one peak day names the other file",
         [("duplicate-result-other-file", RESULTS_FILE, "Hưng Yên,dich-vu-cong,doi-hinh,161,")],  # (read second)
         write={f"data/results/{PEAK_DAY}-hung-yen.csv": RESULTS_HEADER + RESULT_ROW},
         hint_contains=f"đã có ở tệp data/results/{PEAK_DAY}-hung-yen.csv, dòng 2."),
    Case("stated percent against result/target", [("percent-mismatch", MODEL_FILE, "stated_percent: 106,6%")],
         edit={MODEL_FILE: ("stated_percent: 116,6%", "stated_percent: 106,6%")}),
    Case("result ten times the target is only a warning", [("result-implausible", TREES_FILE, "result: \"402.010\"")],
         edit={TREES_FILE: ('result: "40.201"', 'result: "402.010"')}, exit_code=0),
]

# --- hostile and malformed input (issue 13), one list per class --------------
# Each list is owned by one part of the work; CASES holds them all.

BOUNDED_YAML_CASES: list[Case] = [
    # anchors and aliases: refused before anything is built, so nothing is multiplied
    Case("billion laughs: aliases nine times nine", [("yaml-alias", NEW_MODEL, "lol1: &lol1")],
         write={NEW_MODEL: model() + 'lol1: &lol1 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
                + "".join(f"lol{i}: &lol{i} [{','.join([f'*lol{i - 1}'] * 9)}]\n" for i in range(2, 10))}),
    Case("a list named with & and reused with *", [("yaml-alias", NEW_MODEL, "sources:")],
         write={NEW_MODEL: model(sources="&nguon [ben-tre-2021-2616-cv]") + "plans: *nguon\n"},
         hint_contains='sources: "&nguon [ben-tre-2021-2616-cv]"'),
    Case("a single alias to nothing", [("yaml-alias", NEW_MODEL, "note:")],
         write={NEW_MODEL: model(note="*ghi-chu")}, hint_contains='note: "*ghi-chu"'),
    Case("explicit YAML tag", [("yaml-special-start", NEW_MODEL, "note:")],
         write={NEW_MODEL: model(note="!!binary aGVsbG8=")}),
    # nesting: counted while reading, without recursion
    Case("100 000 nested lists", [("yaml-too-deep", NEW_MODEL, "note:")],
         write={NEW_MODEL: model(note="[" * 100_000)}),
    Case("100 000 nested mappings", [("yaml-too-deep", NEW_MODEL, "note:")],
         write={NEW_MODEL: model(note="{a: " * 100_000)}),
    Case("block mappings indented 30 levels deep", [("yaml-too-deep", NEW_MODEL, " " * 40 + "a:")],
         write={NEW_MODEL: model() + "note:\n" + "".join("  " * i + "a:\n" for i in range(1, 30)) + "  " * 30 + "b\n"}),
    # sizes
    Case("2 MB record file", [("yaml-file-too-large", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="Ra quân tình nguyện " * 90_000)}, hint_contains="2,1 MB"),
    Case("name of 30 000 characters", [("yaml-text-too-long", NEW_MODEL, "name:")],
         write={NEW_MODEL: model(name="ô" * 30_000)}, hint_contains="30.000"),
    # numbers YAML reads in ways no figure means
    Case("infinity", [("yaml-number-special", NEW_MODEL, "result: -.inf")],
         write={NEW_MODEL: model_with_figure(result="-.inf")}),
    Case("not a number", [("yaml-number-special", NEW_MODEL, "target: .nan")],
         write={NEW_MODEL: model_with_figure(target=".nan", result="5")}),
    Case("sexagesimal float (YAML 1.1 reads 5400.5)", [("number-format", NEW_MODEL, "result: 1:30:00.5")],
         write={NEW_MODEL: model_with_figure(result="1:30:00.5")}),
    Case("29-digit number", [("number-too-many-digits", NEW_MODEL, "result:")],
         write={NEW_MODEL: model_with_figure(result="12345678901234567890123456789")}, hint_contains="29 chữ số"),
    Case("29-digit number in quotes", [("number-too-many-digits", NEW_MODEL, "result:")],
         write={NEW_MODEL: model_with_figure(result='"12345678901234567890123456789"')}),
    Case("number with a huge exponent", [("number-too-many-digits", NEW_MODEL, "result:")],
         write={NEW_MODEL: model_with_figure(result="1.0e+400")}),
    # dates and characters
    Case("ISO date that does not exist", [("date-invalid", REPORT_FILE, "date: 2023-02-31")],
         edit={REPORT_FILE: ("date_note:", "date: 2023-02-31\ndate_note:")}),
    Case("NUL character in a name", [("yaml-control-character", NEW_MODEL, "name:")],
         write={NEW_MODEL: model(name="Mô hình\x00 mới")}, hint_contains="U+0000"),
    Case("control character after Vietnamese text", [("yaml-control-character", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="Ra quân tình nguyện hè, hỗ trợ người dân\x1b")}),
    Case("long run of blanks on a broken line", [("yaml-colon-in-value", NEW_MODEL, "note:")],
         write={NEW_MODEL: model(note="Ghi chú: thêm" + " " * 300_000)}),
]

TABLE_CASES: list[Case] = [
    # line ends: CR alone (Excel for Mac), and CR LF, LF and CR mixed, are read as line ends
    Case("CSV with CR-only line ends (old Excel for Mac) is read row by row", [("duplicate-result", RESULTS_FILE, 3)],
         write={RESULTS_FILE: (RESULTS_HEADER + RESULT_ROW + RESULT_ROW).replace("\n", "\r").encode("utf-8")}),
    Case("CSV mixing CR LF, LF and CR line ends", [("unknown-unit", RESULTS_FILE, 4)],
         write={RESULTS_FILE: (RESULTS_HEADER.replace("\n", "\r\n") + RESULT_ROW
                               + RESULT_ROW.replace("Hưng Yên", "Nghệ An").replace("\n", "\r")
                               + RESULT_ROW.replace("Hưng Yên", "Hung Yen Moi")).encode("utf-8")}),
    Case("CR-only CSV with Vietnamese headers and a line break inside a note",
         [("duplicate-result", RESULTS_FILE, 5)],
         write={RESULTS_FILE: ("Đơn vị,Mặt hoạt động,Chỉ tiêu,Kết quả,Ghi chú,Văn bản nguồn\r"
                               "Nghệ An,dich-vu-cong,doi-hinh,300,\"Dòng một\rdòng hai\",x\r"
                               + (RESULT_ROW + RESULT_ROW).replace("\n", "\r")).encode("utf-8")}),
    Case("Windows-1258 byte on line 3 of a CR-only CSV", [("file-encoding", RESULTS_FILE, 3)],
         write={RESULTS_FILE: (RESULTS_HEADER + RESULT_ROW).replace("\n", "\r").encode("utf-8")
                + unicodedata.normalize("NFD", "Hà Tĩnh,dich-vu-cong,doi-hinh,612,,x\r").encode("cp1258")}),
    # cells: a limit of 20.000 characters, checked before the csv module's own 128 KB limit
    Case("CSV file of 21 MB (one row pasted 260.000 times)",
         [("csv-file-too-large", RESULTS_FILE, 2 + (20 * 1024 * 1024 - len(RESULTS_HEADER)) // len(RESULT_ROW.encode()))],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW * 260_000}, hint_contains="20 MB"),
    Case("CSV cell over 20.000 characters", [("csv-cell-too-long", RESULTS_FILE, 3)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW + RESULT_ROW.replace(",,", "," + "x" * 25_000 + ",")},
         hint_contains="20.000"),
    Case("CSV cell over the csv module's 128 KB limit", [("csv-cell-too-long", RESULTS_FILE, 2)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW.replace(",,", ',"' + "ghi chú, " * 30_000 + '",')},
         hint_contains="270.000"),
    Case("header cell of 300 KB", [("csv-cell-too-long", RESULTS_FILE, 1)],
         write={RESULTS_FILE: "unit,track,indicator,value,note," + "s" * 300_000 + "\n" + RESULT_ROW}),
    Case("very long misspelled header is quoted short", [("csv-unknown-column", RESULTS_FILE, 1)],
         write={RESULTS_FILE: "unit,track,indicator,value,note,source," + "ghi chu them " * 1_000 + "\n"},
         hint_contains="them ghi chu…\" không có trong mẫu"),
    # a column given twice: the second would silently replace the first
    Case("CSV with a second value column", [("csv-duplicate-column", RESULTS_FILE, 1)],
         write={RESULTS_FILE: "unit,track,indicator,value,note,source,value\n"
                + RESULT_ROW.replace("\n", ",1610\n")}, hint_contains='"value" (cột D) và "value" (cột G)'),
    Case("CSV column given by its code and by its Vietnamese header", [("csv-duplicate-column", RESULTS_FILE, 1)],
         write={RESULTS_FILE: "Đơn vị,track,indicator,value,note,source,Kết quả\n"
                + RESULT_ROW.replace("\n", ",1610\n")}, hint_contains='"value" (cột D) và "Kết quả" (cột G)'),
    Case("CSV with the unit column given twice by its Vietnamese header folded",
         [("csv-duplicate-column", RESULTS_FILE, 1)],
         write={RESULTS_FILE: "unit,track,indicator,value,note,source,don vi\n"
                + RESULT_ROW.replace("\n", ",Nghệ An\n")}, hint_contains='"unit" (cột A) và "don vi" (cột G)'),
    Case("CSV row with its result cell left empty", [("csv-empty-cell", RESULTS_FILE, 3)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW + RESULT_ROW.replace("Hưng Yên", "Nghệ An").replace(",161,", ",,")},
         hint_contains="xoá cả dòng"),
    # damaged files
    Case("NUL byte in a CSV", [("csv-nul-byte", RESULTS_FILE, 3)],
         write={RESULTS_FILE: (RESULTS_HEADER + RESULT_ROW + RESULT_ROW.replace("161", "16\x001")).encode("utf-8")}),
    Case("NUL bytes at the end of a truncated copy", [("csv-nul-byte", RESULTS_FILE, 3)],
         write={RESULTS_FILE: (RESULTS_HEADER + RESULT_ROW).encode("utf-8") + b"\x00" * 4096}),
    Case("quote opened in the last rows and never closed", [("csv-unreadable", RESULTS_FILE, 3)],
         write={RESULTS_FILE: RESULTS_HEADER + RESULT_ROW + RESULT_ROW.replace(",,", ',"Triển khai, hỗ trợ,')
                + RESULT_ROW.replace("Hưng Yên", "Nghệ An")}, hint_contains="không được đóng"),
]

OUTSIDE = "ngoai-du-lieu"  # a folder beside data/, as a copy or a download would be
CENTRAL_EVENT_SOURCE = "  source: trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8\nevents:"
LATE_REPORTERS_SOURCE = "  source: trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8\nsources:"
REPORT_DATED_BEFORE = {REPORT_FILE: ("date_note:", "date: 10/8/2023\ndate_note:")}

SEMANTIC_CASES: list[Case] = [
    # province ids obey the 1/7/2025 rule that names obey
    Case("id of a province of the 63 in a record dated after the merger",
         [("province-id-merged", "data/documents/ben-tre-2026-16-cv.yaml", "issuer:")],
         write={"data/documents/ben-tre-2026-16-cv.yaml":
                "id: ben-tre-2026-16-cv\nnumber: 16-CV/TĐTN-BPT\ntype: CV\nissuer: ben-tre\n"
                "date: 12/01/2026\ntitle: Về việc triển khai Ngày cao điểm\n"},
         hint_contains="vinh-long-2025"),
    Case("id of a province of the 34 in a record dated before the merger",
         [("province-id-before-merger", NEW_MODEL, "unit:")],
         write={NEW_MODEL: model(unit="vinh-long-2025")}, hint_contains="Bến Tre, Trà Vinh, Vĩnh Long"),
    # symbolic links out of data/
    Case("record file that is a link to a file outside data",
         [("symlink-outside-data", NEW_MODEL, None)],
         write={f"{OUTSIDE}/mo-hinh.yaml": model()},
         symlinks={NEW_MODEL: f"{OUTSIDE}/mo-hinh.yaml"}, hint_contains=f"{OUTSIDE}/mo-hinh.yaml"),
    Case("folder in data that is a link to a folder outside it",
         [("symlink-outside-data", "data/models/2022", None)],
         write={f"{OUTSIDE}/models/ben-tre-2021-mo-hinh-moi.yaml": model()},
         symlinks={"data/models/2022": f"{OUTSIDE}/models"}, hint_contains="thư mục"),
    # parts against totals written with a qualifier (see consistency.bounds)
    Case("national total of nearly 500 with units adding up to 1.944",
         [("part-exceeds-qualified-total", PEAK_DAY_FILE, "value: gần 500")],
         edit={PEAK_DAY_FILE: ('value: "6.369"', "value: gần 500")}, hint_contains="không quá 500"),
    Case("national total of about 2.000 with units adding up to 1.944 is accepted", [],
         edit={PEAK_DAY_FILE: ('value: "6.369"', "value: khoảng 2.000")}, exit_code=0),
    Case("national total of more than 900 with units adding up to 1.944",
         [("part-exceeds-qualified-total", PEAK_DAY_FILE, "value: hơn 900")],
         edit={PEAK_DAY_FILE: ('value: "6.369"', "value: hơn 900")}, hint_contains="1.800"),
    Case("resources of nearly 100 million against parts of 475 million",
         [("sum-mismatch-qualified", PEAK_DAY_FILE, "resources_total:")],
         edit={PEAK_DAY_FILE: ("resources_total: 475 triệu đồng", "resources_total: gần 100 triệu đồng")}),
    Case("budget of more than 100 million with parts of 360 million",
         [("sum-mismatch-qualified", SCHOOLS_FILE, "parts:")],
         edit={SCHOOLS_FILE: ("  amount: 360 triệu đồng", "  amount: hơn 100 triệu đồng")},
         hint_contains="từ 100.000.000 đồng đến 200.000.000 đồng"),
    Case("budget of about 380 million with parts of 360 million is accepted", [],
         edit={SCHOOLS_FILE: ("  amount: 360 triệu đồng", "  amount: khoảng 380 triệu đồng")}, exit_code=0),
    # a percentage of nothing
    Case("percent stated against a target of zero", [("percent-zero-target", NEW_MODEL, "stated_percent:")],
         write={NEW_MODEL: model_with_figure(target="0", result="12", stated_percent="100%")}),
    # reports dated before what they report
    Case("report of an event dated before the event and the late reporters",
         [("report-before-event", PEAK_DAY_FILE, CENTRAL_EVENT_SOURCE),
          ("report-before-peak-day", PEAK_DAY_FILE, LATE_REPORTERS_SOURCE)],
         edit=REPORT_DATED_BEFORE, hint_contains="trước ngày diễn ra hoạt động"),
    Case("national total taken from a report dated before the peak day",
         [("report-before-peak-day", PEAK_DAY_FILE, "        source: trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8")],
         edit={**REPORT_DATED_BEFORE, PEAK_DAY_FILE: (
             'value: "8.884"\n', 'value: "8.884"\n        source: trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8\n')}),
    # citations between documents
    Case("document citing itself",
         [("citation-self", "data/documents/ben-tre-2021-2094-cv.yaml", "  - ben-tre-2021-2094-cv")],
         edit={"data/documents/ben-tre-2021-2094-cv.yaml": (
             "cites:\n  - ben-tre-2020-241-kh", "cites:\n  - ben-tre-2020-241-kh\n  - ben-tre-2021-2094-cv")}),
    Case("two documents citing each other",
         [("citation-cycle", "data/documents/trung-uong-doan-2023-1616-cv.yaml",
           "  - trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8")],
         edit={"data/documents/trung-uong-doan-2023-1616-cv.yaml": (
             "held: false", "cites:\n  - trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8\nheld: false")},
         hint_contains="trung-uong-doan-2023-1616-cv → trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8 → "
                       "trung-uong-doan-2023-1616-cv"),
    Case("document citing one dated after it",
         [("citation-forward", "data/documents/kien-giang-2023-35-kh.yaml", "  - trung-uong-doan-2023-1616-cv")],
         edit={"data/documents/kien-giang-2023-35-kh.yaml": (
             "held: false", "cites:\n  - trung-uong-doan-2023-1616-cv\nheld: false")},
         hint_contains="10/8/2023"),
    Case("number variant cited in a document dated before it",
         [("citation-forward", "data/documents/trung-uong-doan-2023-1134-cv.yaml", "cited_in:")],
         edit={"data/documents/trung-uong-doan-2023-1134-cv.yaml": (
             "cited_in: kien-giang-2023-342-cv", "cited_in: kien-giang-2023-35-kh")}),
]

TEXT_CASES: list[Case] = [
    # Markdown fields: what the page would drop is refused at its line (campaign_results/record_markdown.py)
    Case("javascript link written with a character reference", [("unsafe-link", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'[xem](&#106;avascript:alert(1))'")}),
    Case("javascript link in mixed case", [("unsafe-link", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'[xem](JaVaScRiPt:alert(1))'")}),
    Case("javascript link as an autolink", [("unsafe-link", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'Xem <javascript:alert(1)>'")}),
    Case("vbscript link", [("unsafe-link", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'[xem](vbscript:msgbox(1))'")}),
    Case("link to another host without a scheme", [("unsafe-link", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'[xem](//evil.example/trang)'")}),
    Case("data: link given by a reference definition", [("unsafe-link", NEW_MODEL, "  [a]: data:")],
         write={NEW_MODEL: model(description="|-\n  Xem [tài liệu][a].\n\n  [a]: data:text/html;base64,PHNjcmlwdD4=")}),
    Case("image from another host", [("image-not-allowed", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'![ảnh](https://evil.example/anh.png)'")}),
    Case("image as a data: URL", [("image-not-allowed", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'![ảnh](data:image/png;base64,AAAA)'")}),
    Case("svg with onload", [("html-script", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'<svg onload=alert(1)>'")}),
    Case("iframe", [("html-script", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'<iframe src=\"https://evil.example\"></iframe>'")}),
    Case("event attribute on an ordinary tag", [("html-script", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'<span onmouseover=\"alert(1)\">Ra quân</span>'")}),
    Case("HTML comment", [("html-tag", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'Ra quân <!-- ghi chú --> tình nguyện'")}),
    Case("HTML link pasted from a web page", [("html-tag", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'<a href=\"https://x.vn\">Xem</a>'")}),
    Case("script in a peak day's summary", [("html-script", PEAK_DAY_FILE, "  <script>alert(1)</script> Triển khai")],
         edit={PEAK_DAY_FILE: ("summary: |-\n  Triển khai", "summary: |-\n  <script>alert(1)</script> Triển khai")}),
    Case("javascript link in a track summary", [("unsafe-link", PEAK_DAY_FILE, "      [xem](javascript")],
         edit={PEAK_DAY_FILE: ("      Xây dựng các tuyến phố", "      [xem](javascript:alert(1)) Xây dựng các tuyến phố")}),
    Case("HTML on the third line of a summary is reported on that line",
         [("html-tag", PEAK_DAY_FILE, "  <b>truyền</b> thiết lập")], hint_contains="<b>",
         edit={PEAK_DAY_FILE: ("  truyền thiết lập tài khoản", "  <b>truyền</b> thiết lập tài khoản")}),
    Case("a less-than sign and an unclosed bracket are text, not tags", [], exit_code=0,
         write={NEW_MODEL: model(description="'Tỷ lệ a<b và <em nhỏ vẫn là chữ'")}),
    Case("a comment opened 4.000 times, read in linear time", [("html-tag", NEW_MODEL, "description:")],
         write={NEW_MODEL: model(description="'" + "<!--" * 4_000 + " -->'")}),
]

CASES += BOUNDED_YAML_CASES + TABLE_CASES + SEMANTIC_CASES + TEXT_CASES
