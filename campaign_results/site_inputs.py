"""What the site shows besides the checked dataset, read for the render stage: the data
dictionary (from the record kinds' schemas), the latest publishes (from the git history of
data/) and the folder of the province boundaries."""

from __future__ import annotations

from . import kinds
from .data_changes import publishes
from .load.discover import REFERENCE_FOLDER
from .model.records import Dataset
from .project import Project
from .render.renderer import SiteInputs
from .render.sections.changes import SHOWN


def read_inputs(project: Project, dataset: Dataset) -> SiteInputs:
    return SiteInputs(dictionary=kinds.dictionary(), publishes=publishes(project.root, dataset, SHOWN),
                      boundaries=project.data_dir / REFERENCE_FOLDER / "geo")
