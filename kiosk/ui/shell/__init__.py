"""The window around the pages: the main window, the page stack and its slide, the header and
the overlays."""
