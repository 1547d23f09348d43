"""The Qt views over the content model. Only this package imports Qt and pyqtgraph."""
