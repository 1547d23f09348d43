"""Exhibition Kiosk: an offline touch-screen exhibition app; the exhibition is its content."""

__version__ = "0.1.0"
PRODUCT = "Exhibition Kiosk"  # the product's name; an exhibition's own comes from its content
NAME = "exhibition-kiosk"  # its name on disk: the package, the command, the per-user folders
