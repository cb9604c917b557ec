"""Views of the measures catalogue, split by object (STYLE.md: split modules before ~500 lines)."""

from .imports import ImportProgressView, ImportView, import_template
from .indicators import (
    IndicatorCreateView,
    IndicatorDeleteView,
    IndicatorUpdateView,
    measurement_add,
    measurement_delete,
)
from .measurements import MeasurementGridView, MeasurementSettingsView, MeasurementUpdateView
from .measures import (
    MeasureCreateView,
    MeasureDetailView,
    MeasureListView,
    MeasureUpdateView,
    measure_archive,
    measure_copy,
)

__all__ = [
    "ImportProgressView",
    "ImportView",
    "IndicatorCreateView",
    "IndicatorDeleteView",
    "IndicatorUpdateView",
    "MeasureCreateView",
    "MeasureDetailView",
    "MeasureListView",
    "MeasureUpdateView",
    "MeasurementGridView",
    "MeasurementSettingsView",
    "MeasurementUpdateView",
    "import_template",
    "measure_archive",
    "measure_copy",
    "measurement_add",
    "measurement_delete",
]
