"""What tests share: paths, the test PIN, a clock, and helpers that drive the UI as a visitor does
(``tests.helpers.ui``) or break content as a curator would (``tests.helpers.content``)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "data"
# the admin PIN every test's kiosk has (tests of a missing or malformed one set their own)
TEST_PIN = "2468"
