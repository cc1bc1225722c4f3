"""campaign_results/render/search_index.py: the words a page is found by, folded as a phone
types them, and the small files a query fetches (vocabulary by two letters, postings, page lists)."""

from __future__ import annotations

import json

from campaign_results.render.search_index import (EXCERPT_CHARACTERS, FOLDER, INLINE_UP_TO, MAX_WORD, PAGES_PER_SHARD,
                                                  SUMMARY_CHARACTERS, SearchIndex)

UNIT_PAGE = ('---\ntitle: "Bến Tre"\ndescription: "Tỉnh Đoàn &amp; cơ sở"\n---\n# Bến Tre\n\n'
             "Chữ của trang\n"
             '<div hidden data-search-body markdown="0">Bến Tre Đồng Khởi &lt;dừa&gt;</div>\n'
             "Phần sau\n")


def vocabulary(files: dict[str, bytes]) -> dict[str, str | int]:
    """Every word of the index with its postings (or its page count), from all vocabulary files."""
    words: dict[str, str | int] = {}
    for path, content in files.items():
        if path.startswith(f"{FOLDER}/tu-dien/"):
            words |= json.loads(content)
    return words


def pages(files: dict[str, bytes]) -> list[list[str]]:
    info = json.loads(files[f"{FOLDER}/thong-tin.json"])
    return [page for shard in range(-(-info["pages"] // PAGES_PER_SHARD))
            for page in json.loads(files[f"{FOLDER}/trang/{shard}.json"])]


def test_a_record_page_is_found_by_its_search_block_only_and_the_block_leaves_the_page() -> None:
    index = SearchIndex()
    page = index.add_page("don-vi/ben-tre.md", UNIT_PAGE)
    assert page == ('---\ntitle: "Bến Tre"\ndescription: "Tỉnh Đoàn &amp; cơ sở"\n---\n# Bến Tre\n\n'
                    "Chữ của trang\nPhần sau\n")
    [entry] = index.entries
    assert (entry.url, entry.title, entry.summary) == ("don-vi/ben-tre/", "Bến Tre", "Tỉnh Đoàn & cơ sở")
    assert entry.words == "Bến Tre Đồng Khởi <dừa>"
    # folded: no tone marks, đ → d, lower case; the title's words flagged (gap 1: 1 × 2 + 1 = "3")
    assert vocabulary(index.files()) == {"ben": "3", "tre": "3", "dong": "2", "khoi": "2", "dua": "2"}


def test_another_page_is_found_by_its_text_without_tables_tags_or_link_targets() -> None:
    index = SearchIndex()
    index.add_page("gioi-thieu.md", "# Giới thiệu\n\nXem [trang](https://vi-du.vn/bi-an) <b>đậm</b>\n\n"
                                    "<table><tr><td>trong-bang</td></tr></table>\nHết &amp; xong\n")
    [entry] = index.entries
    assert entry.title == "Giới thiệu"   # the first heading, without a front matter
    assert set(vocabulary(index.files())) == {"gioi", "thieu", "xem", "trang", "dam", "het", "xong"}


def test_a_listing_with_search_summary_is_found_by_its_title_and_summary_only() -> None:
    index = SearchIndex()
    index.add_page("nam/index.md", "---\ntitle: Các năm\ndescription: Theo năm\nsearch: summary\n---\n"
                                   "# Các năm\n\nMô hình Bến Tre\n")
    assert vocabulary(index.files()) == {"cac": "3", "nam": "3", "theo": "2"}


def test_the_search_page_itself_is_not_indexed_but_loses_its_block() -> None:
    index = SearchIndex()
    page = index.add_page("tim-kiem.md", '# Tìm kiếm\n<div hidden data-search-body markdown="0">x</div>\n')
    assert page == "# Tìm kiếm\n" and index.entries == []
    assert json.loads(index.files()[f"{FOLDER}/thong-tin.json"]) == {
        "pages": 0, "pages_per_shard": PAGES_PER_SHARD, "prefixes": [], "help_from": 0}


def test_a_title_falls_back_to_the_path_and_markdown_escapes_leave_the_heading() -> None:
    index = SearchIndex()
    index.add_page("a.md", "không tiêu đề\n")
    index.add_page("b.md", "# Mô hình \\*Xanh\\*\n")
    assert [e.title for e in index.entries] == ["a.md", "Mô hình *Xanh*"]


def test_pages_are_numbered_units_first_then_short_titles_and_postings_are_gaps() -> None:
    index = SearchIndex()
    index.add_page("mo-hinh/cay-xanh.md", "---\ntitle: Cây xanh\n---\n")
    index.add_page("van-ban/cay.md", "---\ntitle: Văn bản về cây\n---\n")
    index.add_page("don-vi/ben-tre.md", "---\ntitle: Bến Tre trồng cây\n---\n")
    index.add_page("ngay-cao-diem/ngay-1.md", "---\ntitle: Ngày 1\n---\nTrồng cây\n")
    index.add_page("index.md", "---\ntitle: Trang chủ\n---\n")
    files = index.files()
    assert pages(files) == [["", "Trang chủ", "", ""], ["don-vi/ben-tre/", "Bến Tre trồng cây", "", ""],
                            ["ngay-cao-diem/ngay-1/", "Ngày 1", "", "Trồng cây"],
                            ["van-ban/cay/", "Văn bản về cây", "", ""], ["mo-hinh/cay-xanh/", "Cây xanh", "", ""]]
    # "cay" on pages 1 (title), 2 (text), 3 (title), 4 (title): gaps 2, 1, 1, 1 → 5, 2, 3, 3
    assert vocabulary(files)["cay"] == "5,2,3,3"


def test_a_word_on_many_pages_gets_its_own_postings_file() -> None:
    index = SearchIndex()
    for number in range(INLINE_UP_TO + 1):
        index.add_page(f"mo-hinh/m{number}.md", f"---\ntitle: Mô hình {number:02}\n---\n")
    files = index.files()
    assert vocabulary(files)["mo"] == INLINE_UP_TO + 1
    assert files[f"{FOLDER}/tu/mo.txt"] == b",".join([b"3"] * (INLINE_UP_TO + 1))
    assert vocabulary(files)["08"] == "j"  # on page 8 only, in its title: 9 × 2 + 1 = 19, "j" in base 36
    assert f"{FOLDER}/tu/08.txt" not in files


def test_very_long_words_are_not_indexed() -> None:
    index = SearchIndex()
    index.add_page("a.md", f"# A\n\n{'x' * MAX_WORD} {'y' * (MAX_WORD + 1)}\n")
    assert "x" * MAX_WORD in vocabulary(index.files())
    assert "y" * (MAX_WORD + 1) not in vocabulary(index.files())


def test_vocabulary_files_are_split_by_the_first_two_letters_of_a_word() -> None:
    index = SearchIndex()
    index.add_page("a.md", "# A\n\nben bến bền trà 5\n")
    files = index.files()
    assert sorted(path for path in files if "/tu-dien/" in path) == [
        f"{FOLDER}/tu-dien/5.json", f"{FOLDER}/tu-dien/a.json", f"{FOLDER}/tu-dien/be.json",
        f"{FOLDER}/tu-dien/tr.json"]
    assert json.loads(files[f"{FOLDER}/tu-dien/be.json"]) == {"ben": "2"}  # one word, however toned
    assert json.loads(files[f"{FOLDER}/thong-tin.json"])["prefixes"] == ["5", "a", "be", "tr"]


def test_page_lists_hold_twenty_five_pages_each() -> None:
    index = SearchIndex()
    for number in range(PAGES_PER_SHARD + 1):
        index.add_page(f"van-ban/v{number:02}.md", f"---\ntitle: V{number:02}\n---\n")
    files = index.files()
    assert len(json.loads(files[f"{FOLDER}/trang/0.json"])) == PAGES_PER_SHARD
    assert json.loads(files[f"{FOLDER}/trang/1.json"]) == [["van-ban/v25/", "V25", "", ""]]
    assert json.loads(files[f"{FOLDER}/thong-tin.json"])["pages"] == PAGES_PER_SHARD + 1


def test_a_long_summary_is_cut_at_a_word() -> None:
    index = SearchIndex()
    words = "Tuổi trẻ Bến Tre chung tay xây dựng " * 10
    index.add_page("a.md", f"---\ntitle: A\ndescription: {words}\n---\n")
    summary = index.entries[0].summary
    assert summary.endswith("…") and len(summary) <= SUMMARY_CHARACTERS + 1
    assert words.startswith(summary[:-1] + " ")


def test_files_are_compact_utf8_json() -> None:
    index = SearchIndex()
    index.add_page("don-vi/ben-tre.md", UNIT_PAGE)
    assert index.files()[f"{FOLDER}/trang/0.json"] == \
        '[["don-vi/ben-tre/","Bến Tre","Tỉnh Đoàn & cơ sở","Đồng Khởi <dừa>"]]'.encode("utf-8")


def test_help_pages_are_listed_last_and_the_index_says_where_they_begin() -> None:
    index = SearchIndex()
    index.add_page("dong-gop.md", "# Đóng góp\n\nThêm tỉnh Hà Tĩnh\n")
    index.add_page("don-vi/ha-tinh.md", '---\ntitle: "Tỉnh Hà Tĩnh"\n---\n# x\n\n'
                                        '<div hidden data-search-body markdown="0">Tỉnh Hà Tĩnh</div>\n')
    index.add_page("don-vi/index.md", "---\ntitle: Đơn vị\nsearch: summary\n---\n# Đơn vị\n")
    files = index.files()
    assert [page[0] for page in pages(files)] == ["don-vi/", "don-vi/ha-tinh/", "dong-gop/"]
    assert json.loads(files[f"{FOLDER}/thong-tin.json"])["help_from"] == 2


def test_a_page_entry_carries_the_start_of_its_text_for_the_excerpt() -> None:
    index = SearchIndex()
    long_text = "Đội hình *Thanh niên xung kích* " + "hỗ trợ người dân " * 100
    index.add_page("mo-hinh/x.md", '---\ntitle: "Mô hình X"\ndescription: "Tóm tắt"\n---\n# x\n\n'
                                   f'<div hidden data-search-body markdown="0">Mô hình X · {long_text}</div>\n')
    [[url, title, summary, excerpt]] = pages(index.files())
    assert (url, title, summary) == ("mo-hinh/x/", "Mô hình X", "Tóm tắt")
    assert excerpt.startswith("Đội hình Thanh niên xung kích hỗ trợ")  # no title, no Markdown marks
    assert len(excerpt) <= EXCERPT_CHARACTERS and not excerpt.endswith(" ")


def test_a_generated_page_gives_its_title_and_description_as_values_not_to_be_parsed_again() -> None:
    index = SearchIndex()
    markdown = ('---\ntitle: "written for MkDocs"\ndescription: "x"\n---\n# Mô hình\n\n'
                '<div hidden data-search-body markdown="0">Mô hình &quot;Xanh&quot; · Bến Tre</div>\n')
    index.add_page("mo-hinh/xanh.md", markdown, {"title": 'Mô hình "Xanh"', "description": "Tóm <tắt>"})
    [entry] = index.entries
    assert (entry.title, entry.summary) == ("Mô hình “Xanh”", "Tóm <tắt>")  # as the page shows them
    assert entry.words == 'Mô hình "Xanh" · Bến Tre'
