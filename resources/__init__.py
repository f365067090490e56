"""Data files shipped with ngodesk (sample collection); installed as ``ngodesk.resources``."""
