"""L2, the sheets the software writes, as `SheetSpec`s: forms, letters, reports, calendar, findings, merge.
Pure: workbook data in, specs out. Never imports `platform`."""
