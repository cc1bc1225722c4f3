"""Safe by construction: record text cannot run as script even where the check would not stop it.

The check refuses scripts, raw HTML and unsafe links in Markdown fields (tests/bad_inputs.py,
"text"). Here the check is bypassed: every text field of every record of the fixture is set to a
mixture of attacks, the site is generated and published as the build does, and every page that
shows one of those records is opened in Chromium. Nothing may run, no element may carry an event
attribute, no link may lead to a script, no image may come from another host; the charts and
link-preview images, which draw the names with matplotlib, are drawn.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from campaign_results.pipeline import check_data
from campaign_results.project import Project
from campaign_results.publish.static_server import StaticServer
from campaign_results import record_markdown
from campaign_results.record_markdown import image_allowed, link_allowed, to_html
from campaign_results.render import urls
from campaign_results.site_build import _write_and_publish, generate

from .conftest import copy_project
from .test_browser import PHONE, browser  # noqa: F401 (the fixture)

ATTACK = (
    'Tên "><script>window.__pwned=1</script> *x*{: onclick="window.__pwned=2"} '
    "[a](javascript:window.__pwned=3) [b](\x01javascript:window.__pwned=4) [c](java\tscript:window.__pwned=5) "
    '<img src=x onerror="window.__pwned=6"> ![d](https://evil.example/d.png) ![e](data:image/png;base64,AAAA) '
    '</div></td></table><svg onload="window.__pwned=7"> {: onmouseover="window.__pwned=8" } '
    "`</code><script>window.__pwned=9</script>` [f](//evil.example) [g]: javascript:window.__pwned=10\n\n"
    "[h][g] <https://x.vn/\"onmouseover=\"window.__pwned=11> &lt;script&gt;window.__pwned=12&lt;/script&gt; "
    "<!-- x $x^$ $\\frac{1}{$"  # the last: TeX-like text that matplotlib's mathtext would fail on
)
TEXT_FIELDS = {"name", "title", "description", "summary", "note", "place", "implementer", "responsible",
               "text", "what", "heading", "scope"}

SEEN = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) found.push('event attribute ' + attribute.name);
    }
  }
  for (const link of document.querySelectorAll('a[href]')) {
    if (!['http:', 'https:', 'mailto:'].includes(link.protocol)) found.push('link ' + link.href);
  }
  for (const image of document.querySelectorAll('img')) {
    if (new URL(image.src, location.href).host !== location.host) found.push('image ' + image.src);
  }
  for (const script of document.scripts) {
    if (script.textContent.includes('__pwned')) found.push('script');
  }
  if (window.__pwned !== undefined) found.push('ran ' + window.__pwned);
  return found;
}"""


def _attack(record: object, seen: set[int]) -> None:
    """Every text field of ``record`` and of the records inside it set to ATTACK."""
    if id(record) in seen or not dataclasses.is_dataclass(record):
        return
    seen.add(id(record))
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if field.name in TEXT_FIELDS and isinstance(value, str):
            setattr(record, field.name, ATTACK)
        elif dataclasses.is_dataclass(value):
            _attack(value, seen)
        elif isinstance(value, list):
            for item in value:
                _attack(item, seen)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    project = Project(root)
    result = check_data(project.data_dir, project.root)
    assert result.report.ok
    dataset = result.dataset
    seen: set[int] = set()
    for records in (dataset.models, dataset.peak_days, dataset.documents, dataset.plans, dataset.campaigns):
        for record in records.values():
            _attack(record, seen)
    generated = generate(project, dataset)
    published = _write_and_publish(project, generated, {}, time.perf_counter())
    generated.finish()
    assert published.ok, published
    with StaticServer(project.site_dir) as served:
        yield served, dataset


def test_the_renderer_alone_keeps_no_attack() -> None:
    html = to_html(ATTACK)
    tags = {(tag, name) for tag, _, attributes in record_markdown._tags(html) for name in attributes or [""]}
    assert {tag for tag, _ in tags} <= record_markdown.TAGS
    assert {name for _, name in tags} <= {"", "href", "rel", "alt", "src"}
    targets = "".join(a.get("href", "") + a.get("src", "") for _, _, a in record_markdown._tags(html))
    assert "javascript" not in targets and "evil.example" not in targets and "data:" not in targets
    assert not link_allowed("\x01javascript:alert(1)") and not link_allowed("java\tscript:alert(1)")
    assert not link_allowed("//evil.example") and not image_allowed("https://evil.example/x.png")
    assert link_allowed("../mo-hinh/") and link_allowed("https://x.vn") and image_allowed("../assets/a.png")


def test_no_attack_runs_on_any_page(browser, hostile_site) -> None:  # noqa: F811
    served, dataset = hostile_site
    pages = ["", "mo-hinh/", "ngay-cao-diem/", "van-ban/", "thay-doi/", "tim-kiem/?q=script"]
    pages += [urls.url_of(urls.model(i)) for i in dataset.models]
    pages += [urls.url_of(urls.peak_day(i)) for i in dataset.peak_days]
    pages += [urls.url_of(urls.document(i)) for i in dataset.documents]
    pages += [urls.url_of(urls.plan(i)) for i in dataset.plans]
    pages += [urls.url_of(urls.campaign(i)) for i in dataset.campaigns]
    page = browser.new_page(viewport=PHONE)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in pages:
            page.goto(served.url + path)
            page.mouse.move(100, 200)
            assert page.evaluate(SEEN) == [], path
            assert dialogs == [], path
        page.goto(served.url + urls.url_of(urls.model(next(iter(dataset.models)))))
        shown = page.locator("article").inner_text()
        assert "<script>window.__pwned=1</script>" in shown  # the name is shown as the characters typed
    finally:
        page.close()
