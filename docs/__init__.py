"""The user guide (guide/*.md, images/*.png), installed as ``ngodesk.guide`` for Help > User Guide."""
