"""L4, the file backend: the calamine reader, the package writer (safety checks, atomic saves, parts, styles,
worksheets, charts, fidelity), the template, fill, PDF, platform folders, district sources, the national
roll-up and the add-in. The only code besides live/ that touches a file. Never imports `live`."""
