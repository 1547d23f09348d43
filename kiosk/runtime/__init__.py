"""What makes the app a kiosk, decided without Qt: modes, opening hours, the attract loop."""
