"""``python -m kiosk`` is the same program as ``kiosk``."""

from kiosk.cli import main

raise SystemExit(main())
