"""The register of source documents, one page per document with the records that cite it,
and one page per plan or directive."""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from ...format import peak_day_label
from .. import urls
from ..renderer import DOCUMENT_TYPES, Renderer
from ..tables import Cell, Table, date_cell, text_cell


def plan(r: Renderer) -> None:
    cited_by: dict[str, list[tuple[str, str]]] = defaultdict(list)  # document → [(page, label)]

    def cite(doc_id: str | None, page: str, label: str) -> None:
        if doc_id and (page, label) not in cited_by[doc_id]:
            cited_by[doc_id].append((page, label))

    for m in r.dataset.models.values():
        for doc_id in m.sources:
            cite(doc_id, urls.model(m.id), f"Mô hình: {m.name}")
    for c in r.dataset.campaigns.values():
        for doc_id in c.sources:
            cite(doc_id, urls.campaign(c.id), f"Chiến dịch: {c.name}")
    for day in r.dataset.peak_days.values():
        label = peak_day_label(day.date)
        for doc_id in [*day.sources, day.directive] + [res.source for res in day.results]:
            cite(doc_id, urls.peak_day(day.id), label)
    for plan in r.dataset.plans.values():
        cite(plan.document, urls.plan(plan.id), f"Kế hoạch, chỉ đạo: {plan.title}")
    citing_documents: dict[str, list[str]] = defaultdict(list)
    for doc in r.dataset.documents.values():
        for cited in doc.cites:
            citing_documents[cited].append(doc.id)
        for variant in doc.number_variants:
            cite(variant.cited_in, urls.document(doc.id), f"Văn bản được dẫn: {r.document_label(doc.id)}")

    r.plan(urls.DOCUMENTS, partial(_register, r))
    for doc in r.dataset.documents.values():
        r.plan(urls.document(doc.id), partial(_document_page, r, doc, cited_by[doc.id], citing_documents[doc.id]))
    for plan_record in r.dataset.plans.values():
        r.plan(urls.plan(plan_record.id), partial(_plan_page, r, plan_record))


def _document_page(r: Renderer, doc, cited_by: list[tuple[str, str]], cited_in: list[str]) -> None:
    r.page(urls.document(doc.id), "document.md.j2", doc=doc, type_name=DOCUMENT_TYPES[doc.type],
           cited_by=cited_by, cited_in=cited_in,
           description=f"{DOCUMENT_TYPES[doc.type]} {doc.number or ''} của {r.unit_name(doc.issuer)}: {doc.title}")


def _plan_page(r: Renderer, plan) -> None:
    r.page(urls.plan(plan.id), "plan.md.j2", plan=plan,
           description=f"{plan.title} ({r.unit_name(plan.unit)}, {plan.year}).")


def _register(r: Renderer) -> None:
    page = urls.DOCUMENTS
    table = Table(["Ngày", "Số hiệu", "Loại", "Cơ quan ban hành", "Trích yếu", "Toàn văn"],
                  caption="Sổ văn bản nguồn")
    docs = sorted(r.dataset.documents.values(), key=lambda d: (d.date is not None, d.date), reverse=True)
    for doc in docs:
        table.add([date_cell(doc.date), text_cell(doc.number or "Không ghi số"),
                   text_cell(DOCUMENT_TYPES[doc.type]), Cell(r.unit_link(page, doc.issuer), text=r.unit_name(doc.issuer)),
                   Cell(r.a(page, urls.document(doc.id), doc.title), text=doc.title),
                   text_cell("Có" if doc.held else "Chỉ biết qua trích dẫn")])
    r.page(page, "documents_index.md.j2", table=table, count=len(docs))
