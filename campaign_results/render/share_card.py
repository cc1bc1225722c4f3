"""Link-preview images (Open Graph, 1200×630 PNG) for peak days and provinces, drawn with
matplotlib: the page's title and its headline figures."""

from __future__ import annotations

import hashlib
import io
import json
import textwrap
from dataclasses import dataclass

from .bar_chart import BAR_COLOUR

CARD_VERSION = 1


@dataclass(frozen=True)
class ShareCard:
    title: str
    figures: tuple[tuple[str, str], ...]  # (label, value as the page writes it), at most four
    footer: str
    suffix = ".png"

    @property
    def digest(self) -> str:
        payload = json.dumps([CARD_VERSION, self.title, self.figures, self.footer], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def draw(self) -> bytes:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot as plt

        # parse_math off: record text such as "$x^$" is text, not TeX for mathtext to fail on
        with matplotlib.rc_context({"font.family": ["DejaVu Sans", "sans-serif"], "text.parse_math": False}):
            figure = plt.figure(figsize=(12, 6.3), dpi=100)
            figure.patch.set_facecolor("white")
            figure.add_artist(plt.Rectangle((0, 0.9), 1, 0.1, color=BAR_COLOUR, transform=figure.transFigure))
            figure.text(0.04, 0.935, self.footer, color="white", fontsize=20, va="center")
            title = "\n".join(textwrap.wrap(self.title, 52)[:3])
            figure.text(0.04, 0.83, title, fontsize=28, weight="bold", va="top", color="#212121")
            for index, (label, value) in enumerate(self.figures[:4]):
                x = 0.04 + (index % 2) * 0.48
                y = 0.40 - (index // 2) * 0.2
                figure.text(x, y, value, fontsize=34, weight="bold", color=BAR_COLOUR)
                figure.text(x, y - 0.06, "\n".join(textwrap.wrap(label, 40)[:1]), fontsize=16, color="#424242")
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", metadata={"Software": None})
            plt.close(figure)
        return buffer.getvalue()
