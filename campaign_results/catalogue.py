"""The error catalogue: every problem the data check can report.

Each rule has a code (stable, used in tests and documentation), a severity,
a Vietnamese message and hint (``{slots}`` are filled from the problem) and a
short example of input that triggers it. The contributor guide lists these
rules, so the catalogue is the one place to change a message.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # "error" stops the build; "warning" is shown but publishes
    message: str
    hint: str
    example: str


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.code: rule for rule in rules}


E, W = "error", "warning"

RULES: dict[str, Rule] = _rules(
    # --- Files -------------------------------------------------------------
    Rule("data-missing", E,
         "Không tìm thấy thư mục dữ liệu \"{path}\".",
         "Chạy lệnh trong thư mục dự án, hoặc chỉ đúng thư mục bằng --data.",
         "python build_site.py check --data du-lieu-khong-co"),
    Rule("file-unexpected", E,
         "Tệp \"{name}\" không thuộc loại dữ liệu nào nên sẽ không được dùng.",
         "Bản ghi YAML đặt trong data/{folders}; kết quả từng đơn vị là tệp Excel (.xlsx) hoặc "
         ".csv trong data/results/, tên bắt đầu bằng mã Ngày cao điểm.",
         "data/models/ket-qua.xlsx"),
    Rule("file-encoding", E,
         "Tệp không phải mã UTF-8{detected}.",
         "Mở tệp và lưu lại với bảng mã UTF-8 (trong Excel: Lưu thành → \"CSV UTF-8 (Comma delimited)\").",
         "tệp CSV do Excel lưu dạng Unicode (UTF-16) hoặc Windows-1258"),
    Rule("file-empty", E,
         "Tệp rỗng, không có bản ghi nào.",
         "Điền nội dung bản ghi hoặc xoá tệp.",
         "(tệp không có nội dung)"),
    Rule("symlink-outside-data", E,
         "\"{name}\" là một liên kết tượng trưng (symlink) trỏ tới {kind} {target}, nằm ngoài thư "
         "mục data/, nên không được đọc và không được xuất bản.",
         "Chỉ dữ liệu nằm thật trong thư mục data/ mới được kiểm tra, lưu lịch sử và xuất bản; "
         "nội dung ở nơi khác có thể thay đổi mà không ai duyệt. Xoá liên kết, rồi sao chép chính "
         "{kind} đó vào đúng chỗ trong data/ nếu cần dùng.",
         "data/models/2021/mo-hinh-moi.yaml → /home/ban/tai-lieu/mo-hinh-moi.yaml"),
    # A file YAML cannot read: each common slip has its own code (campaign_results/load/yaml_slips.py).
    Rule("yaml-colon-in-value", E,
         "Dòng {line}: giá trị có dấu hai chấm \":\" ở giữa, nên YAML tưởng đó là một trường mới "
         "và không đọc được dòng này.",
         "Đặt cả giá trị trong một cặp dấu ngoặc kép; dấu ngoặc kép bên trong đổi thành ngoặc đơn. "
         "Sửa dòng {line} thành: {fixed}",
         "name: Mô hình: \"Vì một Bến Tre xanh\"   (đúng: name: \"Mô hình: 'Vì một Bến Tre xanh'\")"),
    Rule("yaml-text-after-quote", E,
         "Dòng {line}: giá trị mở đầu bằng dấu {quote} nhưng sau dấu đóng ngoặc vẫn còn chữ.",
         "Dấu ngoặc kép phải bao cả giá trị, từ chữ đầu đến chữ cuối; dấu ngoặc kép bên trong đổi "
         "thành ngoặc đơn. Sửa dòng {line} thành: {fixed}",
         "name: \"Vì một Bến Tre xanh\" của Đoàn   (đúng: name: \"'Vì một Bến Tre xanh' của Đoàn\")"),
    Rule("yaml-tab", E,
         "Dòng {line}, cột {column}: có ký tự Tab; YAML không nhận Tab để thụt lề.",
         "Xoá ký tự Tab và thụt lề bằng dấu cách, thẳng hàng với các dòng cùng cấp "
         "(trong trình soạn thảo của GitHub, chọn Spaces thay cho Tabs). Sửa dòng {line} thành: {fixed}",
         "  - indicator: cay-xanh\n→result: 5   (→ là ký tự Tab; đúng: 4 dấu cách rồi result: 5)"),
    Rule("yaml-indentation", E,
         "Dòng {line}: {what} thụt lề {found} dấu cách, nhưng theo dòng {sibling_line} thì cần "
         "thụt {expected} dấu cách.",
         "Các mục cùng cấp (cùng một danh sách, hoặc các trường của cùng một mục) phải bắt đầu ở "
         "cùng một cột. Sửa dòng {line} thành: {fixed}",
         "  - indicator: cay-xanh\n   result: 5   (result thụt 3 dấu cách, cần 4)"),
    Rule("yaml-unclosed-bracket", E,
         "Dấu \"{opener}\" mở ở dòng {line} chưa được đóng: đến {end} vẫn chưa thấy "
         "dấu \"{closer}\".",
         "Thêm dấu \"{closer}\" ngay sau mục cuối cùng. Nếu cả danh sách nằm trên một dòng, "
         "sửa dòng {line} thành: {fixed}",
         "sources: [ben-tre-2021-2616-cv, ben-tre-2021-01-hd-bcd"),
    Rule("yaml-unclosed-quote", E,
         "Dấu {quote} mở ở dòng {line} chưa được đóng, nên YAML đọc lẫn các dòng sau vào giá trị "
         "này (đến {end}).",
         "Thêm dấu đóng ngoặc ở cuối giá trị. Sửa dòng {line} thành: {fixed}",
         "name: \"Vì một Bến Tre xanh   (thiếu dấu \" ở cuối)"),
    Rule("yaml-special-start", E,
         "Dòng {line}: giá trị bắt đầu bằng dấu \"{char}\" (thường là dấu đầu dòng chép từ Word), "
         "một ký hiệu mà tệp dữ liệu dành cho việc khác, nên không đọc được như chữ thường.",
         "Nếu dấu \"{char}\" là dấu đầu dòng, xoá nó. Nếu thật sự muốn hiện dấu đó, đặt cả giá trị "
         "trong một cặp dấu ngoặc kép. Sửa dòng {line} thành: {fixed}",
         "description: *Nghiêng* ở đầu giá trị"),
    Rule("yaml-missing-colon", E,
         "Dòng {line}: thiếu dấu hai chấm và dấu cách \": \" sau tên trường.",
         "Viết tên trường, dấu hai chấm, một dấu cách rồi đến giá trị. Sửa dòng {line} thành: {fixed}",
         "name:Mô hình mới   (đúng: name: Mô hình mới)"),
    Rule("yaml-syntax", E,
         "Không đọc được dòng {line} của tệp.",
         "Kiểm tra dòng {line} và các dòng ngay trên nó: mỗi dòng có dạng \"trường: giá trị\" "
         "hoặc \"- mục\", thụt lề bằng dấu cách cho thẳng hàng với các dòng cùng cấp, và giá trị "
         "có ký tự đặc biệt (: # \" ' [ ] * &) đặt trong một cặp dấu ngoặc kép. "
         "Dòng \"---\" chỉ được đứng ở đầu tệp.",
         "---   (dòng phân cách dán vào giữa tệp)"),
    Rule("yaml-duplicate-key", E,
         "Trường \"{key}\" được khai báo hai lần; giá trị trước (dòng {first_line}) sẽ bị mất.",
         "Giữ một dòng \"{key}:\" và xoá dòng còn lại.",
         "year: 2021\nyear: 2022"),
    # Bounds of a YAML record file (campaign_results/load/yaml_file.py): what no real record needs.
    Rule("yaml-file-too-large", E,
         "Tệp có dung lượng {size}, vượt giới hạn {limit} của một tệp bản ghi, nên không được đọc.",
         "Một bản ghi chỉ gồm các trường chữ và số: tên, số liệu, phần tóm tắt. Tìm phần dán nhầm "
         "vào tệp (cả một văn bản, ảnh, bảng tính), thường bắt đầu quanh dòng {line}, và xoá đi; "
         "chỉ giữ phần tóm tắt, toàn văn để ở văn bản gốc.",
         "description: (dán cả nội dung một tệp PDF 2 MB)"),
    Rule("yaml-alias", E,
         "Dòng {line}: dấu \"{char}\" ở đầu giá trị là ký hiệu tham chiếu của YAML (&tên đặt tên "
         "cho một giá trị, *tên dùng lại giá trị đó); bản ghi không dùng tham chiếu.",
         "Viết đầy đủ giá trị ở mỗi chỗ cần dùng, không dùng &tên và *tên. Nếu dấu \"{char}\" là "
         "một phần của chữ, đặt cả giá trị trong một cặp dấu ngoặc kép. Sửa dòng {line} thành: {fixed}",
         "sources: &nguon [ben-tre-2021-2616-cv]\nplans: *nguon"),
    Rule("yaml-too-deep", E,
         "Dòng {line}: các danh sách và mục lồng vào nhau quá {limit} tầng.",
         "Một bản ghi chỉ cần vài tầng (trường → danh sách → mục → trường của mục). Kiểm tra các "
         "dấu ngoặc vuông \"[\" và ngoặc nhọn thừa hoặc chưa đóng, và các dòng thụt lề sâu dần "
         "không cần thiết.",
         "value: [[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]   (21 tầng ngoặc)"),
    Rule("yaml-text-too-long", E,
         "Dòng {line}: giá trị dài {length} ký tự, vượt giới hạn {limit} ký tự của một trường.",
         "Một trường chỉ cần phần sẽ hiện trên trang: một cái tên, một đoạn tóm tắt. Kiểm tra có "
         "dán nhầm cả văn bản, hoặc dán một đoạn nhiều lần không, rồi rút gọn còn dưới {limit} "
         "ký tự. Không cần chép toàn văn của văn bản vào bản ghi.",
         "description: (dán toàn văn một báo cáo 40 trang)"),
    Rule("yaml-number-special", E,
         "Dòng {line}: \"{value}\" không phải một con số (phần mềm bảng tính hay ghi chữ này "
         "khi ô trống hoặc phép tính lỗi).",
         "Ghi con số theo văn bản gốc. Nếu văn bản không có số liệu này, xoá cả mục (chỉ tiêu) "
         "đó.",
         "result: .inf"),
    Rule("yaml-control-character", E,
         "Dòng {line}, cột {column}: có ký tự điều khiển không nhìn thấy ({char}); YAML không đọc "
         "được tệp có ký tự này.",
         "Ký tự này thường lọt vào khi dán chữ từ Word, PDF hoặc trang web, và có thể không hiện "
         "gì hoặc hiện thành một ô vuông. Xoá đoạn chữ quanh cột {column} của dòng {line} rồi gõ lại.",
         "name: Mô hình␇ mới   (␇ là ký tự U+0007 dán từ Word)"),
    Rule("not-a-record", E,
         "Tệp không phải một bản ghi: cần các dòng dạng \"trường: giá trị\".",
         "Xem ví dụ trong hướng dẫn đóng góp dữ liệu; mỗi tệp YAML là một bản ghi.",
         "- Bến Tre\n- Trà Vinh"),
    # --- CSV ---------------------------------------------------------------
    Rule("csv-delimiter", E,
         "Tệp CSV dùng dấu \"{delimiter}\" để ngăn cột; cần dùng dấu phẩy \",\".",
         "Trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\", hoặc đổi dấu phân cách "
         "danh sách của máy thành dấu phẩy.",
         "unit;track;indicator;value"),
    Rule("csv-missing-column", E,
         "Thiếu cột \"{column}\".",
         "Dòng tiêu đề cần có các cột: {columns}.",
         "unit,track,value   (thiếu cột indicator)"),
    Rule("csv-unknown-column", E,
         "Cột \"{column}\" không có trong mẫu.",
         "{suggestion}Các cột hợp lệ: {columns}.",
         "unit,track,indicator,gia_tri"),
    Rule("csv-row-length", E,
         "Dòng có {found} ô, trong khi tiêu đề có {expected} cột.",
         "Kiểm tra dấu phẩy thừa hoặc thiếu; văn bản có dấu phẩy phải đặt trong ngoặc kép.",
         "Hà Tĩnh,dich-vu-cong,doi-hinh,612,Triển khai, hỗ trợ"),
    Rule("csv-file-too-large", E,
         "Tệp có dung lượng {size}, vượt giới hạn {limit} của một bảng kết quả, nên không được đọc.",
         "Kết quả của một Ngày cao điểm chỉ vài chục KB. Kiểm tra tệp có bị dán lặp nhiều lần, "
         "hoặc lưu nhầm từ một tệp khác (thường bắt đầu quanh dòng {line}); tách thành nhiều "
         "tệp nếu cần, tên đều bắt đầu bằng mã Ngày cao điểm.",
         "tệp .csv 25 MB"),
    Rule("csv-empty-cell", E,
         "Ô {column} ở cột {letter} đang trống, mà cột này dòng nào cũng phải có.",
         "Điền ô đó theo văn bản gốc. Nếu văn bản không có số liệu cho dòng này, xoá cả dòng.",
         "Hà Tĩnh,do-thi-van-minh,tuyen-pho-van-minh,,,bao-cao"),
    Rule("csv-duplicate-column", E,
         "Dòng tiêu đề có hai cột cùng một nội dung: \"{first}\" (cột {first_index}) và "
         "\"{second}\" (cột {second_index}), nên không biết lấy số liệu ở cột nào.",
         "Giữ một cột và xoá cột còn lại ở dòng tiêu đề cùng các ô của nó (trước khi xoá, kiểm tra "
         "số liệu của cột bị xoá đã có ở cột giữ lại). Cột có thể ghi bằng mã (value) hoặc bằng "
         "tiêu đề của bảng tính mẫu (Kết quả), nhưng chỉ một lần.",
         "unit,track,indicator,value,note,source,Kết quả"),
    Rule("csv-cell-too-long", E,
         "Ô ở {where} dài {length} ký tự, vượt giới hạn {limit} ký tự của một ô.",
         "Thường do một dấu ngoặc kép \" không được đóng, nên nhiều dòng bị đọc lẫn vào một ô: "
         "kiểm tra dấu ngoặc kép ở dòng này và các dòng ngay dưới. Nếu ô thật sự dài (dán cả văn "
         "bản vào ô), chỉ ghi tóm tắt; toàn văn để ở văn bản nguồn trong data/documents/.",
         "Hà Tĩnh,dich-vu-cong,doi-hinh,612,\"Triển khai…   (thiếu dấu \" đóng ô ghi chú)"),
    Rule("csv-nul-byte", E,
         "Dòng {line} có ký tự rỗng (NUL, mã 0); cả tệp có {count} ký tự như vậy. Đây không phải "
         "một tệp CSV bình thường: tệp có thể bị hỏng hoặc được lưu sai định dạng.",
         "Mở tệp bằng Excel rồi Lưu thành → \"CSV UTF-8 (Comma delimited)\", hoặc xuất lại tệp từ "
         "bảng tính gốc. Ký tự này không nhìn thấy trong trình soạn thảo nên khó xoá bằng tay.",
         "tệp CSV bị cắt ngang khi sao chép, phần cuối toàn byte 0"),
    Rule("csv-unreadable", E,
         "Không đọc được tệp CSV từ dòng {line}{detail}.",
         "Ô có dấu phẩy hoặc xuống dòng phải đặt trong một cặp dấu ngoặc kép \"…\"; dấu ngoặc kép "
         "bên trong ô viết thành hai dấu \"\". Sửa ở dòng {line}, hoặc mở tệp bằng Excel rồi Lưu "
         "thành → \"CSV UTF-8 (Comma delimited)\".",
         "Hà Tĩnh,dich-vu-cong,doi-hinh,612,\"Triển khai   (dấu \" mở ô ghi chú ở dòng cuối, không đóng)"),
    # --- Spreadsheets (data/results/*.xlsx and import-xlsx) --------------------
    # A cell's name ("Kết quả!D5 (Kết quả)") is the problem's field; its line is the sheet row.
    Rule("sheet-not-found", E,
         "Không tìm thấy tệp \"{file}\".",
         "Kiểm tra tên và đường dẫn của tệp Excel trong lệnh import-xlsx: đường dẫn tính từ thư mục "
         "đang đứng khi chạy lệnh (tệp ở ngay thư mục đó thì chỉ cần tên tệp).",
         "python build_site.py import-xlsx ket-qua.xlsx khi tệp nằm ở thư mục khác"),
    Rule("sheet-unreadable", E,
         "Không mở được tệp Excel: {detail}.",
         "Mở tệp bằng Excel, chọn Lưu thành (Save As) → \"Excel Workbook (.xlsx)\", rồi tải lên lại.",
         "tệp .xls cũ hoặc tệp bị hỏng"),
    Rule("sheet-too-large", E,
         "Tệp Excel quá lớn để kiểm tra: {what}.",
         "Một tệp kết quả chỉ cần trang \"Kết quả\" với mỗi dòng một đơn vị, một chỉ tiêu "
         "(tối đa {limit}). Xoá các trang, hình ảnh và dòng thừa, hoặc tách thành nhiều tệp "
         "(mỗi tệp một tỉnh, tên đều bắt đầu bằng mã Ngày cao điểm).",
         "tệp .xlsx 30 MB có ảnh chụp văn bản"),
    Rule("sheet-file-name", E,
         "Tên tệp \"{name}\" không bắt đầu bằng mã của Ngày cao điểm nào trong data/peak-days/.",
         "{suggestion}Đặt tên tệp là mã Ngày cao điểm, có thể thêm phần đuôi sau dấu gạch ngang, "
         "ví dụ {example}. Các mã hiện có: {ids}.",
         "data/results/ket-qua-vinh-long.xlsx"),
    Rule("sheet-missing-column", E,
         "Trang tính \"{sheet}\" thiếu cột \"{column}\" ở dòng tiêu đề (ô {cell}).",
         "Dùng tệp mẫu; dòng tiêu đề cần các cột: {columns}.",
         "dòng tiêu đề không có cột Kết quả"),
    Rule("sheet-empty-cell", E,
         "Ô {cell} đang trống.",
         "{how}",
         "dòng có tên đơn vị nhưng ô Kết quả bỏ trống"),
    Rule("sheet-formula-no-value", E,
         "Ô {cell} chứa công thức ={formula} nhưng tệp chưa lưu kết quả của công thức đó.",
         "Tệp được tạo hoặc sửa bằng một chương trình không tính công thức. Mở tệp bằng Excel "
         "(hoặc LibreOffice), lưu lại để công thức được tính, rồi tải lên lại; hoặc gõ thẳng con "
         "số vào ô thay cho công thức.",
         "ô Kết quả ghi =SUM(D2:D4) trong tệp chưa mở bằng Excel"),
    Rule("sheet-percent", E,
         "Ô ghi tỷ lệ phần trăm ({value}), trong khi chỉ tiêu này là một số lượng, không phải tỷ lệ.",
         "Ghi số lượng đạt được (số người, số đội hình…) thay cho tỷ lệ: chọn ô, Định dạng ô "
         "(Format Cells) → Số (Number), rồi gõ con số.",
         "ô Kết quả định dạng % ghi 85%"),
    Rule("sheet-decimal-in-count", E,
         "Ô chứa số thập phân {value}, trong khi chỉ tiêu này đếm số lượng.",
         "Excel cài đặt tiếng Anh dùng dấu chấm làm dấu thập phân, nên số gõ kiểu Việt Nam như "
         "1.250 bị lưu thành 1,25. {guess}Số lượng là số nguyên, gõ không cần dấu ngăn hàng nghìn.",
         "ô Kết quả gõ 1.250 trong Excel tiếng Anh (lưu thành 1,25)"),
    Rule("sheet-english-thousands", E,
         "Ô ghi \"{value}\": dấu phẩy ở đây là cách Excel cài đặt tiếng Anh ngăn hàng nghìn, "
         "còn trong tiếng Việt dấu phẩy là dấu thập phân.",
         "Excel cài đặt tiếng Anh dùng dấu phẩy ngăn hàng nghìn: nếu là {words} ({shown}), "
         "gõ {digits}, không có dấu phẩy.",
         "ô Kết quả là chữ 1,250"),
    Rule("sheet-number-format", E,
         "Không đọc được số từ ô ghi \"{value}\".",
         "Gõ con số vào ô, không kèm đơn vị tính (người, cây… đã ghi ở chỉ tiêu): ví dụ 22750; "
         "có thể ghi kèm chữ như hơn 5.000 hoặc 17,5 tỷ đồng.",
         "ô Kết quả ghi nhiều"),
    Rule("sheet-number-not-integer", E,
         "Ô ghi \"{value}\", không phải số nguyên, trong khi chỉ tiêu này đếm số lượng.",
         "Gõ số nguyên, ví dụ 1166; trong tiếng Việt dấu phẩy là dấu thập phân.",
         "ô Kết quả là chữ 1,5 cho chỉ tiêu đội hình"),
    Rule("results-exist", E,
         "Ngày cao điểm này đã có {rows} dòng kết quả trong {file}.",
         "Nếu bảng tính thay cho toàn bộ kết quả cũ, nhập lại với --replace; nếu chỉ bổ sung, "
         "thêm các dòng mới vào bảng tính có sẵn kết quả cũ.",
         "import-xlsx lần hai cho cùng một Ngày cao điểm"),
    # --- Schema ------------------------------------------------------------
    Rule("missing-field", E,
         "Thiếu trường bắt buộc \"{name}\".",
         "Thêm dòng \"{name}: …\" vào bản ghi.",
         "(bản ghi mô hình không có dòng year:)"),
    Rule("unknown-field", E,
         "Trường \"{name}\" không có trong mẫu bản ghi.",
         "{suggestion}Các trường hợp lệ: {allowed}.",
         "nam_thuc_hien: 2021   (đúng là year:)"),
    Rule("wrong-type", E,
         "Giá trị {value} không đúng kiểu: cần {expected}.",
         "Sửa giá trị thành {expected}.",
         "sources: ben-tre-2021-2616-cv   (cần danh sách: [ben-tre-2021-2616-cv])"),
    Rule("not-in-list", E,
         "Giá trị \"{value}\" không nằm trong danh sách cho phép.",
         "{suggestion}Chọn một trong: {allowed}.",
         "status: da-cong-nhan"),
    Rule("bad-format", E,
         "Giá trị \"{value}\" sai định dạng.",
         "{hint}",
         "id: Mô hình Bến Tre"),
    Rule("empty-value", E,
         "Giá trị không được để trống.",
         "Điền giá trị, hoặc xoá cả dòng nếu trường không bắt buộc.",
         "name: \"\""),
    Rule("out-of-range", E,
         "Giá trị {value} nằm ngoài khoảng cho phép ({limit}).",
         "Kiểm tra lại con số trong văn bản gốc.",
         "year: 1921"),
    Rule("placeholder", E,
         "Trường còn chỗ chưa điền: \"{value}\".",
         "Thay dòng có chữ ĐIỀN bằng nội dung thật, hoặc xoá dòng nếu trường không bắt buộc.",
         "name: \"ĐIỀN: tên mô hình như trong văn bản\""),
    Rule("id-file-mismatch", E,
         "Mã bản ghi \"{id}\" khác tên tệp \"{stem}\".",
         "Đặt tên tệp là \"{id}.yaml\", hoặc sửa mã thành \"{stem}\" (thường gặp khi sao chép tệp khác).",
         "tệp ben-tre-cay-xanh.yaml có id: ben-tre-dich-vu-cong"),
    # --- Numbers -----------------------------------------------------------
    Rule("number-dot-thousands", E,
         "Số {value} bị YAML đọc thành số thập phân {as_decimal}, không phải {digits}.",
         "Nếu là {digits}: viết {digits} hoặc đặt trong ngoặc kép \"{value}\". "
         "Trong tiếng Việt dấu chấm ngăn hàng nghìn, còn YAML hiểu dấu chấm là dấu thập phân.",
         "result: 1.166"),
    Rule("number-not-integer", E,
         "\"{value}\" không phải số nguyên, trong khi chỉ tiêu này đếm số lượng.",
         "Viết số nguyên, ví dụ 1166 hoặc \"1.166\". Dấu phẩy là dấu thập phân trong tiếng Việt.",
         "result: \"1,5\""),
    Rule("number-format", E,
         "Không đọc được số từ \"{value}\".",
         "Viết số như trong văn bản: 1.166, \"hơn 7.152\", \"17,5 tỷ đồng\", \"475 triệu\". "
         "Đơn vị tính (người, cây…) ghi ở chỉ tiêu, không ghi kèm số.",
         "result: 40.201 cây"),
    Rule("number-negative", E,
         "Số \"{value}\" âm.",
         "Số lượng và kinh phí không thể âm; kiểm tra lại dấu \"-\".",
         "value: -5"),
    Rule("number-english-format", E,
         "\"{value}\" viết theo kiểu tiếng Anh (dấu phẩy ngăn hàng nghìn).",
         "Viết theo kiểu Việt Nam: \"{fixed}\".",
         "value: \"1,166,000\""),
    Rule("money-fraction", E,
         "Kinh phí \"{value}\" không tròn đến đồng.",
         "Kinh phí lưu bằng số đồng nguyên; kiểm tra số chữ số sau dấu phẩy.",
         "budget: \"1,0000000005 tỷ đồng\""),
    Rule("percent-format", E,
         "Không đọc được tỷ lệ phần trăm từ \"{value}\".",
         "Viết như \"116,6%\" hoặc 100.",
         "stated_percent: \"đạt\""),
    Rule("number-too-many-digits", E,
         "Số \"{value}\" có {digits} chữ số, quá giới hạn {limit} chữ số của một số liệu.",
         "Kiểm tra có gõ thừa chữ số hoặc dán nhầm không: không số liệu nào trong văn bản dài đến "
         "{limit} chữ số. Nếu đây là mã số hay số hiệu, không phải số liệu, đặt trong một cặp dấu "
         "ngoặc kép.",
         "result: 12345678901234567890123456789"),
    # --- Dates -------------------------------------------------------------
    Rule("date-format", E,
         "Không đọc được ngày từ \"{value}\".",
         "Viết ngày theo dạng ngày/tháng/năm, ví dụ 11/8/2023 (hoặc 2023-08-11).",
         "date: 11-8-23"),
    Rule("date-invalid", E,
         "Ngày \"{value}\" không tồn tại.",
         "Kiểm tra lại ngày và tháng theo văn bản gốc: ngày ghi trước, rồi tháng, rồi năm "
         "(ví dụ 28/2/2023); tháng 2 có 28 ngày (29 ngày ở năm nhuận), tháng 4, 6, 9, 11 có 30 ngày.",
         "date: 31/2/2023"),
    Rule("date-out-of-range", E,
         "Ngày {value} nằm ngoài khoảng hợp lệ ({earliest} – {latest}).",
         "Kiểm tra năm đã gõ.",
         "date: 11/8/2203"),
    Rule("time-format", E,
         "Không đọc được giờ từ \"{value}\".",
         "Viết giờ như trong văn bản: \"12h00\", \"7h30\" (đặt trong ngoặc kép).",
         "time: 25h00"),
    Rule("weekday-mismatch", E,
         "Ngày {date} là {actual}, không phải {stated}.",
         "Kiểm tra lại ngày hoặc thứ ghi trong văn bản gốc.",
         "date: 12/8/2023\nweekday: Thứ Sáu"),
    # Dates that must come in order (campaign_results/crosscheck/consistency.py).
    Rule("report-before-peak-day", E,
         "Báo cáo kết quả {report} ghi ngày {report_date}, trước Ngày cao điểm {peak_day_date}.",
         "Báo cáo kết quả phải ban hành sau Ngày cao điểm; kiểm tra ngày của báo cáo.",
         "Ngày cao điểm 11/8/2023 có sources: [báo cáo ghi ngày 10/8/2023]"),
    Rule("result-report-before-peak-day", E,
         "Báo cáo {report} ghi ngày {report_date}, trước Ngày cao điểm {peak_day_date}.",
         "Kết quả phải trích từ báo cáo ban hành sau Ngày cao điểm.",
         "dòng kết quả của Ngày cao điểm 11/8/2023 có source: báo cáo ghi ngày 10/8/2023"),
    Rule("report-before-event", E,
         "Báo cáo {report} ghi ngày {report_date}, trước ngày diễn ra hoạt động \"{event}\" "
         "({event_date}) mà báo cáo đó ghi lại.",
         "Báo cáo kết quả phải ban hành sau hoạt động; kiểm tra ngày của báo cáo và ngày của hoạt động.",
         "hoạt động ngày 11/8/2023 có source: báo cáo ghi ngày 10/8/2023"),
    Rule("directive-after-peak-day", E,
         "Văn bản chỉ đạo {directive} ({directive_date}) ghi ngày sau Ngày cao điểm ({peak_day_date}).",
         "Kiểm tra ngày của văn bản chỉ đạo và của Ngày cao điểm.",
         "Ngày cao điểm 11/8/2023 có directive: công văn ghi ngày 20/8/2023"),
    Rule("deadline-before-document", E,
         "Hạn \"{deadline}\" ({date}) sớm hơn ngày ban hành văn bản đặt ra hạn đó ({document_date}).",
         "Kiểm tra ngày của hạn và ngày của văn bản {document}.",
         "kế hoạch ban hành ngày 04/8/2023 có hạn ngày 04/7/2023"),
    Rule("year-mismatch", E,
         "Năm {year} không khớp với văn bản {document} (ngày {date}).",
         "Kiểm tra năm (year) của bản ghi và ngày của văn bản nguồn.",
         "year: 2019 với văn bản ngày 18/11/2021"),
    Rule("campaign-year-mismatch", E,
         "Ngày cao điểm năm {year} không thuộc chiến dịch \"{campaign}\" năm {campaign_year}.",
         "Kiểm tra ngày (date) của Ngày cao điểm và mã chiến dịch (campaign), hoặc năm (year) của chiến dịch.",
         "date: 11/8/2023 với chiến dịch năm 2022"),
    # --- Text safety -------------------------------------------------------
    Rule("html-script", E,
         "Văn bản chứa mã có thể chạy trên trang web ({found}).",
         "Xoá đoạn \"{found}\". Trang chỉ nhận văn bản và Markdown.",
         "description: <script>alert(1)</script>"),
    Rule("html-tag", E,
         "Văn bản chứa mã định dạng của trang web \"{found}\" (thường do dán từ trang web hoặc "
         "Word); trang sẽ hiện nguyên các ký tự đó.",
         "Xoá các mã trong dấu < >. Muốn in nghiêng viết *nghiêng*, in đậm viết **đậm**; để tách "
         "đoạn, để một dòng trống.",
         "description: <p>Ra quân <i>Thanh niên xung kích</i></p>"),
    Rule("unsafe-link", E,
         "Liên kết \"{found}\" không dẫn tới một trang web thật (thường do chép từ nút bấm của "
         "trang web), nên trang không thể xuất bản với liên kết này.",
         "Thay bằng địa chỉ thật bắt đầu bằng https:// (hoặc mailto: cho thư điện tử), hoặc xoá "
         "phần trong ngoặc ( ) và chỉ giữ chữ. Liên kết tới một trang của chính trang kết quả "
         "này cũng được, ví dụ [Mô hình](../mo-hinh/).",
         "[xem](javascript:alert(1))"),
    Rule("image-not-allowed", E,
         "Văn bản chèn hình \"{found}\" từ nơi khác; trang chỉ hiện hình của chính trang này.",
         "Xoá hình, hoặc ghi địa chỉ hình thành một liên kết: [Xem hình](https://…). Trang không "
         "tải gì từ trang web khác, để người đọc không bị theo dõi và trang chạy được khi không "
         "có mạng Internet.",
         "![ảnh](https://example.com/anh.png)"),
    # --- References and consistency ---------------------------------------
    Rule("duplicate-id", E,
         "Mã \"{id}\" đã được dùng ở {other}.",
         "Mỗi bản ghi cần một mã riêng; đổi mã (và tên tệp) của bản ghi này.",
         "hai tệp cùng id: ben-tre-2021-dich-vu-cong"),
    Rule("unknown-unit", E,
         "Không tìm thấy đơn vị \"{value}\".",
         "{suggestion}Ghi tên tỉnh/thành như trong văn bản (ví dụ \"Bến Tre\", \"TP. Hồ Chí Minh\") "
         "hoặc mã đơn vị trong data/units/.",
         "unit: Ben Tree"),
    # A province of the other system than the one in force on the record's date: the 63 until
    # 30/6/2025, the 34 from 1/7/2025 (campaign_results/model/units.py).
    Rule("province-merged", E,
         "\"{value}\" đã sáp nhập vào {successor} từ {merger}; bản ghi ngày {date} phải dùng tên tỉnh mới.",
         "Ghi \"{successor_short}\" (hoặc mã {successor_id}). Nếu văn bản ban hành trước {merger}, "
         "kiểm tra lại ngày.",
         "unit: Bến Tre   (trong bản ghi năm 2026)"),
    Rule("province-id-merged", E,
         "\"{value}\" là mã của tỉnh {province}, đã sáp nhập vào {successor} từ {merger}; bản ghi "
         "ngày {date} phải dùng mã tỉnh mới.",
         "Ghi \"{successor_short}\" (hoặc mã {successor_id}). Nếu văn bản ban hành trước {merger}, "
         "kiểm tra lại ngày.",
         "issuer: ben-tre   (trong văn bản ngày 12/01/2026)"),
    Rule("province-id-before-merger", E,
         "\"{value}\" là mã của {province} từ {merger}, không dùng cho bản ghi ngày {date}.",
         "Ghi tỉnh như trong văn bản gốc, theo danh sách 63 tỉnh trước khi sáp nhập (trước {merger}, "
         "địa bàn {province_short} thuộc: {predecessors}). Nếu văn bản ban hành từ {merger}, kiểm tra "
         "lại ngày.",
         "unit: vinh-long-2025   (trong bản ghi năm 2021)"),
    # Every name of the 34 is also a name of the 63 in data/reference/, which a record dated before
    # 1/7/2025 reads in the 63: this rule is for a name only the 34 would have.
    Rule("province-before-merger", E,
         "\"{value}\" là tên tỉnh từ {merger}, không dùng cho bản ghi ngày {date}.",
         "Ghi tên tỉnh như trong văn bản gốc, theo danh sách 63 tỉnh trước khi sáp nhập.",
         "unit: (tên chỉ có trong danh sách 34 tỉnh, thành)   (trong bản ghi năm 2024)"),
    Rule("unknown-document", E,
         "Không tìm thấy văn bản \"{value}\" trong data/documents/.",
         "{suggestion}Thêm bản ghi văn bản trước, rồi ghi mã của nó ở đây.",
         "sources: [ben-tre-2021-2616]"),
    Rule("reference-unreadable", W,
         "Bản ghi \"{value}\" có tệp riêng, nhưng không đọc được tệp {file}: tệp đó có lỗi "
         "cần sửa trước.",
         "Sửa lỗi của tệp {file} trước (xem lỗi báo ở tệp đó); khi tệp đọc được, tham chiếu này "
         "sẽ được kiểm tra lại.",
         "sources: [ben-tre-2021-2616-cv]   (tệp ben-tre-2021-2616-cv.yaml có lỗi cú pháp)"),
    Rule("unknown-indicator", E,
         "Chỉ tiêu \"{value}\" không có trong danh mục data/indicators.csv.",
         "{suggestion}Dùng mã có sẵn, hoặc thêm một dòng vào data/indicators.csv.",
         "indicator: cay"),
    Rule("unknown-reference", E,
         "Không tìm thấy {what} \"{value}\".",
         "{suggestion}Kiểm tra lại mã.",
         "campaign: 2023-he-tinh-nguyen"),
    Rule("document-type-mismatch", E,
         "Loại văn bản \"{type}\" không khớp số hiệu \"{number}\" (loại {expected}).",
         "Sửa type thành {expected}, hoặc kiểm tra lại số hiệu.",
         "number: 2616-CV/TĐTN-BPT\ntype: KH"),
    Rule("citation-self", E,
         "Văn bản \"{id}\" trích dẫn chính nó (trường cites).",
         "Trường cites chỉ ghi mã của các văn bản khác mà văn bản này nhắc tới. Xoá mã \"{id}\" "
         "khỏi danh sách (thường gặp khi sao chép bản ghi của văn bản được trích dẫn rồi đổi mã).",
         "id: ben-tre-2021-2616-cv\ncites: [ben-tre-2021-2616-cv]"),
    Rule("citation-cycle", E,
         "Các văn bản trích dẫn nhau thành vòng tròn: {cycle}.",
         "Một văn bản chỉ trích dẫn được văn bản đã có trước nó, nên không thể có vòng trích dẫn. "
         "Trong trường cites của các văn bản {ids}, tìm mã ghi nhầm (thường là văn bản trả lời bị "
         "ghi ngược vào văn bản được trả lời) và xoá đi.",
         "kế hoạch A ghi cites: [B], công văn B ghi cites: [A]"),
    Rule("citation-forward", E,
         "Văn bản {citing} (ngày {citing_date}) trích dẫn văn bản {cited} ghi ngày {cited_date}, "
         "tức là ban hành sau văn bản trích dẫn nó.",
         "Một văn bản chỉ trích dẫn được văn bản đã ban hành. Kiểm tra ngày của hai văn bản trong "
         "văn bản gốc, và mã ghi ở trường {field}.",
         "kế hoạch ngày 04/5/2023 ghi cites: [công văn ngày 26/7/2023]"),
    Rule("sum-mismatch", E,
         "Tổng các khoản ({parts}) khác tổng ghi trong văn bản ({total}).",
         "Kiểm tra từng khoản. Nếu văn bản gốc đúng là không khớp, ghi rõ ở trường "
         "\"reconciliation_note\".",
         "7 khoản cộng lại 465 triệu, tổng ghi 475 triệu"),
    Rule("part-exceeds-total", E,
         "Tổng kết quả các đơn vị ({parts}) lớn hơn tổng toàn quốc ({total}) của chỉ tiêu \"{indicator}\".",
         "Kiểm tra lại số của từng đơn vị và tổng toàn quốc.",
         "tổng toàn quốc 6.369 đội hình, một tỉnh ghi 16.100"),
    Rule("sum-mismatch-qualified", E,
         "Tổng các khoản ({parts}) không khớp với tổng ghi trong văn bản \"{total}\": với chữ "
         "\"{qualifier}\", các khoản phải cộng lại từ {low} đến {high}.",
         "Một số có chữ đi kèm được đọc như sau: \"khoảng X\" là từ 90% đến 110% của X (số làm "
         "tròn); \"gần X\" là từ 90% của X đến X; \"hơn X\", \"trên X\", \"tối thiểu X\", \"ít "
         "nhất X\" là từ X đến 2 lần X (nếu gấp hơn 2 lần, văn bản đã ghi một số tròn lớn hơn). "
         "Khoản có chữ đi kèm cũng được đọc như vậy. Kiểm tra từng khoản và tổng trong văn bản "
         "gốc (thừa hoặc thiếu chữ số, nhầm triệu và tỷ); nếu văn bản gốc đúng là không khớp, ghi "
         "rõ ở trường \"reconciliation_note\".",
         "resources_total: gần 500 triệu đồng, 7 khoản cộng lại 1.944 triệu đồng"),
    Rule("part-exceeds-qualified-total", E,
         "Tổng kết quả các đơn vị ({parts}) vượt tổng toàn quốc \"{total}\" của chỉ tiêu "
         "\"{indicator}\": với chữ \"{qualifier}\", tổng toàn quốc không quá {high}.",
         "Kết quả các đơn vị là một phần của tổng toàn quốc. Tổng có chữ đi kèm được đọc: "
         "\"khoảng X\" tối đa 110% của X; \"gần X\" tối đa X; \"hơn X\", \"trên X\", \"tối thiểu "
         "X\", \"ít nhất X\" tối đa 2 lần X (nếu gấp hơn 2 lần, văn bản đã ghi một số tròn lớn "
         "hơn); một đơn vị ghi \"hơn 100\" được tính là 100. Kiểm tra số của từng đơn vị (thừa "
         "chữ số?) và tổng toàn quốc trong văn bản gốc.",
         "tổng toàn quốc gần 500 đội hình, các đơn vị cộng lại 1.944"),
    Rule("duplicate-result", E,
         "Kết quả của \"{unit}\" cho chỉ tiêu \"{indicator}\" ({track}) đã có ở dòng {line}.",
         "Giữ một dòng, xoá dòng kia. Nếu là hai số khác nhau, kiểm tra lại văn bản gốc, giữ số "
         "đúng và ghi rõ ở cột note.",
         "hai dòng Hưng Yên, dich-vu-cong, doi-hinh"),
    Rule("duplicate-result-other-file", E,
         "Kết quả của \"{unit}\" cho chỉ tiêu \"{indicator}\" ({track}) đã có ở tệp {file}, dòng {line}.",
         "Giữ một dòng ở một tệp, xoá dòng kia. Nếu là hai số khác nhau, kiểm tra lại văn bản gốc, "
         "giữ số đúng và ghi rõ ở cột note.",
         "cùng một dòng ở hai tệp kết quả của một Ngày cao điểm"),
    Rule("percent-mismatch", E,
         "Tỷ lệ ghi \"{stated}\" khác tỷ lệ tính từ kết quả/chỉ tiêu ({computed}).",
         "Kiểm tra kết quả, chỉ tiêu và tỷ lệ trong văn bản gốc.",
         "target: 1.000, result: 1.166, stated_percent: 106,6%"),
    Rule("percent-zero-target", E,
         "Tỷ lệ ghi \"{stated}\" được tính trên chỉ tiêu bằng 0; không có tỷ lệ phần trăm nào của 0.",
         "Kiểm tra chỉ tiêu trong văn bản gốc: nếu chỉ tiêu khác 0, ghi đúng số; nếu văn bản không "
         "giao chỉ tiêu bằng số (chỉ ghi \"đạt 100% kế hoạch\"), xoá dòng target và giữ "
         "stated_percent.",
         "target: 0, result: 12, stated_percent: 100%"),
    Rule("result-implausible", W,
         "Kết quả {result} gấp hơn 10 lần chỉ tiêu {target}.",
         "Kiểm tra có gõ thừa chữ số không.",
         "target: 1.000, result: 11.660"),
    # --- `new` (campaign_results/new_record.py) ---------------------------------
    # What was typed after `python build_site.py new`: the problem's field is the option
    # ("--date"). A unit that cannot be named is reported by the check's rules (unknown-unit,
    # province-merged…), as it would be in the record.
    Rule("new-kind", E,
         "Loại bản ghi \"{kind}\" không có.",
         "Chọn một trong: {kinds}.",
         "new mo-hinh"),
    Rule("new-model-options", E,
         "Lệnh new model cần --unit (đơn vị) và --year (năm).",
         "Ghi đủ các tuỳ chọn, ví dụ: new model --unit \"Bến Tre\" --year 2024",
         "new model --year 2024"),
    Rule("new-peak-day-options", E,
         "Lệnh new peak-day cần --date (ngày).",
         "Ghi đủ các tuỳ chọn, ví dụ: new peak-day --date 11/8/2026 --name \"…\"",
         "new peak-day --name \"Ngày cao điểm tình nguyện\""),
    Rule("new-document-options", E,
         "Lệnh new document cần --issuer, --number và --date.",
         "Ghi đủ các tuỳ chọn, ví dụ: new document --issuer \"Tỉnh đoàn Bến Tre\" --number "
         "15-CV/TĐTN-BPT --date 12/1/2026",
         "new document --issuer \"Tỉnh đoàn Bến Tre\" --date 12/1/2026"),
    Rule("new-campaign-options", E,
         "Lệnh new campaign cần --name (tên) và --year (năm).",
         "Ghi đủ các tuỳ chọn, ví dụ: new campaign --name \"Chiến dịch Thanh niên tình nguyện hè "
         "2026\" --year 2026",
         "new campaign --year 2026"),
    Rule("new-plan-options", E,
         "Lệnh new plan cần --unit (đơn vị), --year (năm) và --name (trích yếu).",
         "Ghi đủ các tuỳ chọn, ví dụ: new plan --unit \"Vĩnh Long\" --year 2026 --name \"Chuyển đổi số\"",
         "new plan --unit \"Vĩnh Long\" --year 2026"),
    Rule("new-date-format", E,
         "Ngày \"{value}\" không đúng dạng ngày/tháng/năm.",
         "Ghi ngày dạng ngày/tháng/năm, ví dụ 11/8/2026.",
         "new peak-day --date 2026/8/11"),
    Rule("new-number-format", E,
         "Số hiệu \"{value}\" không đúng dạng.",
         "Ghi số hiệu như trên văn bản, ví dụ 15-CV/TĐTN-BPT.",
         "new document --number \"Công văn 15\" …"),
    Rule("new-file-exists", E,
         "Tệp {file} đã có.",
         "Chọn tên khác (--name) hoặc sửa tệp đó.",
         "new model --unit \"Bến Tre\" --year 2022 --name \"Mô hình mới\"   (lần thứ hai)"),
    # --- Internal ----------------------------------------------------------
    Rule("internal-error", E,
         "Chương trình gặp sự cố và không xử lý được dữ liệu (chi tiết kỹ thuật: {detail}).",
         "Lỗi này có thể do một tệp dữ liệu có dạng mà chương trình chưa lường trước, hoặc do lỗi "
         "của chính chương trình. Nếu vừa sửa hay thêm tệp nào, kiểm tra lại tệp đó rồi chạy lại; "
         "nếu lỗi vẫn còn, gửi tệp đó cùng nội dung thông báo này cho nhóm kỹ thuật.",
         "(không có ví dụ)"),
)
