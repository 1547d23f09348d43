"""What tests share: paths, the test PIN, a clock, and helpers that drive the UI as a visitor does
(``tests.helpers.ui``) or break content as a curator would (``tests.helpers.content``)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The test exhibition: the UI and content tests assert on it (its figures, ids and texts are
# ours and stay put). The curators' bundled content in data/ may change at any time: only the
# tests about the bundled pack itself (it validates, its fonts cover it, the kiosk's default
# content and fallback) use BUNDLED.
EXHIBIT = REPO / "tests" / "data" / "exhibit"
SECOND = REPO / "tests" / "data" / "second"  # another exhibition: its own pages, ids and figure
STRESS = REPO / "tests" / "data" / "stress"  # the exhibit with every text about twice as long
BUNDLED = REPO / "data"
# the admin PIN every test's kiosk has (tests of a missing or malformed one set their own)
TEST_PIN = "2468"
