"""The dashboard's static files (a package so that they ship in the wheel)."""
