"""The examples in the contributor guide (content/dong-gop.md) are valid records of their kind."""

from __future__ import annotations

import re

from campaign_results.load.discover import YAML_FOLDERS, RawRecord
from campaign_results.load.yaml_file import parse_yaml
from campaign_results.problems import Report
from campaign_results.check.schema import check_schema

from .conftest import ROOT

GUIDE = ROOT / "content" / "dong-gop.md"


def test_every_yaml_example_passes_its_schema() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)[1:]
    checked = set()
    for section in sections:
        folder = re.search(r"`data/([a-z-]+)/", section.splitlines()[0])
        for block in re.findall(r"```yaml\n(.*?)```", section, re.S):
            assert folder, f"a YAML example under a heading that names no data folder: {section[:60]}"
            kind = YAML_FOLDERS[folder.group(1)]
            report = Report()
            assert check_schema(RawRecord(kind, "dong-gop.md", parse_yaml(block).data), report), \
                [p.message for p in report.problems]
            checked.add(kind)
    assert checked == set(YAML_FOLDERS.values())
