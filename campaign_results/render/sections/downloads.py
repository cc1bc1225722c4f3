"""Open data: the whole dataset as downloads, described by a Frictionless data package, and a
data dictionary generated from the record schemas."""

from __future__ import annotations

from ... import export
from ...parallel import BackgroundJob
from .. import urls
from ..renderer import Renderer

PAGE = urls.DOWNLOADS
DICTIONARY = urls.DATA_DICTIONARY


def plan(r: Renderer) -> None:
    """The files (seconds of zip and XLSX writing) are made in a background process, started now,
    while the other pages are written; the download page, which shows their sizes, is written last,
    when they are ready."""
    all_tables = export.tables(r.dataset)
    job = BackgroundJob(export.files, all_tables, r.dataset, modest=True)
    r.plan(DICTIONARY, lambda: r.page(DICTIONARY, "dictionary.md.j2", schemas=r.inputs.dictionary))

    def write() -> None:
        files = {urls.download(name): data for name, data in job.result().items()}
        for path, data in files.items():
            r.docs.write(path, data)
        r.page(PAGE, "downloads.md.j2", tables=all_tables, folder=urls.DOWNLOADS_DIR, licence=export.LICENCE,
               sizes={path: len(data) for path, data in files.items()})

    r.plan((PAGE, *map(urls.download, export.file_names(all_tables))), write, last=True)

