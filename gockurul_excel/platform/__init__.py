"""L2, the Presidency's platform documents: codes, documents, schemas, CSV, the files of an export in memory.
Pure: workbook data in, documents and bytes out (files/platform_folder.py writes them). Never imports `sheets`."""
