"""Actions that are not the kiosk itself: the self-test, screenshots, render checks and the
layout audit."""
