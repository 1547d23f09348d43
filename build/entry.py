"""The frozen bundle's entry point (PyInstaller runs this as ``__main__``)."""

from kiosk.cli import main

raise SystemExit(main())
