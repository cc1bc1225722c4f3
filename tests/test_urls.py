"""render/urls.py is the one place in the Python code that knows the site's paths; the files that
cannot import it (mkdocs.yml, the theme override, the site's script) are held to it here."""

from __future__ import annotations

import yaml

from campaign_results.render import urls

from .conftest import ROOT

RECORD_PAGES = (urls.model, urls.peak_day, urls.campaign, urls.plan, urls.unit, urls.document, urls.indicator,
                urls.year)


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its tags (!ENV) read as nothing."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def _mkdocs() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)


def _nav_pages(nav: list) -> list[str]:
    pages = []
    for item in nav:
        for value in item.values():
            pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_the_navigation_names_the_pages_of_urls_and_the_hand_written_ones() -> None:
    named = {value for name, value in vars(urls).items()
             if name.isupper() and isinstance(value, str) and value.endswith(".md")}
    hand_written = {path.name for path in (ROOT / "content").glob("*.md")}
    nav = _nav_pages(_mkdocs()["nav"])
    assert len(nav) == len(set(nav))
    assert set(nav) == named | hand_written


def test_record_pages_are_the_folders_kept_out_of_the_navigation() -> None:
    assert set(_mkdocs()["not_in_nav"].split()) == {"/" + page("*") for page in RECORD_PAGES}


def test_the_theme_and_the_script_use_the_paths_of_urls() -> None:
    assert f"'{urls.CHANGES_FEED}'" in (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert f'"{urls.SEARCH_INDEX_DIR}/"' in (ROOT / "content" / "assets" / "site.js").read_text(encoding="utf-8")
