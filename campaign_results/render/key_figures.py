"""Headline figures: the large cards a page opens with, inside the first phone screen.

A card shows a value as the page writes it ("hơn 7.152", "17,5 tỷ đồng"), what it counts, where
(a track, a peak day, a year), and, where there is one, the target with the percent achieved and
a bar. Under the cards, one line names the documents the figures come from. A page with nothing
to show says so in words and shows what is known instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup

from .. import format as fmt


@dataclass(frozen=True)
class KeyFigure:
    value: str                        # as the page writes it, with its qualifier and unit
    label: str                        # what it counts
    context: str = ""                 # where or when: a track, a peak day, "chỉ tiêu đặt ra"
    target: str | None = None         # the target, as written
    achieved: Decimal | None = None   # the percent of the target reached
    link: str | None = None           # the page that tells more (relative href)

    @property
    def achieved_text(self) -> str:
        return fmt.percent(self.achieved) if self.achieved is not None else ""

    @property
    def bar(self) -> int:
        """The bar's length, in percent of its track (a result above the target fills it)."""
        return max(0, min(100, round(self.achieved))) if self.achieved is not None else 0


@dataclass
class KeyFigures:
    figures: list[KeyFigure] = field(default_factory=list)
    sources: list[Markup] = field(default_factory=list)  # links to the documents they come from
    empty: str = "Chưa có kết quả."  # said instead of the cards when there are none
    known: list[Markup] = field(default_factory=list)  # what is known instead (links)

    def add_source(self, link: Markup) -> None:
        if link not in self.sources:
            self.sources.append(link)

    def extend(self, other: KeyFigures) -> None:
        """Add ``other``'s figures and sources (a page that shows several peak days' figures)."""
        self.figures += other.figures
        for link in other.sources:
            self.add_source(link)
