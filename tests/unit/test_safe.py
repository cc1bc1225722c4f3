"""campaign_results/render/safe.py: a record's text can reach a page only as text. HTML, script and
Markdown written in a value stay characters; a Markdown field goes through the restricted path,
which keeps emphasis, lists and allowed links and drops unsafe links and foreign images."""

from __future__ import annotations

import yaml
from markupsafe import Markup

from campaign_results.render.safe import code, h, md, t, url, yaml_str

ATTACK = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def test_h_escapes_html_and_the_characters_that_start_markdown() -> None:
    assert h(ATTACK, False) == ("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x "
                                "onerror=alert(2)&gt;")
    assert h(ATTACK) == "“&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
    assert h("*đậm* [liên kết](u) {: onclick=x } a_b `c` \\ | ~ ' &") == (
        "&#42;đậm&#42; &#91;liên kết&#93;(u) &#123;: onclick=x &#125; a&#95;b &#96;c&#96; &#92; &#124; "
        "&#126; &#x27; &amp;")


def test_t_escapes_html_and_backslash_escapes_markdown_punctuation() -> None:
    assert t("<b>Bến Tre</b> *x* [a](b) {: .c } # + ! - |") == (
        "&lt;b&gt;Bến Tre&lt;/b&gt; \\*x\\* \\[a\\]\\(b\\) \\{: .c \\} \\# \\+ \\! \\- \\|")
    assert t("1.166 người, 35%") == "1.166 người, 35%"  # ordinary text unchanged


def test_quotes_become_typographic_in_text_but_not_in_code_or_literal_text() -> None:
    written = 'Mô hình "Thanh niên xung kích" (“đã cong”) và "A"'
    shown = "Mô hình “Thanh niên xung kích” (“đã cong”) và “A”"
    assert h(written) == shown and t(written) == shown.replace("(", "\\(").replace(")", "\\)")
    assert md(written) == f'<div class="record-text">\n<p>{shown}</p>\n</div>'
    assert code('name: "x"') == "<code>name: &quot;x&quot;</code>"
    assert h('name: "x"', False) == "name: &quot;x&quot;" and t('a "b"', False) == "a &quot;b&quot;"


def test_text_already_made_safe_is_not_escaped_twice_and_nothing_is_empty() -> None:
    made = Markup("<em>đã an toàn</em>")
    assert h(made) is made and t(made) is made
    assert (h(None), t(None), h(1234), t(12.5)) == ("", "", "1234", "12.5")
    assert all(isinstance(value, Markup) for value in (h("x"), t("x"), code("x"), url("x"), md("x")))


def test_code_is_shown_as_code_with_its_text_escaped() -> None:
    assert code("<b>ben_tre</b>.yaml") == "<code>&lt;b&gt;ben&#95;tre&lt;/b&gt;.yaml</code>"


def test_url_percent_encodes_what_could_end_a_link_or_an_attribute() -> None:
    assert url('van-ban/a b".md') == "van-ban/a%20b%22.md"
    assert url("x)<y>'") == "x%29%3Cy%3E%27"
    assert url("bang/du-lieu.csv?v=1&a=2#dau") == "bang/du-lieu.csv?v=1&a=2#dau"
    assert url("chi-tiêu/") == "chi-ti%C3%AAu/"
    assert url(None) == ""


def test_markdown_keeps_emphasis_lists_and_web_links_in_a_block_of_its_own() -> None:
    assert md("Xin *chào* **Bến Tre**\n\n- một\n- hai\n\n[Trang Đoàn](https://doanthanhnien.vn)") == (
        '<div class="record-text">\n<p>Xin <em>chào</em> <strong>Bến Tre</strong></p>\n'
        "<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n"
        '<p><a href="https://doanthanhnien.vn" rel="noopener noreferrer nofollow">Trang Đoàn</a></p>\n</div>')


def test_markdown_shows_html_and_script_as_characters() -> None:
    assert md(ATTACK) == ('<div class="record-text">\n<p>"&gt;&lt;script&gt;alert(1)&lt;/script&gt;'
                          "&lt;img src=x onerror=alert(2)&gt;</p>\n</div>")


def test_markdown_refuses_unsafe_links_and_images_from_elsewhere() -> None:
    html = md("[a](javascript:alert(1)) [b](JaVa\tScript:alert(1)) [c](//evil.vn/x) [d](data:text/html,x) "
              "[e](mailto:doan@vi-du.vn) [f](../don-vi/ben-tre/) ![g](https://evil.vn/g.png) ![h](../anh/h.png)")
    assert html == (
        '<div class="record-text">\n<p>[a](javascript:alert(1)) [b](JaVa\tScript:alert(1)) [c](//evil.vn/x) '
        "[d](data:text/html,x) "
        '<a href="mailto:doan@vi-du.vn" rel="noopener noreferrer nofollow">e</a> '
        '<a href="../don-vi/ben-tre/" rel="noopener noreferrer nofollow">f</a> '
        '<img alt="g"> <img src="../anh/h.png" alt="h"></p>\n</div>')


def test_markdown_headings_rules_code_blocks_and_attribute_lists_stay_text() -> None:
    assert md("# Tiêu đề\n\n---\n\n    khối mã\n\n{: onclick=alert(1) }") == (
        '<div class="record-text">\n<p># Tiêu đề</p>\n<p>---</p>\n<p>khối mã</p>\n'
        "<p>{: onclick=alert(1) }</p>\n</div>")


def test_an_empty_markdown_field_gives_nothing_and_the_class_is_escaped() -> None:
    assert md("") == "" and md(None) == ""
    assert md("x", css_class='a" onclick="b') == '<div class="a&quot; onclick=&quot;b">\n<p>x</p>\n</div>'


def test_a_front_matter_value_reads_back_as_its_escaped_text() -> None:
    for value in ('Mô hình: "Vì một Bến Tre xanh" # 1', "dòng một\ndòng hai", "[a, b]", "- x", ATTACK):
        assert yaml.safe_load(f"title: {yaml_str(value)}\n") == {"title": str(h(value))}
