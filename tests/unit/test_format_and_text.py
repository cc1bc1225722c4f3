"""campaign_results/format.py and text.py as pages use them: counts that leave out what there is
none of, and quotes written the Vietnamese way."""

from __future__ import annotations

from campaign_results.format import counts
from campaign_results.text import curly_quotes


def test_counts_leave_out_what_there_is_none_of() -> None:
    assert counts((3, "mô hình"), (0, "Ngày cao điểm"), (1200, "văn bản")) == "3 mô hình, 1.200 văn bản"
    assert counts((0, "mô hình"), none="chưa có dữ liệu") == "chưa có dữ liệu"
    assert counts((0, "mô hình")) == ""


def test_straight_quotes_open_and_close_by_where_they_stand() -> None:
    assert curly_quotes('Mô hình "Dân vận khéo"') == "Mô hình “Dân vận khéo”"
    assert curly_quotes('"A", "B" và ("C") – "D"') == "“A”, “B” và (“C”) – “D”"
    assert curly_quotes("không có dấu ngoặc") == "không có dấu ngoặc"
    assert '"' not in curly_quotes('a"b" "c')
