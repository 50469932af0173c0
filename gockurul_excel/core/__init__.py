"""L1, the pure core: the workbook model, parsing, working days, meetings and years, windows, the schedule,
the checks, the district follow-up rules and the merge plan. No file, no Excel, no disk."""
