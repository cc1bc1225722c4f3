"""The models catalogue (filterable, with filters in the URL) and one page per model."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from ...format import percent, quantity
from .. import urls
from ..bar_chart import BarChart
from ..key_figures import KeyFigure, KeyFigures
from ..renderer import FIELDS, LEVELS, STATUSES, Renderer
from ..tables import Cell, Table, number_cell, percent_cell, quantity_cell, text_cell

MIN_BARS_FOR_CHART = 2  # one bar is not a chart: the table says it all
HEADLINE_MAX = 4  # a model's indicators among its headline figures

# URL parameter → (row attribute, label) for the catalogue's filters
FILTERS = {
    "nam": ("data-nam", "Năm"),
    "don-vi": ("data-don-vi", "Đơn vị"),
    "linh-vuc": ("data-linh-vuc", "Lĩnh vực"),
    "cap": ("data-cap", "Cấp"),
    "trang-thai": ("data-trang-thai", "Trạng thái"),
}


def plan(r: Renderer) -> None:
    models = sorted(r.dataset.models.values(), key=lambda m: (-m.year, r.unit_name(m.unit), m.name))
    r.plan(urls.MODELS, partial(_catalogue, r, models))
    for model in models:
        r.plan(urls.model(model.id), partial(_model_page, r, model))


def _catalogue(r: Renderer, models) -> None:
    page = urls.MODELS
    table = Table(["Mô hình", "Đơn vị", "Năm", "Cấp", "Lĩnh vực", "Trạng thái"],
                  caption="Danh sách mô hình \"Dân vận khéo\"")
    options = {key: {} for key in FILTERS}
    for m in models:
        field = m.field or "khong-ghi"
        table.add([
            Cell(r.a(page, urls.model(m.id), m.name), text=m.name),
            Cell(r.unit_link(page, m.unit), text=r.unit_name(m.unit)),
            number_cell(m.year, str(m.year)),
            text_cell(LEVELS[m.level]),
            text_cell(FIELDS.get(m.field, "Không ghi")),
            text_cell(STATUSES[m.status]),
        ], **{"data-nam": str(m.year), "data-don-vi": m.unit, "data-linh-vuc": field,
              "data-cap": m.level, "data-trang-thai": m.status})
        options["nam"][str(m.year)] = str(m.year)
        options["don-vi"][m.unit] = r.unit_name(m.unit)
        options["linh-vuc"][field] = FIELDS.get(m.field, "Không ghi")
        options["cap"][m.level] = LEVELS[m.level]
        options["trang-thai"][m.status] = STATUSES[m.status]
    filters = [(key, label, sorted(options[key].items(), key=lambda kv: kv[1]))
               for key, (_, label) in FILTERS.items()]
    r.page(page, "models_index.md.j2", table=table, filters=filters, count=len(models))


def _model_page(r: Renderer, model) -> None:
    page = urls.model(model.id)
    table = Table(["Chỉ tiêu", "Phạm vi", "Chỉ tiêu đặt ra", "Kết quả", "Tỷ lệ đạt", "Đơn vị tính", "Nguồn"],
                  caption="Chỉ tiêu và kết quả")
    achieved = []
    for f in model.indicators:
        indicator = r.dataset.indicators[f.indicator]
        label = indicator.label + (f" ({f.scope})" if f.scope else "")
        table.add([
            Cell(r.a(page, urls.indicator(f.indicator), indicator.label), text=indicator.label),
            text_cell(f.scope or ""),
            quantity_cell(f.target, indicator.kind),
            quantity_cell(f.result, indicator.kind),
            percent_cell(f.percent),
            text_cell("" if indicator.kind == "money" else indicator.unit),
            Cell(r.document_link(page, f.source or model.sources[0]),
                 text=r.document_label(f.source or model.sources[0]), note=True),
        ])
        if f.percent is not None:
            achieved.append((label, f))
    chart = None
    if len(achieved) >= MIN_BARS_FOR_CHART:
        chart = r.chart(page, BarChart(
            title="Tỷ lệ đạt so với chỉ tiêu (%)",
            labels=tuple(label for label, _ in achieved),
            values=tuple(float(f.percent) for _, f in achieved),
            value_labels=tuple(percent(f.percent) for _, f in achieved),
            axis_label="% chỉ tiêu", reference=100.0, reference_label="100%"))
    table.lift_source()
    sources = [r.document_link(page, doc_id) for doc_id in dict.fromkeys(
        f.source or model.sources[0] for f in model.indicators)]
    budget_parts = None
    figures = _key_figures(r, page, model)
    if model.budget and model.budget.parts:
        total = sum(int(p.amount.value) for p in model.budget.parts)
        budget_parts = {"items": model.budget.parts, "total": total,
                        "matches": model.budget.amount is not None and total == model.budget.amount.value}
    r.page(page, "model.md.j2", model=model, table=table, chart=chart, budget_parts=budget_parts, figures=figures,
           sources=sources,
           level=LEVELS[model.level], field=FIELDS.get(model.field), status=STATUSES[model.status],
           description=_description(r, model))


def _key_figures(r: Renderer, page: str, model) -> KeyFigures:
    """Each indicator's result against its target (a planned model: its targets), then the budget."""
    figures = KeyFigures(empty="Văn bản không ghi chỉ tiêu hay kết quả của mô hình này.")
    for f in model.indicators[:HEADLINE_MAX]:
        kind = r.indicator_kind(f.indicator)
        label = r.indicator_label(f.indicator) + (f" ({f.scope})" if f.scope else "")
        if f.result is not None:
            figures.figures.append(KeyFigure(value=quantity(f.result, kind), label=label,
                                             target=quantity(f.target, kind) if f.target else None,
                                             achieved=f.percent))
        elif f.target is not None:
            figures.figures.append(KeyFigure(value=quantity(f.target, kind), label=label,
                                             context="chỉ tiêu đặt ra, chưa có kết quả"))
        figures.add_source(r.document_link(page, f.source or model.sources[0]))
    if model.budget and model.budget.amount and len(figures.figures) < HEADLINE_MAX:
        figures.figures.append(KeyFigure(value=quantity(model.budget.amount, "money"), label="Kinh phí, giá trị"))
    if not figures.figures:
        figures.add_source(r.document_link(page, model.sources[0]))
    return figures


def _description(r: Renderer, model) -> str:
    """The one-line summary for search results and link previews."""
    parts = [f"Mô hình \"Dân vận khéo\" {LEVELS[model.level].lower()} năm {model.year} của {r.unit_name(model.unit)}"]
    best = next((f for f in model.indicators if f.percent is not None and f.percent != Decimal(100)), None)
    if best:
        parts.append(f"{r.indicator_label(best.indicator).lower()} đạt {percent(best.percent)} chỉ tiêu")
    return ", ".join(parts) + "."
