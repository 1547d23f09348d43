"""AI City Kiosk: an offline touch-screen exhibition app."""

__version__ = "0.1.0"
